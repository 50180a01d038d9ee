import { describe, expect, it } from 'vitest';
import { OPENING_TYPES, type TOpeningType } from '../opening-types.ts';
import type { TGoal } from '../steering.schema.ts';
import { danishLocalToUtc } from '../time.ts';
import type { TKpiValues } from './kpi.ts';
import { MOVEMENT_GROUPS, type TMovementTable } from './outcome-tables.ts';
import {
  buildReportDocument,
  cellText,
  hiddenCells,
  intoWorkOf,
  reportFileName,
  SMALL_COUNT_TEXT,
  type TCell,
  type TReportInput,
  tablesOf,
} from './report-document.ts';

// The report as one document for both files: the right tables and captions, Danish numbers, and
// for an aggregate-only reader no count from 1 to 4 anywhere, nor anything that gives one away.

const hires = (o: Partial<Record<TOpeningType, number>>) =>
  Object.fromEntries(OPENING_TYPES.map((t) => [t, o[t] ?? 0])) as Record<TOpeningType, number>;

const KPIS: TKpiValues = {
  openings: 40,
  referrals: 38,
  proposals: 3,
  interviews: 12,
  hires: 11,
  apprenticeships: 2,
  leisure_jobs: 0,
  into_education: 6,
  hiresByType: hires({ apprentice: 2, full_time: 5, work_trial: 3, site_trial: 1 }),
  retention_6: 75,
  retention_12: 50,
  median_days_to_referral: 0.5,
  median_days_to_first_proposal: 4.25,
  clause_fulfilment: 40,
  bases: {
    retention6Due: 8,
    retention6Retained: 6,
    retention12Due: 4,
    retention12Retained: 2,
    timedReferrals: 38,
    timedFirstProposals: 3,
    clauseTarget: 5,
    clauseActual: 2,
  },
};

function movement(): TMovementTable {
  const rows = MOVEMENT_GROUPS.map((group) => ({
    group,
    label: group,
    baseline: 0,
    new: 0,
    closed: 0,
    net: 0,
    status: 0,
    inTotal: group !== 'foertidspension' && group !== 'fleksjob',
  }));
  const set = (group: string, baseline: number, fresh: number, closed: number) => {
    const r = rows.find((x) => x.group === group)!;
    Object.assign(r, {
      baseline,
      new: fresh,
      closed,
      net: fresh - closed,
      status: baseline + fresh - closed,
    });
  };
  set('kontanthjaelp', 20, 6, 9);
  set('a_dagpenge', 12, 3, 5);
  set('revalidering', 2, 1, 2);
  set('foertidspension', 3, 0, 0);
  const total = { baseline: 0, new: 0, closed: 0, net: 0, status: 0 };
  for (const r of rows.filter((x) => x.inTotal))
    for (const f of ['baseline', 'new', 'closed', 'net', 'status'] as const) total[f] += r[f];
  return { rows, total };
}

function input(suppressed: boolean): TReportInput {
  return {
    partnershipName: 'Partnerskab om job – Viborg',
    from: '2025-01-01',
    to: '2026-06-30',
    generatedAt: danishLocalToUtc('2026-07-02', '10:15'),
    suppressed,
    kpis: KPIS,
    areas: [
      { id: 'a', name: 'Houlkærvænget' },
      { id: 'b', name: 'Vestervang' },
    ],
    indicators: [
      {
        areaId: 'a',
        areaName: 'Houlkærvænget',
        indicator: 'employment_share_18_64',
        indicatorName: 'Andel af beboere i beskæftigelse (18-64 år)',
        unit: 'percent',
        year: 2019,
        value: 48.07,
        municipalAverage: 76.91,
        source: 'LBF',
        note: null,
      },
      {
        areaId: 'a',
        areaName: 'Houlkærvænget',
        indicator: 'residents',
        indicatorName: 'Antal beboere',
        unit: 'count',
        year: 2025,
        value: 1400,
        municipalAverage: null,
        source: 'Boligselskabet',
        note: null,
      },
    ],
    movement: movement(),
    activity: [
      {
        year: 2025,
        from: '2025-01-01',
        to: '2025-12-31',
        counselled: 7,
        sessions: 30,
        trials: 3,
        intoEducation: 0,
        intoWork: 5,
      },
      {
        year: 2026,
        from: '2026-01-01',
        to: '2026-06-30',
        counselled: 2,
        sessions: 4,
        trials: 0,
        intoEducation: 6,
        intoWork: 2,
      },
    ],
    activeCases: [
      {
        year: 2025,
        measuredOn: '2025-12-31',
        cases: 30,
        residents: 1400,
        casesInAreasWithResidents: 21,
        share: 21 / 1400,
        areasWithResidents: 1,
        areas: 2,
      },
      {
        year: 2026,
        measuredOn: '2026-06-30',
        cases: 3,
        residents: 1400,
        casesInAreasWithResidents: 3,
        share: 3 / 1400,
        areasWithResidents: 1,
        areas: 2,
      },
    ],
    goals: null,
  };
}

const text = (cells: TCell[]) => cells.map(cellText);
const tableOf = (suppressed: boolean, key: string) =>
  tablesOf(buildReportDocument(input(suppressed))).find((t) => t.key === key)!;
const rowOf = (suppressed: boolean, key: string, label: string) =>
  text(tableOf(suppressed, key).rows.find((r) => r.cells[0] === label)!.cells);

describe('the report document', () => {
  it('has a sheet per table, in the order of the sections, with legal sheet names', () => {
    const doc = buildReportDocument(input(false));
    expect(doc.sections.map((s) => s.key)).toEqual(['summary', 'funnel', 'indicators', 'outcomes']);
    const sheets = tablesOf(doc).map((t) => t.sheetName);
    expect(sheets).toEqual([
      'Oversigt',
      'Tragt',
      'Nøgletal',
      'Ansættelser efter type',
      'Områdeindikatorer',
      'Ydelsesgrupper',
      'Aktivitet pr. år',
      'Aktive sager',
    ]);
    for (const name of sheets) expect(name).toMatch(/^[^[\]:*?/\\]{1,31}$/);
  });

  it('adds the goals section only when there are goals to show, as the reader may see them', () => {
    const goal = (o: Partial<TGoal>): TGoal => ({
      id: '00000000-0000-4000-8000-000000000001',
      steeringGroupId: '00000000-0000-4000-8000-000000000002',
      partnershipId: '00000000-0000-4000-8000-000000000003',
      partnershipName: 'Partnerskab om job – Viborg',
      title: '20 lærlinge',
      kpi: 'apprenticeships',
      kpiLabelDa: 'Lærlinge- og elevpladser besat',
      unit: 'count',
      openingType: null,
      indicator: null,
      indicatorNameDa: null,
      indicatorUnit: null,
      housingAreaId: null,
      housingAreaName: null,
      baseline: null,
      target: 20,
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      ownerUserId: null,
      ownerName: null,
      note: null,
      actual: 12,
      actualSuppressed: false,
      actualYear: null,
      elapsed: 0.5,
      expectedByNow: 10,
      started: true,
      trafficLight: 'green',
      updatedAt: '2026-01-01T00:00:00.000Z',
      ...o,
    });
    const doc = buildReportDocument({
      ...input(true),
      goals: [
        goal({}),
        goal({
          title: 'Få i fritidsjob',
          kpi: 'leisure_jobs',
          actual: null,
          actualSuppressed: true,
          trafficLight: 'red',
        }),
        goal({
          title: 'Beskæftigelse',
          kpi: 'area_indicator',
          unit: 'indicator',
          indicatorUnit: 'percent',
          indicatorNameDa: 'Andel i beskæftigelse',
          housingAreaName: 'Houlkærvænget',
          target: 55,
          actual: 48.07,
          actualYear: 2019,
          trafficLight: 'red',
        }),
      ],
    });
    expect(doc.sections.at(-1)!.key).toBe('goals');
    expect(
      tablesOf(doc)
        .at(-1)!
        .rows.map((r) => text(r.cells)),
    ).toEqual([
      ['20 lærlinge', 'Lærlinge- og elevpladser besat', '01.01.2026 – 31.12.2026', '20', '12', 'På sporet'],
      ['Få i fritidsjob', 'Lærlinge- og elevpladser besat', '01.01.2026 – 31.12.2026', '20', '< 5', 'Bagud'],
      [
        'Beskæftigelse',
        'Andel i beskæftigelse, Houlkærvænget (2019)',
        '01.01.2026 – 31.12.2026',
        '55,0 %',
        '48,1 %',
        'Bagud',
      ],
    ]);
  });

  it('writes the Sundparken table with the period in its headers and the total after the totalled groups', () => {
    const t = tableOf(false, 'movement');
    expect(t.columns.map((c) => c.header)).toEqual([
      'Målgruppe',
      'Baseline 01.01.2025',
      'Nye ledige / tilflyttere',
      'Afsluttede sager / fraflyttere',
      'Nettoudvikling 30.06.2026',
      'Status 30.06.2026',
    ]);
    expect(t.rows.map((r) => r.cells[0])).toEqual([
      'a_dagpenge',
      'kontanthjaelp',
      'uddannelseshjaelp',
      'overgangsydelse',
      'sygedagpenge',
      'jobafklaringsforloeb',
      'revalidering',
      'ressourceforloeb',
      'ledighedsydelse',
      'I alt (ekskl. førtidspension og fleksjob)',
      'foertidspension',
      'fleksjob',
    ]);
    expect(rowOf(false, 'movement', 'kontanthjaelp')).toEqual(['kontanthjaelp', '20', '6', '9', '-3', '17']);
    expect(rowOf(false, 'movement', 'I alt (ekskl. førtidspension og fleksjob)')).toEqual([
      'I alt (ekskl. førtidspension og fleksjob)',
      '34',
      '10',
      '16',
      '-6',
      '28',
    ]);
  });

  it('shows a professional every count exactly', () => {
    expect(rowOf(false, 'movement', 'revalidering')).toEqual(['revalidering', '2', '1', '2', '-1', '1']);
    expect(rowOf(false, 'activity', 'Antal unikke borgere der har modtaget vejledning')).toEqual([
      'Antal unikke borgere der har modtaget vejledning',
      '7',
      '2',
    ]);
    expect(rowOf(false, 'kpis', 'Fastholdt efter 12 måneder')).toEqual([
      'Fastholdt efter 12 måneder',
      '50,0 %',
      '2 af 4',
    ]);
  });

  it('hides every count from 1 to 4 for an aggregate-only reader, and what is derived from one', () => {
    const doc = buildReportDocument(input(true));
    for (const table of tablesOf(doc)) {
      if (table.key === 'overview' || table.key === 'indicators') continue;
      for (const row of table.rows)
        for (const cell of row.cells) {
          if (cell !== null && typeof cell === 'object' && cell.format === 'count')
            expect(cell.value === 0 || cell.value >= 5, `${table.key}: ${cellText(cell)}`).toBe(true);
        }
    }
    expect(rowOf(true, 'activity', 'Antal unikke borgere der har modtaget vejledning')).toEqual([
      'Antal unikke borgere der har modtaget vejledning',
      '7',
      SMALL_COUNT_TEXT,
    ]);
    // 2 of 4 retained: both counts and the rate are hidden; 6 of 8 at 6 months is shown.
    expect(rowOf(true, 'kpis', 'Fastholdt efter 12 måneder')).toEqual([
      'Fastholdt efter 12 måneder',
      '–',
      '< 5 af < 5',
    ]);
    expect(rowOf(true, 'kpis', 'Fastholdt efter 6 måneder')).toEqual([
      'Fastholdt efter 6 måneder',
      '75,0 %',
      '6 af 8',
    ]);
    // A median over 3 openings is hidden; clause fulfilment on 2 placements too.
    expect(rowOf(true, 'kpis', 'Mediantid fra jobåbning til første forslag (dage)')[1]).toBe('–');
    expect(rowOf(true, 'kpis', 'Opfyldelse af sociale klausuler')[1]).toBe('–');
    // 2026: 3 active cases, so the share built on them is hidden too.
    expect(rowOf(true, 'active_cases', 'Antal aktive jobcentersager i boligområderne')).toEqual([
      'Antal aktive jobcentersager i boligområderne',
      '30',
      SMALL_COUNT_TEXT,
    ]);
    expect(rowOf(true, 'active_cases', 'Andelen af aktive jobcentersager for beboerne')).toEqual([
      'Andelen af aktive jobcentersager for beboerne',
      '1,5 %',
      '–',
    ]);
    const funnel = doc.sections.find((s) => s.key === 'funnel')!.charts[0]!;
    expect(funnel.kind === 'bars' && funnel.bars.find((b) => b.label === 'Forslag til virksomheder')).toEqual(
      {
        label: 'Forslag til virksomheder',
        value: null,
        text: SMALL_COUNT_TEXT,
      },
    );
  });

  it('leaves no hidden movement count to be worked out from its column total', () => {
    const t = tableOf(true, 'movement');
    const totalled = t.rows.slice(0, 9);
    const total = t.rows[9]!;
    const hidden = (c: TCell) => c === null || c === SMALL_COUNT_TEXT;
    for (const column of [1, 2, 3, 5]) {
      if (hidden(total.cells[column]!)) continue;
      const count = totalled.filter((r) => hidden(r.cells[column]!)).length;
      expect(count === 0 || count >= 2, `column ${column}`).toBe(true);
    }
    // Revalidering (2, 1, 2 → 1) is small throughout; to protect it the next smallest cell of each
    // column goes too, shown as "–" (not "< 5": those are not small).
    expect(rowOf(true, 'movement', 'revalidering')).toEqual([
      'revalidering',
      '< 5',
      '< 5',
      '< 5',
      '–',
      '< 5',
    ]);
    expect(rowOf(true, 'movement', 'a_dagpenge')).toEqual(['a_dagpenge', '–', '< 5', '–', '–', '–']);
    expect(rowOf(true, 'movement', 'kontanthjaelp')).toEqual(['kontanthjaelp', '20', '–', '9', '–', '17']);
    expect(rowOf(true, 'movement', 'foertidspension')).toEqual([
      'foertidspension',
      '< 5',
      '0',
      '0',
      '0',
      '< 5',
    ]);
  });

  it('names the file after the city and the period', () => {
    expect(reportFileName('Partnerskab om job – Viborg', '2026-01-01', '2026-12-04', 'xlsx')).toBe(
      'Jobbro-rapport-Viborg-2026-01-01-2026-12-04.xlsx',
    );
    expect(reportFileName('Ærø og Søby', '2026-01-01', '2026-01-31', 'pdf')).toBe(
      'Jobbro-rapport-Ærø-og-Søby-2026-01-01-2026-01-31.pdf',
    );
  });

  it('counts hires that are not trials as into work', () => {
    expect(intoWorkOf(KPIS)).toBe(7);
  });

  it('writes numbers the Danish way', () => {
    expect(cellText({ value: 1234, format: 'count' })).toBe('1.234');
    expect(cellText({ value: 23.125, format: 'percent' })).toBe('23,1 %');
    expect(cellText({ value: 48.07, format: 'decimal' })).toBe('48,07');
    expect(cellText({ value: -74, format: 'signed' })).toBe('-74');
    expect(cellText(null)).toBe('–');
    expect(buildReportDocument(input(false)).generatedText).toBe('02.07.2026 kl. 10.15');
  });
});

describe('hiddenCells', () => {
  it('hides small counts and, in a column with one of them, the next smallest', () => {
    // Total first: 20 = 12 + 3 + 5.
    expect(hiddenCells([20, 12, 3, 5], [[0, 1, 2, 3]])).toEqual([false, false, true, true]);
    // Two small ones that together make 5 or more protect each other.
    expect(hiddenCells([30, 22, 4, 4], [[0, 1, 2, 3]])).toEqual([false, false, true, true]);
    // Two that make less than 5 take a third with them.
    expect(hiddenCells([30, 27, 1, 2], [[0, 1, 2, 3]])).toEqual([false, true, true, true]);
    // Zeros are shown and never taken.
    expect(hiddenCells([4, 0, 4, 0], [[0, 1, 2, 3]])).toEqual([true, false, true, false]);
  });
});
