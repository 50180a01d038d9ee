import { issuesToFieldErrors, type TFieldErrors } from '@client/components/form-errors.ts';
import type { TTranslate } from '@client/features/indicators/indicator-ui.ts';
import { danishInput } from '@client/features/indicators/indicator-ui.ts';
import { ZOptionalText } from '@domain/common.schema.ts';
import { parseDanishNumber, type TAreaClassificationView } from '@domain/indicator.schema.ts';
import {
  CLASSIFICATION_RULES,
  classificationInputSchemaFor,
  NO_CATEGORY,
  type TClassificationRules,
} from '@domain/rules/area-classification.ts';

// Pure helpers of the area page's classification section: the category as a heading, a
// criterion's margin in words, and the inputs form (five criterion values, residents, years on
// the list) checked by the year's own rules.

export const classificationPath = (areaId: string) => `/api/areas/${areaId}/classification`;

/** The years Jobbro has rules for, newest first. */
export function classificationYears(
  catalogue: Readonly<Record<number, TClassificationRules>> = CLASSIFICATION_RULES,
): number[] {
  return Object.values(catalogue)
    .map((r) => r.year)
    .sort((a, b) => b - a);
}

/** The rules module's label as a heading: "udsat boligområde" → "Udsat boligområde". */
export function categoryHeading(labelDa: string): string {
  return labelDa.charAt(0).toLocaleUpperCase('da-DK') + labelDa.slice(1);
}

/** Badge colour of a category: none is green, the lists grow darker with severity. */
export function categoryColor(category: string): string {
  switch (category) {
    case NO_CATEGORY:
      return 'green';
    case 'vulnerable':
      return 'yellow';
    case 'ghetto':
      return 'orange';
    default:
      return 'red';
  }
}

const marginFormat = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const limitFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });

/** Whether a criterion's numbers are "times the reference" rather than percent (or points). */
const isMultiple = (unit: string) => unit === 'multiple_of_reference';

/**
 * A criterion's margin in words: 7.8 points over a share limit → "7,8 procentpoint over
 * grænsen", 0.5 under a multiple → "0,5 gange under grænsen", 0 → "præcis på grænsen"; unknown → "–".
 */
export function formatMargin(t: TTranslate, margin: number | null, unit: string): string {
  if (margin === null) return '–';
  if (margin === 0) return t('areaPage.classification.marginAt');
  const amount = marginFormat.format(Math.abs(margin));
  const key = `${isMultiple(unit) ? 'marginTimes' : 'marginPoints'}${margin > 0 ? 'Over' : 'Under'}`;
  return t(`areaPage.classification.${key}`, { amount });
}

/** A criterion's value with its unit: "47,8 %", "3,2 gange"; unknown → "ikke oplyst". */
export function formatCriterionValue(t: TTranslate, value: number | null, unit: string): string {
  if (value === null) return t('areaPage.classification.notGiven');
  const amount = marginFormat.format(value);
  return isMultiple(unit) ? t('areaPage.classification.times', { amount }) : `${amount} %`;
}

const COMPARISON_KEY: Record<string, string> = { gt: 'over', gte: 'atLeast', lt: 'under', lte: 'atMost' };

/** The limit as the law writes it: "over 40 %", "mindst 3 gange", "under 55 %". */
export function formatLimit(t: TTranslate, threshold: number, comparison: string, unit: string): string {
  const amount = limitFormat.format(threshold);
  const value = isMultiple(unit) ? t('areaPage.classification.times', { amount }) : `${amount} %`;
  return t(`areaPage.classification.limit.${COMPARISON_KEY[comparison] ?? 'over'}`, { value });
}

// ── Inputs form ─────────────────────────────────────────────────────────────────────────────────

/** The inputs as typed; an empty criterion value means "ikke oplyst" (not known). */
export interface TClassificationForm {
  residents: string;
  yearsOnList: string;
  values: Record<string, string>;
  source: string;
  note: string;
}

/** The measures a year's criteria read, each once, in the criteria's order. */
export function measuresOf(rules: TClassificationRules): TClassificationRules['criteria'] {
  const seen = new Set<string>();
  return rules.criteria.filter((c) => !seen.has(c.measure) && seen.add(c.measure));
}

/** The stored inputs as form text, or an empty form (residents from the area's own count). */
export function classificationToForm(
  view: TAreaClassificationView | undefined,
  rules: TClassificationRules,
  areaResidents: number | null,
): TClassificationForm {
  const input = view?.input ?? null;
  return {
    residents: input ? String(input.residents) : areaResidents === null ? '' : String(areaResidents),
    yearsOnList: input ? String(input.yearsOnList) : '0',
    values: Object.fromEntries(
      measuresOf(rules).map((c) => [c.measure, danishInput(input?.values[c.measure] ?? null)]),
    ),
    source: input?.source ?? '',
    note: input?.note ?? '',
  };
}

export interface TClassificationBody {
  year: number;
  residents: number;
  yearsOnList: number;
  values: Record<string, number | null>;
  source: string | null;
  note: string | null;
}

/**
 * The form checked by the year's rules, as the server checks it: the body of
 * PUT /api/areas/:id/classification, or the Danish errors by field ("values.<measure>", "residents", …).
 */
export function validateClassificationForm(
  form: TClassificationForm,
  rules: TClassificationRules,
): { ok: true; data: TClassificationBody } | { ok: false; errors: TFieldErrors } {
  const schema = classificationInputSchemaFor(rules).extend({
    source: ZOptionalText(200),
    note: ZOptionalText(1000),
  });
  const whole = (text: string) => {
    const n = parseDanishNumber(text);
    return n === null ? undefined : n;
  };
  const result = schema.safeParse({
    year: rules.year,
    residents: whole(form.residents),
    yearsOnList: whole(form.yearsOnList),
    values: Object.fromEntries(
      measuresOf(rules).map((c) => [c.measure, parseDanishNumber(form.values[c.measure] ?? '')]),
    ),
    source: form.source,
    note: form.note,
  });
  if (!result.success) return { ok: false, errors: issuesToFieldErrors(result.error.issues) };
  return { ok: true, data: result.data as TClassificationBody };
}
