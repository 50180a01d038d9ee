import { OPENING_TYPE_INFO } from '@domain/opening-types.ts';
import type { TRetentionQuery, TRetentionReport } from '@domain/placement.schema.ts';
import { isAdmin, worksCasesOf } from '@domain/policy.ts';
import { retentionFigures, type TRetentionPlacement } from '@domain/reports/retention.ts';
import { addDays, addMonths, danishDate } from '@domain/time.ts';
import {
  findPartnership,
  ownPartnerships,
  type TPartnershipRow,
} from '@server/modules/bias-report/bias-report.repository.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError, fieldError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { authorize } from '@server/platform/policy.ts';
import { publishFigures } from './retention.presenter.ts';
import { allPartnerships, retentionPlacements } from './retention.repository.ts';

/** The default period: the last 24 months up to today. */
export const RETENTION_DEFAULT_MONTHS = 24;

function byKey<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/**
 * Retention (issue 6 item 4; seed 002, Aabenraa: 200 into jobs → 100 after 6 months → 80 after a
 * year): placements started in the period, counted by domain/reports/retention.ts in total and
 * by partnership, company and opening type. Admins for any partnership; the partnership's
 * professionals and steering group for their own. Aggregate-only viewers (steering, the
 * secretariat) get small counts suppressed; the audit event names partnerships and the period.
 */
export function createRetentionService(deps: TAppDeps) {
  const { db, clock } = deps;

  /** The partnership asked for (checked), or every partnership the actor may see figures of. */
  async function partnershipsFor(ctx: TRequestContext, id: string | undefined): Promise<TPartnershipRow[]> {
    const actor = requireActor(ctx);
    if (id) {
      const found = await findPartnership(db, id);
      if (!found) throw new AppError('NOT_FOUND', 'Partnerskabet findes ikke.');
      await authorize(db, ctx, 'read', {
        kind: 'retention_report',
        partnershipId: found.id,
        municipalityId: found.municipalityId,
      });
      return [found];
    }
    if (isAdmin(actor)) return allPartnerships(db);
    const own = await ownPartnerships(db, actor);
    if (own.length === 0) {
      await recordAudit(db, ctx, {
        action: 'denied',
        entityType: 'retention_report',
        details: { action: 'read', reason: 'no_partnership' },
      });
      throw new AppError('FORBIDDEN');
    }
    return own.sort((a, b) => a.name.localeCompare(b.name, 'da'));
  }

  return {
    async report(ctx: TRequestContext, query: TRetentionQuery): Promise<TRetentionReport> {
      const actor = requireActor(ctx);
      const chosen = await partnershipsFor(ctx, query.partnershipId);
      const today = danishDate(clock.now());
      const to = query.to ?? today;
      const from = query.from ?? addDays(addMonths(to, -RETENTION_DEFAULT_MONTHS), 1);
      if (from > to) throw fieldError('to', 'Slutdatoen skal ligge på eller efter startdatoen.');

      const suppressed = !chosen.every((p) => worksCasesOf(actor, p));
      const rows = await retentionPlacements(
        db,
        chosen.map((p) => p.id),
        from,
        to,
      );
      const placements: TRetentionPlacement[] = rows;
      const figures = (group: readonly TRetentionPlacement[]) =>
        publishFigures(
          retentionFigures(group, today),
          group.filter((p) => p.daysToHire !== null).length,
          suppressed,
        );
      const rowsBy = (keyOf: (p: (typeof rows)[number]) => string, labelOf: (key: string) => string) =>
        [...byKey(rows, keyOf).entries()]
          .map(([key, group]) => ({ key, label: labelOf(key), figures: figures(group) }))
          .sort((a, b) => a.label.localeCompare(b.label, 'da') || a.key.localeCompare(b.key));
      const companyName = new Map(rows.map((r) => [r.companyId, r.companyName]));

      const report: TRetentionReport = {
        from,
        to,
        today,
        suppressed,
        total: figures(placements),
        // Every chosen partnership is a row, also one without placements (it shows zeros).
        byPartnership: chosen
          .map((p) => ({
            key: p.id,
            label: p.name,
            figures: figures(rows.filter((r) => r.partnershipId === p.id)),
          }))
          .sort((a, b) => a.label.localeCompare(b.label, 'da')),
        byCompany: rowsBy(
          (r) => r.companyId,
          (key) => companyName.get(key) ?? key,
        ),
        byType: rowsBy(
          (r) => r.type,
          (key) => OPENING_TYPE_INFO[key as keyof typeof OPENING_TYPE_INFO]?.labelDa ?? key,
        ),
      };

      // An aggregate: the partnerships and the period, never a person.
      await recordAudit(db, ctx, {
        action: 'read',
        entityType: 'retention_report',
        entityId: chosen.length === 1 ? chosen[0]!.id : null,
        details: { from, to, partnerships: chosen.length, suppressed },
      });
      return report;
    },
  };
}
