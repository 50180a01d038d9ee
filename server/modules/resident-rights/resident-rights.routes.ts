import { ZIdParams } from '@domain/common.schema.ts';
import {
  ZErasedResident,
  ZResidentErase,
  ZResidentExportQuery,
  ZResidentHistoryPage,
  ZResidentHistoryQuery,
  ZRetentionPage,
  ZRetentionQuery,
} from '@domain/resident-rights.schema.ts';
import { danishDate } from '@domain/time.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { sendDownload } from '@server/platform/http/download.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createResidentRightsService } from './resident-rights.service.ts';

// The data subject's rights and the retention list (issue 4 items 5-6). Route level: the residents
// API's roles (export, erase, history) and admins only (the retention list); the person is then
// decided in the service (mayHandleRightsRequest, residentAccess).

export function registerResidentRightsRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createResidentRightsService(deps);
  const tags = ['Beboere'];

  r.get(
    '/api/residents/retention',
    {
      config: { access: { subject: 'resident_retention', action: 'list' } },
      schema: { tags, querystring: ZRetentionQuery, response: { 200: ZRetentionPage } },
    },
    async (request) => service.retentionList(request.ctx, request.query),
  );

  r.get(
    '/api/residents/:id/history',
    {
      config: { access: { subject: 'resident', action: 'read' } },
      schema: {
        tags,
        params: ZIdParams,
        querystring: ZResidentHistoryQuery,
        response: { 200: ZResidentHistoryPage },
      },
    },
    async (request) => service.history(request.ctx, request.params.id, request.query),
  );

  // A download (JSON or PDF) for the person: the export is given to them, not shown in Jobbro.
  r.get(
    '/api/residents/:id/export',
    {
      config: { access: { subject: 'resident', action: 'export' } },
      schema: { tags, params: ZIdParams, querystring: ZResidentExportQuery },
    },
    async (request, reply) => {
      const { format } = request.query;
      const { json, pdf } = await service.export(request.ctx, request.params.id, format);
      const fileName = `jobbro-indsigt-${danishDate(deps.clock.now())}-${request.params.id.slice(0, 8)}`;
      return pdf
        ? sendDownload(reply, { fileName: `${fileName}.pdf`, mediaType: 'application/pdf', content: pdf })
        : sendDownload(reply, {
            fileName: `${fileName}.json`,
            mediaType: 'application/json; charset=utf-8',
            content: Buffer.from(JSON.stringify(json, null, 2), 'utf8'),
          });
    },
  );

  r.post(
    '/api/residents/:id/erase',
    {
      config: { access: { subject: 'resident', action: 'delete' } },
      schema: { tags, params: ZIdParams, body: ZResidentErase, response: { 200: ZErasedResident } },
    },
    async (request) => service.erase(request.ctx, request.params.id, request.body),
  );
}
