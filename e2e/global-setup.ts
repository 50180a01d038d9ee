import type { TestProject } from 'vitest/node';
import { startJobbroServer } from './jobbro-server.ts';

// One Jobbro server for the whole e2e run (see jobbro-server.ts): a free port, a throw-away data
// dir with the demo data, and a clean shutdown afterwards. The client must already be built into
// dist/client (the e2e script runs `vite build` first).

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // Point the tests at a server that is already running (e.g. while developing the client).
  const external = process.env.JOBBRO_E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', external.replace(/\/$/, ''));
    return;
  }
  const server = await startJobbroServer();
  project.provide('baseUrl', server.baseUrl);
  return server.stop;
}
