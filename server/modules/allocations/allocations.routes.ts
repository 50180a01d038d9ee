import { ZIdParams, ZPage } from '@domain/common.schema.ts';
import {
  ZAllocationCreate,
  ZAllocationDetail,
  ZAllocationLineDecision,
  ZAllocationLineParams,
  ZAllocationListItem,
  ZAllocationListQuery,
  ZAllocationPartnership,
} from '@domain/proposal.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAllocationsService } from './allocations.service.ts';

export function registerAllocationRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createAllocationsService(deps);
  const tags = ['Fordelingsplaner'];

  r.get(
    '/api/allocations',
    {
      config: { access: { subject: 'allocation', action: 'list' } },
      schema: { tags, querystring: ZAllocationListQuery, response: { 200: ZPage(ZAllocationListItem) } },
    },
    async (request) => {
      const { partnershipId, status, ...query } = request.query;
      return service.list(request.ctx, query, { partnershipId, status });
    },
  );

  r.get(
    '/api/allocations/partnerships',
    {
      config: { access: { subject: 'allocation', action: 'list' } },
      schema: { tags, response: { 200: z.array(ZAllocationPartnership) } },
    },
    async (request) => service.partnerships(request.ctx),
  );

  r.get(
    '/api/allocations/:id',
    {
      config: { access: { subject: 'allocation', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: ZAllocationDetail } },
    },
    async (request) => service.get(request.ctx, request.params.id),
  );

  r.post(
    '/api/allocations',
    {
      config: { access: { subject: 'allocation', action: 'create' } },
      schema: { tags, body: ZAllocationCreate, response: { 201: ZAllocationDetail } },
    },
    async (request, reply) => {
      const created = await service.create(request.ctx, request.body.partnershipId);
      reply.code(201);
      return created;
    },
  );

  r.post(
    '/api/allocations/:id/lines/:lineId/decision',
    {
      config: { access: { subject: 'allocation', action: 'update' } },
      schema: {
        tags,
        params: ZAllocationLineParams,
        body: ZAllocationLineDecision,
        response: { 200: ZAllocationDetail },
      },
    },
    async (request) =>
      service.decide(request.ctx, request.params.id, request.params.lineId, request.body.decision),
  );
}
