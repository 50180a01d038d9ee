import type { TClauseStatus } from '@domain/rules/clause-progress.ts';

// How clause progress reads on screen: Danish decimals in both languages (like every number in
// Jobbro), one decimal for the pro-rata expectation ("Forventet i dag: 1,2").

const oneDecimal = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToOneDecimal = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

/** 1.25 → "1,3"; 0 → "0,0". */
export function formatExpected(value: number): string {
  return oneDecimal.format(value);
}

/** Counts are whole for people, but trainee weeks may be fractional: 2 → "2", 2.5 → "2,5". */
export function formatCount(value: number): string {
  return upToOneDecimal.format(value);
}

/** The bar's width in percent, 0-100. */
export function progressPercent(fulfilledShare: number): number {
  return Math.round(Math.min(1, Math.max(0, fulfilledShare)) * 100);
}

/** Colours for the status badge; the badge always carries the status in words too. */
export const CLAUSE_STATUS_COLOR: Record<TClauseStatus, string> = {
  not_started: 'gray',
  on_track: 'blue',
  behind: 'red',
  met: 'green',
};
