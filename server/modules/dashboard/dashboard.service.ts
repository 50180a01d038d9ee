import { OPENING_TYPE_INFO } from '@domain/opening-types.ts';
import { can, isAdmin, type TActor, worksCasesOf } from '@domain/policy.ts';
import {
  DASHBOARD_MIN_COUNT,
  dashboardPeriodProblem,
  defaultDashboardPeriod,
  type TDashboard,
  type TDashboardBreakdown,
  type TDashboardQuery,
} from '@domain/reports/dashboard.schema.ts';
import {
  assembleFunnel,
  clauseFulfilment,
  DASHBOARD_DIMENSION_LABEL_DA,
  DASHBOARD_DIMENSIONS,
  EMPTY_FUNNEL,
  funnelBy,
  monthLabelDa,
  monthsOf,
  NO_HOUSING_ORGANISATION_DA,
  type TDashboardDimension,
  type TFactDims,
} from '@domain/reports/dashboard.ts';
import { danishDate } from '@domain/time.ts';
import { findPartnership, type TPartnershipRow } from '@server/modules/bias-report/bias-report.repository.ts';
import { goalStatuses } from '@server/modules/goals/goal-status.ts';
import { allPartnerships } from '@server/modules/placements/retention.repository.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError, fieldError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { authorize } from '@server/platform/policy.ts';
import { countFor, publishClauses, publishFunnel, publishMedian } from './dashboard.presenter.ts';
import { filterOptions, namesOf, type TOption } from './dashboard.repository.ts';
import { kpiOf, loadFigures } from './dashboard-figures.ts';

const dashboardOf = (p: TPartnershipRow) =>
  ({ kind: 'dashboard', partnershipId: p.id, municipalityId: p.municipalityId }) as const;

/**
 * The steering dashboard (issue 7 item 4): the funnel openings → referred → proposals →
 * interviews → hires → retained at 6 and 12 months, broken down by partnership, city, housing
 * organisation, company, opening type and month, with the median times to referral and first
 * proposal and social clause fulfilment. Admins for any partnership, others for those the policy
 * gives them; aggregate-only viewers get small counts hidden. The audit event names the
 * partnerships, the period and whether counts were hidden, never a person.
 */
export function createDashboardService(deps: TAppDeps) {
  const { db, clock } = deps;

  /** Every partnership the actor may see the dashboard of, in Danish order. */
  async function visiblePartnerships(actor: TActor): Promise<TPartnershipRow[]> {
    const all = await allPartnerships(db);
    return isAdmin(actor) ? all : all.filter((p) => can(actor, 'read', dashboardOf(p)));
  }

  /** The partnership asked for (checked: 404 unknown, 403 out of scope), or all the visible ones. */
  async function partnershipsFor(
    ctx: TRequestContext,
    id: string | null,
    visible: readonly TPartnershipRow[],
  ): Promise<TPartnershipRow[]> {
    if (id) {
      const found = visible.find((p) => p.id === id) ?? (await findPartnership(db, id));
      if (!found) throw new AppError('NOT_FOUND', 'Partnerskabet findes ikke.');
      await authorize(db, ctx, 'read', dashboardOf(found));
      return [found];
    }
    if (visible.length === 0) {
      await recordAudit(db, ctx, {
        action: 'denied',
        entityType: 'dashboard',
        details: { action: 'read', reason: 'no_partnership' },
      });
      throw new AppError('FORBIDDEN', 'Du har ikke adgang til overblikket for noget partnerskab.');
    }
    return [...visible];
  }

  return {
    async dashboard(ctx: TRequestContext, query: TDashboardQuery): Promise<TDashboard> {
      const actor = requireActor(ctx);
      const today = danishDate(clock.now());
      const to = query.to ?? today;
      const from = query.from ?? defaultDashboardPeriod(to).from;
      const problem = dashboardPeriodProblem(from, to);
      if (problem) throw fieldError(problem.field, problem.message);

      const visible = await visiblePartnerships(actor);
      const chosen = await partnershipsFor(ctx, query.partnershipId, visible);
      const partnershipIds = chosen.map((p) => p.id);
      const options = await filterOptions(db, partnershipIds);
      const unknown = (field: string, list: readonly TOption[], value: string | null, message: string) => {
        if (value && !list.some((o) => o.id === value)) throw fieldError(field, message);
      };
      unknown(
        'municipalityId',
        options.municipalities,
        query.municipalityId,
        'Byen hører ikke til de valgte partnerskaber.',
      );
      unknown(
        'housingOrganisationId',
        options.housingOrganisations,
        query.housingOrganisationId,
        'Boligorganisationen hører ikke til de valgte partnerskaber.',
      );
      unknown(
        'companyId',
        options.companies,
        query.companyId,
        'Virksomheden arbejder ikke med de valgte partnerskaber.',
      );

      const suppressed = !chosen.every((p) => worksCasesOf(actor, p));
      const data = await loadFigures(db, {
        partnershipIds,
        from,
        to,
        today,
        filters: {
          municipalityId: query.municipalityId ?? undefined,
          housingOrganisationId: query.housingOrganisationId ?? undefined,
          companyId: query.companyId ?? undefined,
          openingType: query.openingType ?? undefined,
        },
      });
      const kpi = kpiOf(data, today);

      // Names for the breakdown rows: the options, and any id only the figures know.
      const dims: TFactDims[] = [...data.facts, ...data.placements.map((p) => p.dims)];
      const idsOf = (pick: (d: TFactDims) => string | null) =>
        [...new Set(dims.map(pick))].filter((v): v is string => v !== null && v !== '');
      const [municipalityNames, organisationNames, companyNames] = await Promise.all([
        namesOf(
          db,
          'municipalities',
          idsOf((d) => d.municipalityId),
        ),
        namesOf(
          db,
          'housing_organisations',
          idsOf((d) => d.housingOrganisationId),
        ),
        namesOf(
          db,
          'companies',
          idsOf((d) => d.companyId),
        ),
      ]);
      const partnershipNames = new Map(chosen.map((p) => [p.id, p.name]));
      const labelOf = (dimension: TDashboardDimension, key: string): string => {
        switch (dimension) {
          case 'partnership':
            return partnershipNames.get(key) ?? key;
          case 'municipality':
            return municipalityNames.get(key) ?? key;
          case 'housing_organisation':
            return key === '' ? NO_HOUSING_ORGANISATION_DA : (organisationNames.get(key) ?? key);
          case 'company':
            return companyNames.get(key) ?? key;
          case 'opening_type':
            return OPENING_TYPE_INFO[key as keyof typeof OPENING_TYPE_INFO]?.labelDa ?? key;
          case 'month':
            return monthLabelDa(key);
          default: {
            const exhaustive: never = dimension;
            return exhaustive;
          }
        }
      };

      const breakdowns: TDashboardBreakdown[] = DASHBOARD_DIMENSIONS.map((dimension) => {
        const rows = funnelBy(data.facts, data.placements, today, dimension);
        let keyed = rows;
        if (dimension === 'month') {
          // Every month of the period is a row, also one without events: the trend has no gaps.
          const byKey = new Map(rows.map((r) => [r.key, r]));
          keyed = monthsOf(from, to).map((key) => byKey.get(key) ?? { key, funnel: EMPTY_FUNNEL });
        } else if (dimension === 'partnership') {
          // Every chosen partnership is a row, also one without events (it shows zeros).
          const byKey = new Map(rows.map((r) => [r.key, r]));
          keyed = chosen.map((p) => byKey.get(p.id) ?? { key: p.id, funnel: EMPTY_FUNNEL });
        }
        const published = keyed.map((r) => ({
          key: r.key,
          label: labelOf(dimension, r.key),
          funnel: publishFunnel(r.funnel, suppressed),
        }));
        if (dimension !== 'month') {
          published.sort((a, b) => a.label.localeCompare(b.label, 'da') || a.key.localeCompare(b.key));
        }
        return { dimension, label: DASHBOARD_DIMENSION_LABEL_DA[dimension], rows: published };
      });

      const total = assembleFunnel(data.facts, data.placements, today);
      // Goal status (item 4): each chosen partnership's goals overlapping the period, as the
      // steering page shows them (the same suppression for the same viewer).
      const goals = (
        await Promise.all(
          chosen.map((p) => goalStatuses(db, { partnershipId: p.id, today, suppress: suppressed, from, to })),
        )
      ).flat();
      const dashboard: TDashboard = {
        period: { from, to },
        today,
        partnerships: chosen.map((p) => ({ id: p.id, name: p.name })),
        suppressed,
        minCount: DASHBOARD_MIN_COUNT,
        funnel: publishFunnel(total, suppressed),
        breakdowns,
        medians: {
          daysToReferral: publishMedian(kpi.median_days_to_referral, kpi.bases.timedReferrals, suppressed),
          daysToFirstProposal: publishMedian(
            kpi.median_days_to_first_proposal,
            kpi.bases.timedFirstProposals,
            suppressed,
          ),
        },
        clauseFulfilment: publishClauses(clauseFulfilment(data.clauses), suppressed),
        kpis: {
          apprenticeships: countFor(kpi.apprenticeships, suppressed),
          leisureJobs: countFor(kpi.leisure_jobs, suppressed),
          intoEducation: countFor(kpi.into_education, suppressed),
        },
        goals,
        options: {
          partnerships: visible.map((p) => ({ id: p.id, name: p.name })),
          ...options,
        },
      };

      // An aggregate: the partnerships, the period and the filters, never a person.
      await recordAudit(db, ctx, {
        action: 'read',
        entityType: 'dashboard',
        entityId: chosen.length === 1 ? chosen[0]!.id : null,
        details: {
          from,
          to,
          partnerships: partnershipIds,
          suppressed,
          filters: Object.fromEntries(
            Object.entries({
              municipalityId: query.municipalityId,
              housingOrganisationId: query.housingOrganisationId,
              companyId: query.companyId,
              openingType: query.openingType,
            }).filter(([, v]) => v !== null && v !== undefined),
          ),
        },
      });
      return dashboard;
    },
  };
}
