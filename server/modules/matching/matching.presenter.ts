import type { TMatch } from '@domain/matching/match.ts';
import type { TScoredComponentDto } from '@domain/matching/matching.schema.ts';
import { SCORE_COMPONENT_LABEL_DA } from '@domain/matching/matching-settings.ts';

// The only shape a rank leaves the server in: each component with its Danish name, so the
// explanation reads the same on every screen.

/** Rounded for the wire: four decimals are more than any screen shows. */
const round = (n: number) => Math.round(n * 10_000) / 10_000;

export function presentComponents(m: TMatch): TScoredComponentDto[] {
  return m.components.map((c) => ({
    component: c.component,
    label: SCORE_COMPONENT_LABEL_DA[c.component],
    value: c.value === null ? null : round(c.value),
    weight: c.weight,
    contribution: round(c.contribution),
    reason: c.reason,
  }));
}

export function presentScore(score: number): number {
  return round(score);
}
