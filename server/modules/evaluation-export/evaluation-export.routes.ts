import { ZIdParams } from '@domain/common.schema.ts';
import {
  ZEvaluationExportKey,
  ZEvaluationExportKeyCreate,
  ZEvaluationExportQuery,
} from '@domain/evaluation-export.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { sendDownload } from '@server/platform/http/download.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSV_MEDIA_TYPE } from './evaluation-export.presenter.ts';
import { createEvaluationExportService } from './evaluation-export.service.ts';

// /api/exports/evaluation: the pseudonymised evaluation export and its keys (issue 7 item 6).
// The secretariat alone (policy kind 'evaluation_export'); the service checks again.

export function registerEvaluationExportRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createEvaluationExportService(deps);
  const tags = ['Evaluering'];

  r.get(
    '/api/exports/evaluation/keys',
    {
      config: { access: { subject: 'evaluation_export', action: 'read' } },
      schema: {
        tags,
        summary: 'Nøgler til evalueringsudtræk (uden hemmeligheden)',
        response: { 200: z.array(ZEvaluationExportKey) },
      },
    },
    async (request) => service.listKeys(request.ctx),
  );

  r.post(
    '/api/exports/evaluation/keys',
    {
      config: { access: { subject: 'evaluation_export', action: 'create' } },
      schema: {
        tags,
        summary: 'Opret en nøgle: 32 tilfældige bytes, som aldrig forlader serveren',
        body: ZEvaluationExportKeyCreate,
        response: { 201: ZEvaluationExportKey },
      },
    },
    async (request, reply) => {
      const created = await service.createKey(request.ctx, request.body);
      reply.code(201);
      return created;
    },
  );

  r.post(
    '/api/exports/evaluation/keys/:id/revoke',
    {
      config: { access: { subject: 'evaluation_export', action: 'update' } },
      schema: {
        tags,
        summary: 'Træk en nøgle tilbage: den kan ikke bruges til flere udtræk',
        params: ZIdParams,
        response: { 200: ZEvaluationExportKey },
      },
    },
    async (request) => service.revokeKey(request.ctx, request.params.id),
  );

  r.get(
    '/api/exports/evaluation',
    {
      config: { access: { subject: 'evaluation_export', action: 'export' } },
      schema: {
        tags,
        summary:
          'Pseudonymiseret udtræk (CSV) af hændelser for beboere med aktivt samtykke (c) i et partnerskab og en periode',
        querystring: ZEvaluationExportQuery,
        produces: [CSV_MEDIA_TYPE],
      },
    },
    async (request, reply) => sendDownload(reply, await service.export(request.ctx, request.query)),
  );
}
