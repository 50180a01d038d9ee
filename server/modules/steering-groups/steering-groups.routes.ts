import { ZIdParams, ZPage } from '@domain/common.schema.ts';
import {
  ZSteeringGroup,
  ZSteeringGroupDetail,
  ZSteeringGroupInput,
  ZSteeringGroupListQuery,
  ZSteeringGroupUpdate,
  ZSteeringMembersInput,
} from '@domain/steering.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createSteeringGroupsService } from './steering-groups.service.ts';

// Steering groups (issue 7 item 1). Route level: all staff read; the service checks the
// partnership, and leaves setting a group up and its membership to the secretariat.

export function registerSteeringGroupRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createSteeringGroupsService(deps);
  const tags = ['Styregrupper'];

  r.get(
    '/api/steering-groups',
    {
      config: { access: { subject: 'steering_group', action: 'list' } },
      schema: { tags, querystring: ZSteeringGroupListQuery, response: { 200: ZPage(ZSteeringGroup) } },
    },
    async (request) => service.list(request.ctx, request.query),
  );

  r.get(
    '/api/steering-groups/:id',
    {
      config: { access: { subject: 'steering_group', action: 'read' } },
      schema: {
        tags,
        summary: 'En styregruppe med medlemmer og partnerskabets boligområder',
        params: ZIdParams,
        response: { 200: ZSteeringGroupDetail },
      },
    },
    async (request) => service.get(request.ctx, request.params.id),
  );

  r.post(
    '/api/steering-groups',
    {
      config: { access: { subject: 'steering_group', action: 'create' } },
      schema: {
        tags,
        summary: 'Nedsæt et partnerskabs styregruppe (sekretariatet)',
        body: ZSteeringGroupInput,
        response: { 201: ZSteeringGroupDetail },
      },
    },
    async (request, reply) => {
      const created = await service.create(request.ctx, request.body);
      reply.code(201);
      return created;
    },
  );

  r.put(
    '/api/steering-groups/:id',
    {
      config: { access: { subject: 'steering_group', action: 'update' } },
      schema: {
        tags,
        params: ZIdParams,
        body: ZSteeringGroupUpdate,
        response: { 200: ZSteeringGroupDetail },
      },
    },
    async (request) => service.update(request.ctx, request.params.id, request.body),
  );

  r.put(
    '/api/steering-groups/:id/members',
    {
      config: { access: { subject: 'steering_group', action: 'update' } },
      schema: {
        tags,
        summary:
          'Sæt styregruppens medlemmer (sekretariatet); hver skal have rollen styregruppe i partnerskabet',
        params: ZIdParams,
        body: ZSteeringMembersInput,
        response: { 200: ZSteeringGroupDetail },
      },
    },
    async (request) => service.setMembers(request.ctx, request.params.id, request.body),
  );
}
