import type { TPage } from '@domain/common.schema.ts';
import { builtInIndicator, indicatorValueProblems, type TIndicatorUnit } from '@domain/indicator.schema.ts';
import { worksCasesOf } from '@domain/policy.ts';
import { TRAFFIC_LIGHT_ORDER } from '@domain/reports/goals.ts';
import { KPI_CATALOGUE } from '@domain/reports/kpi.ts';
import type { TGoal, TGoalInput, TGoalListQuery, TGoalUpdate } from '@domain/steering.schema.ts';
import { danishDate } from '@domain/time.ts';
import { areaValues, customDefinitions, findArea } from '@server/modules/indicators/indicators.repository.ts';
import { findGroup } from '@server/modules/steering-groups/steering-groups.repository.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { loadMemberships } from '@server/platform/auth/actor.repository.ts';
import { AppError, fieldError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { authorize } from '@server/platform/policy.ts';
import { evaluateGoals } from './goal-status.ts';
import {
  deleteGoal,
  findGoalRow,
  goalRows,
  insertGoal,
  type TGoalRow,
  type TGoalWrite,
  updateGoal,
} from './goals.repository.ts';

const collator = new Intl.Collator('da-DK');

function sortGoals(items: TGoal[], sort: TGoalListQuery['sort'], dir: 'asc' | 'desc'): TGoal[] {
  const compare = (a: TGoal, b: TGoal): number => {
    switch (sort ?? 'periodFrom') {
      case 'title':
        return collator.compare(a.title, b.title);
      case 'kpi':
        return collator.compare(a.kpiLabelDa, b.kpiLabelDa);
      case 'target':
        return a.target - b.target;
      case 'periodTo':
        return a.periodTo.localeCompare(b.periodTo);
      case 'owner':
        return collator.compare(a.ownerName ?? '', b.ownerName ?? '');
      case 'status':
        return TRAFFIC_LIGHT_ORDER[a.trafficLight] - TRAFFIC_LIGHT_ORDER[b.trafficLight];
      default:
        return a.periodFrom.localeCompare(b.periodFrom);
    }
  };
  const sign = dir === 'desc' ? -1 : 1;
  return [...items].sort(
    (a, b) => sign * compare(a, b) || collator.compare(a.title, b.title) || a.id.localeCompare(b.id),
  );
}

/**
 * Goals of the steering groups (issue 7 item 1): a KPI with a target over a period, its actual
 * (the dashboard's own figure) and a traffic light. All staff read them; the partnership's
 * steering group and the secretariat keep them. Small counts are hidden ("< 5") from
 * aggregate-only viewers; the traffic light is judged on the true value.
 */
export function createGoalsService(deps: TAppDeps) {
  const { db, clock } = deps;
  const today = () => danishDate(clock.now());

  async function groupOr404(id: string) {
    const group = await findGroup(db, id);
    if (!group) throw new AppError('NOT_FOUND', 'Styregruppen findes ikke.');
    return group;
  }

  async function goalOr404(id: string): Promise<TGoalRow> {
    const goal = await findGoalRow(db, id);
    if (!goal) throw new AppError('NOT_FOUND', 'Målet findes ikke.');
    return goal;
  }

  async function present(ctx: TRequestContext, rows: readonly TGoalRow[]): Promise<TGoal[]> {
    const actor = requireActor(ctx);
    return evaluateGoals(db, rows, {
      today: today(),
      suppress: (row) => !worksCasesOf(actor, { id: row.partnershipId, municipalityId: row.municipalityId }),
    });
  }

  /**
   * The references a goal names, checked against its partnership: the area and indicator of an
   * area-indicator goal (with the indicator's own bounds) and the owning user. Fills an area
   * goal's baseline from the area's latest value before the period when none is given.
   */
  async function checked(
    input: TGoalUpdate,
    partnership: { id: string; name: string; municipalityId: string },
  ): Promise<TGoalWrite> {
    let baseline = input.baseline;
    if (input.kpi === 'area_indicator' && input.housingAreaId && input.indicator) {
      const area = await findArea(db, input.housingAreaId);
      if (!area) throw fieldError('housingAreaId', 'Boligområdet findes ikke.');
      if (area.partnershipId !== partnership.id) {
        throw fieldError('housingAreaId', `${area.name} hører ikke til ${partnership.name}.`);
      }
      const unit = await indicatorUnit(input.indicator, partnership.id);
      if (!unit) {
        throw fieldError(
          'indicator',
          `Ukendt indikator "${input.indicator}". Vælg en af Jobbros faste indikatorer eller partnerskabets egne.`,
        );
      }
      const problem = indicatorValueProblems(unit, { value: input.target, municipalAverage: null }).value;
      if (problem) {
        throw fieldError('target', unit === 'percent' ? 'Målet skal ligge mellem 0 og 100 %.' : problem);
      }
      if (baseline === null) {
        const startYear = Number(input.periodFrom.slice(0, 4));
        const before = (await areaValues(db, area.id))
          .filter((v) => v.indicator === input.indicator && v.year < startYear)
          .at(-1);
        baseline = before?.value ?? null;
      }
    }
    if (input.ownerUserId) await checkOwner(input.ownerUserId, partnership);
    return {
      title: input.title,
      kpi: input.kpi,
      indicator: input.indicator,
      housingAreaId: input.housingAreaId,
      openingType: input.openingType,
      baseline,
      target: input.target,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      ownerUserId: input.ownerUserId,
      ownerName: input.ownerName,
      note: input.note,
    };
  }

  async function indicatorUnit(key: string, partnershipId: string): Promise<TIndicatorUnit | null> {
    const builtIn = builtInIndicator(key);
    if (builtIn) return builtIn.unit;
    const own = (await customDefinitions(db, [partnershipId])).find((d) => d.key === key);
    return own?.unit ?? null;
  }

  /** The owner must work in the partnership (or be the secretariat). */
  async function checkOwner(userId: string, p: { id: string; municipalityId: string }): Promise<void> {
    const memberships = (await loadMemberships(db, [userId])).get(userId) ?? [];
    const inPartnership = memberships.some(
      (m) =>
        m.role === 'admin' ||
        (m.role !== 'company_contact' && m.partnershipId === p.id) ||
        (m.role === 'job_consultant' && m.municipalityId === p.municipalityId),
    );
    if (!inPartnership)
      throw fieldError('ownerUserId', 'Den ansvarlige skal være en bruger i partnerskabet.');
  }

  return {
    async list(ctx: TRequestContext, query: TGoalListQuery): Promise<TPage<TGoal>> {
      await authorize(db, ctx, 'list', { kind: 'goal' });
      const rows = await goalRows(db, {
        steeringGroupId: query.steeringGroupId,
        partnershipId: query.partnershipId,
      });
      const term = query.q?.trim().toLocaleLowerCase('da-DK');
      const matching = term
        ? rows.filter((r) =>
            [
              r.title,
              KPI_CATALOGUE[r.kpi].labelDa,
              r.ownerUserName ?? r.ownerName ?? '',
              r.housingAreaName ?? '',
            ].some((text) => text.toLocaleLowerCase('da-DK').includes(term)),
          )
        : rows;
      const items = sortGoals(await present(ctx, matching), query.sort, query.dir);
      const start = (query.page - 1) * query.pageSize;
      return {
        items: items.slice(start, start + query.pageSize),
        total: items.length,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async get(ctx: TRequestContext, id: string): Promise<TGoal> {
      const goal = await goalOr404(id);
      await authorize(db, ctx, 'read', { kind: 'goal', partnershipId: goal.partnershipId });
      return (await present(ctx, [goal]))[0]!;
    },

    async create(ctx: TRequestContext, input: TGoalInput): Promise<TGoal> {
      const group = await groupOr404(input.steeringGroupId);
      await authorize(db, ctx, 'create', { kind: 'goal', partnershipId: group.partnershipId });
      const write = await checked(input, {
        id: group.partnershipId,
        name: group.partnershipName,
        municipalityId: group.municipalityId,
      });
      const id = await db.transaction(async (tx) => {
        const created = await insertGoal(
          tx,
          { ...write, steeringGroupId: group.id, createdBy: requireActor(ctx).userId },
          clock.now(),
        );
        await recordAudit(tx, ctx, {
          action: 'create',
          entityType: 'goal',
          entityId: created,
          details: { steeringGroupId: group.id, kpi: write.kpi },
        });
        return created;
      });
      return (await present(ctx, [await goalOr404(id)]))[0]!;
    },

    async update(ctx: TRequestContext, id: string, input: TGoalUpdate): Promise<TGoal> {
      const goal = await goalOr404(id);
      await authorize(db, ctx, 'update', { kind: 'goal', partnershipId: goal.partnershipId });
      const write = await checked(input, {
        id: goal.partnershipId,
        name: goal.partnershipName,
        municipalityId: goal.municipalityId,
      });
      await db.transaction(async (tx) => {
        await updateGoal(tx, goal.id, write, clock.now());
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'goal',
          entityId: goal.id,
          details: { kpi: write.kpi },
        });
      });
      return (await present(ctx, [await goalOr404(id)]))[0]!;
    },

    async remove(ctx: TRequestContext, id: string): Promise<void> {
      const goal = await goalOr404(id);
      await authorize(db, ctx, 'delete', { kind: 'goal', partnershipId: goal.partnershipId });
      await db.transaction(async (tx) => {
        await deleteGoal(tx, goal.id);
        await recordAudit(tx, ctx, {
          action: 'delete',
          entityType: 'goal',
          entityId: goal.id,
          details: { steeringGroupId: goal.steeringGroupId, title: goal.title },
        });
      });
    },
  };
}
