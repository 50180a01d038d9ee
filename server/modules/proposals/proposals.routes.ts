import { ZIdParams, ZPage } from '@domain/common.schema.ts';
import {
  ZProposalCreate,
  ZProposalDetail,
  ZProposalListItem,
  ZProposalListQuery,
  ZProposalTransition,
} from '@domain/proposal.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createProposalsService } from './proposals.service.ts';

export function registerProposalRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createProposalsService(deps);
  const tags = ['Forslag'];

  r.get(
    '/api/proposals',
    {
      config: { access: { subject: 'proposal', action: 'list' } },
      schema: { tags, querystring: ZProposalListQuery, response: { 200: ZPage(ZProposalListItem) } },
    },
    async (request) => service.list(request.ctx, request.query),
  );

  r.get(
    '/api/proposals/:id',
    {
      config: { access: { subject: 'proposal', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: ZProposalDetail } },
    },
    async (request) => service.get(request.ctx, request.params.id),
  );

  r.post(
    '/api/proposals',
    {
      config: { access: { subject: 'proposal', action: 'create' } },
      schema: { tags, body: ZProposalCreate, response: { 201: ZProposalDetail } },
    },
    async (request, reply) => {
      const created = await service.create(request.ctx, request.body);
      reply.code(201);
      return created;
    },
  );

  r.post(
    '/api/proposals/:id/transitions',
    {
      config: { access: { subject: 'proposal', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZProposalTransition, response: { 200: ZProposalDetail } },
    },
    async (request) => service.transition(request.ctx, request.params.id, request.body.to, request.body.note),
  );
}
