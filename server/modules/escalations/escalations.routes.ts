import { ZIdParams, ZPage } from '@domain/common.schema.ts';
import { ZEscalation, ZEscalationListQuery, ZEscalationResolve } from '@domain/placement.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createEscalationsService } from './escalations.service.ts';

export function registerEscalationRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createEscalationsService(deps);
  const tags = ['Eskaleringer'];

  r.get(
    '/api/escalations',
    {
      config: { access: { subject: 'escalation', action: 'list' } },
      schema: { tags, querystring: ZEscalationListQuery, response: { 200: ZPage(ZEscalation) } },
    },
    async (request) => service.list(request.ctx, request.query),
  );

  r.post(
    '/api/escalations/:id/resolve',
    {
      config: { access: { subject: 'escalation', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZEscalationResolve, response: { 200: ZEscalation } },
    },
    async (request) => service.resolve(request.ctx, request.params.id, request.body.resolution),
  );
}
