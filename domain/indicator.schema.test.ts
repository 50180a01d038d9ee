import { describe, expect, it } from 'vitest';
import {
  builtInIndicator,
  INDICATOR_CATALOGUE,
  indicatorValueProblems,
  mapIndicatorHeader,
  parseDanishNumber,
  ZCustomIndicatorInput,
  ZIndicatorListQuery,
  ZIndicatorValueInput,
} from './indicator.schema.ts';

const AREA = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('the indicator catalogue', () => {
  it("holds seed 003's four shares and the residents count, with Danish names and units", () => {
    expect(INDICATOR_CATALOGUE.map((d) => [d.key, d.unit])).toEqual([
      ['employment_share_18_64', 'percent'],
      ['unemployment_share_18_64', 'percent'],
      ['public_benefit_share_16_64', 'percent'],
      ['primary_school_only_not_in_education_share_18_29', 'percent'],
      ['residents', 'count'],
    ]);
    expect(builtInIndicator('public_benefit_share_16_64')?.nameDa).toBe(
      'Andel af beboere på offentlig forsørgelse (16-64 år)',
    );
    expect(builtInIndicator('lykke')).toBeNull();
  });

  it("refuses a partnership's own indicator that takes a built-in key or has no name", () => {
    const r = ZCustomIndicatorInput.safeParse({
      partnershipId: AREA,
      key: 'residents',
      nameDa: '',
      unit: 'procent',
    });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(messages).toEqual([
      ['key', 'Nøglen bruges allerede af en af Jobbros faste indikatorer.'],
      ['nameDa', 'Skal udfyldes.'],
      ['unit', 'Enheden skal være procent, antal eller tal.'],
    ]);
    expect(
      ZCustomIndicatorInput.safeParse({
        partnershipId: AREA,
        key: 'fritidsjob_andel',
        nameDa: 'Fritidsjob',
        unit: 'percent',
      }).success,
    ).toBe(true);
  });
});

describe('indicatorValueProblems', () => {
  it('keeps shares within 0-100 %, both limits included', () => {
    expect(indicatorValueProblems('percent', { value: 0, municipalAverage: 100 })).toEqual({});
    expect(indicatorValueProblems('percent', { value: 120, municipalAverage: null })).toEqual({
      value: 'Andelen skal være mellem 0 og 100 %.',
    });
    expect(indicatorValueProblems('percent', { value: 50, municipalAverage: -0.1 })).toEqual({
      municipalAverage: 'Andelen skal være mellem 0 og 100 %.',
    });
  });

  it('wants a count whole and not negative; any other number is free', () => {
    expect(indicatorValueProblems('count', { value: 1400.5, municipalAverage: null })).toEqual({
      value: 'Antallet skal være et helt tal på 0 eller mere.',
    });
    expect(indicatorValueProblems('count', { value: 1400, municipalAverage: null })).toEqual({});
    expect(indicatorValueProblems('number', { value: -3.5, municipalAverage: 250 })).toEqual({});
  });
});

describe('ZIndicatorValueInput', () => {
  const good = { areaId: AREA, indicator: 'employment_share_18_64', year: 2019, value: 48.07, source: 'LBF' };

  it('accepts a value without municipal average or note', () => {
    expect(ZIndicatorValueInput.parse(good)).toEqual({ ...good, municipalAverage: null, note: null });
  });

  it('gives a Danish message for a year outside 2000-2100, a missing value and a missing source', () => {
    const r = ZIndicatorValueInput.safeParse({ ...good, year: 2101, value: undefined, source: ' ' });
    expect(Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]))).toEqual({
      year: 'Året skal være et helt tal mellem 2000 og 2100.',
      value: 'Værdien skal udfyldes.',
      source: 'Skal udfyldes.',
    });
    expect(ZIndicatorValueInput.safeParse({ ...good, year: 2000 }).success).toBe(true);
    expect(ZIndicatorValueInput.safeParse({ ...good, year: 1999 }).success).toBe(false);
  });
});

describe('ZIndicatorListQuery', () => {
  it('refuses a year range that runs backwards', () => {
    const r = ZIndicatorListQuery.safeParse({ yearFrom: '2021', yearTo: '2019' });
    expect(r.error!.issues[0]).toMatchObject({
      path: ['yearTo'],
      message: 'Fra-året skal ligge før eller være lig med til-året.',
    });
    expect(ZIndicatorListQuery.parse({ yearFrom: '2019', yearTo: '2019' })).toMatchObject({
      yearFrom: 2019,
      yearTo: 2019,
    });
  });
});

describe('reading an import file', () => {
  it('maps Danish headers to fields, whatever the case', () => {
    expect(
      ['Område', 'INDIKATOR', 'År', 'Værdi', 'Kommunalt gennemsnit', 'Kilde', 'Note', 'Farve'].map(
        mapIndicatorHeader,
      ),
    ).toEqual(['area', 'indicator', 'year', 'value', 'municipalAverage', 'source', 'note', null]);
  });

  it('reads numbers as Danes write them', () => {
    expect(parseDanishNumber('48,07')).toBe(48.07);
    expect(parseDanishNumber('48,07 %')).toBe(48.07);
    expect(parseDanishNumber('1.400')).toBe(1400);
    expect(parseDanishNumber('1.100.000')).toBe(1100000);
    expect(parseDanishNumber('1.400,5')).toBe(1400.5);
    expect(parseDanishNumber('76.91')).toBe(76.91);
    expect(parseDanishNumber('')).toBeNull();
    expect(parseDanishNumber('mange')).toBeNaN();
  });
});
