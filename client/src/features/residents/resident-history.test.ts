import da from '@client/locales/da.json';
import en from '@client/locales/en.json';
import { ACCESS_PURPOSE_LABEL_DA, ACCESS_PURPOSES } from '@domain/resident-rights.schema.ts';
import { describe, expect, it } from 'vitest';

// The history tab names each event's purpose from the locale files; the access export (JSON, PDF)
// from the domain's Danish labels. A purpose the server sends must have a label in both languages,
// and the tab and the export must call it the same in Danish.

describe('the history tab’s purposes', () => {
  const purposes = (l: typeof da) => l.residents.history.purposes as Record<string, string>;

  it('has a Danish and an English label for every purpose the server sends, and no other', () => {
    expect(Object.keys(purposes(da)).sort()).toEqual([...ACCESS_PURPOSES].sort());
    expect(Object.keys(purposes(en)).sort()).toEqual([...ACCESS_PURPOSES].sort());
  });

  it('words each purpose in Danish as the access export does', () => {
    for (const p of ACCESS_PURPOSES) expect(purposes(da)[p], p).toBe(ACCESS_PURPOSE_LABEL_DA[p]);
  });
});
