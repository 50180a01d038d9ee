import { describe, expect, it } from 'vitest';
import { ZCompanyCreate } from './company.schema.ts';
import { mapCompanyHeader, normaliseWebsite, parseCompanyStatus, parseSizeBand } from './company-import.ts';

describe('mapCompanyHeader', () => {
  it('maps Danish and English headers, ignoring case, spaces, punctuation and a BOM', () => {
    expect(mapCompanyHeader('\uFEFFCVR')).toBe('cvr');
    expect(mapCompanyHeader('CVR-nr.')).toBe('cvr');
    expect(mapCompanyHeader('Navn')).toBe('name');
    expect(mapCompanyHeader('Company name')).toBe('name');
    expect(mapCompanyHeader(' Postnummer ')).toBe('postalCode');
    expect(mapCompanyHeader('By')).toBe('city');
    expect(mapCompanyHeader('Branche')).toBe('industry');
    expect(mapCompanyHeader('DB07')).toBe('db07Code');
    expect(mapCompanyHeader('Størrelse')).toBe('sizeBand');
    expect(mapCompanyHeader('STØRRELSE')).toBe('sizeBand');
    expect(mapCompanyHeader('Hjemmeside')).toBe('website');
    expect(mapCompanyHeader('status')).toBe('status');
  });
  it('returns null for a column it does not know', () => {
    expect(mapCompanyHeader('Kommentar')).toBeNull();
    expect(mapCompanyHeader('')).toBeNull();
  });
});

describe('parseSizeBand', () => {
  it('reads bands, dashes, words and head counts', () => {
    expect(parseSizeBand('1-9')).toBe('1-9');
    expect(parseSizeBand('10–49 ansatte')).toBe('10-49');
    expect(parseSizeBand('50 - 249')).toBe('50-249');
    expect(parseSizeBand('250+')).toBe('250+');
    expect(parseSizeBand('250 eller flere')).toBe('250+');
    expect(parseSizeBand('7')).toBe('1-9');
    expect(parseSizeBand('35 ansatte')).toBe('10-49');
    expect(parseSizeBand('249')).toBe('50-249');
    expect(parseSizeBand('1200')).toBe('250+');
  });
  it('refuses what is not a band', () => {
    for (const v of ['', 'mange', '0', '5-20', '-3']) expect(parseSizeBand(v)).toBeNull();
  });
});

describe('parseCompanyStatus', () => {
  it('reads codes and Danish and English labels', () => {
    expect(parseCompanyStatus('agreement')).toBe('agreement');
    expect(parseCompanyStatus('Aftale')).toBe('agreement');
    expect(parseCompanyStatus('Sat på pause')).toBe('paused');
    expect(parseCompanyStatus('emne')).toBe('prospect');
    expect(parseCompanyStatus('Ended')).toBe('ended');
    expect(parseCompanyStatus('måske')).toBeNull();
  });
});

describe('normaliseWebsite', () => {
  it('adds https:// to a bare host', () => {
    expect(normaliseWebsite('www.eksempel.dk')).toBe('https://www.eksempel.dk');
    expect(normaliseWebsite('http://eksempel.dk')).toBe('http://eksempel.dk');
    expect(normaliseWebsite('')).toBe('');
  });
});

describe('ZCompanyCreate', () => {
  it('gives Danish messages for a bad CVR, postal code and DB07 code', () => {
    const r = ZCompanyCreate.safeParse({ cvr: '12345678', name: 'X', postalCode: '880', db07Code: '12' });
    expect(r.success).toBe(false);
    const byPath = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(byPath.cvr).toContain('Ugyldigt CVR-nummer');
    expect(byPath.postalCode).toBe('Postnummer skal være 4 cifre.');
    expect(byPath.db07Code).toBe('DB07-branchekode skal være 6 cifre.');
  });
  it('accepts a valid company with spaces in the CVR and defaults the status', () => {
    const r = ZCompanyCreate.parse({ cvr: '29 18 99 19', name: 'Fiktiv A/S' });
    expect(r).toMatchObject({ cvr: '29189919', status: 'prospect', partnershipIds: [], website: null });
  });
  it('refuses a CPR number in a text field', () => {
    const r = ZCompanyCreate.safeParse({ cvr: '29189919', name: 'Fiktiv', industry: '010190-1234' });
    expect(r.success).toBe(false);
  });
});
