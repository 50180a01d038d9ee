import { describe, expect, it } from 'vitest';
import { activeKeys, fileNameFromDisposition } from './evaluation-export-ui.ts';

describe('fileNameFromDisposition', () => {
  it('reads back the exact name the server sends, Danish letters included', () => {
    // As server/platform/http/download.ts writes it: an ASCII fallback and the exact UTF-8 name.
    const name = 'evalueringsudtraek-partnerskab-om-job-viborg-2026-01-01-2026-06-30.csv';
    expect(fileNameFromDisposition(`attachment; filename="${name}"; filename*=UTF-8''${name}`)).toBe(name);
    expect(
      fileNameFromDisposition(
        `attachment; filename="udtraek aeoa.csv"; filename*=UTF-8''udtr%C3%A6k%20%C3%A6%C3%B8%C3%A5.csv`,
      ),
    ).toBe('udtræk æøå.csv');
  });

  it('falls back to the plain name, and to nothing without a header', () => {
    expect(fileNameFromDisposition('attachment; filename="fil.csv"')).toBe('fil.csv');
    expect(fileNameFromDisposition(null)).toBeNull();
    expect(fileNameFromDisposition('attachment')).toBeNull();
  });
});

describe('activeKeys', () => {
  it('offers only keys not revoked', () => {
    const key = (id: string, revokedAt: string | null) => ({
      id,
      label: id,
      createdAt: '2026-01-01T09:00:00.000Z',
      createdByName: null,
      revokedAt,
    });
    expect(
      activeKeys([key('a', null), key('b', '2026-02-01T09:00:00.000Z'), key('c', null)]).map((k) => k.id),
    ).toEqual(['a', 'c']);
  });
});
