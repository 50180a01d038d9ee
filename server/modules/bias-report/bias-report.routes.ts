import { ZBiasReport, ZBiasReportQuery } from '@domain/reports/bias.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { sendDownload } from '@server/platform/http/download.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE } from './bias-report.presenter.ts';
import { createBiasReportService } from './bias-report.service.ts';

// GET /api/reports/bias: the report as JSON, or `format=xlsx|csv` as a download. Route level: the
// roles that may see some partnership's report; the service checks the partnership.

export function registerBiasReportRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createBiasReportService(deps);

  r.get(
    '/api/reports/bias',
    {
      config: { access: { subject: 'bias_report', action: 'read' } },
      schema: {
        tags: ['Rapporter'],
        summary: 'Skævhedsrapport: forslags- og ansættelsesrater pr. gruppe med 4/5-reglen',
        querystring: ZBiasReportQuery,
        produces: ['application/json', XLSX_MEDIA_TYPE, CSV_MEDIA_TYPE],
        response: { 200: ZBiasReport },
      },
    },
    async (request, reply) => {
      const result = await service.report(request.ctx, request.query);
      if (result.format === 'json') return result.report;
      return sendDownload(reply, result.file);
    },
  );
}
