import { z } from 'zod';
import { ZListQuery, ZOptionalText, ZRequiredText, ZUuid } from './common.schema.ts';

// Area indicators (issue 7 item 2): one value per area, indicator and year, with the municipal
// average, the data source and a note, followed yearly (seed 003's "Delmål og indikatorer"). The
// five indicators of seed 003 are a fixed catalogue; a partnership may define its own besides.

/** What an indicator's number is: a share of residents 0-100 %, a count, or any other number. */
export const INDICATOR_UNITS = ['percent', 'count', 'number'] as const;
export type TIndicatorUnit = (typeof INDICATOR_UNITS)[number];

export const INDICATOR_UNIT_LABELS_DA: Record<TIndicatorUnit, string> = {
  percent: '%',
  count: 'antal',
  number: 'tal',
};

export interface TIndicatorDefinition {
  key: string;
  nameDa: string;
  unit: TIndicatorUnit;
  /** True for the fixed catalogue, false for a partnership's own. */
  builtIn: boolean;
}

/** Seed 003's indicators, in its order; the labels are the seed's own wording, shortened. */
export const INDICATOR_CATALOGUE: readonly TIndicatorDefinition[] = [
  {
    key: 'employment_share_18_64',
    nameDa: 'Andel af beboere i beskæftigelse (18-64 år)',
    unit: 'percent',
    builtIn: true,
  },
  {
    key: 'unemployment_share_18_64',
    nameDa: 'Andel af beboere, der er arbejdsløse (18-64 år)',
    unit: 'percent',
    builtIn: true,
  },
  {
    key: 'public_benefit_share_16_64',
    nameDa: 'Andel af beboere på offentlig forsørgelse (16-64 år)',
    unit: 'percent',
    builtIn: true,
  },
  {
    key: 'primary_school_only_not_in_education_share_18_29',
    nameDa: 'Andel af 18-29-årige med grundskole som højeste uddannelse, som ikke er i gang med uddannelse',
    unit: 'percent',
    builtIn: true,
  },
  { key: 'residents', nameDa: 'Antal beboere', unit: 'count', builtIn: true },
];

export const INDICATOR_KEY_PATTERN = /^[a-z][a-z0-9_]{1,62}$/;
const ZIndicatorKey = z.string({ error: 'Indikatoren skal udfyldes.' }).trim().regex(INDICATOR_KEY_PATTERN, {
  error: 'Indikatorens nøgle må kun have små bogstaver a-z, tal og _ (2-63 tegn).',
});

export function builtInIndicator(key: string): TIndicatorDefinition | null {
  return INDICATOR_CATALOGUE.find((d) => d.key === key) ?? null;
}

/** A partnership's own indicator. */
export const ZCustomIndicatorInput = z.object({
  partnershipId: ZUuid,
  key: ZIndicatorKey.refine((k) => builtInIndicator(k) === null, {
    error: 'Nøglen bruges allerede af en af Jobbros faste indikatorer.',
  }),
  nameDa: ZRequiredText(200),
  unit: z.enum(INDICATOR_UNITS, { error: 'Enheden skal være procent, antal eller tal.' }),
});
export type TCustomIndicatorInput = z.infer<typeof ZCustomIndicatorInput>;

export const ZIndicatorDefinition = z.object({
  key: z.string(),
  nameDa: z.string(),
  unit: z.enum(INDICATOR_UNITS),
  builtIn: z.boolean(),
  /** The partnership of an own indicator; null for the catalogue's. */
  partnershipId: z.uuid().nullable(),
});
export type TIndicatorDefinitionView = z.infer<typeof ZIndicatorDefinition>;

export const ZIndicatorDefinitionQuery = z.object({ partnershipId: ZUuid.optional() });

export const INDICATOR_YEAR_MIN = 2000;
export const INDICATOR_YEAR_MAX = 2100;
const yearMessage = `Året skal være et helt tal mellem ${INDICATOR_YEAR_MIN} og ${INDICATOR_YEAR_MAX}.`;
export const ZIndicatorYear = z.coerce
  .number({ error: yearMessage })
  .int({ error: yearMessage })
  .min(INDICATOR_YEAR_MIN, { error: yearMessage })
  .max(INDICATOR_YEAR_MAX, { error: yearMessage });

const ZNumber = (what: string) =>
  z.number({
    error: (iss) => (iss.input === undefined ? `${what} skal udfyldes.` : `${what} skal være et tal.`),
  });

/**
 * One value as written (form, PUT, one import row). The unit's bounds depend on the indicator,
 * so `indicatorValueProblems` checks them once the indicator is known.
 */
export const ZIndicatorValueInput = z.object({
  areaId: ZUuid,
  indicator: ZIndicatorKey,
  year: ZIndicatorYear,
  value: ZNumber('Værdien'),
  municipalAverage: ZNumber('Det kommunale gennemsnit')
    .nullish()
    .transform((v) => v ?? null),
  /** Where the number comes from, e.g. "LBF" or "Jobcenter Viborg, nov. 2020". */
  source: ZRequiredText(200),
  note: ZOptionalText(1000),
});
export type TIndicatorValueInput = z.infer<typeof ZIndicatorValueInput>;

/** The Danish errors of a value and municipal average for the indicator's unit, by field. */
export function indicatorValueProblems(
  unit: TIndicatorUnit,
  v: { value: number; municipalAverage: number | null },
): Record<string, string> {
  const problems: Record<string, string> = {};
  const check = (field: 'value' | 'municipalAverage', n: number | null) => {
    if (n === null) return;
    if (!Number.isFinite(n)) problems[field] = 'Skal være et tal.';
    else if (unit === 'percent' && (n < 0 || n > 100))
      problems[field] = 'Andelen skal være mellem 0 og 100 %.';
    else if (unit === 'count' && (n < 0 || !Number.isInteger(n)))
      problems[field] = 'Antallet skal være et helt tal på 0 eller mere.';
  };
  check('value', v.value);
  check('municipalAverage', v.municipalAverage);
  return problems;
}

export const ZIndicatorValueKey = z.object({
  areaId: ZUuid,
  indicator: ZIndicatorKey,
  year: ZIndicatorYear,
});
export type TIndicatorValueKey = z.infer<typeof ZIndicatorValueKey>;

export const ZIndicatorValue = z.object({
  id: z.uuid(),
  areaId: z.uuid(),
  areaName: z.string(),
  partnershipId: z.uuid(),
  indicator: z.string(),
  indicatorNameDa: z.string(),
  unit: z.enum(INDICATOR_UNITS),
  year: z.number().int(),
  value: z.number(),
  municipalAverage: z.number().nullable(),
  source: z.string(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export type TIndicatorValue = z.infer<typeof ZIndicatorValue>;

export const INDICATOR_SORTS = ['year', 'area', 'indicator', 'value'] as const;

export const ZIndicatorListQuery = ZListQuery.extend({
  sort: z.enum(INDICATOR_SORTS, { error: 'Ukendt sortering.' }).optional(),
  areaId: ZUuid.optional(),
  partnershipId: ZUuid.optional(),
  indicator: ZIndicatorKey.optional(),
  yearFrom: ZIndicatorYear.optional(),
  yearTo: ZIndicatorYear.optional(),
}).refine((q) => q.yearFrom === undefined || q.yearTo === undefined || q.yearFrom <= q.yearTo, {
  error: 'Fra-året skal ligge før eller være lig med til-året.',
  path: ['yearTo'],
});
export type TIndicatorListQuery = z.infer<typeof ZIndicatorListQuery>;

export const ZIndicatorSeriesQuery = z.object({ areaId: ZUuid });

/** An area's indicators for a trend chart: the yearly values with the municipal line. */
export const ZIndicatorSeries = z.object({
  areaId: z.uuid(),
  areaName: z.string(),
  indicators: z.array(
    z.object({
      indicator: z.string(),
      nameDa: z.string(),
      unit: z.enum(INDICATOR_UNITS),
      points: z.array(
        z.object({
          year: z.number().int(),
          value: z.number(),
          municipalAverage: z.number().nullable(),
          source: z.string(),
        }),
      ),
    }),
  ),
});
export type TIndicatorSeries = z.infer<typeof ZIndicatorSeries>;

// ── Import ──────────────────────────────────────────────────────────────────────────────────────

/** The columns of an import file, by the field they fill; the first name is the one to write. */
export const INDICATOR_IMPORT_COLUMNS = {
  area: ['område', 'boligområde', 'omrade'],
  indicator: ['indikator'],
  year: ['år', 'aar', 'year'],
  value: ['værdi', 'vaerdi', 'value'],
  municipalAverage: ['kommunalt gennemsnit', 'kommunens gennemsnit', 'kommune'],
  source: ['kilde', 'datakilde'],
  note: ['note', 'bemærkning'],
} as const;
export type TIndicatorImportField = keyof typeof INDICATOR_IMPORT_COLUMNS;

export function mapIndicatorHeader(header: string): TIndicatorImportField | null {
  const h = header.trim().toLowerCase();
  for (const [field, names] of Object.entries(INDICATOR_IMPORT_COLUMNS)) {
    if ((names as readonly string[]).includes(h)) return field as TIndicatorImportField;
  }
  return null;
}

/**
 * A number as Danes write it ("48,07", "48,07 %", "1.400", "1.400,5") or as a spreadsheet gives it
 * ("48.07"); null for an empty cell, NaN for junk. Without a comma, dots before groups of exactly
 * three digits are thousands separators.
 */
export function parseDanishNumber(text: string): number | null {
  const t = text.replace(/%/g, '').replace(/\s/g, '');
  if (t === '') return null;
  const thousands = /^-?\d{1,3}(\.\d{3})+$/.test(t);
  const normalised = t.includes(',') || thousands ? t.replace(/\./g, '').replace(',', '.') : t;
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}

export const ZIndicatorImportFile = z.object({
  fileName: z
    .string({ error: 'Skal udfyldes.' })
    .trim()
    .min(1, { error: 'Skal udfyldes.' })
    .max(255)
    .refine((n) => /\.(csv|xlsx)$/i.test(n), { error: 'Filen skal være CSV eller XLSX.' }),
  contentBase64: z.string({ error: 'Skal udfyldes.' }).min(1, { error: 'Filen er tom.' }),
  /** True: check only and store nothing. */
  dryRun: z.boolean().default(true),
});
export type TIndicatorImportFile = z.infer<typeof ZIndicatorImportFile>;

export const ZIndicatorImportRow = z.object({
  /** Row number in the file (the header is row 1). */
  row: z.number().int(),
  values: z.record(z.string(), z.string()),
  /** Danish errors by field; empty for a good row. */
  errors: z.record(z.string(), z.string()),
  action: z.enum(['create', 'update']).nullable(),
});
export type TIndicatorImportRow = z.infer<typeof ZIndicatorImportRow>;

export const ZIndicatorImportResult = z.object({
  fileName: z.string(),
  rows: z.array(ZIndicatorImportRow),
  counts: z.object({
    total: z.number().int(),
    create: z.number().int(),
    update: z.number().int(),
    invalid: z.number().int(),
  }),
  /** True once the rows are stored; a file with any bad row stores nothing. */
  stored: z.boolean(),
});
export type TIndicatorImportResult = z.infer<typeof ZIndicatorImportResult>;

// ── Classification (issue 7 item 3) ─────────────────────────────────────────────────────────────

export const ZClassificationQuery = z.object({ year: ZIndicatorYear });

/** The body of PUT /api/areas/:id/classification; the year's rules validate the rest. */
export const ZClassificationInputBody = z.looseObject({
  source: ZOptionalText(200),
  note: ZOptionalText(1000),
});

const ZCriterionResult = z.object({
  id: z.number().int(),
  labelDa: z.string(),
  measure: z.string(),
  unit: z.string(),
  threshold: z.number(),
  comparison: z.string(),
  value: z.number().nullable(),
  met: z.boolean().nullable(),
  margin: z.number().nullable(),
  decisive: z.boolean(),
  explanationDa: z.string(),
});

export const ZAreaClassificationResult = z.object({
  year: z.number().int(),
  rulesYear: z.number().int(),
  category: z.string(),
  categoryLabelDa: z.string(),
  certain: z.boolean(),
  highestPossibleCategory: z.string(),
  residents: z.object({ count: z.number(), minimum: z.number(), enough: z.boolean() }),
  categoryByCriteria: z.string(),
  criteria: z.array(ZCriterionResult),
  metCriteria: z.array(z.number().int()),
  qualifyingCriteria: z.array(z.number().int()),
  decisiveCriteria: z.array(z.number().int()),
  explanationDa: z.array(z.string()),
});

export const ZAreaClassificationView = z.object({
  areaId: z.uuid(),
  areaName: z.string(),
  year: z.number().int(),
  /** The stored inputs of that year; null when none are stored. */
  input: z
    .object({
      residents: z.number().int(),
      yearsOnList: z.number().int(),
      values: z.record(z.string(), z.number().nullable()),
      source: z.string().nullable(),
      note: z.string().nullable(),
      updatedAt: z.string(),
    })
    .nullable(),
  /** classifyArea's result on the stored inputs; null without inputs. */
  classification: ZAreaClassificationResult.nullable(),
});
export type TAreaClassificationView = z.infer<typeof ZAreaClassificationView>;
