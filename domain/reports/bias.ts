import { GENDER_LABEL_DA, GENDERS } from '../resident.schema.ts';
import { ageOn } from '../rules/youth-work.ts';
import type { TBiasDefinitions, TBiasDimension, TBiasDimensionReport, TBiasGroup } from './bias.schema.ts';

// The bias report's rules (issue 5 item 7), pure: plain counts in, the published report out.
// Protected attributes (age, gender) and the area are used here ONLY to audit outcomes; they are
// never inputs to matching (domain/matching takes none of them as a score input).
//
// Definitions (also shown on the page, in plain Danish):
// - Population of a group: residents of the partnership (living in its municipality) who could be
//   matched in the period: a consent (b) "matching" that covered some of the period (given on or
//   before its end, not withdrawn or expired before its start), status not closed or moved, not
//   anonymised before the period. The repository applies this; here a row is already counted.
// - Proposed: of those, people with at least one proposal made in the period (Copenhagen days).
// - Hired: of the proposed, people with a placement starting in the period or a proposal made in
//   the period that ended in "hired".
// - Proposal rate = proposed / population. Hire rate = hired / proposed (proposal to hire).
// - Four-fifths rule (US EEOC, adverse impact): a group whose rate is below 80 % of the highest
//   group's rate in the same dimension is flagged. Exactly 80 % is not flagged.
// - Small counts: a count from 1 to 4 is published as "< 5" (null) and every rate built on it is
//   hidden; 0 is shown. A rate takes part in the comparison (as reference or flagged) only when
//   both its counts are shown.

/** Counts 1..MIN_SHOWN_COUNT-1 are never published. */
export const MIN_SHOWN_COUNT = 5;
/** The four-fifths threshold as a fraction: 4/5. */
export const FOUR_FIFTHS = { numerator: 4, denominator: 5 } as const;

/**
 * Age bands, on the period's end date. Under 15 (pocket-money jobs from 13); 15-17 the youth-work
 * rules' band (leisure jobs); 18-24 and 25-29 the young adults the method's education bridge aims
 * at (seed 003 measures 18-29); then ten-year bands to 49, 50-64 to the pension age, 65 and over.
 */
export const AGE_BANDS = [
  { key: 'under_15', min: 0, max: 14, label: 'Under 15 år' },
  { key: '15_17', min: 15, max: 17, label: '15-17 år' },
  { key: '18_24', min: 18, max: 24, label: '18-24 år' },
  { key: '25_29', min: 25, max: 29, label: '25-29 år' },
  { key: '30_39', min: 30, max: 39, label: '30-39 år' },
  { key: '40_49', min: 40, max: 49, label: '40-49 år' },
  { key: '50_64', min: 50, max: 64, label: '50-64 år' },
  { key: '65_plus', min: 65, max: Number.POSITIVE_INFINITY, label: '65 år og derover' },
] as const;
export type TAgeBandKey = (typeof AGE_BANDS)[number]['key'];

export function ageBandOf(age: number): TAgeBandKey {
  return (AGE_BANDS.find((b) => age >= b.min && age <= b.max) ?? AGE_BANDS[0]).key;
}

/** Self-reported gender; no answer is a group of its own. */
export const GENDER_GROUPS = [...GENDERS, 'not_stated'] as const;
export type TGenderGroup = (typeof GENDER_GROUPS)[number];
export const GENDER_GROUP_LABEL_DA: Record<TGenderGroup, string> = {
  ...GENDER_LABEL_DA,
  not_stated: 'Ikke oplyst',
};

/** The key and label of the group of people living outside the partnership's housing areas. */
export const OUTSIDE_AREAS_KEY = 'outside';
export const OUTSIDE_AREAS_LABEL_DA = 'Uden for boligområderne';

export const BIAS_DIMENSION_LABEL_DA: Record<TBiasDimension, string> = {
  area: 'Boligområde',
  age_band: 'Aldersgruppe',
  gender: 'Køn (selvoplyst)',
};

/** One cell of the population, as the repository counts it: people alike in area, gender, birth date. */
export interface TBiasCell {
  areaId: string | null;
  gender: (typeof GENDERS)[number] | null;
  birthDate: string;
  population: number;
  proposed: number;
  hired: number;
}

export interface TBiasInput {
  cells: readonly TBiasCell[];
  /** The partnership's housing areas (all shown, also with nobody) and any other area a cell names. */
  areas: readonly { id: string; name: string }[];
  /** The period's last day: ages are taken on it. */
  ageOn: string;
}

/** A count as published: 1-4 become null ("< 5"). */
export function publishedCount(n: number): number | null {
  return n > 0 && n < MIN_SHOWN_COUNT ? null : n;
}

/**
 * One measure (population, proposed or hired) over the groups of one dimension, as published.
 * Small counts are hidden (primary suppression), and then, because every dimension splits the
 * same people, more is hidden until the hidden cells can no longer be told apart by subtraction
 * from another dimension's total (complementary suppression, as Statistics Denmark does it): at
 * least two hidden cells that together hold at least MIN_SHOWN_COUNT people. The extra cells are
 * the smallest ones shown, so as little as possible is lost.
 */
export function publishedCounts(counts: readonly number[]): (number | null)[] {
  const shown = counts.map(publishedCount);
  const hidden = () => shown.flatMap((v, i) => (v === null ? [i] : []));
  if (hidden().length === 0) return shown;
  const hiddenSum = () => hidden().reduce((sum, i) => sum + counts[i]!, 0);
  while (hidden().length < 2 || hiddenSum() < MIN_SHOWN_COUNT) {
    let next = -1;
    for (const [i, v] of shown.entries()) {
      if (v === null || v === 0) continue;
      if (next === -1 || v < shown[next]!) next = i;
    }
    if (next === -1) break;
    shown[next] = null;
  }
  return shown;
}

interface TRawGroup {
  key: string;
  label: string;
  population: number;
  proposed: number;
  hired: number;
}

interface TShownRate {
  numerator: number;
  denominator: number;
}

/** A rate from two published counts, or null when either is hidden or the base is 0. */
function shownRate(numerator: number | null, denominator: number | null): TShownRate | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return { numerator, denominator };
}

/** a < 4/5 × b, in integers (no rounding at exactly 80 %). */
function belowFourFifths(a: TShownRate, b: TShownRate): boolean {
  return (
    FOUR_FIFTHS.denominator * a.numerator * b.denominator <
    FOUR_FIFTHS.numerator * b.numerator * a.denominator
  );
}

/**
 * The group with the highest shown rate; the first wins a tie (groups come in display order).
 * None when no rate is shown or the highest is 0: there is nothing to be below 4/5 of.
 */
function highest(rates: readonly (TShownRate | null)[]): number | null {
  let best: number | null = null;
  let bestRate: TShownRate | null = null;
  for (const [i, r] of rates.entries()) {
    if (r === null) continue;
    if (bestRate === null || r.numerator * bestRate.denominator > bestRate.numerator * r.denominator) {
      best = i;
      bestRate = r;
    }
  }
  return bestRate !== null && bestRate.numerator > 0 ? best : null;
}

/** One dimension's published groups, reference groups and flags. */
export function compareGroups(dimension: TBiasDimension, raw: readonly TRawGroup[]): TBiasDimensionReport {
  const population = publishedCounts(raw.map((g) => g.population));
  const proposed = publishedCounts(raw.map((g) => g.proposed));
  const hired = publishedCounts(raw.map((g) => g.hired));
  const published = raw.map((g, i) => ({
    ...g,
    shown: { population: population[i]!, proposed: proposed[i]!, hired: hired[i]! },
  }));
  const proposalRates = published.map((g) => shownRate(g.shown.proposed, g.shown.population));
  const hireRates = published.map((g) => shownRate(g.shown.hired, g.shown.proposed));
  const proposalRef = highest(proposalRates);
  const hireRef = highest(hireRates);
  const value = (r: TShownRate | null) => (r === null ? null : r.numerator / r.denominator);
  const relative = (r: TShownRate | null, ref: TShownRate | null): number | null =>
    r === null || ref === null || ref.numerator === 0
      ? null
      : (r.numerator * ref.denominator) / (ref.numerator * r.denominator);
  const groups: TBiasGroup[] = published.map((g, i) => {
    const pr = proposalRates[i]!;
    const hr = hireRates[i]!;
    const pRef = proposalRef === null ? null : proposalRates[proposalRef]!;
    const hRef = hireRef === null ? null : hireRates[hireRef]!;
    return {
      key: g.key,
      label: g.label,
      population: g.shown.population,
      proposed: g.shown.proposed,
      hired: g.shown.hired,
      proposalRate: value(pr),
      hireRate: value(hr),
      proposalRatio: relative(pr, pRef),
      hireRatio: relative(hr, hRef),
      suppressed: g.shown.population === null || g.shown.proposed === null || g.shown.hired === null,
      fourFifthsFlag: {
        proposal: pr !== null && pRef !== null && belowFourFifths(pr, pRef),
        hire: hr !== null && hRef !== null && belowFourFifths(hr, hRef),
      },
    };
  });
  return {
    dimension,
    label: BIAS_DIMENSION_LABEL_DA[dimension],
    groups,
    referenceGroup: {
      proposal: proposalRef === null ? null : raw[proposalRef]!.key,
      hire: hireRef === null ? null : raw[hireRef]!.key,
    },
  };
}

const collator = new Intl.Collator('da', { sensitivity: 'base' });

function sum(cells: readonly TBiasCell[]): Omit<TRawGroup, 'key' | 'label'> {
  let population = 0;
  let proposed = 0;
  let hired = 0;
  for (const c of cells) {
    population += c.population;
    proposed += c.proposed;
    hired += c.hired;
  }
  return { population, proposed, hired };
}

/**
 * The report's three dimensions from the counted cells. Every area of the partnership, every age
 * band and every gender group is listed, also with nobody in it, so a missing group is visible.
 */
export function buildBiasDimensions(input: TBiasInput): TBiasDimensionReport[] {
  const areaName = new Map(input.areas.map((a) => [a.id, a.name]));
  for (const c of input.cells) {
    if (c.areaId !== null && !areaName.has(c.areaId)) areaName.set(c.areaId, 'Ukendt boligområde');
  }
  const areaIds = [...areaName.keys()].sort((a, b) => collator.compare(areaName.get(a)!, areaName.get(b)!));
  const areaGroups: TRawGroup[] = [
    ...areaIds.map((id) => ({
      key: id,
      label: areaName.get(id)!,
      ...sum(input.cells.filter((c) => c.areaId === id)),
    })),
    {
      key: OUTSIDE_AREAS_KEY,
      label: OUTSIDE_AREAS_LABEL_DA,
      ...sum(input.cells.filter((c) => c.areaId === null)),
    },
  ];
  const bandOf = new Map(input.cells.map((c) => [c, ageBandOf(ageOn(c.birthDate, input.ageOn))]));
  const ageGroups: TRawGroup[] = AGE_BANDS.map((b) => ({
    key: b.key,
    label: b.label,
    ...sum(input.cells.filter((c) => bandOf.get(c) === b.key)),
  }));
  const genderGroups: TRawGroup[] = GENDER_GROUPS.map((g) => ({
    key: g,
    label: GENDER_GROUP_LABEL_DA[g],
    ...sum(input.cells.filter((c) => (c.gender ?? 'not_stated') === g)),
  }));
  return [
    compareGroups('area', areaGroups),
    compareGroups('age_band', ageGroups),
    compareGroups('gender', genderGroups),
  ];
}

/** The definitions in plain Danish, as the page, the API and the downloads show them. */
export function biasDefinitions(ageOnDay: string): TBiasDefinitions {
  return {
    minCount: MIN_SHOWN_COUNT,
    fourFifths: FOUR_FIFTHS.numerator / FOUR_FIFTHS.denominator,
    ageOn: ageOnDay,
    ageBands: AGE_BANDS.map((b) => ({ key: b.key, label: b.label })),
    texts: [
      {
        term: 'Grundlag',
        text:
          'Beboere i partnerskabets kommune, som kunne matches i perioden: de havde et samtykke (b) til ' +
          'matchning, der gjaldt i en del af perioden, deres status er ikke afsluttet eller fraflyttet, og ' +
          'de var ikke anonymiseret før perioden.',
      },
      {
        term: 'Foreslået',
        text: 'Af grundlaget: personer med mindst ét forslag til en jobåbning i perioden.',
      },
      {
        term: 'Ansat',
        text:
          'Af de foreslåede: personer med en ansættelse, der starter i perioden, eller et forslag fra ' +
          'perioden, der endte med ansættelse.',
      },
      { term: 'Forslagsrate', text: 'Foreslåede delt med grundlaget.' },
      { term: 'Ansættelsesrate', text: 'Ansatte delt med foreslåede (fra forslag til ansættelse).' },
      {
        term: '4/5-reglen',
        text:
          'En gruppe markeres "Under 4/5 af den højeste gruppe", når dens rate er under 80 % af raten i ' +
          'den gruppe, der har den højeste rate i samme opdeling. Præcis 80 % markeres ikke.',
      },
      {
        term: 'Små tal',
        text:
          `Antal fra 1 til ${MIN_SHOWN_COUNT - 1} vises som "< ${MIN_SHOWN_COUNT}", og rater, der bygger på ` +
          'dem, vises ikke. Er et tal skjult, skjules også det mindste andet tal i samme opdeling, så det ' +
          'skjulte ikke kan regnes ud ved at trække fra en anden opdelings total. Sådanne grupper indgår ' +
          'ikke i sammenligningen. 0 vises som 0.',
      },
      {
        term: 'Alder',
        text: 'Alder på periodens sidste dag.',
      },
      {
        term: 'Beskyttede oplysninger',
        text:
          'Køn bruges her kun til at efterprøve resultaterne og indgår aldrig i matchningen. Alder indgår ' +
          'kun som lovens og jobåbningens aldersgrænser (fx reglerne for unges arbejde), og boligområdet ' +
          'kun som afstand til arbejdspladsen.',
      },
    ],
  };
}
