import { describe, expect, it } from 'vitest';
import { auditedCriteria, normaliseSearchText, searchFingerprint } from './search-fingerprint.ts';

const SECRET = 'test-secret-that-is-long-enough-for-jobbro-0123456789';

describe('searchFingerprint', () => {
  it('is the same for the same text however it was typed, and short hex', () => {
    const a = searchFingerprint(SECRET, 'Åse Hansen');
    expect(a.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(a.length).toBe(10);
    expect(searchFingerprint(SECRET, '  åse   HANSEN ')).toEqual(a);
    expect(searchFingerprint(SECRET, 'A\u030Ase Hansen')).toEqual(a);
  });

  it('differs for another text and under another key', () => {
    const a = searchFingerprint(SECRET, 'Åse Hansen');
    expect(searchFingerprint(SECRET, 'Åse Hanse').fingerprint).not.toBe(a.fingerprint);
    expect(searchFingerprint(`${SECRET}x`, 'Åse Hansen').fingerprint).not.toBe(a.fingerprint);
  });

  it('normalises spaces, case and composition', () => {
    expect(normaliseSearchText(' Ærø\t  ØSTER ')).toBe('ærø øster');
  });
});

describe('auditedCriteria', () => {
  it('keeps every filter, replaces the typed text by its fingerprint and drops empty values', () => {
    const out = auditedCriteria(SECRET, { q: 'Hansen', status: 'active', page: 1, housingAreaId: undefined });
    expect(out).toEqual({ q: searchFingerprint(SECRET, 'Hansen'), status: 'active', page: 1 });
    expect(JSON.stringify(out).toLowerCase()).not.toContain('hansen');
    expect(auditedCriteria(SECRET, { q: '  ', status: 'active' })).toEqual({ status: 'active' });
  });
});
