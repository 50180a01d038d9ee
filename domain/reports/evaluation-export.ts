import type { TOpeningType } from '../opening-types.ts';
import { OPENING_TYPE_INFO } from '../opening-types.ts';
import {
  INTERVIEW_OUTCOME_LABEL_DA,
  PLACEMENT_END_REASON_LABEL_DA,
  PLACEMENT_STATUS_LABEL_DA,
  RETENTION_OUTCOME_LABEL_DA,
  type TInterviewOutcome,
  type TPlacementEndReason,
  type TPlacementStatus,
  TRIAL_OUTCOME_LABEL_DA,
} from '../placement.schema.ts';
import {
  BENEFIT_GROUP_LABEL_DA,
  RESIDENT_STATUS_LABEL_DA,
  type TBenefitGroup,
  type TResidentStatus,
} from '../resident.schema.ts';
import { ageOn } from '../rules/youth-work.ts';
import { danishDate, formatDanishDate } from '../time.ts';
import type { TRetentionOutcome, TTrialOutcome } from './retention.ts';

// The pseudonymised evaluation export (issue 7 item 6), as pure rules the server feeds with rows.
//
// Who is in it: residents of the partnership with an ACTIVE consent (c) on the day of the export,
// nobody else (server/modules/evaluation-export). Each row is one event in the period; the person
// appears only under a pseudonym, HMAC-SHA256(key secret, resident id), the same for one key in
// every export and unlinkable across keys.
//
// What a row carries, and what it never carries:
// - the event's date (dd.mm.yyyy, as Danish Excel reads it), its type (a stable code and a Danish
//   text), the housing area and benefit group the person had at the event, an age band at the
//   event, the opening type, the outcome and an ended placement's reason;
// - never a name, contact data, a jobcenter reference, a birth date, an address or postal code,
//   free-text notes, or gender. Gender is left out on purpose: the issue asks for no identifying
//   data, and gender with an area and an age band singles people out in small groups. Age is
//   coarse (five bands) for the same reason.

export const EVALUATION_EVENT_KINDS = [
  'registered',
  'status_changed',
  'into_education',
  'benefit_group_changed',
  'screening',
  'proposal',
  'interview',
  'hired',
  'trial_started',
  'retention_6',
  'retention_12',
  'trial_outcome',
  'placement_ended',
] as const;
export type TEvaluationEventKind = (typeof EVALUATION_EVENT_KINDS)[number];

export const EVALUATION_EVENT_LABEL_DA: Record<TEvaluationEventKind, string> = {
  registered: 'Registreret i Jobbro',
  status_changed: 'Status ændret',
  into_education: 'Overgang til uddannelse',
  benefit_group_changed: 'Ydelsesgruppe ændret',
  screening: 'Screening af jobparathed',
  proposal: 'Foreslået til en jobåbning',
  interview: 'Jobsamtale',
  hired: 'Ansat',
  trial_started: 'Praktik startet',
  retention_6: 'Opfølgning efter 6 måneder',
  retention_12: 'Opfølgning efter 12 måneder',
  trial_outcome: 'Resultat af praktik',
  placement_ended: 'Ansættelse eller praktik afsluttet',
};

/** Coarse on purpose (see above); the 18-29 band is the one seed 003 measures education in. */
export const EVALUATION_AGE_BANDS = [
  { key: 'under_18', min: 0, max: 17, label: 'Under 18 år' },
  { key: '18_29', min: 18, max: 29, label: '18-29 år' },
  { key: '30_49', min: 30, max: 49, label: '30-49 år' },
  { key: '50_64', min: 50, max: 64, label: '50-64 år' },
  { key: '65_plus', min: 65, max: Number.POSITIVE_INFINITY, label: '65 år og derover' },
] as const;

/** The age band of a person born on `birthDate` on the day `on` (yyyy-mm-dd). */
export function evaluationAgeBand(birthDate: string, on: string): string {
  const age = ageOn(birthDate, on);
  return (EVALUATION_AGE_BANDS.find((b) => age >= b.min && age <= b.max) ?? EVALUATION_AGE_BANDS[0]).label;
}

/** The file's columns, in order. */
export const EVALUATION_CSV_HEADERS = [
  'Pseudonym',
  'Dato',
  'Hændelse',
  'Hændelse (tekst)',
  'Boligområde',
  'Aldersgruppe',
  'Ydelsesgruppe',
  'Jobtype',
  'Resultat',
  'Årsag',
] as const;

/** A resident's case state from `changedAt` on (a row of resident_case_changes). */
export interface TCaseState {
  changedAt: Date;
  status: TResidentStatus;
  benefitGroup: TBenefitGroup | null;
  housingAreaId: string | null;
}

/** An event read from the database: screenings, proposals, interviews, placements, check-ins. */
export interface TEvaluationEvent {
  residentId: string;
  kind: Exclude<
    TEvaluationEventKind,
    'registered' | 'status_changed' | 'into_education' | 'benefit_group_changed'
  >;
  /** The Copenhagen day of the event. */
  day: string;
  /** The instant, when the event has one (a proposal, an interview, a check-in); null for a day. */
  at: Date | null;
  openingType: TOpeningType | null;
  /** The outcome's code: a target group (1, 2), an interview, retention or trial outcome, a placement status. */
  outcome: string | null;
  reason: TPlacementEndReason | null;
}

export interface TEvaluationPerson {
  residentId: string;
  birthDate: string;
  /** Ordered by time, oldest first; the first is the registration. */
  changes: readonly TCaseState[];
}

/** One row of the file before the pseudonym and the area's name are filled in. */
export interface TEvaluationRow {
  residentId: string;
  day: string;
  kind: TEvaluationEventKind;
  housingAreaId: string | null;
  ageBand: string;
  benefitGroup: string;
  openingType: string;
  outcome: string;
  reason: string;
}

/** The person's state at an event: the last change at or before it (the registration before that). */
export function stateAt(
  changes: readonly TCaseState[],
  event: { at: Date | null; day: string },
): TCaseState | null {
  let found: TCaseState | null = null;
  for (const c of changes) {
    const before = event.at
      ? c.changedAt.getTime() <= event.at.getTime()
      : danishDate(c.changedAt) <= event.day;
    if (!before) break;
    found = c;
  }
  return found ?? changes[0] ?? null;
}

interface TCaseEvent {
  kind: 'registered' | 'status_changed' | 'into_education' | 'benefit_group_changed';
  state: TCaseState;
}

/**
 * The events of a person's case history: the registration, then each change of status (to "in
 * education": the move into education, whatever path recorded it) and of benefit group. A change
 * of area alone is no event; the area shows on every row as it was then.
 */
export function caseEvents(changes: readonly TCaseState[]): TCaseEvent[] {
  const out: TCaseEvent[] = [];
  changes.forEach((state, i) => {
    const previous = changes[i - 1];
    if (!previous) {
      out.push({ kind: 'registered', state });
      return;
    }
    if (state.status !== previous.status) {
      out.push({ kind: state.status === 'in_education' ? 'into_education' : 'status_changed', state });
    }
    if (state.benefitGroup !== previous.benefitGroup) out.push({ kind: 'benefit_group_changed', state });
  });
  return out;
}

function outcomeText(kind: TEvaluationEventKind, code: string | null, state: TCaseState | null): string {
  switch (kind) {
    case 'status_changed':
    case 'into_education':
      return state ? RESIDENT_STATUS_LABEL_DA[state.status] : '';
    case 'screening':
      return code ? `Målgruppe ${code}` : '';
    case 'interview':
      return code ? INTERVIEW_OUTCOME_LABEL_DA[code as TInterviewOutcome] : '';
    case 'retention_6':
    case 'retention_12':
      return code ? RETENTION_OUTCOME_LABEL_DA[code as TRetentionOutcome] : '';
    case 'trial_outcome':
      return code ? TRIAL_OUTCOME_LABEL_DA[code as TTrialOutcome] : '';
    case 'placement_ended':
      return code ? PLACEMENT_STATUS_LABEL_DA[code as TPlacementStatus] : '';
    case 'registered':
    case 'benefit_group_changed':
    case 'proposal':
    case 'hired':
    case 'trial_started':
      return '';
    default: {
      const exhaustive: never = kind;
      return exhaustive;
    }
  }
}

const KIND_ORDER = new Map(EVALUATION_EVENT_KINDS.map((k, i) => [k, i]));

/**
 * The rows of the export for the period `from`..`to` (Copenhagen days, both included): the case
 * events of each person's history in the period and the events read from the database, each
 * with the person's area, benefit group and age band as they were at the event. Per person in
 * time order.
 */
export function evaluationRows(input: {
  people: readonly TEvaluationPerson[];
  events: readonly TEvaluationEvent[];
  from: string;
  to: string;
}): TEvaluationRow[] {
  const eventsOf = new Map<string, TEvaluationEvent[]>();
  for (const e of input.events) {
    const list = eventsOf.get(e.residentId) ?? [];
    list.push(e);
    eventsOf.set(e.residentId, list);
  }
  const rows: (TEvaluationRow & { sortAt: number; sortKind: number })[] = [];
  for (const person of input.people) {
    const push = (
      e: { kind: TEvaluationEventKind; day: string; at: Date | null; openingType: TOpeningType | null },
      state: TCaseState | null,
      outcome: string | null,
      reason: TPlacementEndReason | null,
    ) => {
      rows.push({
        residentId: person.residentId,
        day: e.day,
        kind: e.kind,
        housingAreaId: state?.housingAreaId ?? null,
        ageBand: evaluationAgeBand(person.birthDate, e.day),
        benefitGroup: state?.benefitGroup ? BENEFIT_GROUP_LABEL_DA[state.benefitGroup] : '',
        openingType: e.openingType ? OPENING_TYPE_INFO[e.openingType].labelDa : '',
        outcome: outcomeText(e.kind, outcome, state),
        reason: reason ? PLACEMENT_END_REASON_LABEL_DA[reason] : '',
        // Within a day, what has only a date (a screening, a placement's start or end) comes first:
        // a placement that ended on the day is why the status changed that day.
        sortAt: e.at ? e.at.getTime() : 0,
        sortKind: KIND_ORDER.get(e.kind) ?? 0,
      });
    };
    for (const c of caseEvents(person.changes)) {
      const day = danishDate(c.state.changedAt);
      if (day < input.from || day > input.to) continue;
      push({ kind: c.kind, day, at: c.state.changedAt, openingType: null }, c.state, null, null);
    }
    for (const e of eventsOf.get(person.residentId) ?? []) {
      if (e.day < input.from || e.day > input.to) continue;
      push(e, stateAt(person.changes, e), e.outcome, e.reason);
    }
  }
  rows.sort(
    (a, b) =>
      a.residentId.localeCompare(b.residentId) ||
      a.day.localeCompare(b.day) ||
      a.sortAt - b.sortAt ||
      a.sortKind - b.sortKind,
  );
  return rows.map(({ sortAt: _a, sortKind: _k, ...row }) => row);
}

/** A row's cells in the order of EVALUATION_CSV_HEADERS. */
export function evaluationCells(row: TEvaluationRow, pseudonym: string, areaName: string): string[] {
  return [
    pseudonym,
    formatDanishDate(row.day),
    row.kind,
    EVALUATION_EVENT_LABEL_DA[row.kind],
    areaName,
    row.ageBand,
    row.benefitGroup,
    row.openingType,
    row.outcome,
    row.reason,
  ];
}
