import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TBenefitGroup } from '../resident.schema.ts';
import { danishLocalToUtc } from '../time.ts';
import {
  activeCasesAt,
  activeCasesByYear,
  MOVEMENT_GROUPS,
  movementByBenefitGroup,
  periodInstants,
  type TCaseChange,
  yearlyActivity,
  yearWindows,
} from './outcome-tables.ts';

// The outcome tables of seed 002 on fixtures with known answers: Sundparken's own figures rebuilt
// as case histories, the edges of the definitions one by one, and the invariant
// status = baseline + new − closed for any history (fast-check).

const AREA_A = 'area-a';
const AREA_B = 'area-b';
const ELSEWHERE = 'area-elsewhere';
const AREAS = [AREA_A, AREA_B];

const at = (day: string, time = '12:00') => danishLocalToUtc(day, time);

function row(
  residentId: string,
  changedAt: Date,
  benefitGroup: TBenefitGroup | null,
  over: Partial<TCaseChange> = {},
): TCaseChange {
  return { residentId, changedAt, status: 'active', benefitGroup, housingAreaId: AREA_A, ...over };
}

/** Sundparken, April 2018 → February 2020 (seed 002): group, baseline, new, closed, net, status. */
const SUNDPARKEN: [TBenefitGroup, number, number, number, number, number][] = [
  ['a_dagpenge', 21, 17, 17, 0, 21],
  ['kontanthjaelp', 97, 21, 51, -30, 67],
  ['uddannelseshjaelp', 45, 10, 31, -21, 24],
  ['overgangsydelse', 37, 8, 23, -15, 22],
  ['sygedagpenge', 13, 11, 12, -1, 12],
  ['jobafklaringsforloeb', 17, 6, 13, -7, 10],
  ['revalidering', 2, 1, 2, -1, 1],
  ['ressourceforloeb', 15, 15, 8, 7, 22],
  ['ledighedsydelse', 15, 5, 11, -6, 9],
];

/**
 * Case histories that give exactly the Sundparken table: per group its baseline registered before
 * April 2018 and its newcomers during the period, of whom the closed leave in every way there is
 * (a job, education, moving out of the areas, a closed case, no benefit any more); five of
 * kontanthjælp's closed move to ressourceforløb (and are five of its new). Around them: people in
 * another area, a pause, a move between the partnership's areas, changes after the period.
 */
function sundparkenHistories(): TCaseChange[] {
  const rows: TCaseChange[] = [];
  let n = 0;
  const movers = 5;
  for (const [group, baseline, fresh, closed] of SUNDPARKEN) {
    const ids: string[] = [];
    for (let i = 0; i < baseline; i++) {
      const id = `r${++n}`;
      ids.push(id);
      rows.push(row(id, at('2017-09-01'), group, { housingAreaId: i % 2 ? AREA_A : AREA_B }));
    }
    const newcomers = group === 'ressourceforloeb' ? fresh - movers : fresh;
    for (let i = 0; i < newcomers; i++) {
      const id = `r${++n}`;
      ids.push(id);
      rows.push(row(id, at('2018-06-15'), group));
    }
    for (let i = 0; i < closed; i++) {
      const id = ids[i]!;
      const when = at('2019-03-01');
      if (group === 'kontanthjaelp' && i < movers) rows.push(row(id, when, 'ressourceforloeb'));
      else if (i % 5 === 0) rows.push(row(id, when, group, { status: 'in_job' }));
      else if (i % 5 === 1) rows.push(row(id, when, group, { status: 'in_education' }));
      else if (i % 5 === 2) rows.push(row(id, when, group, { housingAreaId: ELSEWHERE }));
      else if (i % 5 === 3) rows.push(row(id, when, group, { status: 'closed' }));
      else rows.push(row(id, when, 'none'));
    }
    // One who stays: paused, then moves between the partnership's areas — still an active case.
    const stayer = ids[ids.length - 1]!;
    rows.push(row(stayer, at('2019-05-01'), group, { status: 'paused' }));
    rows.push(row(stayer, at('2019-06-01'), group, { status: 'paused', housingAreaId: AREA_B }));
  }
  // Never counted: another area's people, people without a benefit group, and what happens after.
  rows.push(row('elsewhere-1', at('2017-01-01'), 'kontanthjaelp', { housingAreaId: ELSEWHERE }));
  rows.push(row('elsewhere-2', at('2019-01-01'), 'a_dagpenge', { housingAreaId: ELSEWHERE }));
  rows.push(row('no-group', at('2018-08-01'), null));
  rows.push(row('young', at('2018-08-01'), 'none'));
  rows.push(row('later', at('2020-03-01'), 'kontanthjaelp'));
  rows.push(row('r1', at('2020-03-02'), 'a_dagpenge', { status: 'in_job' }));
  // Førtidspension and fleksjob are rows of their own, outside the total.
  rows.push(row('pension', at('2017-01-01'), 'foertidspension'));
  rows.push(row('flex', at('2019-01-01'), 'fleksjob'));
  return rows;
}

const SUNDPARKEN_PERIOD = periodInstants('2018-04-01', '2020-02-29');

describe('movement by benefit group (Sundparken)', () => {
  const table = movementByBenefitGroup(sundparkenHistories(), SUNDPARKEN_PERIOD, AREAS);

  it("rebuilds the seed's table row by row", () => {
    for (const [group, baseline, fresh, closed, net, status] of SUNDPARKEN) {
      const r = table.rows.find((x) => x.group === group)!;
      expect([r.baseline, r.new, r.closed, r.net, r.status], group).toEqual([
        baseline,
        fresh,
        closed,
        net,
        status,
      ]);
    }
  });

  it('totals 262, 94, 168, −74 and 188 without førtidspension and fleksjob', () => {
    expect(table.total).toEqual({ baseline: 262, new: 94, closed: 168, net: -74, status: 188 });
    const pension = table.rows.find((r) => r.group === 'foertidspension')!;
    const flex = table.rows.find((r) => r.group === 'fleksjob')!;
    expect([pension.baseline, pension.status, pension.inTotal]).toEqual([1, 1, false]);
    expect([flex.baseline, flex.new, flex.status, flex.inTotal]).toEqual([0, 1, 1, false]);
  });

  it("has the seed's groups in its order, then førtidspension and fleksjob, and no row for no benefit", () => {
    expect(table.rows.map((r) => r.label)).toEqual([
      'A-dagpenge',
      'Kontanthjælp',
      'Uddannelseshjælp',
      'Overgangsydelse og S&H-ydelser',
      'Sygedagpenge',
      'Jobafklaringsforløb',
      'Revalidering',
      'Ressourceforløb',
      'Ledighedsydelse',
      'Førtidspension',
      'Fleksjob',
    ]);
  });
});

describe('movement edges', () => {
  const period = periodInstants('2026-01-01', '2026-06-30');
  const only = (rows: TCaseChange[], group: TBenefitGroup = 'kontanthjaelp') =>
    movementByBenefitGroup(rows, period, AREAS).rows.find((r) => r.group === group)!;

  it('counts a registration at 00.00 Danish time on the first day as new, one a minute earlier as baseline', () => {
    const first = only([row('x', danishLocalToUtc('2026-01-01', '00:00'), 'kontanthjaelp')]);
    expect([first.baseline, first.new, first.status]).toEqual([0, 1, 1]);
    const before = only([row('x', danishLocalToUtc('2025-12-31', '23:59'), 'kontanthjaelp')]);
    expect([before.baseline, before.new, before.status]).toEqual([1, 0, 1]);
  });

  it('counts a change at 23.59 on the last day, not one at 00.00 the day after', () => {
    const base = row('x', at('2025-06-01'), 'kontanthjaelp');
    const late = only([
      base,
      row('x', danishLocalToUtc('2026-06-30', '23:59'), 'kontanthjaelp', { status: 'in_job' }),
    ]);
    expect([late.closed, late.status]).toEqual([1, 0]);
    const after = only([
      base,
      row('x', danishLocalToUtc('2026-07-01', '00:00'), 'kontanthjaelp', { status: 'in_job' }),
    ]);
    expect([after.closed, after.status]).toEqual([0, 1]);
  });

  it('counts a person who leaves and comes back as closed once and new once', () => {
    const r = only([
      row('x', at('2025-06-01'), 'kontanthjaelp'),
      row('x', at('2026-02-01'), 'kontanthjaelp', { status: 'in_job' }),
      row('x', at('2026-04-01'), 'kontanthjaelp'),
    ]);
    expect([r.baseline, r.new, r.closed, r.net, r.status]).toEqual([1, 1, 1, 0, 1]);
  });

  it('moves a person between groups: closed in one, new in the other, the total unchanged', () => {
    const table = movementByBenefitGroup(
      [row('x', at('2025-06-01'), 'sygedagpenge'), row('x', at('2026-03-01'), 'jobafklaringsforloeb')],
      period,
      AREAS,
    );
    const from = table.rows.find((r) => r.group === 'sygedagpenge')!;
    const to = table.rows.find((r) => r.group === 'jobafklaringsforloeb')!;
    expect([from.closed, from.status, to.new, to.status]).toEqual([1, 0, 1, 1]);
    expect(table.total).toEqual({ baseline: 1, new: 1, closed: 1, net: 0, status: 1 });
  });

  it('sees no movement in a pause, a move between own areas or a new phone number', () => {
    const r = only([
      row('x', at('2025-06-01'), 'kontanthjaelp'),
      row('x', at('2026-02-01'), 'kontanthjaelp', { status: 'paused' }),
      row('x', at('2026-03-01'), 'kontanthjaelp', { status: 'paused', housingAreaId: AREA_B }),
      row('x', at('2026-04-01'), 'kontanthjaelp', { housingAreaId: AREA_B }),
    ]);
    expect([r.baseline, r.new, r.closed, r.status]).toEqual([1, 0, 0, 1]);
  });

  it('closes a case that moves out of the areas and opens one that moves in', () => {
    const out = only([
      row('x', at('2025-06-01'), 'kontanthjaelp'),
      row('x', at('2026-02-01'), 'kontanthjaelp', { housingAreaId: null }),
    ]);
    expect([out.closed, out.status]).toEqual([1, 0]);
    const into = only([
      row('y', at('2025-06-01'), 'kontanthjaelp', { housingAreaId: ELSEWHERE }),
      row('y', at('2026-02-01'), 'kontanthjaelp', { housingAreaId: AREA_A }),
    ]);
    expect([into.baseline, into.new, into.status]).toEqual([0, 1, 1]);
  });

  it('applies rows of the same instant in the order given, whatever order they come in', () => {
    const when = at('2026-02-01');
    const r = only([
      row('x', when, 'kontanthjaelp', { status: 'in_job' }),
      row('x', at('2025-06-01'), 'kontanthjaelp'),
      row('x', when, 'kontanthjaelp'),
    ]);
    // The last of the two rows at 1 February says active again: nothing changed in the end.
    expect([r.baseline, r.closed, r.new, r.status]).toEqual([1, 1, 1, 1]);
  });
});

describe('the invariant, for any history', () => {
  const days = [
    '2025-11-15',
    '2025-12-31',
    '2026-01-01',
    '2026-03-10',
    '2026-06-30',
    '2026-07-01',
    '2026-09-01',
  ];
  const arbRow = fc.record({
    residentId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    changedAt: fc
      .tuple(fc.constantFrom(...days), fc.constantFrom('00:00', '09:30', '23:59'))
      .map(([d, t]) => danishLocalToUtc(d, t)),
    status: fc.constantFrom('active', 'paused', 'in_job', 'in_education', 'moved', 'closed'),
    benefitGroup: fc.constantFrom<TBenefitGroup | null>(
      null,
      'none',
      'kontanthjaelp',
      'a_dagpenge',
      'fleksjob',
      'ressourceforloeb',
    ),
    housingAreaId: fc.constantFrom<string | null>(AREA_A, AREA_B, ELSEWHERE, null),
  });
  const arbPeriod = fc
    .tuple(fc.constantFrom(...days), fc.constantFrom(...days))
    .filter(([a, b]) => a <= b)
    .map(([from, to]) => periodInstants(from, to));

  /** The state at an instant, computed the slow and obvious way: the latest row strictly before it. */
  function naiveCounts(rows: TCaseChange[], instant: Date): Map<string, number> {
    const counts = new Map<string, number>();
    for (const id of new Set(rows.map((r) => r.residentId))) {
      let latest: TCaseChange | undefined;
      rows.forEach((r) => {
        if (r.residentId !== id || r.changedAt >= instant) return;
        if (!latest || r.changedAt >= latest.changedAt) latest = r;
      });
      if (!latest) continue;
      const active = ['active', 'paused'].includes(latest.status);
      const inAreas = latest.housingAreaId !== null && AREAS.includes(latest.housingAreaId);
      const group = latest.benefitGroup;
      if (active && inAreas && group && group !== 'none') counts.set(group, (counts.get(group) ?? 0) + 1);
    }
    return counts;
  }

  it('status = baseline + new − closed in every row and the total; baseline and status are the states at the ends', () => {
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 40 }), arbPeriod, (rows, period) => {
        const table = movementByBenefitGroup(rows, period, AREAS);
        const before = naiveCounts(rows, period.start);
        const after = naiveCounts(rows, period.end);
        for (const r of table.rows) {
          expect(r.status).toBe(r.baseline + r.new - r.closed);
          expect(r.net).toBe(r.new - r.closed);
          expect(r.baseline).toBe(before.get(r.group) ?? 0);
          expect(r.status).toBe(after.get(r.group) ?? 0);
        }
        const t = table.total;
        expect(t.status).toBe(t.baseline + t.net);
        expect(t.baseline).toBe(table.rows.filter((r) => r.inTotal).reduce((s, r) => s + r.baseline, 0));
        // Nobody is counted twice: each resident is in at most one group at each end.
        const people = new Set(rows.map((r) => r.residentId)).size;
        expect(table.rows.reduce((s, r) => s + r.status, 0)).toBeLessThanOrEqual(people);
      }),
      { numRuns: 500 },
    );
  });

  it('knows every group of the table', () => {
    expect(MOVEMENT_GROUPS).toHaveLength(11);
    expect(MOVEMENT_GROUPS).not.toContain('none');
  });
});

describe('yearly activity (Greve)', () => {
  it('cuts the years to the period', () => {
    expect(yearWindows('2024-07-01', '2026-03-31')).toEqual([
      { year: 2024, from: '2024-07-01', to: '2024-12-31' },
      { year: 2025, from: '2025-01-01', to: '2025-12-31' },
      { year: 2026, from: '2026-01-01', to: '2026-03-31' },
    ]);
    expect(yearWindows('2026-02-01', '2026-02-01')).toEqual([
      { year: 2026, from: '2026-02-01', to: '2026-02-01' },
    ]);
  });

  it('counts unique people counselled, sessions, unique trial starters, and takes the outcomes as given', () => {
    const rows = yearlyActivity({
      windows: yearWindows('2025-03-01', '2026-12-31'),
      sessions: [
        { residentId: 'a', day: '2025-02-28' }, // before the period
        { residentId: 'a', day: '2025-03-01' },
        { residentId: 'a', day: '2025-06-01' },
        { residentId: 'b', day: '2025-12-31' },
        { residentId: 'a', day: '2026-01-01' },
        { residentId: 'c', day: '2026-05-05' },
        { residentId: 'c', day: '2026-05-05' },
      ],
      trials: [
        { personKey: 'a', startDate: '2025-04-01' },
        { personKey: 'a', startDate: '2025-09-01' },
        { personKey: 'placement-without-person', startDate: '2025-09-01' },
        { personKey: 'b', startDate: '2027-01-01' },
      ],
      outcomes: new Map([[2025, { intoEducation: 3, intoWork: 9 }]]),
    });
    expect(
      rows.map((r) => [r.year, r.counselled, r.sessions, r.trials, r.intoEducation, r.intoWork]),
    ).toEqual([
      [2025, 2, 3, 2, 3, 9],
      [2026, 2, 3, 0, 0, 0],
    ]);
  });
});

describe('active cases per year (Aalborg)', () => {
  const rows: TCaseChange[] = [
    row('a', at('2024-05-01'), 'kontanthjaelp'),
    row('a', danishLocalToUtc('2025-12-31', '23:59'), 'kontanthjaelp', { status: 'in_job' }),
    row('b', at('2024-05-01'), 'a_dagpenge', { housingAreaId: AREA_B, status: 'paused' }),
    row('c', at('2025-03-01'), null, { housingAreaId: AREA_B }),
    row('d', danishLocalToUtc('2026-01-01', '00:00'), 'sygedagpenge'),
    row('e', at('2024-01-01'), 'kontanthjaelp', { housingAreaId: ELSEWHERE }),
  ];

  it('counts active and paused cases at the end of each year, any benefit group, in the areas only', () => {
    expect(Object.fromEntries(activeCasesAt(rows, danishLocalToUtc('2025-01-01', '00:00'), AREAS))).toEqual({
      [AREA_A]: 1,
      [AREA_B]: 1,
    });
    const years = activeCasesByYear(rows, yearWindows('2024-01-01', '2026-06-30'), AREAS, []);
    expect(years.map((y) => [y.year, y.measuredOn, y.cases])).toEqual([
      [2024, '2024-12-31', 2],
      [2025, '2025-12-31', 2],
      [2026, '2026-06-30', 3],
    ]);
    expect(years.every((y) => y.share === null && y.residents === null)).toBe(true);
  });

  it('takes the share over the areas with a residents figure for the year', () => {
    const years = activeCasesByYear(rows, yearWindows('2025-01-01', '2026-12-31'), AREAS, [
      { areaId: AREA_A, year: 2025, value: 40 },
      { areaId: AREA_B, year: 2025, value: 10 },
      { areaId: AREA_B, year: 2026, value: 20 },
      { areaId: ELSEWHERE, year: 2026, value: 1000 },
    ]);
    const [y2025, y2026] = years;
    expect(y2025).toMatchObject({
      cases: 2,
      residents: 50,
      casesInAreasWithResidents: 2,
      areasWithResidents: 2,
    });
    expect(y2025!.share).toBeCloseTo(0.04, 10);
    // 2026: area A has no figure, so its case is left out of the share (B: 2 of 20).
    expect(y2026).toMatchObject({
      cases: 3,
      residents: 20,
      casesInAreasWithResidents: 2,
      areasWithResidents: 1,
      areas: 2,
    });
    expect(y2026!.share).toBeCloseTo(0.1, 10);
  });
});
