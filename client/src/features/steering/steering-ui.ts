import { actorFromMe } from '@client/app/actor.ts';
import type { TMe } from '@domain/auth.schema.ts';
import { can, type TAction } from '@domain/policy.ts';
import { KPI_CATALOGUE, type TKpiKey, type TTrafficLight } from '@domain/reports/kpi.ts';
import type { TGoal, TMilestone, TMilestoneStatus, TSteeringGroup } from '@domain/steering.schema.ts';

// The steering page's pure helpers: who may write a partnership's steering items, how a goal's
// values read, and the form's values turned into what the API takes.

export const STEERING_GROUPS_PATH = '/api/steering-groups';
export const GOALS_PATH = '/api/goals';
export const MILESTONES_PATH = '/api/milestones';
export const INDICATOR_DEFINITIONS_PATH = '/api/indicators/definitions';

/**
 * The policy's answer for one partnership (null: the whole programme). A steering membership's
 * scope is its partnership, so the client can ask the instance question the server will ask.
 */
export function canOnSteering(
  me: TMe | null | undefined,
  action: TAction,
  kind: 'steering_group' | 'goal' | 'milestone',
  partnershipId: string | null,
): boolean {
  if (!me) return false;
  const actor = actorFromMe(me);
  const memberships = actor.memberships.map((m) =>
    m.role === 'steering' ? { ...m, partnershipId: m.scopeId } : m,
  );
  return can({ ...actor, memberships }, action, { kind, partnershipId });
}

/** The group to show first: the one of the user's own steering partnership, else the first. */
export function defaultGroupId(me: TMe | null | undefined, groups: readonly TSteeringGroup[]): string | null {
  const own = new Set(
    (me?.memberships ?? []).filter((m) => m.role === 'steering' && m.scopeId).map((m) => m.scopeId as string),
  );
  return (groups.find((g) => own.has(g.partnershipId)) ?? groups[0])?.id ?? null;
}

export const TRAFFIC_LIGHT_COLOR: Record<TTrafficLight, string> = {
  green: 'green',
  yellow: 'yellow',
  red: 'red',
  unknown: 'gray',
};

export const MILESTONE_STATUS_COLOR: Record<TMilestoneStatus, string> = {
  planned: 'blue',
  in_progress: 'cyan',
  done: 'green',
  delayed: 'orange',
  cancelled: 'gray',
};

const oneDecimal = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });

/** What a goal's numbers are counted in: a percent, days, a number of things, or the indicator's own. */
export function goalValueUnit(
  goal: Pick<TGoal, 'unit' | 'indicatorUnit'>,
): 'percent' | 'days' | 'count' | 'number' {
  if (goal.unit === 'indicator')
    return goal.indicatorUnit === 'percent' ? 'percent' : (goal.indicatorUnit ?? 'number');
  return goal.unit;
}

/**
 * A target or actual in Danish numbers: "75 %", "4,5 dage", "12". `dayWord` is the translated
 * "dage"/"days"; percentages keep one decimal ("48,1 %").
 */
export function formatGoalValue(
  value: number,
  goal: Pick<TGoal, 'unit' | 'indicatorUnit'>,
  dayWord: string,
): string {
  switch (goalValueUnit(goal)) {
    case 'percent':
      return `${oneDecimal.format(value)} %`;
    case 'days':
      return `${oneDecimal.format(value)} ${dayWord}`;
    case 'count':
      return whole.format(value);
    default:
      return oneDecimal.format(value);
  }
}

/** The KPI's label in the UI's language. */
export function kpiLabel(kpi: TKpiKey, language: string): string {
  return language === 'en' ? KPI_CATALOGUE[kpi].labelEn : KPI_CATALOGUE[kpi].labelDa;
}

/** The form's text values (all strings) as the goal schema takes them. */
export interface TGoalFormValues {
  title: string;
  kpi: string;
  openingType: string;
  indicator: string;
  housingAreaId: string;
  baseline: string;
  target: string;
  periodFrom: string;
  periodTo: string;
  ownerUserId: string;
  ownerName: string;
  note: string;
}

export function goalFormValues(
  goal: TGoal | null,
  defaults: { periodFrom: string; periodTo: string },
): TGoalFormValues {
  const number = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));
  return {
    title: goal?.title ?? '',
    kpi: goal?.kpi ?? '',
    openingType: goal?.openingType ?? '',
    indicator: goal?.indicator ?? '',
    housingAreaId: goal?.housingAreaId ?? '',
    baseline: number(goal?.baseline ?? null),
    target: number(goal?.target ?? null),
    periodFrom: goal?.periodFrom ?? defaults.periodFrom,
    periodTo: goal?.periodTo ?? defaults.periodTo,
    ownerUserId: goal?.ownerUserId ?? '',
    // A goal owned by a user shows the user's name as ownerName: do not store it as a name too.
    ownerName: goal && !goal.ownerUserId ? (goal.ownerName ?? '') : '',
    note: goal?.note ?? '',
  };
}

/** Form values → the body the schema validates (empty text is "not given"). */
export function goalPayload(v: TGoalFormValues): Record<string, unknown> {
  return {
    title: v.title,
    kpi: v.kpi || undefined,
    openingType: v.openingType || null,
    indicator: v.indicator || null,
    housingAreaId: v.housingAreaId || null,
    baseline: v.baseline.trim() || null,
    target: v.target.trim() || undefined,
    periodFrom: v.periodFrom || undefined,
    periodTo: v.periodTo || undefined,
    ownerUserId: v.ownerUserId || null,
    ownerName: v.ownerName.trim() || null,
    note: v.note,
  };
}

/** A milestone's body for PUT with another status (the "mark done" button): the rest as it is. */
export function milestoneWithStatus(m: TMilestone, status: TMilestoneStatus): Record<string, unknown> {
  return {
    title: m.title,
    description: m.description,
    dueDate: m.dueDate,
    ownerUserId: m.ownerUserId,
    ownerName: m.ownerUserId ? null : m.ownerName,
    status,
    completedOn: status === 'done' ? (m.completedOn ?? null) : null,
    note: m.note,
  };
}
