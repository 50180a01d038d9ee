import type { TLang } from '@client/api/errors.ts';
import type { TCheckInContact, TCheckInStatus, TFollowUp } from '@domain/placement.schema.ts';
import type { TRetentionOutcome, TTrialOutcome } from '@domain/reports/retention.ts';
import { checkInLabelDa, type TCheckInMeasure } from '@domain/rules/follow-up-schedule.ts';

// Pure helpers of the follow-up screens (efterværn): what a check-in is called, how urgent it is,
// which outcome it asks for, and the body a check-in form sends.

export const FOLLOW_UPS_PATH = '/api/follow-ups';
export const ESCALATIONS_PATH = '/api/escalations';

/** How a follow-up is shown, most urgent first. */
export const FOLLOW_UP_BADGES = ['overdue', 'due', 'planned', 'done', 'cancelled'] as const;
export type TFollowUpBadge = (typeof FOLLOW_UP_BADGES)[number];

/**
 * The badge of a follow-up. "Overdue" is the server's word (its clock decides, also a moved test
 * clock); "due" is a planned check-in whose day is today or has come by the browser's calendar.
 */
export function followUpBadge(
  f: Pick<TFollowUp, 'state' | 'overdue' | 'dueDate'>,
  today: string,
): TFollowUpBadge {
  if (f.state === 'done') return 'done';
  if (f.state === 'cancelled') return 'cancelled';
  if (f.overdue) return 'overdue';
  return f.dueDate <= today ? 'due' : 'planned';
}

/** "6 måneder" / "6 months": the check-in's name from its key, in the UI's language. */
export function checkInLabel(key: string, lang: TLang): string {
  if (lang === 'da') return checkInLabelDa(key);
  const m = /^(week|month)_(\d+)$/.exec(key);
  if (m) {
    const n = Number(m[2]);
    return m[1] === 'week' ? `${n} ${n === 1 ? 'week' : 'weeks'}` : `${n} ${n === 1 ? 'month' : 'months'}`;
  }
  if (key === 'trial_end') return 'End of trial';
  if (key === 'extra') return 'Extra check-in';
  return key;
}

/** The outcome a check-in asks for: retention at 6 and 12 months, a trial's at its end, else none. */
export function outcomeFieldOf(measures: TCheckInMeasure | null): 'retentionOutcome' | 'trialOutcome' | null {
  if (measures === 'retention_6' || measures === 'retention_12') return 'retentionOutcome';
  if (measures === 'trial_outcome') return 'trialOutcome';
  return null;
}

export interface TCheckInValues {
  contactedWith: TCheckInContact | '';
  status: TCheckInStatus | '';
  notes: string;
  actionTaken: string;
  retentionOutcome: TRetentionOutcome | '';
  trialOutcome: TTrialOutcome | '';
}

export const EMPTY_CHECK_IN: TCheckInValues = {
  contactedWith: '',
  status: '',
  notes: '',
  actionTaken: '',
  retentionOutcome: '',
  trialOutcome: '',
};

/**
 * The body of a check-in: unanswered choices left out (the schema then names the missing field),
 * and only the outcome this check-in measures — a choice made before the kind changed is dropped.
 */
export function checkInBody(
  values: TCheckInValues,
  measures: TCheckInMeasure | null,
): Record<string, unknown> {
  const field = outcomeFieldOf(measures);
  return {
    contactedWith: values.contactedWith || undefined,
    status: values.status || undefined,
    notes: values.notes,
    actionTaken: values.actionTaken,
    retentionOutcome: field === 'retentionOutcome' ? values.retentionOutcome || null : null,
    trialOutcome: field === 'trialOutcome' ? values.trialOutcome || null : null,
  };
}

/** The outcome a done check-in recorded, as a locale key (followUps.…), or null. */
export function outcomeKeyOf(f: Pick<TFollowUp, 'retentionOutcome' | 'trialOutcome'>): string | null {
  if (f.retentionOutcome) return `followUps.retentionOutcome.${f.retentionOutcome}`;
  if (f.trialOutcome) return `followUps.trialOutcome.${f.trialOutcome}`;
  return null;
}
