import type { TPlacementStatus } from '@domain/placement.schema.ts';

// Pure helpers of the placement pages: the API path, status colours, and which end statuses the
// "Afslut forløb" form offers.

export const PLACEMENTS_PATH = '/api/placements';

/** Light badges; the theme darkens their text to 4.5:1. */
export const PLACEMENT_STATUS_COLOR: Record<TPlacementStatus, string> = {
  active: 'blue',
  completed: 'green',
  ended_early: 'red',
  converted: 'teal',
  education: 'grape',
};

/** How a placement may end ("Afslut forløb"), in the order the form offers them. */
export const END_STATUSES = ['completed', 'converted', 'education', 'ended_early'] as const;
export type TEndStatus = (typeof END_STATUSES)[number];

export interface TEndValues {
  status: TEndStatus | '';
  endDate: string;
  reason: string;
  note: string;
}

/**
 * The body of "Afslut forløb": a reason only for a placement that stopped early (a reason picked
 * before the status changed is dropped), and nothing for a choice not made.
 */
export function endBody(values: TEndValues): Record<string, unknown> {
  return {
    status: values.status || undefined,
    endDate: values.endDate,
    reason: values.status === 'ended_early' ? values.reason || null : null,
    note: values.note,
  };
}

/**
 * The end date the form suggests: the planned end when it has one and has come, else today — never
 * before the start.
 */
export function suggestedEndDate(p: { startDate: string; endDate: string | null }, today: string): string {
  return notBefore(p.endDate && p.endDate <= today ? p.endDate : today, p.startDate);
}

/** The day, or `earliest` when the day lies before it (ISO dates compare as strings). */
export function notBefore(day: string, earliest: string): string {
  return [day, earliest].sort()[1]!;
}

/** True for a user who is only a company's contact: the company's own view of its placements. */
export function isCompanyOnly(me: { memberships: readonly { role: string }[] }): boolean {
  return me.memberships.length > 0 && me.memberships.every((m) => m.role === 'company_contact');
}
