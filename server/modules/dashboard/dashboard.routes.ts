import { ZDashboard, ZDashboardQuery } from '@domain/reports/dashboard.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createDashboardService } from './dashboard.service.ts';

// GET /api/dashboard: the steering dashboard's aggregates. Route level: the roles that may read
// some partnership's dashboard; the service checks the partnership asked for.

export function registerDashboardRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createDashboardService(deps);

  r.get(
    '/api/dashboard',
    {
      config: { access: { subject: 'dashboard', action: 'read' } },
      schema: {
        tags: ['Rapporter'],
        summary:
          'Overblik: tragt fra jobåbning til fastholdelse, opdelinger, mediantider og klausulopfyldelse',
        querystring: ZDashboardQuery,
        response: { 200: ZDashboard },
      },
    },
    async (request) => service.dashboard(request.ctx, request.query),
  );
}
