import { z } from 'zod';
import { optionalField, ZIsoDate, ZListQuery, ZOptionalText, ZRequiredText, ZUuid } from './common.schema.ts';
import { builtInIndicator, INDICATOR_KEY_PATTERN, parseDanishNumber } from './indicator.schema.ts';
import { OPENING_TYPES } from './opening-types.ts';
import { KPI_CATALOGUE, KPI_KEYS, type TKpiKey } from './reports/kpi.ts';

// Steering groups, their goals and the plan's milestones (issue 7 items 1 and 7; seeds 000 and
// 003). A partnership has one steering group that "sætter mål og rammer for jobskabelsen"; a goal
// is a KPI from the catalogue (domain/reports/kpi.ts) with a target over a period and an owner.
// These schemas are the API's contract and the client's forms.

// ---------------------------------------------------------------------------------------------
// Steering groups

export const STEERING_GROUP_SORTS = ['name', 'partnershipName', 'updatedAt'] as const;
export const ZSteeringGroupListQuery = ZListQuery.extend({
  sort: z.enum(STEERING_GROUP_SORTS).optional(),
  partnershipId: ZUuid.optional(),
});
export type TSteeringGroupListQuery = z.infer<typeof ZSteeringGroupListQuery>;

/** A new group: the secretariat sets one up per partnership. */
export const ZSteeringGroupInput = z.object({
  partnershipId: z.uuid({ error: 'Vælg et partnerskab.' }),
  name: ZRequiredText(200),
  /** The group's terms of reference, e.g. seed 000's "sætter mål og rammer for jobskabelsen". */
  mandate: ZOptionalText(4000),
});
export type TSteeringGroupInput = z.infer<typeof ZSteeringGroupInput>;

export const ZSteeringGroupUpdate = ZSteeringGroupInput.omit({ partnershipId: true });
export type TSteeringGroupUpdate = z.infer<typeof ZSteeringGroupUpdate>;

export const STEERING_MEMBERS_MAX = 50;

/** The whole member list (it replaces the one stored): users with the steering role in the partnership. */
export const ZSteeringMembersInput = z.object({
  members: z
    .array(z.object({ userId: ZUuid, title: ZOptionalText(100) }), {
      error: 'Angiv medlemmerne som en liste.',
    })
    .max(STEERING_MEMBERS_MAX, { error: `Højst ${STEERING_MEMBERS_MAX} medlemmer.` })
    .superRefine((members, ctx) => {
      const seen = new Set<string>();
      members.forEach((m, i) => {
        if (seen.has(m.userId)) {
          ctx.addIssue({ code: 'custom', path: [i, 'userId'], message: 'Samme person står der to gange.' });
        }
        seen.add(m.userId);
      });
    }),
});
export type TSteeringMembersInput = z.infer<typeof ZSteeringMembersInput>;

export const ZSteeringMember = z.object({
  userId: ZUuid,
  name: z.string(),
  /** The member's title in the group (formand, næstformand …). */
  title: z.string().nullable(),
  /** The role that makes them a member: always the steering role of the group's partnership. */
  role: z.literal('steering'),
});
export type TSteeringMember = z.infer<typeof ZSteeringMember>;

export const ZSteeringGroup = z.object({
  id: ZUuid,
  partnershipId: ZUuid,
  partnershipName: z.string(),
  name: z.string(),
  mandate: z.string().nullable(),
  memberCount: z.number().int(),
  updatedAt: z.string(),
});
export type TSteeringGroup = z.infer<typeof ZSteeringGroup>;

/** One group with its members and the partnership's housing areas (for area-indicator goals). */
export const ZSteeringGroupDetail = ZSteeringGroup.extend({
  members: z.array(ZSteeringMember),
  areas: z.array(z.object({ id: ZUuid, name: z.string() })),
});
export type TSteeringGroupDetail = z.infer<typeof ZSteeringGroupDetail>;

// ---------------------------------------------------------------------------------------------
// Goals

export const TRAFFIC_LIGHTS = ['green', 'yellow', 'red', 'unknown'] as const;

/** A number typed in a form ("75,5") or sent as JSON; empty means not given. */
const numberInput = (v: unknown) => {
  if (v === '' || v === null || v === undefined) return undefined;
  if (typeof v === 'string') return parseDanishNumber(v) ?? undefined;
  return v;
};

const ZTarget = z.preprocess(
  numberInput,
  z
    .number({
      error: (iss) => (iss.input === undefined ? 'Angiv målet.' : 'Målet skal være et tal.'),
    })
    .refine(Number.isFinite, { error: 'Målet skal være et tal.' })
    .refine((n) => n >= 0, { error: 'Målet skal være 0 eller mere.' }),
);

const ZBaseline = z
  .preprocess(
    numberInput,
    z
      .number({ error: 'Udgangspunktet skal være et tal.' })
      .refine(Number.isFinite, { error: 'Udgangspunktet skal være et tal.' })
      .optional(),
  )
  .transform((v) => v ?? null);

/** A goal as written (form and API): the steering group it belongs to is in the create body. */
const goalShape = {
  title: ZRequiredText(200),
  kpi: z.enum(KPI_KEYS, { error: 'Vælg et nøgletal.' }),
  /** For hires by opening type. */
  openingType: optionalField(z.enum(OPENING_TYPES, { error: 'Vælg typen af jobåbning.' })),
  /** For an area indicator: the catalogue's key or the partnership's own. */
  indicator: optionalField(z.string().trim().regex(INDICATOR_KEY_PATTERN, { error: 'Vælg en indikator.' })),
  housingAreaId: optionalField(z.uuid({ error: 'Boligområdet findes ikke.' })),
  /** Where the KPI stood at the start; for an area indicator it tells the direction (left empty: the area's latest value before the period). */
  baseline: ZBaseline,
  target: ZTarget,
  periodFrom: z.iso.date({
    error: (iss) => (iss.input === undefined || iss.input === '' ? 'Vælg startdatoen.' : 'Ugyldig dato.'),
  }),
  periodTo: z.iso.date({
    error: (iss) => (iss.input === undefined || iss.input === '' ? 'Vælg slutdatoen.' : 'Ugyldig dato.'),
  }),
  /** The owner: a user of the partnership, or a name (an organisation or a role). */
  ownerUserId: optionalField(ZUuid),
  ownerName: ZOptionalText(200),
  note: ZOptionalText(2000),
};

type TGoalShape = {
  kpi: TKpiKey;
  openingType: string | null;
  indicator: string | null;
  housingAreaId: string | null;
  target: number;
  periodFrom: string;
  periodTo: string;
  ownerUserId: string | null;
  ownerName: string | null;
};

const isKpi = (v: unknown): v is TKpiKey =>
  typeof v === 'string' && (KPI_KEYS as readonly string[]).includes(v);
const isIsoDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * The checks across fields. They run even when a field failed (a goal without a KPI and with its
 * period backwards gets both messages at once), so each looks only at fields that parsed, and
 * adds nothing to a field that already has a message. A partnership's own indicator's bounds are
 * checked by the server, which knows its unit.
 */
function refineGoal(raw: TGoalShape, ctx: z.RefinementCtx): void {
  if (typeof raw !== 'object' || raw === null) return;
  const g = raw as Partial<Record<keyof TGoalShape, unknown>>;
  const taken = new Set(ctx.issues.map((i) => String(i.path?.[0] ?? '')));
  const add = (field: keyof TGoalShape, message: string) => {
    if (taken.has(field)) return;
    taken.add(field);
    ctx.addIssue({ code: 'custom', path: [field], message });
  };
  if (isIsoDate(g.periodFrom) && isIsoDate(g.periodTo) && g.periodTo < g.periodFrom) {
    add('periodTo', 'Slutdatoen skal ligge på eller efter startdatoen.');
  }
  if (!g.ownerUserId && !g.ownerName)
    add('ownerName', 'Angiv hvem der er ansvarlig: en bruger eller et navn.');
  if (!isKpi(g.kpi)) return;
  const info = KPI_CATALOGUE[g.kpi];
  const target = typeof g.target === 'number' ? g.target : null;
  if (target !== null && info.unit === 'percent' && target > 100) {
    add('target', 'Målet skal ligge mellem 0 og 100 %.');
  }
  if (target !== null && info.unit === 'count' && !Number.isInteger(target)) {
    add('target', 'Målet skal være et helt tal.');
  }
  if (info.needs === 'opening_type' && !g.openingType) add('openingType', 'Vælg typen af jobåbning.');
  if (info.needs === 'indicator_and_area') {
    if (!g.indicator) add('indicator', 'Vælg en indikator.');
    if (!g.housingAreaId) add('housingAreaId', 'Vælg et boligområde.');
    const builtIn = typeof g.indicator === 'string' ? builtInIndicator(g.indicator) : null;
    if (target !== null && builtIn?.unit === 'percent' && target > 100) {
      add('target', 'Målet skal ligge mellem 0 og 100 %.');
    }
  }
}

const ALWAYS = { when: () => true };

/** The fields a goal's KPI does not use are dropped, so a stale opening type never lingers. */
function normaliseGoal<T extends TGoalShape>(g: T): T {
  const needs = KPI_CATALOGUE[g.kpi].needs;
  return {
    ...g,
    openingType: needs === 'opening_type' ? g.openingType : null,
    indicator: needs === 'indicator_and_area' ? g.indicator : null,
    housingAreaId: needs === 'indicator_and_area' ? g.housingAreaId : null,
  };
}

export const ZGoalInput = z
  .object({ steeringGroupId: ZUuid, ...goalShape })
  .superRefine(refineGoal, ALWAYS)
  .transform(normaliseGoal);
export type TGoalInput = z.infer<typeof ZGoalInput>;

/** PUT: the whole goal again; it stays in its steering group. */
export const ZGoalUpdate = z.object(goalShape).superRefine(refineGoal, ALWAYS).transform(normaliseGoal);
export type TGoalUpdate = z.infer<typeof ZGoalUpdate>;

export const GOAL_SORTS = ['title', 'kpi', 'target', 'periodFrom', 'periodTo', 'owner', 'status'] as const;
export const ZGoalListQuery = ZListQuery.extend({
  sort: z.enum(GOAL_SORTS).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(100),
  steeringGroupId: ZUuid.optional(),
  partnershipId: ZUuid.optional(),
});
export type TGoalListQuery = z.infer<typeof ZGoalListQuery>;

export const ZGoal = z.object({
  id: ZUuid,
  steeringGroupId: ZUuid,
  partnershipId: ZUuid,
  partnershipName: z.string(),
  title: z.string(),
  kpi: z.enum(KPI_KEYS),
  kpiLabelDa: z.string(),
  unit: z.enum(['count', 'percent', 'days', 'indicator']),
  openingType: z.enum(OPENING_TYPES).nullable(),
  indicator: z.string().nullable(),
  indicatorNameDa: z.string().nullable(),
  /** The indicator's own unit (an area-indicator goal). */
  indicatorUnit: z.enum(['percent', 'count', 'number']).nullable(),
  housingAreaId: ZUuid.nullable(),
  housingAreaName: z.string().nullable(),
  baseline: z.number().nullable(),
  target: z.number(),
  periodFrom: z.string(),
  periodTo: z.string(),
  ownerUserId: ZUuid.nullable(),
  /** The owner as shown: the user's name, else the name the group gave. */
  ownerName: z.string().nullable(),
  note: z.string().nullable(),
  /** The measured value for the period up to today; null when hidden ("< 5"), not measured or not started. */
  actual: z.number().nullable(),
  /** The actual is a count of 1-4 (or built on one) and hidden for this viewer. */
  actualSuppressed: z.boolean(),
  /** The year of an area indicator's value. */
  actualYear: z.number().int().nullable(),
  /** Share of the period passed, 0-1. */
  elapsed: z.number(),
  /** What counts as on track today: the target pro-rated for a count, else the target. */
  expectedByNow: z.number(),
  /** Whether the period has begun (before it, nothing is measured). */
  started: z.boolean(),
  trafficLight: z.enum(TRAFFIC_LIGHTS),
  updatedAt: z.string(),
});
export type TGoal = z.infer<typeof ZGoal>;

// ---------------------------------------------------------------------------------------------
// Milestones

export const MILESTONE_STATUSES = ['planned', 'in_progress', 'done', 'delayed', 'cancelled'] as const;
export type TMilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const MILESTONE_STATUS_LABEL_DA: Record<TMilestoneStatus, string> = {
  planned: 'Planlagt',
  in_progress: 'I gang',
  done: 'Nået',
  delayed: 'Forsinket',
  cancelled: 'Aflyst',
};

const milestoneShape = {
  title: ZRequiredText(300),
  description: ZOptionalText(4000),
  dueDate: z.iso.date({
    error: (iss) => (iss.input === undefined || iss.input === '' ? 'Vælg datoen.' : 'Ugyldig dato.'),
  }),
  ownerName: ZOptionalText(200),
  ownerUserId: optionalField(ZUuid),
  status: z.enum(MILESTONE_STATUSES, { error: 'Vælg en status.' }).default('planned'),
  /** The day it was reached (status done); left empty: today. */
  completedOn: optionalField(ZIsoDate),
  note: ZOptionalText(2000),
};

function refineMilestone(m: { status: TMilestoneStatus; completedOn: string | null }, ctx: z.RefinementCtx) {
  if (m.completedOn && m.status !== 'done') {
    ctx.addIssue({
      code: 'custom',
      path: ['completedOn'],
      message: 'Kun en nået milepæl har en dato for, hvornår den blev nået.',
    });
  }
}

/** A new milestone; without a partnership it is the whole programme's (the secretariat's). */
export const ZMilestoneInput = z
  .object({ partnershipId: ZUuid.nullish().transform((v) => v ?? null), ...milestoneShape })
  .superRefine(refineMilestone);
export type TMilestoneInput = z.infer<typeof ZMilestoneInput>;

/** PUT: the whole milestone again; it stays with its partnership (or the programme). */
export const ZMilestoneUpdate = z.object(milestoneShape).superRefine(refineMilestone);
export type TMilestoneUpdate = z.infer<typeof ZMilestoneUpdate>;

export const MILESTONE_SORTS = ['dueDate', 'title', 'status', 'owner'] as const;
export const ZMilestoneListQuery = ZListQuery.extend({
  sort: z.enum(MILESTONE_SORTS).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(100),
  /** The partnership's milestones and the programme's (which concern every partnership). */
  partnershipId: ZUuid.optional(),
  status: z.enum(MILESTONE_STATUSES).optional(),
});
export type TMilestoneListQuery = z.infer<typeof ZMilestoneListQuery>;

export const ZMilestone = z.object({
  id: ZUuid,
  /** Null: the whole programme's milestone. */
  partnershipId: ZUuid.nullable(),
  partnershipName: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  dueDate: z.string(),
  ownerUserId: ZUuid.nullable(),
  /** The owner as shown: the user's name, else the name given. */
  ownerName: z.string().nullable(),
  status: z.enum(MILESTONE_STATUSES),
  completedOn: z.string().nullable(),
  note: z.string().nullable(),
  /** Due before today and neither done nor cancelled. */
  overdue: z.boolean(),
  updatedAt: z.string(),
});
export type TMilestone = z.infer<typeof ZMilestone>;
