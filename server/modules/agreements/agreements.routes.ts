import {
  ZAgreement,
  ZAgreementFields,
  ZAgreementListQuery,
  ZAgreementPage,
  ZAgreementPatch,
} from '@domain/agreement.schema.ts';
import { ZIdParams, ZOk } from '@domain/common.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createAgreementsService } from './agreements.service.ts';

export function registerAgreementRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createAgreementsService(deps);
  const tags = ['Partnerskabsaftaler'];

  r.get(
    '/api/agreements',
    {
      config: { access: { subject: 'agreement', action: 'list' } },
      schema: { tags, querystring: ZAgreementListQuery, response: { 200: ZAgreementPage } },
    },
    async (request) => service.list(request.ctx, request.query),
  );

  r.get(
    '/api/agreements/:id',
    {
      config: { access: { subject: 'agreement', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: ZAgreement } },
    },
    async (request) => service.get(request.ctx, request.params.id),
  );

  r.post(
    '/api/agreements',
    {
      config: { access: { subject: 'agreement', action: 'create' } },
      schema: { tags, body: ZAgreementFields, response: { 201: ZAgreement } },
    },
    async (request, reply) => {
      const agreement = await service.create(request.ctx, request.body);
      reply.code(201);
      return agreement;
    },
  );

  r.patch(
    '/api/agreements/:id',
    {
      config: { access: { subject: 'agreement', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZAgreementPatch, response: { 200: ZAgreement } },
    },
    async (request) => service.update(request.ctx, request.params.id, request.body),
  );

  r.delete(
    '/api/agreements/:id',
    {
      config: { access: { subject: 'agreement', action: 'delete' } },
      schema: { tags, params: ZIdParams, response: { 200: ZOk } },
    },
    async (request) => {
      await service.remove(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );
}
