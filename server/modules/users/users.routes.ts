import { ZIdParams, ZListQuery, ZOk, ZPage } from '@domain/common.schema.ts';
import {
  USER_SORTS,
  ZMembership,
  ZMembershipInput,
  ZUser,
  ZUserInvite,
  ZUserListQuery,
  ZUserUpdate,
} from '@domain/user.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUsersService } from './users.service.ts';

export function registerUserRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createUsersService(deps);
  const tags = ['Brugere'];

  r.get(
    '/api/users',
    {
      config: { access: { subject: 'user', action: 'list' } },
      schema: {
        tags,
        querystring: ZListQuery.extend({ sort: z.enum(USER_SORTS).optional() }).extend(ZUserListQuery.shape),
        response: { 200: ZPage(ZUser) },
      },
    },
    async (request) => {
      const { role, status, ...query } = request.query;
      return service.list(request.ctx, query, { role, status });
    },
  );

  r.get(
    '/api/users/:id',
    {
      config: { access: { subject: 'user', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: ZUser } },
    },
    async (request) => service.get(request.ctx, request.params.id),
  );

  r.post(
    '/api/users',
    {
      config: { access: { subject: 'user', action: 'create' } },
      schema: { tags, body: ZUserInvite, response: { 201: ZUser } },
    },
    async (request, reply) => {
      const user = await service.invite(request.ctx, request.body);
      reply.code(201);
      return user;
    },
  );

  r.patch(
    '/api/users/:id',
    {
      config: { access: { subject: 'user', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZUserUpdate, response: { 200: ZUser } },
    },
    async (request) => service.update(request.ctx, request.params.id, request.body),
  );

  r.post(
    '/api/users/:id/invitation',
    {
      config: { access: { subject: 'user', action: 'update' } },
      schema: { tags, params: ZIdParams, response: { 200: ZOk } },
    },
    async (request) => {
      await service.resendInvitation(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/users/:id/memberships',
    {
      config: { access: { subject: 'user', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZMembershipInput, response: { 201: ZMembership } },
    },
    async (request, reply) => {
      const membership = await service.addMembership(request.ctx, request.params.id, request.body);
      reply.code(201);
      return membership;
    },
  );

  r.delete(
    '/api/users/:id/memberships/:membershipId',
    {
      config: { access: { subject: 'user', action: 'update' } },
      schema: { tags, params: ZIdParams.extend({ membershipId: z.uuid() }), response: { 200: ZOk } },
    },
    async (request) => {
      await service.removeMembership(request.ctx, request.params.id, request.params.membershipId);
      return { ok: true as const };
    },
  );
}
