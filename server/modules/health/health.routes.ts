import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export function registerHealthRoutes(app: FastifyInstance, deps: TAppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { access: { public: true, reason: 'load balancers and monitoring' } },
      schema: {
        tags: ['Drift'],
        response: {
          200: z.object({ status: z.literal('ok'), db: z.literal('ok') }),
          503: z.object({ status: z.literal('error'), db: z.literal('down') }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await deps.pool.query({ text: 'select 1', query_timeout: 2_000 } as never);
        return { status: 'ok' as const, db: 'ok' as const };
      } catch {
        return reply.code(503).send({ status: 'error' as const, db: 'down' as const });
      }
    },
  );
}
