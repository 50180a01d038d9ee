import { ZIdParams, ZOk, ZPage } from '@domain/common.schema.ts';
import {
  ZMilestone,
  ZMilestoneInput,
  ZMilestoneListQuery,
  ZMilestoneUpdate,
} from '@domain/steering.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createMilestonesService } from './milestones.service.ts';

// Milestones (issue 7 item 7). Route level: all staff read; the service checks the partnership
// (a programme-wide milestone: the secretariat only).

export function registerMilestoneRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createMilestonesService(deps);
  const tags = ['Milepæle'];

  r.get(
    '/api/milestones',
    {
      config: { access: { subject: 'milestone', action: 'list' } },
      schema: {
        tags,
        summary: 'Milepæle efter dato; med partnerskab: dets egne og hele programmets',
        querystring: ZMilestoneListQuery,
        response: { 200: ZPage(ZMilestone) },
      },
    },
    async (request) => service.list(request.ctx, request.query),
  );

  r.post(
    '/api/milestones',
    {
      config: { access: { subject: 'milestone', action: 'create' } },
      schema: { tags, body: ZMilestoneInput, response: { 201: ZMilestone } },
    },
    async (request, reply) => {
      const created = await service.create(request.ctx, request.body);
      reply.code(201);
      return created;
    },
  );

  r.put(
    '/api/milestones/:id',
    {
      config: { access: { subject: 'milestone', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZMilestoneUpdate, response: { 200: ZMilestone } },
    },
    async (request) => service.update(request.ctx, request.params.id, request.body),
  );

  r.delete(
    '/api/milestones/:id',
    {
      config: { access: { subject: 'milestone', action: 'delete' } },
      schema: { tags, params: ZIdParams, response: { 200: ZOk } },
    },
    async (request) => {
      await service.remove(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );
}
