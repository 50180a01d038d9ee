import { ZIdParams, ZPage } from '@domain/common.schema.ts';
import {
  ZPlacementCreate,
  ZPlacementDetail,
  ZPlacementEnd,
  ZPlacementFlag,
  ZPlacementListItem,
  ZPlacementListQuery,
  ZRetentionQuery,
  ZRetentionReport,
} from '@domain/placement.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createPlacementsService } from './placements.service.ts';
import { createRetentionService } from './retention.service.ts';

export function registerPlacementRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createPlacementsService(deps);
  const retention = createRetentionService(deps);
  const tags = ['Ansættelser'];

  r.get(
    '/api/placements',
    {
      config: { access: { subject: 'placement', action: 'list' } },
      schema: { tags, querystring: ZPlacementListQuery, response: { 200: ZPage(ZPlacementListItem) } },
    },
    async (request) => service.list(request.ctx, request.query),
  );

  // Before /api/placements/:id, so "retention" is never read as an id.
  r.get(
    '/api/placements/retention',
    {
      config: { access: { subject: 'retention_report', action: 'read' } },
      schema: {
        tags,
        summary: 'Fastholdelse efter 6 og 12 måneder pr. partnerskab, virksomhed og type',
        querystring: ZRetentionQuery,
        response: { 200: ZRetentionReport },
      },
    },
    async (request) => retention.report(request.ctx, request.query),
  );

  r.get(
    '/api/placements/:id',
    {
      config: { access: { subject: 'placement', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: ZPlacementDetail } },
    },
    async (request) => service.get(request.ctx, request.params.id),
  );

  r.post(
    '/api/placements',
    {
      config: { access: { subject: 'placement', action: 'create' } },
      schema: { tags, body: ZPlacementCreate, response: { 201: ZPlacementDetail } },
    },
    async (request, reply) => {
      const created = await service.create(request.ctx, request.body);
      reply.code(201);
      return created;
    },
  );

  r.post(
    '/api/placements/:id/end',
    {
      config: { access: { subject: 'placement', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZPlacementEnd, response: { 200: ZPlacementDetail } },
    },
    async (request) => service.end(request.ctx, request.params.id, request.body),
  );

  r.post(
    '/api/placements/:id/flag',
    {
      config: { access: { subject: 'placement', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZPlacementFlag, response: { 200: ZPlacementDetail } },
    },
    async (request) => service.flag(request.ctx, request.params.id, request.body.text),
  );
}
