import {
  ZAssignmentCreated,
  ZAssignmentDetail,
  ZAssignmentFields,
  ZAssignmentListItem,
  ZAssignmentListQuery,
  ZAssignmentPatch,
  ZStaffRef,
} from '@domain/assignment.schema.ts';
import { ZIdParams, ZOk, ZPage } from '@domain/common.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAssignmentsService } from './assignments.service.ts';

export function registerAssignmentRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createAssignmentsService(deps);
  const tags = ['Opgaver'];

  r.get(
    '/api/assignments',
    {
      config: { access: { subject: 'assignment', action: 'list' } },
      schema: { tags, querystring: ZAssignmentListQuery, response: { 200: ZPage(ZAssignmentListItem) } },
    },
    async (request) => service.list(request.ctx, request.query),
  );

  r.get(
    '/api/assignments/:id',
    {
      config: { access: { subject: 'assignment', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: ZAssignmentDetail } },
    },
    async (request) => service.get(request.ctx, request.params.id),
  );

  r.post(
    '/api/assignments',
    {
      config: { access: { subject: 'assignment', action: 'create' } },
      schema: { tags, body: ZAssignmentFields, response: { 201: ZAssignmentCreated } },
    },
    async (request, reply) => {
      const created = await service.create(request.ctx, request.body);
      reply.code(201);
      return created;
    },
  );

  r.patch(
    '/api/assignments/:id',
    {
      config: { access: { subject: 'assignment', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZAssignmentPatch, response: { 200: ZAssignmentDetail } },
    },
    async (request) => service.update(request.ctx, request.params.id, request.body),
  );

  r.delete(
    '/api/assignments/:id',
    {
      config: { access: { subject: 'assignment', action: 'delete' } },
      schema: { tags, params: ZIdParams, response: { 200: ZOk } },
    },
    async (request) => {
      await service.remove(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/assignments/:id/staff',
    {
      config: { access: { subject: 'assignment', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: z.array(ZStaffRef) } },
    },
    async (request) => service.staff(request.ctx, request.params.id),
  );
}
