import { ZIdParams, ZListQuery, ZPage } from '@domain/common.schema.ts';
import {
  OPENING_SORTS,
  ZOpening,
  ZOpeningCreate,
  ZOpeningDetail,
  ZOpeningFields,
  ZOpeningFilters,
  ZOpeningListItem,
  ZOpeningSkills,
  ZOpeningStatusChange,
} from '@domain/opening.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createOpeningsService } from './openings.service.ts';

/** Any of the fields; the schedule and skills have no defaults here, so leaving them out keeps them. */
const ZOpeningPatch = ZOpeningFields.partial().extend({
  skills: ZOpeningSkills.optional(),
  scheduleDay: z.boolean().optional(),
  scheduleEvening: z.boolean().optional(),
  scheduleWeekend: z.boolean().optional(),
});

export function registerOpeningRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createOpeningsService(deps);
  const tags = ['Jobåbninger'];

  r.get(
    '/api/openings',
    {
      config: { access: { subject: 'opening', action: 'list' } },
      schema: {
        tags,
        querystring: ZListQuery.extend({
          sort: z.enum(OPENING_SORTS).optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
          offset: z.coerce.number().int().min(0).optional(),
        }).extend(ZOpeningFilters.shape),
        response: { 200: ZPage(ZOpeningListItem) },
      },
    },
    async (request) => {
      const { q, sort, dir, page, pageSize, limit, offset, ...filters } = request.query;
      // limit/offset (issue 3's API) map onto the page the shared list helpers use.
      const size = limit ?? pageSize;
      const pageNo = offset !== undefined ? Math.floor(offset / size) + 1 : page;
      return service.list(request.ctx, { q, sort, dir, page: pageNo, pageSize: size }, filters);
    },
  );

  r.get(
    '/api/openings/:id',
    {
      config: { access: { subject: 'opening', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: ZOpeningDetail } },
    },
    async (request) => service.get(request.ctx, request.params.id),
  );

  r.post(
    '/api/openings',
    {
      config: { access: { subject: 'opening', action: 'create' } },
      schema: { tags, body: ZOpeningCreate, response: { 201: ZOpeningDetail } },
    },
    async (request, reply) => {
      const opening = await service.create(request.ctx, request.body);
      reply.code(201);
      return opening;
    },
  );

  r.patch(
    '/api/openings/:id',
    {
      config: { access: { subject: 'opening', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZOpeningPatch, response: { 200: ZOpening } },
    },
    async (request) =>
      service.update(request.ctx, request.params.id, request.body as Record<string, unknown>),
  );

  r.post(
    '/api/openings/:id/status',
    {
      config: { access: { subject: 'opening', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZOpeningStatusChange, response: { 200: ZOpeningDetail } },
    },
    async (request) =>
      service.changeStatus(request.ctx, request.params.id, request.body.status, request.body.note),
  );
}
