import da from '@client/locales/da.json';
import type { TIndicatorImportResult, TIndicatorValue } from '@domain/indicator.schema.ts';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EMPTY_VALUE_FORM,
  formatAxisTick,
  formatIndicatorValue,
  hasMunicipalLine,
  importProblems,
  sourcesOf,
  type TSeriesIndicator,
  templateCsv,
  templateHref,
  toBase64,
  trendDescription,
  trendRows,
  validateValueForm,
  valueAxisMax,
  valueAxisTicks,
  valueToForm,
} from './indicator-ui.ts';

const AREA = '00000000-0000-4000-8000-000000000001';

let t: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'da',
    resources: { da: { translation: da } },
    interpolation: { escapeValue: false },
  });
  t = i18n.t;
});

// Seed 003: Houlkærvænget's employment share 2019 and Viborg Kommune's average.
const employment: TSeriesIndicator = {
  indicator: 'employment_share_18_64',
  nameDa: 'Andel af beboere i beskæftigelse (18-64 år)',
  unit: 'percent',
  points: [{ year: 2019, value: 48.07, municipalAverage: 76.91, source: 'LBF (Landsbyggefonden)' }],
};

describe('formatIndicatorValue', () => {
  it('writes shares with one decimal and a Danish comma, counts with thousands dots', () => {
    expect(formatIndicatorValue(48.07, 'percent')).toBe('48,1 %');
    expect(formatIndicatorValue(2.4, 'percent')).toBe('2,4 %');
    expect(formatIndicatorValue(44, 'percent')).toBe('44,0 %');
    expect(formatIndicatorValue(1400, 'count')).toBe('1.400');
    expect(formatIndicatorValue(12.345, 'number')).toBe('12,35');
    expect(formatIndicatorValue(null, 'percent')).toBe('–');
  });
});

describe('trend chart data', () => {
  it('gives one row per year from the first to the last value, with gaps as null', () => {
    const rows = trendRows([
      { year: 2022, value: 50.5, municipalAverage: null, source: 'LBF' },
      { year: 2019, value: 48.07, municipalAverage: 76.91, source: 'LBF' },
      { year: 2021, value: 49, municipalAverage: 77, source: 'Jobcenter' },
    ]);
    expect(rows).toEqual([
      { year: '2019', area: 48.07, municipalAverage: 76.91 },
      { year: '2020', area: null, municipalAverage: null },
      { year: '2021', area: 49, municipalAverage: 77 },
      { year: '2022', area: 50.5, municipalAverage: null },
    ]);
    expect(trendRows([])).toEqual([]);
  });

  it('draws the municipal line only when some year has an average', () => {
    expect(hasMunicipalLine(employment.points)).toBe(true);
    expect(hasMunicipalLine([{ year: 2020, value: 44, municipalAverage: null, source: 'Jobcenter' }])).toBe(
      false,
    );
  });

  it('scales a share axis to the next ten above the highest value, never past 100 %', () => {
    expect(valueAxisMax('percent', employment.points)).toBe(80);
    expect(valueAxisMax('percent', [{ year: 2019, value: 5.79, municipalAverage: 2.4, source: 'LBF' }])).toBe(
      10,
    );
    expect(valueAxisMax('percent', [{ year: 2019, value: 97, municipalAverage: null, source: 'LBF' }])).toBe(
      100,
    );
    expect(valueAxisMax('count', [{ year: 2019, value: 1400, municipalAverage: null, source: 'LBF' }])).toBe(
      'auto',
    );
  });

  it('puts even ticks on a share axis and writes them without needless decimals', () => {
    expect(valueAxisTicks(80)).toEqual([0, 20, 40, 60, 80]);
    expect(valueAxisTicks(50)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(valueAxisTicks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(valueAxisTicks('auto')).toBeUndefined();
    expect(formatAxisTick(40, 'percent')).toBe('40 %');
    expect(formatAxisTick(1400, 'count')).toBe('1.400');
  });

  it('names each source once, in year order', () => {
    expect(
      sourcesOf([
        { year: 2020, value: 1, municipalAverage: null, source: 'Jobcenter Viborg, nov. 2020' },
        { year: 2019, value: 1, municipalAverage: null, source: 'LBF' },
        { year: 2021, value: 1, municipalAverage: null, source: 'LBF' },
      ]),
    ).toBe('LBF; Jobcenter Viborg, nov. 2020');
  });

  it('describes the chart in Danish for screen readers: the area’s value and the municipal average', () => {
    expect(trendDescription(t, 'Houlkærvænget', employment)).toBe(
      'Andel af beboere i beskæftigelse (18-64 år) i Houlkærvænget: 48,1 % i 2019. Kommunens gennemsnit: 76,9 % i 2019.',
    );
    const two: TSeriesIndicator = {
      ...employment,
      points: [...employment.points, { year: 2021, value: 52.3, municipalAverage: null, source: 'LBF' }],
    };
    expect(trendDescription(t, 'Houlkærvænget', two)).toBe(
      'Andel af beboere i beskæftigelse (18-64 år) i Houlkærvænget fra 2019 til 2021: 48,1 % i 2019 og 52,3 % i 2021. Kommunens gennemsnit: 76,9 % i 2019.',
    );
    const noAverage: TSeriesIndicator = {
      ...employment,
      points: [{ year: 2020, value: 44, municipalAverage: null, source: 'Jobcenter' }],
    };
    expect(trendDescription(t, 'Vestervang', noAverage)).toMatch(/Intet kommunalt gennemsnit\.$/);
  });
});

describe('import template and problems', () => {
  it('writes the import’s own column names, ;-separated with a BOM for Excel', () => {
    expect(templateCsv()).toBe('\uFEFFOmråde;Indikator;År;Værdi;Kommunalt gennemsnit;Kilde;Note\r\n');
    expect(decodeURIComponent(templateHref().replace('data:text/csv;charset=utf-8,', ''))).toBe(
      templateCsv(),
    );
  });

  it('lists every error as row, column and the server’s Danish message, in row and column order', () => {
    const result: TIndicatorImportResult = {
      fileName: 'indikatorer.csv',
      rows: [
        {
          row: 4,
          values: {},
          errors: { source: 'Skal udfyldes.', area: 'Ukendt boligområde "Atlantis".' },
          action: null,
        },
        { row: 2, values: {}, errors: {}, action: 'create' },
        { row: 3, values: {}, errors: { value: 'Andelen skal være mellem 0 og 100 %.' }, action: null },
      ],
      counts: { total: 3, create: 1, update: 0, invalid: 2 },
      stored: false,
    };
    expect(importProblems(result)).toEqual([
      { row: 3, column: 'Værdi', message: 'Andelen skal være mellem 0 og 100 %.' },
      { row: 4, column: 'Område', message: 'Ukendt boligområde "Atlantis".' },
      { row: 4, column: 'Kilde', message: 'Skal udfyldes.' },
    ]);
  });

  it('encodes a file as base64, also beyond one chunk', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => i % 251);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('the value form', () => {
  const filled = {
    ...EMPTY_VALUE_FORM,
    indicator: 'employment_share_18_64',
    year: '2019',
    value: '48,07',
    municipalAverage: '76,91',
    source: 'LBF',
  };

  it('reads Danish numbers and sends the shared schema’s shape', () => {
    const result = validateValueForm(filled, AREA, 'percent', 'Skal udfyldes.');
    expect(result).toEqual({
      ok: true,
      data: {
        areaId: AREA,
        indicator: 'employment_share_18_64',
        year: 2019,
        value: 48.07,
        municipalAverage: 76.91,
        source: 'LBF',
        note: null,
      },
    });
  });

  it('refuses a share outside 0-100 %, an unknown year and missing fields with the domain’s Danish messages', () => {
    const result = validateValueForm(
      { ...filled, value: '120', municipalAverage: '-1' },
      AREA,
      'percent',
      'Skal udfyldes.',
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        value: 'Andelen skal være mellem 0 og 100 %.',
        municipalAverage: 'Andelen skal være mellem 0 og 100 %.',
      },
    });
    const bad = validateValueForm(
      { ...EMPTY_VALUE_FORM, year: '1999', value: 'mange' },
      AREA,
      null,
      'Skal udfyldes.',
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors).toMatchObject({
        indicator: 'Skal udfyldes.',
        year: 'Året skal være et helt tal mellem 2000 og 2100.',
        value: 'Værdien skal være et tal.',
        source: 'Skal udfyldes.',
      });
    }
  });

  it('lets a count be any whole number, and refuses a fraction of a person', () => {
    const count = validateValueForm({ ...filled, value: '1.400', municipalAverage: '' }, AREA, 'count', 'x');
    expect(count.ok && count.data.value).toBe(1400);
    const half = validateValueForm({ ...filled, value: '1400,5', municipalAverage: '' }, AREA, 'count', 'x');
    expect(half).toEqual({
      ok: false,
      errors: { value: 'Antallet skal være et helt tal på 0 eller mere.' },
    });
  });

  it('fills the form from a stored value the Danish way', () => {
    const stored: TIndicatorValue = {
      id: '00000000-0000-4000-8000-000000000002',
      areaId: AREA,
      areaName: 'Houlkærvænget',
      partnershipId: '00000000-0000-4000-8000-000000000003',
      indicator: 'employment_share_18_64',
      indicatorNameDa: 'Andel af beboere i beskæftigelse (18-64 år)',
      unit: 'percent',
      year: 2019,
      value: 48.07,
      municipalAverage: null,
      source: 'LBF',
      note: null,
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(valueToForm(stored)).toEqual({
      indicator: 'employment_share_18_64',
      year: '2019',
      value: '48,07',
      municipalAverage: '',
      source: 'LBF',
      note: '',
    });
  });
});
