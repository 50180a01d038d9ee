import { ZIdParams, ZOk, ZPage } from '@domain/common.schema.ts';
import {
  ZSocialClauseFields,
  ZSocialClauseListItem,
  ZSocialClauseListQuery,
} from '@domain/social-clause.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createSocialClausesService } from './social-clauses.service.ts';

export function registerSocialClauseRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createSocialClausesService(deps);
  const tags = ['Sociale klausuler'];

  r.get(
    '/api/social-clauses',
    {
      config: { access: { subject: 'social_clause', action: 'list' } },
      schema: { tags, querystring: ZSocialClauseListQuery, response: { 200: ZPage(ZSocialClauseListItem) } },
    },
    async (request) => service.list(request.ctx, request.query),
  );

  r.get(
    '/api/social-clauses/:id',
    {
      config: { access: { subject: 'social_clause', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: ZSocialClauseListItem } },
    },
    async (request) => service.get(request.ctx, request.params.id),
  );

  r.post(
    '/api/social-clauses',
    {
      config: { access: { subject: 'social_clause', action: 'create' } },
      schema: { tags, body: ZSocialClauseFields, response: { 201: ZSocialClauseListItem } },
    },
    async (request, reply) => {
      const created = await service.create(request.ctx, request.body);
      reply.code(201);
      return created;
    },
  );

  r.patch(
    '/api/social-clauses/:id',
    {
      config: { access: { subject: 'social_clause', action: 'update' } },
      schema: {
        tags,
        params: ZIdParams,
        body: ZSocialClauseFields.partial(),
        response: { 200: ZSocialClauseListItem },
      },
    },
    async (request) => service.update(request.ctx, request.params.id, request.body),
  );

  r.delete(
    '/api/social-clauses/:id',
    {
      config: { access: { subject: 'social_clause', action: 'delete' } },
      schema: { tags, params: ZIdParams, response: { 200: ZOk } },
    },
    async (request) => {
      await service.remove(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );
}
