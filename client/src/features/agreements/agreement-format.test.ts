import da from '@client/locales/da.json';
import en from '@client/locales/en.json';
import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { commitmentText, periodText } from './agreement-format.ts';

let tDa: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  const make = async (lng: 'da' | 'en') => {
    const i18n = createInstance();
    await i18n.init({
      resources: { da: { translation: da }, en: { translation: en } },
      lng,
      interpolation: { escapeValue: false },
    });
    return i18n.t;
  };
  tDa = await make('da');
  tEn = await make('en');
});

describe('commitmentText', () => {
  it('says a commitment the way the agreement does, in the singular and the plural', () => {
    expect(commitmentText(tDa, { kind: 'apprentices', quantity: 2, per: 'year' })).toBe('2 lærlinge om året');
    expect(commitmentText(tDa, { kind: 'apprentices', quantity: 1, per: 'year' })).toBe('1 lærling om året');
    expect(commitmentText(tDa, { kind: 'site_trials', quantity: 4, per: 'agreement' })).toBe(
      '4 snusepraktikker i aftaleperioden',
    );
    expect(commitmentText(tDa, { kind: 'trainee_weeks', quantity: 1200, per: 'half_year' })).toBe(
      '1.200 praktikuger i halvåret',
    );
    expect(commitmentText(tEn, { kind: 'trainees', quantity: 1, per: 'quarter' })).toBe(
      '1 trainee a quarter',
    );
  });
});

describe('periodText', () => {
  it('shows dd.mm.yyyy and "until further notice" for an open end', () => {
    expect(periodText(tDa, { periodStart: '2027-01-01', periodEnd: '2028-12-31' })).toBe(
      '01.01.2027 – 31.12.2028',
    );
    expect(periodText(tDa, { periodStart: '2027-01-01', periodEnd: null })).toBe(
      '01.01.2027 – indtil videre',
    );
    expect(periodText(tEn, { periodStart: '2027-01-01', periodEnd: null })).toBe(
      '01.01.2027 – until further notice',
    );
  });
});
