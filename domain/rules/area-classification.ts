import { z } from 'zod';

// Area classification (issue 7 item 3): which list a social housing area is on — vulnerable area,
// ghetto area, hard ghetto area or none — from five criterion values, its residents and its years
// on the list. The criteria are data, one entry per year, with their source, so a year whose law
// changes thresholds, criteria or category names is a new entry, not new code.
//
// Source of 2019: seed 002 (KL, "Beskæftigelsesindsatser i udsatte boligområder – gevinster ved
// samarbejde med den almene boligsektor"), the sections "Fakta om udsatte boligområder" and
// "Ghettolistens kriterier", which cite Transport- og Boligministeriet's list of 1 December 2019.
//
// How the seed's words are read (each label below is the seed's own sentence):
// - "overstiger" and "mindre end" are strict (>, <); "mindst" is inclusive (≥). Criterion 3 is
//   met *below* its limit; the other four above it.
// - "mindst 1.000 beboere": 1,000 residents is enough, 999 is not. Below it the area is on no
//   list, but the criteria are still evaluated: the seed says smaller areas (750-1,000 residents)
//   are monitored on them.
// - "Hårde ghettoområder er boligområder som har stået på ghettolisten mindst de seneste 4 år":
//   `yearsOnList` counts the consecutive years on the list up to and including the classification
//   year, and must be at least 4. Being on this year's list means being a ghetto area this year,
//   so a hard ghetto area must also meet the ghetto criteria now; years alone are not enough.
// - Shares are percentages 0-100 (47.8 means 47.8 %); criterion 3 is the area's income as a
//   percentage of the region's; criterion 4 the conviction share as a multiple of the national.
// - A criterion value may be missing (null: "ikke oplyst"), as in the seed, which gives only
//   Sundparken's criteria 1 and 2. It then counts as not met, and the result says how high the
//   category could go if the missing values were met.

/** How a value is compared with its threshold; the seed's "overstiger" is gt, "mindst" gte. */
export const COMPARISONS = ['gt', 'gte', 'lt', 'lte'] as const;
export type TComparison = (typeof COMPARISONS)[number];

/**
 * The kind of number a criterion reads; it fixes the input's bounds and how it is written.
 * percent_share: a share of residents, 0-100 %. percent_of_reference: a percentage of a reference
 * (e.g. the region's income), ≥ 0. multiple_of_reference: times a reference (e.g. the national rate), ≥ 0.
 */
export const CLASSIFICATION_UNITS = [
  'percent_share',
  'percent_of_reference',
  'multiple_of_reference',
] as const;
export type TClassificationUnit = (typeof CLASSIFICATION_UNITS)[number];

/** The category of an area that is on no list (or too small for the criteria). */
export const NO_CATEGORY = 'none';

const ZCriterionId = z.number().int().positive();

/** One criterion of a year's rules. */
export const ZClassificationCriterion = z.object({
  /** The number the law gives it (1-5 in 2019). */
  id: ZCriterionId,
  /** The criterion in the source's own words. */
  labelDa: z.string().min(1),
  /** Key of the input value it reads (`values[measure]`); stable across years that keep the measure. */
  measure: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** Short Danish name of the measure, for form fields, table columns and messages. */
  measureDa: z.string().min(1),
  unit: z.enum(CLASSIFICATION_UNITS),
  threshold: z.number().min(0),
  comparison: z.enum(COMPARISONS),
  /** The value in a sentence; `{value}` is replaced by the formatted value, e.g. "47,8 %". */
  statementDa: z.string().includes('{value}'),
});
export type TClassificationCriterion = z.infer<typeof ZClassificationCriterion>;

/** A condition of a category; all of a category's conditions must hold. */
export const ZCategoryCondition = z.discriminatedUnion('kind', [
  /** At least `count` of these criteria are met ("mindst to af kriterierne 1 til 4"). */
  z.object({
    kind: z.literal('criteria'),
    criteria: z.array(ZCriterionId).min(1),
    atLeast: z.number().int().min(1),
  }),
  /** The area also qualifies for another (less severe, later in the list) category. */
  z.object({ kind: z.literal('category'), category: z.string().min(1) }),
  /** The area has stood on the list at least this many consecutive years, this year included. */
  z.object({ kind: z.literal('years_on_list'), atLeast: z.number().int().min(1), listDa: z.string().min(1) }),
]);
export type TCategoryCondition = z.infer<typeof ZCategoryCondition>;

export const ZClassificationCategory = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** Danish name as written in a sentence, e.g. "udsat boligområde". */
  labelDa: z.string().min(1),
  /** The definition in the source's own words. */
  sourceDa: z.string().min(1),
  conditions: z.array(ZCategoryCondition).min(1),
});
export type TClassificationCategory = z.infer<typeof ZClassificationCategory>;

/** One year's classification rules: data, validated, with where they come from. */
export const ZClassificationRules = z
  .object({
    year: z.number().int().min(2000).max(2100),
    nameDa: z.string().min(1),
    source: z.object({
      document: z.string().min(1),
      section: z.string().min(1),
      publication: z.string().min(1),
      urls: z.array(z.string()),
    }),
    minimumResidents: z.object({
      threshold: z.number().int().min(0),
      comparison: z.enum(COMPARISONS),
      sourceDa: z.string().min(1),
    }),
    criteria: z.array(ZClassificationCriterion).min(1),
    /** Most severe first: an area gets the first category whose conditions all hold. */
    categories: z.array(ZClassificationCategory).min(1),
    /** Danish name of "on no list", e.g. "ikke på listen". */
    noneLabelDa: z.string().min(1),
  })
  .superRefine((rules, ctx) => {
    const ids = rules.criteria.map((c) => c.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'id'],
          message: `Kriterie ${id} findes to gange.`,
        });
    });
    const units = new Map<string, TClassificationUnit>();
    rules.criteria.forEach((c, i) => {
      const unit = units.get(c.measure);
      if (unit && unit !== c.unit)
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'unit'],
          message: `Målet ${c.measure} har to enheder.`,
        });
      units.set(c.measure, c.unit);
    });
    const keys = rules.categories.map((c) => c.key);
    rules.categories.forEach((category, i) => {
      if (category.key === NO_CATEGORY || keys.indexOf(category.key) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['categories', i, 'key'],
          message: `Kategorien ${category.key} er ugyldig eller findes to gange.`,
        });
      category.conditions.forEach((condition, j) => {
        const path = ['categories', i, 'conditions', j];
        if (condition.kind === 'criteria') {
          const unknown = condition.criteria.filter((id) => !ids.includes(id));
          if (unknown.length > 0)
            ctx.addIssue({ code: 'custom', path, message: `Ukendte kriterier: ${unknown.join(', ')}.` });
          if (condition.atLeast > condition.criteria.length)
            ctx.addIssue({ code: 'custom', path, message: 'Der kræves flere kriterier, end der er nævnt.' });
        } else if (condition.kind === 'category') {
          // Only a later (less severe) category may be required: no cycles, one evaluation order.
          if (keys.indexOf(condition.category) <= i)
            ctx.addIssue({
              code: 'custom',
              path,
              message: `Kategorien ${condition.category} skal stå senere i listen.`,
            });
        }
      });
    });
  });
export type TClassificationRules = z.infer<typeof ZClassificationRules>;

/** Validates a year's rules when the module loads, so malformed rules never classify anything. */
function defineClassificationRules(rules: TClassificationRules): TClassificationRules {
  return ZClassificationRules.parse(rules);
}

const RULES_2019 = defineClassificationRules({
  year: 2019,
  nameDa: 'Ghettolistens kriterier 2019',
  source: {
    document:
      'Seed 002: KL, "Beskæftigelsesindsatser i udsatte boligområder – gevinster ved samarbejde med den almene boligsektor"',
    section: 'Fakta om udsatte boligområder – Ghettolistens kriterier',
    publication: 'Transport- og Boligministeriet: Liste over ghettoområder pr. 1. december 2019',
    urls: [
      'https://www.trm.dk/publikationer/2019/liste-over-ghettoomraader-pr-1-december-2019/',
      'https://www.trafikstyrelsen.dk/da/Bolig/Udsatte-boligomraader/Udsatte-omraader-og-ghettoomraader#omraadeafgraensninger',
    ],
  },
  minimumResidents: {
    threshold: 1000,
    comparison: 'gte',
    sourceDa:
      'Der gælder følgende ghettokriterier for fysisk sammenhængende almene boligafdelinger med mindst 1.000 beboere',
  },
  criteria: [
    {
      id: 1,
      labelDa:
        'Andelen af beboere i alderen 18-64 år, der er uden tilknytning til arbejdsmarkedet eller uddannelse, overstiger 40 pct. opgjort som gennemsnit over de seneste 2 år.',
      measure: 'no_work_or_education_share_18_64',
      measureDa: 'Andel 18-64-årige uden tilknytning til arbejdsmarkedet eller uddannelse (gns. 2 år)',
      unit: 'percent_share',
      threshold: 40,
      comparison: 'gt',
      statementDa: '{value} af de 18-64-årige er uden tilknytning til arbejdsmarkedet eller uddannelse',
    },
    {
      id: 2,
      labelDa:
        'Andelen af beboere i alderen 30-59 år, der alene har en grundskoleuddannelse, overstiger 60 pct.',
      measure: 'primary_school_only_share_30_59',
      measureDa: 'Andel 30-59-årige med alene en grundskoleuddannelse',
      unit: 'percent_share',
      threshold: 60,
      comparison: 'gt',
      statementDa: '{value} af de 30-59-årige har alene en grundskoleuddannelse',
    },
    {
      id: 3,
      labelDa:
        'Den gennemsnitlige bruttoindkomst for skattepligtige i alderen 15-64 år i området eksklusive uddannelsessøgende udgør mindre end 55 pct. af den gennemsnitlige bruttoindkomst for samme gruppe i regionen.',
      measure: 'gross_income_pct_of_region_15_64',
      measureDa: 'Gns. bruttoindkomst for 15-64-årige (ekskl. uddannelsessøgende) i pct. af regionens',
      unit: 'percent_of_reference',
      threshold: 55,
      comparison: 'lt',
      statementDa: 'bruttoindkomsten for de 15-64-årige er {value} af regionens gennemsnit',
    },
    {
      id: 4,
      labelDa:
        'Andelen af beboere på 18 år og derover dømt for overtrædelse af straffeloven, våbenloven eller lov om euforiserende stoffer udgør mindst 3 gange landsgennemsnittet opgjort som gennemsnit over de seneste 2 år.',
      measure: 'convicted_multiple_of_national_18_plus',
      measureDa: 'Andel dømte på 18 år og derover i forhold til landsgennemsnittet (gns. 2 år)',
      unit: 'multiple_of_reference',
      threshold: 3,
      comparison: 'gte',
      statementDa: 'andelen af dømte på 18 år og derover er {value} landsgennemsnittet',
    },
    {
      id: 5,
      labelDa: 'Andelen af indvandrere og efterkommere fra ikkevestlige lande overstiger 50 pct.',
      measure: 'non_western_immigrants_share',
      measureDa: 'Andel indvandrere og efterkommere fra ikkevestlige lande',
      unit: 'percent_share',
      threshold: 50,
      comparison: 'gt',
      statementDa: '{value} af beboerne er indvandrere og efterkommere fra ikkevestlige lande',
    },
  ],
  categories: [
    {
      key: 'hard_ghetto',
      labelDa: 'hårdt ghettoområde',
      sourceDa: 'Hårde ghettoområder er boligområder som har stået på ghettolisten mindst de seneste 4 år.',
      // On the list this year (a ghetto area now) and the 3 years before: see the note at the top.
      conditions: [
        { kind: 'category', category: 'ghetto' },
        { kind: 'years_on_list', atLeast: 4, listDa: 'ghettolisten' },
      ],
    },
    {
      key: 'ghetto',
      labelDa: 'ghettoområde',
      sourceDa: 'Ghettoområder opfylder mindst to af kriterierne 1 til 4 og opfylder tillige kriterie 5.',
      conditions: [
        { kind: 'criteria', criteria: [1, 2, 3, 4], atLeast: 2 },
        { kind: 'criteria', criteria: [5], atLeast: 1 },
      ],
    },
    {
      key: 'vulnerable',
      labelDa: 'udsat boligområde',
      sourceDa: 'Udsatte boligområder opfylder mindst to af ghettokriterierne 1 til 4.',
      conditions: [{ kind: 'criteria', criteria: [1, 2, 3, 4], atLeast: 2 }],
    },
  ],
  noneLabelDa: 'ikke på listen',
});

/** Every year's rules, by year. A new year is a new entry (validated by `ZClassificationRules`). */
export const CLASSIFICATION_RULES: Readonly<Record<number, TClassificationRules>> = { 2019: RULES_2019 };

/** The rules of exactly that year, or null: the caller says "no rules for that year" in Danish. */
export function findClassificationRules(
  year: number,
  catalogue: Readonly<Record<number, TClassificationRules>> = CLASSIFICATION_RULES,
): TClassificationRules | null {
  return catalogue[year] ?? null;
}

// ── Input ───────────────────────────────────────────────────────────────────────────────────────

/** What is known about one area in one year. */
export interface TAreaClassificationInput {
  year: number;
  /** Residents of the area (the physically connected social housing estate). */
  residents: number;
  /** Consecutive years on the list up to and including `year` (0 = not on it). */
  yearsOnList: number;
  /** Criterion values by measure key; null = not known ("ikke oplyst"). */
  values: Record<string, number | null>;
}

const UNIT_BOUNDS: Record<TClassificationUnit, { max: number | null; rangeDa: string }> = {
  percent_share: { max: 100, rangeDa: 'en andel mellem 0 og 100 %' },
  percent_of_reference: { max: null, rangeDa: 'en procentdel på 0 eller mere' },
  multiple_of_reference: { max: null, rangeDa: 'et antal gange på 0 eller mere' },
};

function criterionValueSchema(criterion: TClassificationCriterion): z.ZodType<number | null> {
  const { max, rangeDa } = UNIT_BOUNDS[criterion.unit];
  const name = `Kriterie ${criterion.id}`;
  const outOfRange = { error: `${name} skal være ${rangeDa}.` };
  const value = z
    .number({
      error: (iss) =>
        iss.input === undefined
          ? `${name} skal udfyldes eller markeres som ikke oplyst.`
          : `${name} skal være et tal.`,
    })
    .min(0, outOfRange);
  return (max === null ? value : value.max(max, outOfRange)).nullable();
}

/** The input schema for one year's rules: the values its criteria read, residents, years on the list. */
export function classificationInputSchemaFor(rules: TClassificationRules) {
  const values: Record<string, z.ZodType<number | null>> = {};
  for (const criterion of rules.criteria) values[criterion.measure] ??= criterionValueSchema(criterion);
  return z.object({
    year: z.literal(rules.year, { error: `Reglerne gælder for ${rules.year}.` }),
    residents: z
      .number({
        error: (iss) =>
          iss.input === undefined ? 'Antal beboere skal udfyldes.' : 'Antal beboere skal være et tal.',
      })
      .int({ error: 'Antal beboere skal være et helt tal.' })
      .min(0, { error: 'Antal beboere kan ikke være negativt.' })
      .max(100_000, { error: 'Antal beboere kan højst være 100.000.' }),
    yearsOnList: z
      .number({
        error: (iss) =>
          iss.input === undefined
            ? 'Antal år på listen skal udfyldes.'
            : 'Antal år på listen skal være et tal.',
      })
      .int({ error: 'Antal år på listen skal være et helt tal mellem 0 og 50.' })
      .min(0, { error: 'Antal år på listen skal være et helt tal mellem 0 og 50.' })
      .max(50, { error: 'Antal år på listen skal være et helt tal mellem 0 og 50.' }),
    values: z.object(values, { error: 'Kriteriernes værdier skal udfyldes.' }),
  });
}

/** The input schema over every year of a catalogue: the year picks the rules the values must fit. */
export function classificationInputSchema(
  catalogue: Readonly<Record<number, TClassificationRules>> = CLASSIFICATION_RULES,
): z.ZodType<TAreaClassificationInput> {
  const years = Object.values(catalogue).map((rules) => rules.year);
  const [first, ...rest] = Object.values(catalogue).map(classificationInputSchemaFor);
  if (!first) throw new Error('A classification catalogue needs at least one year of rules.');
  const known = `Kendte år: ${years.join(', ')}.`;
  return z.discriminatedUnion('year', [first, ...rest], {
    error: (iss) => {
      if (iss.code !== 'invalid_union') return 'Klassifikationsgrundlaget skal være et objekt.';
      const year = (iss.input as { year?: unknown } | undefined)?.year;
      if (year === undefined) return `Året skal udfyldes. ${known}`;
      if (typeof year !== 'number' || !Number.isInteger(year)) return `Året skal være et helt tal. ${known}`;
      return `Der findes ingen klassifikationsregler for ${year}. ${known}`;
    },
  });
}

/** Inputs per area and year for the years Jobbro has rules for. */
export const ZAreaClassificationInput = classificationInputSchema();

// ── Result ──────────────────────────────────────────────────────────────────────────────────────

export interface TCriterionResult {
  id: number;
  labelDa: string;
  measure: string;
  unit: TClassificationUnit;
  threshold: number;
  comparison: TComparison;
  /** null = not known. */
  value: number | null;
  /** null = not known (counted as not met). */
  met: boolean | null;
  /** value − threshold in the criterion's unit (percentage points for shares), signed; null if unknown. */
  margin: number | null;
  /** Met, and without it the area would be in a lower category. */
  decisive: boolean;
  explanationDa: string;
}

export interface TAreaClassification {
  year: number;
  rulesYear: number;
  /** `NO_CATEGORY` or the key of one of the rules' categories. */
  category: string;
  categoryLabelDa: string;
  /** False when missing values could give a higher category than `category`. */
  certain: boolean;
  /** The highest category if every missing value were met (= `category` when certain). */
  highestPossibleCategory: string;
  residents: { count: number; minimum: number; enough: boolean };
  /** What the criteria alone give; differs from `category` only when the area is too small. */
  categoryByCriteria: string;
  criteria: TCriterionResult[];
  metCriteria: number[];
  /** The met criteria the category's conditions counted. */
  qualifyingCriteria: number[];
  /** The met criteria without any one of which the category would be lower. */
  decisiveCriteria: number[];
  /** Danish lines for the area page, in reading order. */
  explanationDa: string[];
}

export function compare(value: number, threshold: number, comparison: TComparison): boolean {
  switch (comparison) {
    case 'gt':
      return value > threshold;
    case 'gte':
      return value >= threshold;
    case 'lt':
      return value < threshold;
    case 'lte':
      return value <= threshold;
    default: {
      const never: never = comparison;
      throw new Error(`Unknown comparison ${String(never)}`);
    }
  }
}

interface TFacts {
  met: ReadonlySet<number>;
  yearsOnList: number;
  /** Criteria without a value: not met, but said so in the text. */
  unknown: ReadonlySet<number>;
}

function conditionHolds(rules: TClassificationRules, condition: TCategoryCondition, facts: TFacts): boolean {
  switch (condition.kind) {
    case 'criteria':
      return condition.criteria.filter((id) => facts.met.has(id)).length >= condition.atLeast;
    case 'category': {
      const category = rules.categories.find((c) => c.key === condition.category);
      return category !== undefined && categoryHolds(rules, category, facts);
    }
    case 'years_on_list':
      return facts.yearsOnList >= condition.atLeast;
    default: {
      const never: never = condition;
      throw new Error(`Unknown condition ${JSON.stringify(never)}`);
    }
  }
}

function categoryHolds(
  rules: TClassificationRules,
  category: TClassificationCategory,
  facts: TFacts,
): boolean {
  return category.conditions.every((condition) => conditionHolds(rules, condition, facts));
}

/** Index of the first (most severe) category that holds; categories.length = none. */
function rankOf(rules: TClassificationRules, facts: TFacts): number {
  const index = rules.categories.findIndex((category) => categoryHolds(rules, category, facts));
  return index === -1 ? rules.categories.length : index;
}

function keyOfRank(rules: TClassificationRules, rank: number): string {
  return rules.categories[rank]?.key ?? NO_CATEGORY;
}

function labelOfRank(rules: TClassificationRules, rank: number): string {
  return rules.categories[rank]?.labelDa ?? rules.noneLabelDa;
}

/** Criteria counted by a category's conditions, following required categories. */
function countedCriteria(rules: TClassificationRules, category: TClassificationCategory): number[] {
  return category.conditions.flatMap((condition) => {
    if (condition.kind === 'criteria') return condition.criteria;
    if (condition.kind === 'category') {
      const required = rules.categories.find((c) => c.key === condition.category);
      return required ? countedCriteria(rules, required) : [];
    }
    return [];
  });
}

// ── Danish text ─────────────────────────────────────────────────────────────────────────────────

// DOMAIN.md: percentages with one decimal (a second only when the input has one); limits as the law writes them.
const valueFormat = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const limitFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });
const countFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });

function withUnit(formatted: string, unit: TClassificationUnit): string {
  return unit === 'multiple_of_reference' ? `${formatted} gange` : `${formatted} %`;
}

const COMPARISON_DA: Record<TComparison, string> = { gt: 'over', gte: 'mindst', lt: 'under', lte: 'højst' };

function marginDa(margin: number, unit: TClassificationUnit): string {
  if (margin === 0) return 'præcis på grænsen';
  const amount = valueFormat.format(Math.abs(margin));
  const size = unit === 'multiple_of_reference' ? `${amount} gange` : `${amount} procentpoint`;
  return `${size} ${margin > 0 ? 'over' : 'under'} grænsen`;
}

/** "1-4", "1, 2 og 5", "5". */
export function criteriaListDa(ids: readonly number[]): string {
  const sorted = [...ids].sort((a, b) => a - b);
  const consecutive = sorted.every((id, i) => i === 0 || id === (sorted[i - 1] ?? 0) + 1);
  if (sorted.length > 2 && consecutive) return `${sorted[0]}-${sorted[sorted.length - 1]}`;
  if (sorted.length <= 1) return sorted.join('');
  return `${sorted.slice(0, -1).join(', ')} og ${sorted[sorted.length - 1]}`;
}

function criteriaNounDa(ids: readonly number[]): string {
  return ids.length === 1 ? `kriterie ${criteriaListDa(ids)}` : `kriterierne ${criteriaListDa(ids)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('da-DK') + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('da-DK') + text.slice(1);
}

function conditionDa(rules: TClassificationRules, condition: TCategoryCondition, facts: TFacts): string {
  switch (condition.kind) {
    case 'criteria': {
      const { criteria, atLeast } = condition;
      const count = criteria.filter((id) => facts.met.has(id)).length;
      const unknown = criteria.filter((id) => facts.unknown.has(id));
      if (criteria.length === 1) {
        const state = count === 1 ? 'opfyldt' : unknown.length > 0 ? 'ikke oplyst' : 'ikke opfyldt';
        return `${criteriaNounDa(criteria)} er ${state}`;
      }
      const counted = count === 0 ? 'ingen' : count < atLeast ? `kun ${count}` : `${count}`;
      const missing = unknown.length > 0 ? `; ${criteriaNounDa(unknown)} er ikke oplyst` : '';
      return `${counted} af ${criteriaNounDa(criteria)} er opfyldt (der kræves mindst ${atLeast}${missing})`;
    }
    case 'category': {
      const category = rules.categories.find((c) => c.key === condition.category);
      const holds = category !== undefined && categoryHolds(rules, category, facts);
      return `området er ${holds ? '' : 'ikke '}${category?.labelDa ?? condition.category}`;
    }
    case 'years_on_list':
      return `området har stået på ${condition.listDa} ${countFormat.format(facts.yearsOnList)} år i træk (der kræves mindst ${condition.atLeast})`;
    default: {
      const never: never = condition;
      throw new Error(`Unknown condition ${JSON.stringify(never)}`);
    }
  }
}

function criterionDa(
  criterion: TClassificationCriterion,
  value: number | null,
  met: boolean | null,
  margin: number | null,
): string {
  const limit = `kravet er ${COMPARISON_DA[criterion.comparison]} ${withUnit(limitFormat.format(criterion.threshold), criterion.unit)}`;
  if (value === null || margin === null)
    return `Kriterie ${criterion.id} ikke oplyst: ${lowerFirst(criterion.measureDa)} – ${limit}.`;
  const statement = criterion.statementDa.replace(
    '{value}',
    withUnit(valueFormat.format(value), criterion.unit),
  );
  return `Kriterie ${criterion.id} ${met ? 'opfyldt' : 'ikke opfyldt'}: ${statement} – ${limit}; ${marginDa(margin, criterion.unit)}.`;
}

// ── Classification ──────────────────────────────────────────────────────────────────────────────

/**
 * Classifies one area in one year by the given rules (normally `CLASSIFICATION_RULES[input.year]`;
 * another year's rules give a what-if, and the result names both years).
 */
export function classifyArea(
  input: TAreaClassificationInput,
  rules: TClassificationRules,
): TAreaClassification {
  const evaluated = rules.criteria.map((criterion) => {
    const raw = input.values[criterion.measure];
    const value = raw === undefined || raw === null || !Number.isFinite(raw) ? null : raw;
    if (value === null) return { criterion, value, met: null, margin: null };
    // Rounded so 47.8 − 40 is 7.8, not 7.799999999999997; the comparison uses the exact values.
    const margin = Math.round((value - criterion.threshold) * 1e9) / 1e9;
    return { criterion, value, met: compare(value, criterion.threshold, criterion.comparison), margin };
  });
  const metCriteria = evaluated.filter((e) => e.met === true).map((e) => e.criterion.id);
  const unknown = evaluated.filter((e) => e.met === null).map((e) => e.criterion.id);
  const facts: TFacts = {
    met: new Set(metCriteria),
    yearsOnList: input.yearsOnList,
    unknown: new Set(unknown),
  };
  const highestFacts: TFacts = { ...facts, met: new Set([...metCriteria, ...unknown]) };

  const minimum = rules.minimumResidents;
  const enough = compare(input.residents, minimum.threshold, minimum.comparison);
  const none = rules.categories.length;
  const rankByCriteria = rankOf(rules, facts);
  const rank = enough ? rankByCriteria : none;
  const highestRank = enough ? rankOf(rules, highestFacts) : none;

  const decisiveCriteria =
    rank === none
      ? []
      : metCriteria.filter((id) => {
          const without = new Set(metCriteria.filter((other) => other !== id));
          return rankOf(rules, { ...facts, met: without }) > rank;
        });
  const category = rules.categories[rank];
  const qualifyingCriteria = category
    ? metCriteria.filter((id) => countedCriteria(rules, category).includes(id))
    : [];

  const criteria: TCriterionResult[] = evaluated.map(({ criterion, value, met, margin }) => ({
    id: criterion.id,
    labelDa: criterion.labelDa,
    measure: criterion.measure,
    unit: criterion.unit,
    threshold: criterion.threshold,
    comparison: criterion.comparison,
    value,
    met,
    margin,
    decisive: decisiveCriteria.includes(criterion.id),
    explanationDa: criterionDa(criterion, value, met, margin),
  }));

  const label = labelOfRank(rules, rank);
  const residentsDa = countFormat.format(input.residents);
  const minimumDa = `${COMPARISON_DA[minimum.comparison]} ${countFormat.format(minimum.threshold)} beboere`;
  const lines: string[] = [];
  if (enough) {
    lines.push(`${capitalise(label)} efter ${lowerFirst(rules.nameDa)}.`);
    lines.push(
      `Området har ${residentsDa} beboere; kriterierne gælder for boligafdelinger med ${minimumDa}.`,
    );
  } else {
    lines.push(
      `${capitalise(rules.noneLabelDa)}: området har ${residentsDa} beboere, og kriterierne gælder kun for boligafdelinger med ${minimumDa}.`,
    );
  }
  lines.push(...criteria.map((c) => c.explanationDa));
  if (category) {
    const reasons = category.conditions.map((condition) => conditionDa(rules, condition, facts));
    lines.push(`${capitalise(category.labelDa)}: ${reasons.join(', og ')}.`);
    if (decisiveCriteria.length > 0) {
      const noun = criteriaNounDa(decisiveCriteria);
      const which = decisiveCriteria.length === 1 ? 'det' : 'ét af dem';
      lines.push(`Afgørende: ${noun} – uden ${which} ville området ikke være ${category.labelDa}.`);
    }
  }
  // Why not the next category up (the nearest more severe one).
  const above = enough ? rules.categories[rank - 1] : undefined;
  if (above) {
    const failed = above.conditions.filter((condition) => !conditionHolds(rules, condition, facts));
    lines.push(
      `Ikke ${above.labelDa}: ${failed.map((condition) => conditionDa(rules, condition, facts)).join(', og ')}.`,
    );
  }
  if (unknown.length > 0) {
    const missing = `${capitalise(criteriaNounDa(unknown))} er ikke oplyst og tælles som ikke opfyldt`;
    lines.push(
      highestRank < rank
        ? `${missing}: området er mindst ${label} og kan være op til ${labelOfRank(rules, highestRank)}.`
        : `${missing}; det ændrer ikke kategorien.`,
    );
  }
  if (!enough && rankByCriteria !== none) {
    lines.push(`Efter kriterierne alene ville området være ${labelOfRank(rules, rankByCriteria)}.`);
  }

  return {
    year: input.year,
    rulesYear: rules.year,
    category: keyOfRank(rules, rank),
    categoryLabelDa: label,
    certain: highestRank === rank,
    highestPossibleCategory: keyOfRank(rules, highestRank),
    residents: { count: input.residents, minimum: minimum.threshold, enough },
    categoryByCriteria: keyOfRank(rules, rankByCriteria),
    criteria,
    metCriteria,
    qualifyingCriteria,
    decisiveCriteria,
    explanationDa: lines,
  };
}
