import { isAdmin } from '@domain/policy.ts';
import {
  biasPeriodProblem,
  defaultBiasPeriod,
  type TBiasReport,
  type TBiasReportFormat,
  type TBiasReportQuery,
} from '@domain/reports/bias.schema.ts';
import { biasDefinitions, buildBiasDimensions } from '@domain/reports/bias.ts';
import { danishDate } from '@domain/time.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError, fieldError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { TRequestContext } from '@server/platform/http/request-context.ts';
import { authorize } from '@server/platform/policy.ts';
import {
  biasReportCsv,
  biasReportXlsx,
  CSV_MEDIA_TYPE,
  reportFileName,
  XLSX_MEDIA_TYPE,
} from './bias-report.presenter.ts';
import {
  areasFor,
  countBiasCells,
  findPartnership,
  ownPartnerships,
  type TPartnershipRow,
} from './bias-report.repository.ts';

export type TBiasReportResult =
  | { format: 'json'; report: TBiasReport }
  | { format: 'xlsx' | 'csv'; file: { fileName: string; mediaType: string; content: Buffer } };

/**
 * The bias report of one partnership and period (issue 5 item 7). Aggregates only: the domain
 * suppresses counts under 5 before anything leaves this service, and the audit event names the
 * partnership and period, never a person.
 */
export function createBiasReportService(deps: TAppDeps) {
  const { db, clock } = deps;

  /** The partnership asked for, or the one partnership a non-admin works in. */
  async function resolvePartnership(ctx: TRequestContext, id: string | null): Promise<TPartnershipRow> {
    const actor = ctx.actor!;
    if (id) {
      const found = await findPartnership(db, id);
      if (!found) throw new AppError('NOT_FOUND', 'Partnerskabet findes ikke.');
      return found;
    }
    if (isAdmin(actor)) throw fieldError('partnershipId', 'Vælg et partnerskab.');
    const own = await ownPartnerships(db, actor);
    if (own.length === 1) return own[0]!;
    if (own.length === 0) throw new AppError('FORBIDDEN');
    throw fieldError('partnershipId', 'Du arbejder i flere partnerskaber: vælg et.');
  }

  return {
    async report(ctx: TRequestContext, query: TBiasReportQuery): Promise<TBiasReportResult> {
      const partnership = await resolvePartnership(ctx, query.partnershipId);
      const format: TBiasReportFormat = query.format;
      const action = format === 'json' ? 'read' : 'export';
      await authorize(db, ctx, action, {
        kind: 'bias_report',
        partnershipId: partnership.id,
        municipalityId: partnership.municipalityId,
      });

      const now = clock.now();
      const fallback = defaultBiasPeriod(danishDate(now));
      const from = query.from ?? (query.to ? defaultBiasPeriod(query.to).from : fallback.from);
      const to = query.to ?? fallback.to;
      const problem = biasPeriodProblem(from, to);
      if (problem) throw fieldError(problem.field, problem.message);

      const cells = await countBiasCells(db, { municipalityId: partnership.municipalityId, from, to });
      const areaIds = [...new Set(cells.map((c) => c.areaId).filter((a): a is string => a !== null))];
      const areas = await areasFor(db, partnership.municipalityId, areaIds);
      const report: TBiasReport = {
        period: { from, to },
        partnership: { id: partnership.id, name: partnership.name },
        empty: cells.every((c) => c.proposed === 0),
        dimensions: buildBiasDimensions({ cells, areas, ageOn: to }),
        definitions: biasDefinitions(to),
      };

      // An aggregate: the partnership and the period, never a person.
      await recordAudit(db, ctx, {
        action,
        entityType: 'bias_report',
        entityId: partnership.id,
        details: { from, to, format },
      });

      if (format === 'json') return { format, report };
      return format === 'xlsx'
        ? {
            format,
            file: {
              fileName: reportFileName(report, 'xlsx'),
              mediaType: XLSX_MEDIA_TYPE,
              content: await biasReportXlsx(report, now),
            },
          }
        : {
            format,
            file: {
              fileName: reportFileName(report, 'csv'),
              mediaType: CSV_MEDIA_TYPE,
              content: biasReportCsv(report),
            },
          };
    },
  };
}
