import { describe, expect, it } from 'vitest';
import {
  activeScopes,
  defaultConsentExpiry,
  expiresWithin,
  isConsentActive,
  ZConsentInput,
} from './consent.schema.ts';
import { CONSENT_TEXTS, CURRENT_CONSENT_TEXT_VERSION } from './consent-texts.ts';

describe('consent', () => {
  it('lasts 24 months by default, to the day before', () => {
    expect(defaultConsentExpiry('2026-11-24')).toBe('2028-11-23');
    expect(defaultConsentExpiry('2026-01-01', 12)).toBe('2026-12-31');
    // 31 August + 6 months: the end of February, then the day before.
    expect(defaultConsentExpiry('2026-08-31', 6)).toBe('2027-02-27');
  });

  it('is active from the day given to the expiry day, and never after a withdrawal', () => {
    const c = {
      scope: 'sharing' as const,
      givenOn: '2026-01-10',
      expiresOn: '2026-12-31',
      withdrawnOn: null,
    };
    expect(isConsentActive(c, '2026-01-09')).toBe(false);
    expect(isConsentActive(c, '2026-01-10')).toBe(true);
    expect(isConsentActive(c, '2026-12-31')).toBe(true);
    expect(isConsentActive(c, '2027-01-01')).toBe(false);
    expect(isConsentActive({ ...c, withdrawnOn: '2026-12-01' }, '2026-11-01')).toBe(false);
    expect(activeScopes([c, { ...c, scope: 'matching', withdrawnOn: '2026-05-01' }], '2026-06-01')).toEqual(
      new Set(['sharing']),
    );
    expect(expiresWithin(c, '2026-12-01')).toBe(true);
    expect(expiresWithin(c, '2026-11-01')).toBe(false);
  });

  it('refuses a consent without a scope, an expiry before the given date, a verbal one without a witness', () => {
    const base = { scope: 'sharing', textVersion: '2026-1', givenOn: '2026-11-24', method: 'paper' };
    expect(ZConsentInput.safeParse(base).success).toBe(true);
    const fields = (body: object) =>
      ZConsentInput.safeParse(body).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(fields({ ...base, scope: undefined })).toEqual([['scope', 'Vælg hvad samtykket dækker.']]);
    expect(fields({ ...base, expiresOn: '2026-11-01' })).toEqual([
      ['expiresOn', 'Udløbsdatoen skal ligge efter datoen for samtykket.'],
    ]);
    expect(fields({ ...base, method: 'verbal_witnessed' })).toEqual([
      ['witnessName', 'Skriv hvem der var vidne.'],
    ]);
    expect(fields({ ...base, textVersion: '010190-1234' })).toEqual([
      ['textVersion', 'Må ikke indeholde et CPR-nummer.'],
    ]);
  });
});

describe('consent texts', () => {
  it('has a Danish text for every scope in the current version, telling the period and the right to withdraw', () => {
    const texts = CONSENT_TEXTS[CURRENT_CONSENT_TEXT_VERSION]!;
    for (const scope of ['sharing', 'matching', 'evaluation'] as const) {
      expect(texts[scope].body).toMatch(/trække (det|samtykket) tilbage/);
    }
    expect(texts.matching.body).toContain('aldrig min ydelse');
  });
});
