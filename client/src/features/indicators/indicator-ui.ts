import { issuesToFieldErrors, type TFieldErrors } from '@client/components/form-errors.ts';
import {
  INDICATOR_IMPORT_COLUMNS,
  indicatorValueProblems,
  parseDanishNumber,
  type TIndicatorImportField,
  type TIndicatorImportResult,
  type TIndicatorSeries,
  type TIndicatorUnit,
  type TIndicatorValue,
  type TIndicatorValueInput,
  ZIndicatorValueInput,
} from '@domain/indicator.schema.ts';
import type { TFunction } from 'i18next';

// Pure helpers of the indicator pages and the area page's indicator section: Danish numbers
// (DOMAIN.md: percentages with one decimal), the trend chart's rows, the import's template and
// its per-row problems, and the value form.

export const INDICATORS_PATH = '/api/indicators';
export const INDICATOR_SERIES_PATH = '/api/indicators/series';
export const INDICATOR_DEFINITIONS_PATH = '/api/indicators/definitions';
export const INDICATOR_IMPORT_PATH = '/api/indicators/import';

/** The import's 10 MB body limit carries the file as base64, a third larger than the file. */
export const INDICATOR_IMPORT_MAX_BYTES = 7 * 1024 * 1024;

/** i18next's `t`: the page's in the UI, a real instance with the locale files in tests. */
export type TTranslate = TFunction;

const percentFormat = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const countFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const numberFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });

/** 48.07 % → "48,1 %", 1400 residents → "1.400", another number → "12,35"; nothing → "–". */
export function formatIndicatorValue(value: number | null | undefined, unit: TIndicatorUnit): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  switch (unit) {
    case 'percent':
      return `${percentFormat.format(value)} %`;
    case 'count':
      return countFormat.format(value);
    case 'number':
      return numberFormat.format(value);
    default: {
      const never: never = unit;
      return String(never);
    }
  }
}

// ── Trend chart ─────────────────────────────────────────────────────────────────────────────────

export type TSeriesIndicator = TIndicatorSeries['indicators'][number];
export type TSeriesPoint = TSeriesIndicator['points'][number];

/** One x-axis step of a trend chart: the year, the area's value and the municipal average. */
// A type, not an interface: the chart takes plain records.
export type TTrendRow = {
  year: string;
  area: number | null;
  municipalAverage: number | null;
};

/**
 * The chart's rows: every year from the first to the last value, so the x-axis keeps time to
 * scale; a year without a value is a gap the line bridges.
 */
export function trendRows(points: readonly TSeriesPoint[]): TTrendRow[] {
  if (points.length === 0) return [];
  const byYear = new Map(points.map((p) => [p.year, p]));
  const years = points.map((p) => p.year);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const rows: TTrendRow[] = [];
  for (let year = first; year <= last; year++) {
    const p = byYear.get(year);
    rows.push({ year: String(year), area: p?.value ?? null, municipalAverage: p?.municipalAverage ?? null });
  }
  return rows;
}

/** Whether any year has a municipal average (else the chart has one line and says so). */
export function hasMunicipalLine(points: readonly TSeriesPoint[]): boolean {
  return points.some((p) => p.municipalAverage !== null);
}

/**
 * The y-axis of a chart: a share from 0 up to the next ten above its highest value (at most
 * 100 %), so small shares are not squashed at the bottom; other units from 0 to what fits.
 */
export function valueAxisMax(unit: TIndicatorUnit, points: readonly TSeriesPoint[]): number | 'auto' {
  if (unit !== 'percent') return 'auto';
  const highest = Math.max(0, ...points.flatMap((p) => [p.value, p.municipalAverage ?? 0]));
  return Math.min(100, Math.max(10, Math.ceil(highest / 10) * 10));
}

/** Even ticks for a share axis (0, 20, 40 … 100 %); undefined lets the chart choose for other units. */
export function valueAxisTicks(max: number | 'auto'): number[] | undefined {
  if (max === 'auto') return undefined;
  const step = max <= 10 ? 2 : max <= 50 ? 10 : 20;
  return Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
}

const axisFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

/** An axis tick: "40 %" for a share (no decimals where there are none), "1.400" for a count. */
export function formatAxisTick(value: number, unit: TIndicatorUnit): string {
  return unit === 'percent' ? `${axisFormat.format(value)} %` : axisFormat.format(value);
}

/** The sources of an indicator's values, each once, in year order ("LBF; Jobcenter Viborg"). */
export function sourcesOf(points: readonly TSeriesPoint[]): string {
  return [...new Set([...points].sort((a, b) => a.year - b.year).map((p) => p.source))].join('; ');
}

/**
 * What the chart shows, in a sentence (the chart's accessible name): the years, the area's first
 * and last value and the municipal average's.
 */
export function trendDescription(t: TTranslate, areaName: string, indicator: TSeriesIndicator): string {
  const points = [...indicator.points].sort((a, b) => a.year - b.year);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return t('areaPage.indicators.chartEmpty', { name: indicator.nameDa });
  const fmt = (v: number | null) => formatIndicatorValue(v, indicator.unit);
  const area =
    first === last
      ? t('areaPage.indicators.chartOne', {
          name: indicator.nameDa,
          area: areaName,
          year: first.year,
          value: fmt(first.value),
        })
      : t('areaPage.indicators.chartRange', {
          name: indicator.nameDa,
          area: areaName,
          from: first.year,
          to: last.year,
          first: fmt(first.value),
          last: fmt(last.value),
        });
  const withAverage = points.filter((p) => p.municipalAverage !== null);
  const a = withAverage[0];
  const b = withAverage[withAverage.length - 1];
  const municipal =
    !a || !b
      ? t('areaPage.indicators.chartNoMunicipal')
      : a === b
        ? t('areaPage.indicators.chartMunicipalOne', { year: a.year, value: fmt(a.municipalAverage) })
        : t('areaPage.indicators.chartMunicipalRange', {
            from: a.year,
            to: b.year,
            first: fmt(a.municipalAverage),
            last: fmt(b.municipalAverage),
          });
  return `${area} ${municipal}`;
}

// ── Import ──────────────────────────────────────────────────────────────────────────────────────

/** The import's columns in the template's order. */
export const IMPORT_FIELDS = Object.keys(INDICATOR_IMPORT_COLUMNS) as TIndicatorImportField[];

/** A column's name as the template writes it: the import's first name, capitalised ("Kommunalt gennemsnit"). */
export function importColumnName(field: string): string {
  const names = INDICATOR_IMPORT_COLUMNS[field as TIndicatorImportField] as readonly string[] | undefined;
  const name = names?.[0] ?? field;
  return name.charAt(0).toLocaleUpperCase('da-DK') + name.slice(1);
}

/**
 * The template file: the import's column names in its order, `;`-separated as Danish Excel
 * writes CSV, with a byte-order mark so Excel reads æøå as UTF-8.
 */
export function templateCsv(): string {
  return `\uFEFF${IMPORT_FIELDS.map(importColumnName).join(';')}\r\n`;
}

/** The template as a link target, made in the browser (no request). */
export function templateHref(): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(templateCsv())}`;
}

export interface TImportProblem {
  row: number;
  column: string;
  message: string;
}

/** Every error of a checked file, one line each: row number, column name, Danish message. */
export function importProblems(result: TIndicatorImportResult): TImportProblem[] {
  const order = (field: string) => {
    const i = IMPORT_FIELDS.indexOf(field as TIndicatorImportField);
    return i === -1 ? IMPORT_FIELDS.length : i;
  };
  return [...result.rows]
    .sort((a, b) => a.row - b.row)
    .flatMap((r) =>
      Object.entries(r.errors)
        .sort(([a], [b]) => order(a) - order(b))
        .map(([field, message]) => ({ row: r.row, column: importColumnName(field), message })),
    );
}

/** Bytes → base64 in chunks (a large file would overflow String.fromCharCode's arguments). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

// ── Value form ──────────────────────────────────────────────────────────────────────────────────

/** The value dialog's fields as typed (numbers the Danish way: "48,07"). */
export interface TValueForm {
  indicator: string;
  year: string;
  value: string;
  municipalAverage: string;
  source: string;
  note: string;
}

export const EMPTY_VALUE_FORM: TValueForm = {
  indicator: '',
  year: '',
  value: '',
  municipalAverage: '',
  source: '',
  note: '',
};

/** A number as a Dane types it: 48.07 → "48,07". */
export function danishInput(n: number | null): string {
  return n === null ? '' : String(n).replace('.', ',');
}

export function valueToForm(v: TIndicatorValue): TValueForm {
  return {
    indicator: v.indicator,
    year: String(v.year),
    value: danishInput(v.value),
    municipalAverage: danishInput(v.municipalAverage),
    source: v.source,
    note: v.note ?? '',
  };
}

/**
 * The dialog's values checked with the shared schema and the indicator's unit (a share within
 * 0-100 %, a count whole), with the domain's Danish messages by field.
 */
export function validateValueForm(
  form: TValueForm,
  areaId: string,
  unit: TIndicatorUnit | null,
  required: string,
): { ok: true; data: TIndicatorValueInput } | { ok: false; errors: TFieldErrors } {
  const number = (text: string) => {
    const n = parseDanishNumber(text);
    return n === null ? undefined : n;
  };
  const result = ZIndicatorValueInput.safeParse({
    areaId,
    indicator: form.indicator,
    year: form.year.trim() === '' ? undefined : form.year.trim(),
    value: number(form.value),
    municipalAverage: number(form.municipalAverage) ?? null,
    source: form.source,
    note: form.note,
  });
  const errors: TFieldErrors = result.success ? {} : issuesToFieldErrors(result.error.issues);
  if (form.indicator === '') errors.indicator = required;
  if (result.success && unit) Object.assign(errors, indicatorValueProblems(unit, result.data));
  if (!result.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: result.data };
}
