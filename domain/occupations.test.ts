import { describe, expect, it } from 'vitest';
import {
  findOccupation,
  iscoSharedDigits,
  OCCUPATION_GROUP_LABEL_DA,
  OCCUPATION_GROUP_LABEL_EN,
  OCCUPATION_GROUPS,
  OCCUPATIONS,
  occupationLabel,
  occupationPage,
  occupationsWithIscoPrefix,
  relatedOccupations,
  sameIscoMinorGroup,
  sameIscoSubMajorGroup,
  sameIscoUnit,
  searchOccupations,
  ZOccupation,
  ZOccupationId,
} from './occupations.ts';

const ids = (q: string) => searchOccupations({ q, limit: 200, offset: 0 }).items.map((o) => o.id);

describe('the occupation list', () => {
  it('has at least 120 valid occupations with unique kebab-case ids', () => {
    expect(OCCUPATIONS.length).toBeGreaterThanOrEqual(120);
    expect(new Set(OCCUPATIONS.map((o) => o.id)).size).toBe(OCCUPATIONS.length);
    for (const o of OCCUPATIONS) {
      expect(ZOccupation.parse(o)).toEqual(o);
      expect(o.id, o.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      // ISCO-08 major groups 1-9 (0 is the armed forces, not a supplier's trade).
      expect(o.isco, o.id).toMatch(/^[1-9]\d{3}$/);
    }
    expect(new Set(OCCUPATIONS.map((o) => o.titleDa)).size).toBe(OCCUPATIONS.length);
  });

  it('represents every group, each with a Danish and English label', () => {
    for (const g of OCCUPATION_GROUPS) {
      expect(
        OCCUPATIONS.some((o) => o.group === g),
        g,
      ).toBe(true);
      expect(OCCUPATION_GROUP_LABEL_DA[g]).toBeTruthy();
      expect(OCCUPATION_GROUP_LABEL_EN[g]).toBeTruthy();
    }
  });

  it('carries the codes and educations of the core trades', () => {
    const expected: [string, string, string | undefined][] = [
      ['toemrer', '7115', 'Tømrer'],
      ['vvs-montoer', '7126', 'VVS- og energispecialist'],
      ['elektriker', '7411', 'Elektriker'],
      ['maler', '7131', 'Maler'],
      ['rengoeringsassistent', '9112', 'Serviceassistent'],
      ['anlaegsgartner', '6113', 'Anlægsgartner'],
      ['kok', '5120', 'Kok'],
      ['bogholder', '4311', 'Kontoruddannelse'],
      ['bygningsingenioer', '2142', undefined],
      ['arkitekt', '2161', undefined],
      ['lastbilchauffoer', '8332', 'Vejgodstransport'],
      ['social-og-sundhedshjaelper', '5322', 'Social- og sundhedshjælper'],
      ['paedagogisk-assistent', '5311', 'Pædagogisk assistent'],
      ['ejendomsservicetekniker', '5153', 'Ejendomsservicetekniker'],
      ['bygningsarbejder', '9313', undefined],
    ];
    for (const [id, isco, education] of expected) {
      expect(findOccupation(id), id).toMatchObject({ isco });
      expect(findOccupation(id)?.education, id).toBe(education);
    }
  });
});

describe('searchOccupations', () => {
  it('finds Tømrer from a prefix, in any case and without Danish letters', () => {
    for (const q of ['tømr', 'TØMR', 'Tømrer', 'toemrer', 'tomrer', 'carpenter'])
      expect(ids(q)[0], q).toBe('toemrer');
  });

  it('searches English titles, educations and ISCO codes', () => {
    expect(ids('plumber')).toContain('vvs-montoer');
    expect(ids('kontoruddannelse')).toEqual(expect.arrayContaining(['bogholder', 'kontorassistent']));
    expect(ids('7126')).toEqual(expect.arrayContaining(['vvs-montoer', 'roerlaegger']));
    expect(ids('71').every((id) => findOccupation(id)!.isco.startsWith('71'))).toBe(true);
    expect(ids('cafemedarbejder')).toEqual(['cafemedarbejder']);
    expect(ids('nosuchtrade')).toEqual([]);
  });

  it('ranks an exact title before titles that merely contain it', () => {
    const found = ids('maler');
    expect(found[0]).toBe('maler');
    expect(found).toContain('sproejtemaler');
  });

  it('filters by group and pages', () => {
    const all = searchOccupations({ group: 'care', limit: 200, offset: 0 });
    expect(all.items.every((o) => o.group === 'care')).toBe(true);
    const page = searchOccupations({ group: 'care', limit: 3, offset: 3 });
    expect(page.total).toBe(all.total);
    expect(page.items).toEqual(all.items.slice(3, 6));
  });

  it('sorts the unfiltered list in Danish order (æ, ø, å last)', () => {
    const titles = searchOccupations({ limit: 500, offset: 0 }).items.map((o) => o.titleDa);
    const collator = new Intl.Collator('da-DK');
    expect(titles).toEqual([...titles].sort(collator.compare));
    // The runtime must know Danish collation, or the order above means nothing.
    expect(['Åben', 'Zebra', 'Øst', 'Æble'].sort(collator.compare)).toEqual(['Zebra', 'Æble', 'Øst', 'Åben']);
  });

  it('answers page queries with limit/offset or page/pageSize', () => {
    expect(occupationPage({ page: 2, pageSize: 10 })).toMatchObject({ offset: 10, limit: 10, page: 2 });
    expect(occupationPage({ limit: 5, offset: 10, page: 9 })).toMatchObject({ offset: 10, page: 3 });
    expect(occupationPage({}).limit).toBe(25);
  });
});

describe('ISCO helpers', () => {
  it('compares codes by shared prefix', () => {
    expect(iscoSharedDigits('7115', '7115')).toBe(4);
    expect(iscoSharedDigits('7115', '7112')).toBe(3);
    expect(iscoSharedDigits('7115', '7126')).toBe(2);
    expect(iscoSharedDigits('7115', '9313')).toBe(0);
    expect(sameIscoUnit('7126', '7126')).toBe(true);
    expect(sameIscoMinorGroup('7112', '7115')).toBe(true);
    expect(sameIscoSubMajorGroup('7131', '7115')).toBe(true);
    expect(sameIscoSubMajorGroup('7411', '7115')).toBe(false);
  });

  it('finds related occupations, closest first', () => {
    const related = relatedOccupations('vicevaert', 4).map((o) => o.id);
    expect(related).toEqual(expect.arrayContaining(['ejendomsservicetekniker', 'varmemester']));
    expect(related).not.toContain('vicevaert');
    const broader = relatedOccupations('toemrer', 2);
    expect(broader[0]!.isco).toBe('7115');
    expect(relatedOccupations('ukendt')).toEqual([]);
    expect(occupationsWithIscoPrefix('512').every((o) => o.isco === '5120')).toBe(true);
  });

  it('labels and validates occupation ids', () => {
    expect(occupationLabel(findOccupation('toemrer')!)).toBe('Tømrer (7115)');
    expect(ZOccupationId.safeParse('toemrer').success).toBe(true);
    expect(ZOccupationId.safeParse('astronaut').error?.issues[0]?.message).toBe('Ukendt stilling.');
  });
});
