import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZBiasDimensionReport } from './bias.schema.ts';
import {
  AGE_BANDS,
  ageBandOf,
  biasDefinitions,
  buildBiasDimensions,
  compareGroups,
  OUTSIDE_AREAS_KEY,
  publishedCount,
  publishedCounts,
  type TBiasCell,
} from './bias.ts';

const group = (key: string, population: number, proposed: number, hired: number) => ({
  key,
  label: key,
  population,
  proposed,
  hired,
});

describe('publishedCounts (complementary suppression)', () => {
  it('shows everything when nothing is small', () => {
    expect(publishedCounts([0, 5, 17, 120])).toEqual([0, 5, 17, 120]);
  });
  it('hides the smallest other count with a lone small one, so a total cannot reveal it', () => {
    // Without the second cell, 3 would follow from any other dimension's total minus 40 + 9.
    expect(publishedCounts([40, 3, 9])).toEqual([40, null, null]);
  });
  it('hides until the hidden cells hold at least 5 people, never a 0', () => {
    expect(publishedCounts([1, 2, 0, 30, 6])).toEqual([null, null, 0, 30, null]);
    expect(publishedCounts([2, 3, 50])).toEqual([null, null, 50]);
  });
  it('leaves what cannot be helped: a lone small count with nothing else to hide', () => {
    expect(publishedCounts([0, 4, 0])).toEqual([0, null, 0]);
  });
});

describe('publishedCount', () => {
  it('shows 0 and 5 or more, hides 1-4', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 120].map(publishedCount)).toEqual([0, null, null, null, null, 5, 6, 120]);
  });
});

describe('compareGroups', () => {
  it('hides the smallest other group too when one group alone is small', () => {
    const r = compareGroups('gender', [group('A', 40, 10, 5), group('B', 3, 0, 0), group('C', 9, 5, 5)]);
    expect(r.groups.map((g) => g.population)).toEqual([40, null, null]);
    expect(r.groups[2]!.proposalRate).toBe(null);
  });

  // A 20/50 = 40 %; B 16/50 = 32 % = exactly 4/5 of A; C 31/100 = 31 % just below; D and F too
  // small (two hidden cells holding 6 people: no complementary suppression needed); E empty.
  const report = compareGroups('gender', [
    group('A', 50, 20, 10),
    group('B', 50, 16, 10),
    group('C', 100, 31, 12),
    group('D', 4, 4, 0),
    group('E', 0, 0, 0),
    group('F', 2, 2, 0),
  ]);
  const byKey = Object.fromEntries(report.groups.map((g) => [g.key, g]));

  it('computes the rates from the counts', () => {
    expect(byKey.A!.proposalRate).toBe(0.4);
    expect(byKey.A!.hireRate).toBe(0.5);
    expect(byKey.B!.proposalRate).toBe(0.32);
    expect(byKey.B!.hireRate).toBe(10 / 16);
    expect(byKey.C!.proposalRate).toBe(0.31);
    expect(byKey.C!.hireRate).toBeCloseTo(12 / 31, 12);
  });

  it('takes the highest shown rate as the reference group, per rate', () => {
    expect(report.referenceGroup).toEqual({ proposal: 'A', hire: 'B' });
    expect(byKey.A!.proposalRatio).toBe(1);
    expect(byKey.C!.proposalRatio).toBeCloseTo(0.775, 12);
  });

  it('flags below four fifths of the highest, not exactly at four fifths', () => {
    expect(byKey.B!.fourFifthsFlag.proposal).toBe(false);
    expect(byKey.B!.proposalRatio).toBeCloseTo(0.8, 12);
    expect(byKey.C!.fourFifthsFlag.proposal).toBe(true);
    expect(byKey.A!.fourFifthsFlag).toEqual({ proposal: false, hire: false });
    // Hire: B 62.5 % is the highest; A 50 % = exactly 4/5 of it; C 38.7 % is below.
    expect(byKey.A!.fourFifthsFlag.hire).toBe(false);
    expect(byKey.C!.fourFifthsFlag.hire).toBe(true);
  });

  it('hides counts of 1-4 and every rate built on them, and never flags such a group', () => {
    expect(byKey.D).toMatchObject({
      population: null,
      proposed: null,
      hired: 0,
      proposalRate: null,
      hireRate: null,
      proposalRatio: null,
      suppressed: true,
      fourFifthsFlag: { proposal: false, hire: false },
    });
  });

  it('shows a group with nobody as 0 without a rate, unsuppressed and unflagged', () => {
    expect(byKey.E).toMatchObject({
      population: 0,
      proposed: 0,
      hired: 0,
      proposalRate: null,
      hireRate: null,
      suppressed: false,
      fourFifthsFlag: { proposal: false, hire: false },
    });
  });

  it('never takes a suppressed group as the reference, however high its hidden rate', () => {
    // X: 4 of 5 proposed (80 %) would be the highest, but 4 is not shown.
    // W's 3 hidden beside X's 4 (7 together): nothing else needs hiding for the proposals.
    const r = compareGroups('area', [
      group('X', 5, 4, 0),
      group('Y', 10, 5, 0),
      group('Z', 20, 5, 0),
      group('W', 3, 3, 0),
    ]);
    expect(r.referenceGroup.proposal).toBe('Y');
    expect(r.groups.map((g) => g.fourFifthsFlag.proposal)).toEqual([false, false, true, false]);
    // Nobody hired: the highest rate is 0, nothing is below 4/5 of it.
    expect(r.referenceGroup.hire).toBe(null);
    expect(r.groups[1]!.hireRate).toBe(0);
  });

  it('compares a rate whose counts are shown even when another count of the group is hidden', () => {
    // P: 3 hired is hidden, so its hire rate is; its proposal rate 10/50 is shown and compared.
    // R's 2 hired hidden beside P's 3 (5 together): Q's 5 hired can stay shown.
    const r = compareGroups('area', [group('P', 50, 10, 3), group('Q', 20, 10, 5), group('R', 30, 10, 2)]);
    const [p, q] = r.groups;
    expect(p!.suppressed).toBe(true);
    expect(p!.hireRate).toBe(null);
    expect(p!.proposalRate).toBe(0.2);
    expect(p!.fourFifthsFlag.proposal).toBe(true);
    expect(r.referenceGroup).toEqual({ proposal: 'Q', hire: 'Q' });
    expect(q!.fourFifthsFlag).toEqual({ proposal: false, hire: false });
  });

  it('lets the first group win a tie for the reference', () => {
    const r = compareGroups('gender', [group('first', 10, 5, 5), group('second', 20, 10, 5)]);
    expect(r.referenceGroup.proposal).toBe('first');
    expect(r.referenceGroup.hire).toBe('first');
  });

  it('never publishes a count from 1 to 4, whatever the counts (property)', () => {
    const arbGroup = fc.tuple(fc.nat(40), fc.nat(40), fc.nat(40)).map(([a, b, c]) => {
      const population = Math.max(a, b, c);
      const proposed = Math.min(population, Math.max(b, c));
      return { population, proposed, hired: Math.min(proposed, c) };
    });
    fc.assert(
      fc.property(fc.array(arbGroup, { minLength: 1, maxLength: 8 }), (raw) => {
        const r = compareGroups(
          'age_band',
          raw.map((g, i) => ({ key: `g${i}`, label: `g${i}`, ...g })),
        );
        expect(ZBiasDimensionReport.safeParse(r).success).toBe(true);
        for (const g of r.groups) {
          for (const n of [g.population, g.proposed, g.hired])
            expect(n === null || n === 0 || n >= 5).toBe(true);
          if (g.population === null || g.proposed === null) expect(g.proposalRate).toBe(null);
          if (g.proposed === null || g.hired === null) expect(g.hireRate).toBe(null);
          if (g.proposalRate === null) expect(g.fourFifthsFlag.proposal).toBe(false);
          if (g.hireRate === null) expect(g.fourFifthsFlag.hire).toBe(false);
        }
      }),
    );
  });
});

describe('ageBandOf', () => {
  it('puts each age in one band, the boundaries included', () => {
    expect([13, 14, 15, 17, 18, 24, 25, 29, 30, 39, 40, 49, 50, 64, 65, 90].map(ageBandOf)).toEqual([
      'under_15',
      'under_15',
      '15_17',
      '15_17',
      '18_24',
      '18_24',
      '25_29',
      '25_29',
      '30_39',
      '30_39',
      '40_49',
      '40_49',
      '50_64',
      '50_64',
      '65_plus',
      '65_plus',
    ]);
  });
});

describe('buildBiasDimensions', () => {
  const cell = (o: Partial<TBiasCell>): TBiasCell => ({
    areaId: 'a-bakken',
    gender: 'woman',
    birthDate: '1990-01-01',
    population: 0,
    proposed: 0,
    hired: 0,
    ...o,
  });
  const dims = buildBiasDimensions({
    ageOn: '2026-06-30',
    areas: [
      { id: 'a-aalykke', name: 'Ålykke' },
      { id: 'a-oest', name: 'Øst' },
      { id: 'a-bakken', name: 'Bakken' },
      { id: 'a-aeble', name: 'Æblehaven' },
    ],
    cells: [
      // 18 on the period's last day (the birthday itself): 18-24.
      cell({ birthDate: '2008-06-30', gender: 'man', population: 6, proposed: 5, hired: 0 }),
      // 17 until the day after: 15-17.
      cell({ birthDate: '2008-07-01', gender: null, population: 7, proposed: 0 }),
      cell({ areaId: null, birthDate: '1965-03-03', gender: 'other', population: 5 }),
      cell({ areaId: 'a-oest', population: 10, proposed: 5, hired: 5 }),
    ],
  });
  const [area, age, gender] = dims;

  it('lists every area in Danish order, the people outside the areas last', () => {
    expect(area!.groups.map((g) => g.label)).toEqual([
      'Bakken',
      'Æblehaven',
      'Øst',
      'Ålykke',
      'Uden for boligområderne',
    ]);
    expect(area!.groups.map((g) => g.population)).toEqual([13, 0, 10, 0, 5]);
    expect(area!.groups.at(-1)!.key).toBe(OUTSIDE_AREAS_KEY);
  });

  it('bands ages on the period end, listing every band', () => {
    expect(age!.groups.map((g) => g.key)).toEqual(AGE_BANDS.map((b) => b.key));
    const pop = Object.fromEntries(age!.groups.map((g) => [g.key, g.population]));
    expect(pop).toEqual({
      under_15: 0,
      '15_17': 7,
      '18_24': 6,
      '25_29': 0,
      '30_39': 10,
      '40_49': 0,
      '50_64': 5,
      '65_plus': 0,
    });
  });

  it('groups self-reported gender with "not stated" as its own group', () => {
    expect(gender!.groups.map((g) => [g.label, g.population, g.proposed])).toEqual([
      ['Kvinde', 10, 5],
      ['Mand', 6, 5],
      ['Andet', 5, 0],
      ['Ikke oplyst', 7, 0],
    ]);
    // Kvinde 50 %, Mand 83 %: Kvinde is below 4/5 (66.7 %) of Mand's.
    expect(gender!.referenceGroup.proposal).toBe('man');
    expect(gender!.groups[0]!.fourFifthsFlag.proposal).toBe(true);
    // "Ikke oplyst" 0 % is shown and below too.
    expect(gender!.groups[3]!.fourFifthsFlag.proposal).toBe(true);
  });

  it('gives an unknown area a label rather than dropping its people', () => {
    const [a] = buildBiasDimensions({
      ageOn: '2026-06-30',
      areas: [],
      cells: [cell({ areaId: 'elsewhere', population: 9 })],
    });
    expect(a!.groups.map((g) => [g.label, g.population])).toEqual([
      ['Ukendt boligområde', 9],
      ['Uden for boligområderne', 0],
    ]);
  });
});

describe('biasDefinitions', () => {
  it('states the thresholds the rules use', () => {
    const d = biasDefinitions('2026-06-30');
    expect(d.minCount).toBe(5);
    expect(d.fourFifths).toBe(0.8);
    expect(d.texts.find((x) => x.term === 'Små tal')!.text).toContain('"< 5"');
    expect(d.texts.some((x) => x.text.includes('aldrig i matchningen'))).toBe(true);
  });
});
