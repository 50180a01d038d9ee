import { ZIdParams, ZOk, ZPage } from '@domain/common.schema.ts';
import { ZGoal, ZGoalInput, ZGoalListQuery, ZGoalUpdate } from '@domain/steering.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createGoalsService } from './goals.service.ts';

// The steering groups' goals (issue 7 item 1). Route level: all staff read; the service checks
// that a writer is in the goal's partnership's steering group (or the secretariat).

export function registerGoalRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createGoalsService(deps);
  const tags = ['Mål'];

  r.get(
    '/api/goals',
    {
      config: { access: { subject: 'goal', action: 'list' } },
      schema: {
        tags,
        summary: 'Mål med faktisk værdi, forløbet andel af perioden og trafiklys',
        querystring: ZGoalListQuery,
        response: { 200: ZPage(ZGoal) },
      },
    },
    async (request) => service.list(request.ctx, request.query),
  );

  r.get(
    '/api/goals/:id',
    {
      config: { access: { subject: 'goal', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: ZGoal } },
    },
    async (request) => service.get(request.ctx, request.params.id),
  );

  r.post(
    '/api/goals',
    {
      config: { access: { subject: 'goal', action: 'create' } },
      schema: { tags, body: ZGoalInput, response: { 201: ZGoal } },
    },
    async (request, reply) => {
      const created = await service.create(request.ctx, request.body);
      reply.code(201);
      return created;
    },
  );

  r.put(
    '/api/goals/:id',
    {
      config: { access: { subject: 'goal', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZGoalUpdate, response: { 200: ZGoal } },
    },
    async (request) => service.update(request.ctx, request.params.id, request.body),
  );

  r.delete(
    '/api/goals/:id',
    {
      config: { access: { subject: 'goal', action: 'delete' } },
      schema: { tags, params: ZIdParams, response: { 200: ZOk } },
    },
    async (request) => {
      await service.remove(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );
}
