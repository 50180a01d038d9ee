import {
  EXCLUSION_CODES,
  exclusionSummaryLabel,
  exclusionsFor,
  type TExclusion,
  type TExclusionCode,
} from './hard-filters.ts';
import type { TMatchContext, TMatchOpening, TMatchResident } from './match-inputs.ts';
import type { TMatchWeights, TScoreComponent } from './matching-settings.ts';
import { componentScores } from './score-components.ts';

// Matching both ways (issue 5 items 1-3): candidates for an opening, openings for a resident.
// Every rank is explained (each component's value, weight and Danish reason) and every person
// left out says why; the decision to propose stays with a job consultant or social worker.

export interface TScoredComponent {
  component: TScoreComponent;
  value: number | null;
  weight: number;
  /** value × weight ÷ the weights of the components that apply: its share of the total. */
  contribution: number;
  reason: string;
}

export interface TMatch {
  residentId: string;
  openingId: string;
  /** Weighted mean of the applicable components, 0-1. */
  score: number;
  components: TScoredComponent[];
  /** The reasons, strongest contribution first. */
  reasons: string[];
}

/**
 * What a proposal or a plan line keeps of the ranking: the score, each applicable component with
 * its weight and reason, and the reasons (transparency: why the match was suggested, at the time).
 */
export interface TScoreSnapshot {
  score: number;
  components: { component: string; value: number; weight: number; reason: string }[];
  reasons: string[];
}

/** The snapshot of a match; a component that does not apply to the pair has no value and is left out. */
export function scoreSnapshotOf(m: TMatch): TScoreSnapshot {
  return {
    score: m.score,
    components: m.components.flatMap((c) =>
      c.value === null
        ? []
        : [{ component: c.component, value: c.value, weight: c.weight, reason: c.reason }],
    ),
    reasons: m.reasons,
  };
}

export interface TExcluded {
  residentId: string;
  openingId: string;
  exclusions: TExclusion[];
}

export interface TExclusionSummaryLine {
  code: TExclusionCode;
  param?: number | string;
  count: number;
  /** "14 uden samtykke til virksomheder" */
  label: string;
}

/** Scores a pair that passed the hard filters. */
export function scorePair(resident: TMatchResident, opening: TMatchOpening, context: TMatchContext): TMatch {
  const weights: TMatchWeights = context.settings.weights;
  const raw = componentScores(resident, opening, context);
  const applicableWeight = raw.reduce((sum, c) => (c.value === null ? sum : sum + weights[c.component]), 0);
  const components = raw.map((c) => ({
    component: c.component,
    value: c.value,
    weight: weights[c.component],
    contribution:
      c.value === null || applicableWeight === 0 ? 0 : (c.value * weights[c.component]) / applicableWeight,
    reason: c.reason,
  }));
  const score = components.reduce((sum, c) => sum + c.contribution, 0);
  const reasons = [...components]
    .filter((c) => c.value !== null && c.weight > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .map((c) => c.reason);
  return { residentId: resident.id, openingId: opening.id, score, components, reasons };
}

/** Plain code-unit order: ids and ISO dates need no locale, and it is fast and the same everywhere. */
export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Higher score first; on a tie the longer wait, then the id, so the order never depends on input order. */
function byRank(waitingSince: (m: TMatch) => string, id: (m: TMatch) => string) {
  return (a: TMatch, b: TMatch) =>
    b.score - a.score || compareText(waitingSince(a), waitingSince(b)) || compareText(id(a), id(b));
}

/** The exclusions grouped by the first reason each person fails on, in the filters' order. */
export function summariseExclusions(excluded: readonly TExcluded[]): TExclusionSummaryLine[] {
  const groups = new Map<string, TExclusionSummaryLine>();
  for (const person of excluded) {
    const first = person.exclusions[0];
    if (!first) continue;
    const key = `${first.code}:${first.param ?? ''}`;
    const line = groups.get(key) ?? { code: first.code, param: first.param, count: 0, label: '' };
    line.count += 1;
    groups.set(key, line);
  }
  return [...groups.values()]
    .map((line) => ({ ...line, label: exclusionSummaryLabel(line.code, line.param, line.count) }))
    .sort(
      (a, b) =>
        EXCLUSION_CODES.indexOf(a.code) - EXCLUSION_CODES.indexOf(b.code) ||
        b.count - a.count ||
        compareText(String(a.param ?? ''), String(b.param ?? '')),
    );
}

export interface TCandidatesResult {
  candidates: TMatch[];
  excluded: TExcluded[];
  summary: TExclusionSummaryLine[];
}

/** The residents who fit an opening, best first, and who is left out and why. */
export function candidatesForOpening(
  opening: TMatchOpening,
  residents: readonly TMatchResident[],
  context: TMatchContext,
): TCandidatesResult {
  const candidates: TMatch[] = [];
  const excluded: TExcluded[] = [];
  const waiting = new Map(residents.map((r) => [r.id, r.waitingSince]));
  for (const resident of residents) {
    const exclusions = exclusionsFor(resident, opening, context);
    if (exclusions.length > 0) excluded.push({ residentId: resident.id, openingId: opening.id, exclusions });
    else candidates.push(scorePair(resident, opening, context));
  }
  candidates.sort(
    byRank(
      (m) => waiting.get(m.residentId) ?? '',
      (m) => m.residentId,
    ),
  );
  return { candidates, excluded, summary: summariseExclusions(excluded) };
}

export interface TOpeningsResult {
  openings: TMatch[];
  excluded: TExcluded[];
}

/** The openings a resident fits, best first, and the ones that are not for them and why. */
export function openingsForResident(
  resident: TMatchResident,
  openings: readonly TMatchOpening[],
  context: TMatchContext,
): TOpeningsResult {
  const matches: TMatch[] = [];
  const excluded: TExcluded[] = [];
  const starts = new Map(openings.map((o) => [o.id, o.startDate]));
  for (const opening of openings) {
    const exclusions = exclusionsFor(resident, opening, context);
    if (exclusions.length > 0) excluded.push({ residentId: resident.id, openingId: opening.id, exclusions });
    else matches.push(scorePair(resident, opening, context));
  }
  // For a person, the sooner job wins a tie.
  matches.sort(
    byRank(
      (m) => starts.get(m.openingId) ?? '',
      (m) => m.openingId,
    ),
  );
  return { openings: matches, excluded };
}
