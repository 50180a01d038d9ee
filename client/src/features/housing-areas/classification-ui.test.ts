import da from '@client/locales/da.json';
import en from '@client/locales/en.json';
import { CLASSIFICATION_RULES, classifyArea } from '@domain/rules/area-classification.ts';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  categoryHeading,
  classificationToForm,
  classificationYears,
  formatCriterionValue,
  formatLimit,
  formatMargin,
  validateClassificationForm,
} from './classification-ui.ts';

const RULES = CLASSIFICATION_RULES[2019]!;

let t: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'da',
    resources: { da: { translation: da }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  t = i18n.t;
  tEn = i18n.getFixedT('en');
});

// Seed 002: Sundparken, 47.8 % of 18-64 outside the labour market, 78.4 % of 30-59 with only primary school.
const sundparken = {
  no_work_or_education_share_18_64: 47.8,
  primary_school_only_share_30_59: 78.4,
  gross_income_pct_of_region_15_64: null,
  convicted_multiple_of_national_18_plus: null,
  non_western_immigrants_share: null,
};

describe('margins and limits in words', () => {
  it('says how far over or under the limit, in percentage points or times', () => {
    expect(formatMargin(t, 7.8, 'percent_share')).toBe('7,8 procentpoint over grænsen');
    expect(formatMargin(t, -3.25, 'percent_of_reference')).toBe('3,25 procentpoint under grænsen');
    expect(formatMargin(t, 0.2, 'multiple_of_reference')).toBe('0,2 gange over grænsen');
    expect(formatMargin(t, 0, 'percent_share')).toBe('præcis på grænsen');
    expect(formatMargin(t, null, 'percent_share')).toBe('–');
    expect(formatMargin(tEn, 7.8, 'percent_share')).toBe('7,8 percentage points over the limit');
  });

  it('writes the limit as the law does and a missing value as "ikke oplyst"', () => {
    expect(formatLimit(t, 40, 'gt', 'percent_share')).toBe('over 40 %');
    expect(formatLimit(t, 3, 'gte', 'multiple_of_reference')).toBe('mindst 3 gange');
    expect(formatLimit(t, 55, 'lt', 'percent_of_reference')).toBe('under 55 %');
    expect(formatCriterionValue(t, 47.8, 'percent_share')).toBe('47,8 %');
    expect(formatCriterionValue(t, 3.2, 'multiple_of_reference')).toBe('3,2 gange');
    expect(formatCriterionValue(t, null, 'percent_share')).toBe('ikke oplyst');
  });

  it('matches the margins the rules compute on the seed’s own figures', () => {
    const result = classifyArea({ year: 2019, residents: 2500, yearsOnList: 0, values: sundparken }, RULES);
    expect(categoryHeading(result.categoryLabelDa)).toBe('Udsat boligområde');
    expect(result.criteria.map((c) => formatMargin(t, c.margin, c.unit))).toEqual([
      '7,8 procentpoint over grænsen',
      '18,4 procentpoint over grænsen',
      '–',
      '–',
      '–',
    ]);
  });
});

describe('the classification inputs form', () => {
  it('offers the years with rules, newest first', () => {
    expect(classificationYears()).toEqual([2019]);
    expect(classificationYears({ ...CLASSIFICATION_RULES, 2021: { ...RULES, year: 2021 } })).toEqual([
      2021, 2019,
    ]);
  });

  it('starts empty with the area’s own residents, and fills from stored inputs the Danish way', () => {
    expect(classificationToForm(undefined, RULES, 1400)).toEqual({
      residents: '1400',
      yearsOnList: '0',
      values: {
        no_work_or_education_share_18_64: '',
        primary_school_only_share_30_59: '',
        gross_income_pct_of_region_15_64: '',
        convicted_multiple_of_national_18_plus: '',
        non_western_immigrants_share: '',
      },
      source: '',
      note: '',
    });
    const form = classificationToForm(
      {
        areaId: '00000000-0000-4000-8000-000000000001',
        areaName: 'Sundparken',
        year: 2019,
        input: {
          residents: 2500,
          yearsOnList: 2,
          values: sundparken,
          source: 'KL',
          note: null,
          updatedAt: '2026-01-01T00:00:00.000Z',
        },
        classification: null,
      },
      RULES,
      1000,
    );
    expect(form.values.no_work_or_education_share_18_64).toBe('47,8');
    expect(form.values.non_western_immigrants_share).toBe('');
    expect(form.residents).toBe('2500');
    expect(form.yearsOnList).toBe('2');
  });

  it('sends empty criteria as not known (null) and Danish decimals as numbers', () => {
    const form = classificationToForm(undefined, RULES, 2500);
    form.values.no_work_or_education_share_18_64 = '47,8';
    form.values.primary_school_only_share_30_59 = '78,4';
    form.source = 'Seed 002';
    expect(validateClassificationForm(form, RULES)).toEqual({
      ok: true,
      data: {
        year: 2019,
        residents: 2500,
        yearsOnList: 0,
        values: sundparken,
        source: 'Seed 002',
        note: null,
      },
    });
  });

  it('shows the rules’ Danish errors at the fields: a share over 100 %, negative years, no residents', () => {
    const form = classificationToForm(undefined, RULES, null);
    form.values.non_western_immigrants_share = '120';
    form.values.convicted_multiple_of_national_18_plus = 'tre';
    form.yearsOnList = '-1';
    const result = validateClassificationForm(form, RULES);
    expect(result).toEqual({
      ok: false,
      errors: {
        residents: 'Antal beboere skal udfyldes.',
        yearsOnList: 'Antal år på listen skal være et helt tal mellem 0 og 50.',
        'values.convicted_multiple_of_national_18_plus': 'Kriterie 4 skal være et tal.',
        'values.non_western_immigrants_share': 'Kriterie 5 skal være en andel mellem 0 og 100 %.',
      },
    });
  });
});
