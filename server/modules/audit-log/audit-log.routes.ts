import { PassThrough } from 'node:stream';
import { type TAuditQuery, ZAuditEvent, ZAuditQuery } from '@domain/audit.schema.ts';
import { ZListQuery, ZPage } from '@domain/common.schema.ts';
import { recordAudit } from '@server/platform/audit.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { authorize } from '@server/platform/policy.ts';
import { searchFingerprint } from '@server/platform/search-fingerprint.ts';
import { stringify } from 'csv-stringify';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AUDIT_CSV_COLUMNS, auditCsvRecord, presentAuditEvent } from './audit-log.presenter.ts';
import { auditBatch, listAuditEvents, type TAuditFilters } from './audit-log.repository.ts';

const EXPORT_BATCH = 2_000;

export function registerAuditLogRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Logning'];
  const listQuery = ZListQuery.pick({ page: true, pageSize: true }).extend(ZAuditQuery.shape);
  const secret = deps.config.sessionSecret;

  /** The searched text becomes its fingerprint: the filter compares fingerprints, never text. */
  function repositoryFilters(query: TAuditQuery): TAuditFilters {
    const { searched, ...rest } = query;
    return {
      ...rest,
      ...(searched ? { searchedFingerprint: searchFingerprint(secret, searched).fingerprint } : {}),
    };
  }
  /** What the log keeps of an admin's own search: the text an admin checked is a name, too. */
  function loggedCriteria(query: TAuditQuery): Record<string, unknown> {
    const { searched, ...rest } = query;
    return { ...rest, ...(searched ? { searched: searchFingerprint(secret, searched) } : {}) };
  }

  r.get(
    '/api/audit-events',
    {
      config: { access: { subject: 'audit_log', action: 'list' } },
      schema: { tags, querystring: listQuery, response: { 200: ZPage(ZAuditEvent) } },
    },
    async (request) => {
      const { page, pageSize, ...query } = request.query;
      await authorize(deps.db, request.ctx, 'list', { kind: 'audit_log' });
      const result = await listAuditEvents(deps.db, { page, pageSize }, repositoryFilters(query));
      // The log names users and IPs: looking at it is itself logged.
      await recordAudit(deps.db, request.ctx, {
        action: 'search',
        entityType: 'audit_log',
        details: { criteria: loggedCriteria(query) },
      });
      return { ...result, items: result.items.map(presentAuditEvent) };
    },
  );

  r.get(
    '/api/audit-events/export.csv',
    {
      config: { access: { subject: 'audit_log', action: 'export' } },
      schema: { tags, querystring: ZAuditQuery },
    },
    async (request, reply) => {
      const filters = repositoryFilters(request.query);
      await authorize(deps.db, request.ctx, 'export', { kind: 'audit_log' });
      await recordAudit(deps.db, request.ctx, {
        action: 'export',
        entityType: 'audit_log',
        details: { criteria: loggedCriteria(request.query) },
      });
      const csv = stringify({
        header: true,
        columns: AUDIT_CSV_COLUMNS.map((c) => ({ key: c.key, header: c.header })),
        bom: true,
      });
      const out = new PassThrough();
      csv.pipe(out);
      // Stream in keyset batches so a year of events never sits in memory at once.
      void (async () => {
        try {
          let before: bigint | null = null;
          for (;;) {
            const rows = await auditBatch(deps.db, filters, before, EXPORT_BATCH);
            for (const row of rows) {
              if (!csv.write(auditCsvRecord(presentAuditEvent(row))))
                await new Promise((res) => csv.once('drain', res));
            }
            if (rows.length < EXPORT_BATCH) break;
            before = rows[rows.length - 1]!.id;
          }
          csv.end();
        } catch (err) {
          request.log.error({ err }, 'audit export failed');
          out.destroy(err instanceof Error ? err : new Error('export failed'));
        }
      })();
      const day = deps.clock.now().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="jobbro-logning-${day}.csv"`)
        .send(out);
    },
  );
}
