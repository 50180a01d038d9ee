import { ZIdParams, ZPage } from '@domain/common.schema.ts';
import {
  REPORT_MEDIA_TYPES,
  ZReportCreate,
  ZReportListQuery,
  ZReportPartnership,
  ZReportRun,
} from '@domain/reports/report.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { sendDownload } from '@server/platform/http/download.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createReportsService } from './reports.service.ts';

// Partnership reports, /api/reports (issue 7 item 5). Route level: the roles that see a
// partnership's figures (domain/policy.ts, kind 'report'); the service checks the partnership,
// and that a run is the requester's own.

export function registerReportRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createReportsService(deps);
  const tags = ['Rapporter'];

  r.post(
    '/api/reports',
    {
      config: { access: { subject: 'report', action: 'create' } },
      schema: {
        tags,
        description: 'Asks for a report of a partnership and period as PDF or XLSX; built in the background.',
        body: ZReportCreate,
        response: { 201: ZReportRun },
      },
    },
    async (request, reply) => {
      const run = await service.create(request.ctx, request.body);
      reply.code(201);
      return run;
    },
  );

  r.get(
    '/api/reports',
    {
      config: { access: { subject: 'report', action: 'list' } },
      schema: { tags, querystring: ZReportListQuery, response: { 200: ZPage(ZReportRun) } },
    },
    async (request) => service.list(request.ctx, request.query),
  );

  r.get(
    '/api/reports/partnerships',
    {
      config: { access: { subject: 'report', action: 'create' } },
      schema: { tags, response: { 200: z.array(ZReportPartnership) } },
    },
    async (request) => service.partnerships(request.ctx),
  );

  r.get(
    '/api/reports/:id',
    {
      config: { access: { subject: 'report', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: ZReportRun } },
    },
    async (request) => service.get(request.ctx, request.params.id),
  );

  r.get(
    '/api/reports/:id/file',
    {
      config: { access: { subject: 'report', action: 'export' } },
      schema: { tags, params: ZIdParams, produces: Object.values(REPORT_MEDIA_TYPES) },
    },
    async (request, reply) => sendDownload(reply, await service.file(request.ctx, request.params.id)),
  );
}
