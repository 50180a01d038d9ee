import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const alias = {
  '@domain': fileURLToPath(new URL('./domain', import.meta.url)),
  '@client': fileURLToPath(new URL('./client/src', import.meta.url)),
};

// The client lives in client/ and is served by Fastify from dist/client. Pages are lazy-loaded
// (React.lazy per route); vendor code is grouped so that no chunk is absurdly large and library
// chunks stay cached across releases of our own code.
export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [react()],
  resolve: { alias },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'mantine',
              test: /node_modules[\\/]@mantine[\\/](core|hooks|notifications|store)[\\/]/,
              priority: 30,
            },
            // The date picker is only needed by the forms: its own chunk, loaded with them (below
            // 'mantine' in priority, so that its dependencies stay in their own chunks).
            { name: 'mantine-dates', test: /node_modules[\\/]@mantine[\\/]dates[\\/]/, priority: 25 },
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 20,
            },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 15 },
            {
              name: 'vendor',
              test: /node_modules[\\/](@tanstack|i18next|react-i18next|dayjs)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
});
