import { OPENING_TYPE_INFO, OPENING_TYPES } from '../opening-types.ts';
import type { TGoal } from '../steering.schema.ts';
import { danishDate, danishTime, formatDanishDate } from '../time.ts';
import { MIN_SHOWN_COUNT, publishedCount } from './bias.ts';
import { KPI_CATALOGUE, type TKpiValues, TRAFFIC_LIGHT_LABEL_DA } from './kpi.ts';
import {
  MOVEMENT_TOTAL_LABEL_DA,
  type TActiveCasesYear,
  type TActivityYear,
  type TMovementCounts,
  type TMovementTable,
} from './outcome-tables.ts';
import { TRIAL_TYPES } from './retention.ts';

// A partnership report as one document of sections, tables and charts, in Danish, with small
// counts already suppressed for an aggregate-only reader. Pure: the PDF and the XLSX renderers
// (server/modules/reports) both draw exactly this, so the two files cannot say different things.

/** How a number cell is written: a count (1.234), a signed change (-30), a percent (23,1 %), a decimal. */
export type TCellFormat = 'count' | 'signed' | 'percent' | 'decimal';

/** A cell: text (incl. "< 5"), a number with its format, or nothing ("–": hidden or not known). */
export type TCell = string | { value: number; format: TCellFormat } | null;

export interface TReportColumn {
  header: string;
  /** Width in characters (the XLSX column; the PDF shares the page in proportion). */
  width: number;
  align: 'left' | 'right';
}

export interface TReportRow {
  cells: TCell[];
  /** A total row: bold. */
  total?: boolean;
}

export interface TReportTable {
  key: string;
  /** The XLSX sheet (at most 31 characters, none of []:*?/\). */
  sheetName: string;
  title: string;
  columns: TReportColumn[];
  rows: TReportRow[];
  /** Definitions and remarks, printed under the table. */
  notes: string[];
}

export interface TBarChart {
  kind: 'bars';
  title: string;
  bars: { label: string; value: number | null; text: string }[];
}

export interface TLineChart {
  kind: 'lines';
  title: string;
  unit: string;
  years: number[];
  series: { label: string; values: (number | null)[]; dashed: boolean }[];
}

export type TReportChart = TBarChart | TLineChart;

export const REPORT_SECTION_KEYS = ['summary', 'funnel', 'indicators', 'outcomes', 'goals'] as const;
export type TReportSectionKey = (typeof REPORT_SECTION_KEYS)[number];

export interface TReportSection {
  key: TReportSectionKey;
  title: string;
  paragraphs: string[];
  charts: TReportChart[];
  tables: TReportTable[];
}

export interface TReportDocument {
  title: string;
  partnershipName: string;
  periodText: string;
  generatedText: string;
  suppressed: boolean;
  sections: TReportSection[];
}

/** Hires into work: every hire that is not a trial (virksomhedspraktik, snusepraktik). */
export function intoWorkOf(kpis: Pick<TKpiValues, 'hiresByType'>): number {
  return OPENING_TYPES.filter((t) => !TRIAL_TYPES.includes(t)).reduce(
    (sum, t) => sum + kpis.hiresByType[t],
    0,
  );
}

export interface TReportIndicatorValue {
  areaId: string;
  areaName: string;
  indicator: string;
  indicatorName: string;
  unit: 'percent' | 'count' | 'number';
  year: number;
  value: number;
  municipalAverage: number | null;
  source: string;
  note: string | null;
}

export interface TReportInput {
  partnershipName: string;
  from: string;
  to: string;
  generatedAt: Date;
  /** The reader sees aggregates only: counts 1-4 become "< 5" and what is derived from them is hidden. */
  suppressed: boolean;
  kpis: TKpiValues;
  areas: readonly { id: string; name: string }[];
  indicators: readonly TReportIndicatorValue[];
  movement: TMovementTable;
  activity: readonly TActivityYear[];
  activeCases: readonly TActiveCasesYear[];
  /** The goals with their status, as goalStatuses gives them for the reader; null: no goals section. */
  goals: readonly TGoal[] | null;
}

export const SMALL_COUNT_TEXT = `< ${MIN_SHOWN_COUNT}`;
export const REPORT_TITLE = 'Jobbro-rapport';

const left = (header: string, width: number): TReportColumn => ({ header, width, align: 'left' });
const right = (header: string, width: number): TReportColumn => ({ header, width, align: 'right' });
const num = (value: number, format: TCellFormat): TCell => ({ value, format });

/** A count as published for the reader: exact, or "< 5" for 1-4 when suppressed. */
function countCell(n: number, suppressed: boolean): TCell {
  if (!suppressed) return num(n, 'count');
  return publishedCount(n) === null ? SMALL_COUNT_TEXT : num(n, 'count');
}

const isHidden = (n: number, suppressed: boolean) => suppressed && publishedCount(n) === null;

/**
 * Which cells of linked counts to hide. Every count 1-4 is hidden; then, while a column of counts
 * and its total (`sums`: the total cell first) has hidden cells that could be worked out by
 * subtraction — exactly one, or together fewer than 5 — the smallest shown non-zero cell of it is
 * hidden too (complementary suppression, as the bias report does it).
 */
export function hiddenCells(values: readonly number[], sums: readonly (readonly number[])[]): boolean[] {
  const hidden = values.map((v) => publishedCount(v) === null);
  for (let changed = true; changed; ) {
    changed = false;
    for (const cells of sums) {
      const hiddenOnes = cells.filter((i) => hidden[i]);
      if (hiddenOnes.length === 0) continue;
      const sum = hiddenOnes.reduce((s, i) => s + values[i]!, 0);
      if (hiddenOnes.length > 1 && sum >= MIN_SHOWN_COUNT) continue;
      let next = -1;
      for (const i of cells) {
        if (hidden[i] || values[i] === 0) continue;
        if (next === -1 || values[i]! < values[next]!) next = i;
      }
      if (next === -1) continue;
      hidden[next] = true;
      changed = true;
    }
  }
  return hidden;
}

const danishNumber = (decimals: number) =>
  new Intl.NumberFormat('da-DK', { minimumFractionDigits: 0, maximumFractionDigits: decimals });
const countFormat = danishNumber(0);
const decimalFormat = danishNumber(2);
const percentFormat = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A cell as the PDF prints it (Danish numbers, "–" for nothing). */
export function cellText(cell: TCell): string {
  if (cell === null) return '–';
  if (typeof cell === 'string') return cell;
  switch (cell.format) {
    case 'count':
    case 'signed':
      return countFormat.format(cell.value);
    case 'percent':
      return `${percentFormat.format(cell.value)} %`;
    case 'decimal':
      return decimalFormat.format(cell.value);
    default: {
      const exhaustive: never = cell.format;
      return exhaustive;
    }
  }
}

/** An instant as Danish day and time: "04.12.2026 kl. 10.15". */
export function danishDateTime(at: Date): string {
  return `${formatDanishDate(danishDate(at))} kl. ${danishTime(at).replace(':', '.')}`;
}

/** The download's file name: "Jobbro-rapport-Viborg-2026-01-01-2026-12-04.xlsx". */
export function reportFileName(partnershipName: string, from: string, to: string, extension: string): string {
  // "Partnerskab om job – Viborg" → "Viborg": the part after the dash names the city.
  const short = partnershipName.split(/\s[–-]\s/).pop() ?? partnershipName;
  const slug = short
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return `${REPORT_TITLE}-${slug || 'partnerskab'}-${from}-${to}.${extension}`;
}

function summarySection(input: TReportInput, periodText: string, generatedText: string): TReportSection {
  const numbersNote = input.suppressed
    ? `Små tal er skjult: et antal fra 1 til 4 vises som "${SMALL_COUNT_TEXT}", og procenter og medianer, der bygger på et skjult antal, vises som "–". Rapporten viser kun samlede tal, aldrig en person.`
    : 'Tallene er præcise: du arbejder med partnerskabets sager. Del ikke rapporten med nogen, der kun må se samlede tal (styregruppe, fond, evaluator) – de kan selv hente en udgave, hvor små tal er skjult.';
  return {
    key: 'summary',
    title: 'Overblik',
    paragraphs: [
      'Rapporten er dannet af Jobbro ud fra partnerskabets egne registreringer: jobåbninger, forslag, ansættelser, opfølgning, beboernes sager og områdernes indikatorer.',
    ],
    charts: [],
    tables: [
      {
        key: 'overview',
        sheetName: 'Oversigt',
        title: 'Om rapporten',
        columns: [left('Emne', 28), left('Værdi', 90)],
        rows: [
          ['Rapport', `${REPORT_TITLE}: partnerskabets resultater`],
          ['Partnerskab', input.partnershipName],
          ['Periode', periodText],
          ['Boligområder', input.areas.map((a) => a.name).join(', ') || 'Ingen'],
          ['Dannet', generatedText],
          ['Tal', numbersNote],
        ].map((cells) => ({ cells })),
        notes: [],
      },
    ],
  };
}

function funnelSection(input: TReportInput): TReportSection {
  const k = input.kpis;
  const s = input.suppressed;
  const funnel: [string, number][] = [
    ['Jobåbninger', k.openings],
    ['Sendt til jobkonsulent og boligsocial medarbejder', k.referrals],
    ['Forslag til virksomheder', k.proposals],
    ['Jobsamtaler', k.interviews],
    ['Ansættelser (inkl. praktik)', k.hires],
    ['Fastholdt efter 6 måneder', k.bases.retention6Retained],
    ['Fastholdt efter 12 måneder', k.bases.retention12Retained],
  ];
  /** A rate or median, hidden when a count it is taken over is. */
  const derived = (value: number | null, format: TCellFormat, ...bases: number[]): TCell =>
    value === null || bases.some((b) => isHidden(b, s)) ? null : num(value, format);
  const outOf = (part: number, whole: number) =>
    whole === 0
      ? 'Ingen er nået så langt endnu'
      : `${cellText(countCell(part, s))} af ${cellText(countCell(whole, s))}`;
  const kpiRows: TReportRow[] = [
    {
      cells: [
        KPI_CATALOGUE.apprenticeships.labelDa,
        countCell(k.apprenticeships, s),
        'Ansættelser af typen lærling eller elev',
      ],
    },
    {
      cells: [
        KPI_CATALOGUE.leisure_jobs.labelDa,
        countCell(k.leisure_jobs, s),
        'Ansættelser af typen fritidsjob',
      ],
    },
    {
      cells: [
        'Kommet i beskæftigelse',
        countCell(intoWorkOf(k), s),
        'Ansættelser, praktikker ikke medregnet',
      ],
    },
    {
      cells: [
        KPI_CATALOGUE.into_education.labelDa,
        countCell(k.into_education, s),
        'Personer, hver talt én gang',
      ],
    },
    {
      cells: [
        KPI_CATALOGUE.retention_6.labelDa,
        derived(k.retention_6, 'percent', k.bases.retention6Due, k.bases.retention6Retained),
        outOf(k.bases.retention6Retained, k.bases.retention6Due),
      ],
    },
    {
      cells: [
        KPI_CATALOGUE.retention_12.labelDa,
        derived(k.retention_12, 'percent', k.bases.retention12Due, k.bases.retention12Retained),
        outOf(k.bases.retention12Retained, k.bases.retention12Due),
      ],
    },
    {
      cells: [
        KPI_CATALOGUE.median_days_to_referral.labelDa,
        derived(k.median_days_to_referral, 'decimal', k.bases.timedReferrals),
        `Over ${cellText(countCell(k.bases.timedReferrals, s))} jobåbninger`,
      ],
    },
    {
      cells: [
        KPI_CATALOGUE.median_days_to_first_proposal.labelDa,
        derived(k.median_days_to_first_proposal, 'decimal', k.bases.timedFirstProposals),
        `Over ${cellText(countCell(k.bases.timedFirstProposals, s))} jobåbninger`,
      ],
    },
    {
      cells: [
        KPI_CATALOGUE.clause_fulfilment.labelDa,
        derived(k.clause_fulfilment, 'percent', k.bases.clauseActual, k.bases.clauseTarget),
        k.bases.clauseTarget === 0
          ? 'Ingen klausuler i perioden'
          : `${cellText(countCell(k.bases.clauseActual, s))} af ${cellText(countCell(k.bases.clauseTarget, s))} (mål)`,
      ],
    },
  ];
  const byType = OPENING_TYPES.filter((t) => k.hiresByType[t] > 0).map((t) => ({
    cells: [OPENING_TYPE_INFO[t].labelDa, countCell(k.hiresByType[t], s)],
  }));
  return {
    key: 'funnel',
    title: 'Jobskabelse: tragt og nøgletal',
    paragraphs: [
      'Fra jobåbning til fastholdelse: hvor mange jobåbninger partnerskabets virksomheder meldte ind i perioden, hvor mange der blev sendt videre, foreslået og ansat, og hvor mange af de ansatte der stadig var i job eller uddannelse efter 6 og 12 måneder. Tallene er de samme som på dashboardet.',
    ],
    charts: [
      {
        kind: 'bars',
        title: 'Tragten i perioden',
        bars: funnel.map(([label, n]) => {
          const cell = countCell(n, s);
          return { label, value: typeof cell === 'string' ? null : n, text: cellText(cell) };
        }),
      },
    ],
    tables: [
      {
        key: 'funnel',
        sheetName: 'Tragt',
        title: 'Tragten: fra jobåbning til fastholdelse',
        columns: [left('Trin', 52), right('Antal', 12)],
        rows: funnel.map(([label, n]) => ({ cells: [label, countCell(n, s)] })),
        notes: [
          'Fastholdt: ansættelser i perioden, der ved opfølgningen efter 6 (12) måneder var i job eller uddannelse. Praktikker tælles ved deres udfald, ikke her.',
        ],
      },
      {
        key: 'kpis',
        sheetName: 'Nøgletal',
        title: 'Nøgletal',
        columns: [left('Nøgletal', 52), right('Værdi', 12), left('Grundlag', 44)],
        rows: kpiRows,
        notes: ['Medianer i dage. Fastholdelse og klausulopfyldelse i procent.'],
      },
      {
        key: 'hires_by_type',
        sheetName: 'Ansættelser efter type',
        title: 'Ansættelser efter type',
        columns: [left('Type', 40), right('Ansættelser', 14)],
        rows: byType,
        notes: byType.length === 0 ? ['Ingen ansættelser i perioden.'] : [],
      },
    ],
  };
}

function indicatorSection(input: TReportInput): TReportSection {
  const values = [...input.indicators].sort(
    (a, b) =>
      a.areaName.localeCompare(b.areaName, 'da') ||
      a.indicatorName.localeCompare(b.indicatorName, 'da') ||
      a.year - b.year,
  );
  const format = (unit: TReportIndicatorValue['unit']): TCellFormat =>
    unit === 'count' ? 'count' : 'decimal';
  const unitText = (unit: TReportIndicatorValue['unit']) =>
    unit === 'percent' ? '%' : unit === 'count' ? 'antal' : 'tal';
  const byIndicator = new Map<string, TReportIndicatorValue[]>();
  for (const v of values) byIndicator.set(v.indicator, [...(byIndicator.get(v.indicator) ?? []), v]);
  const charts: TLineChart[] = [...byIndicator.values()].map((list) => {
    const years = [...new Set(list.map((v) => v.year))].sort((a, b) => a - b);
    const areaNames = [...new Set(list.map((v) => v.areaName))].sort((a, b) => a.localeCompare(b, 'da'));
    const series = areaNames.map((name) => ({
      label: name,
      values: years.map((y) => list.find((v) => v.areaName === name && v.year === y)?.value ?? null),
      dashed: false,
    }));
    const averages = years.map(
      (y) => list.find((v) => v.year === y && v.municipalAverage !== null)?.municipalAverage ?? null,
    );
    if (averages.some((a) => a !== null))
      series.push({ label: 'Kommunens gennemsnit', values: averages, dashed: true });
    return { kind: 'lines', title: list[0]!.indicatorName, unit: unitText(list[0]!.unit), years, series };
  });
  return {
    key: 'indicators',
    title: 'Områdeindikatorer',
    paragraphs: [
      'Partnerskabets boligområder år for år med kommunens gennemsnit og datakilden, som delmålene følges på (baseline, midtvejs og slut).',
    ],
    charts,
    tables: [
      {
        key: 'indicators',
        sheetName: 'Områdeindikatorer',
        title: 'Indikatorer pr. område og år',
        columns: [
          left('Boligområde', 22),
          left('Indikator', 50),
          right('År', 8),
          right('Værdi', 10),
          right('Kommunens gennemsnit', 14),
          left('Enhed', 8),
          left('Kilde', 28),
          left('Note', 40),
        ],
        rows: values.map((v) => ({
          cells: [
            v.areaName,
            v.indicatorName,
            String(v.year),
            num(v.value, format(v.unit)),
            v.municipalAverage === null ? null : num(v.municipalAverage, format(v.unit)),
            unitText(v.unit),
            v.source,
            v.note ?? '',
          ],
        })),
        notes: values.length === 0 ? ['Der er ikke registreret indikatorer for partnerskabets områder.'] : [],
      },
    ],
  };
}

function movementTable(input: TReportInput): TReportTable {
  const { movement, suppressed: s } = input;
  const fields = ['baseline', 'new', 'closed', 'status'] as const;
  // Cells: one per group row and field, then the total's; each field's column adds up to its total.
  const totalled = movement.rows.filter((r) => r.inTotal);
  const values: number[] = [];
  const sums: number[][] = [];
  const index = new Map<string, number>();
  const add = (key: string, v: number) => {
    index.set(key, values.length);
    values.push(v);
  };
  for (const r of movement.rows) for (const f of fields) add(`${r.group}.${f}`, r[f]);
  for (const f of fields) add(`total.${f}`, movement.total[f]);
  for (const f of fields) {
    sums.push([index.get(`total.${f}`)!, ...totalled.map((r) => index.get(`${r.group}.${f}`)!)]);
  }
  const hidden = s ? hiddenCells(values, sums) : values.map(() => false);
  const rowCells = (key: string, label: string, c: TMovementCounts): TCell[] => {
    // A small count says so; one hidden only because it would give a small one away is "–".
    const cell = (f: (typeof fields)[number]): TCell =>
      isHidden(c[f], s) ? SMALL_COUNT_TEXT : hidden[index.get(`${key}.${f}`)!] ? null : num(c[f], 'count');
    const netHidden = hidden[index.get(`${key}.new`)!] || hidden[index.get(`${key}.closed`)!];
    return [
      label,
      cell('baseline'),
      cell('new'),
      cell('closed'),
      netHidden ? null : num(c.net, 'signed'),
      cell('status'),
    ];
  };
  const from = formatDanishDate(input.from);
  const to = formatDanishDate(input.to);
  return {
    key: 'movement',
    sheetName: 'Ydelsesgrupper',
    title: 'Udvikling i antal ledige fordelt på ydelsesgruppe',
    columns: [
      left('Målgruppe', 40),
      right(`Baseline ${from}`, 14),
      right('Nye ledige / tilflyttere', 14),
      right('Afsluttede sager / fraflyttere', 16),
      right(`Nettoudvikling ${to}`, 14),
      right(`Status ${to}`, 14),
    ],
    rows: [
      ...movement.rows.filter((r) => r.inTotal).map((r) => ({ cells: rowCells(r.group, r.label, r) })),
      { cells: rowCells('total', MOVEMENT_TOTAL_LABEL_DA, movement.total), total: true },
      ...movement.rows.filter((r) => !r.inTotal).map((r) => ({ cells: rowCells(r.group, r.label, r) })),
    ],
    notes: [
      'Aktive sager (status aktiv eller på pause) hos beboere i partnerskabets boligområder, efter ydelsesgruppe. Baseline: ved periodens start. Nye: sager, der i perioden kom ind i gruppen (ny beboer, flyttet til området, skiftet ydelse eller genoptaget). Afsluttede: sager, der forlod gruppen (job, uddannelse, fraflytning, afsluttet eller anden ydelse). Nettoudvikling = nye − afsluttede; status = baseline + nettoudvikling.',
      'Førtidspension og fleksjob indgår ikke i I alt, som i seed 002. Jobbro kan ikke se, om en afsluttet sag skyldes job, uddannelse, fraflytning eller andet, ud over hvad der er registreret.',
      ...(s
        ? [
            `"${SMALL_COUNT_TEXT}": et antal fra 1 til 4. "–": et tal, der er skjult, fordi et lille antal ellers kunne regnes ud af I alt.`,
          ]
        : []),
    ],
  };
}

function activityTable(input: TReportInput): TReportTable {
  const s = input.suppressed;
  const years = input.activity;
  const line = (label: string, pick: (y: TActivityYear) => number): TReportRow => ({
    cells: [label, ...years.map((y) => countCell(pick(y), s))],
  });
  const cut = years.filter((y) => y.from.slice(5) !== '01-01' || y.to.slice(5) !== '12-31');
  return {
    key: 'activity',
    sheetName: 'Aktivitet pr. år',
    title: 'Indsatsens resultater pr. år',
    columns: [left('Målgruppe', 56), ...years.map((y) => right(String(y.year), 10))],
    rows: [
      line('Antal unikke borgere der har modtaget vejledning', (y) => y.counselled),
      line('Antal afholdte vejledningssamtaler', (y) => y.sessions),
      line('Antal borgere der er startet i virksomhedspraktik eller snusepraktik', (y) => y.trials),
      line('Antal borgere der er startet i uddannelse', (y) => y.intoEducation),
      line('Antal borgere der er kommet i beskæftigelse', (y) => y.intoWork),
    ],
    notes: [
      'Vejledningssamtaler: notater registreret som vejledningssamtale og screeninger af jobparathed hos beboere i partnerskabets kommune. Uddannelse og beskæftigelse som på dashboardet (beskæftigelse: ansættelser, praktikker ikke medregnet).',
      ...cut.map(
        (y) => `${y.year} dækker ${formatDanishDate(y.from)}–${formatDanishDate(y.to)} (rapportens periode).`,
      ),
    ],
  };
}

function activeCasesTable(input: TReportInput): TReportTable {
  const s = input.suppressed;
  const years = input.activeCases;
  const notes = [
    'Beboere i partnerskabets boligområder med en aktiv sag (status aktiv eller på pause) pr. 31.12 – for periodens sidste år pr. dens slutdato. Andelen er taget af beboertallet (indikatoren "Antal beboere") for de områder, der har et tal for året.',
  ];
  for (const y of years) {
    if (y.residents === null)
      notes.push(`${y.year}: intet beboertal for områderne, så andelen kan ikke beregnes.`);
    else if (y.areasWithResidents < y.areas)
      notes.push(
        `${y.year}: andelen er beregnet for de ${y.areasWithResidents} af ${y.areas} områder, der har et beboertal.`,
      );
  }
  return {
    key: 'active_cases',
    sheetName: 'Aktive sager',
    title: 'Udvikling i antal og andel af aktive jobcentersager',
    columns: [left('Opgørelse', 56), ...years.map((y) => right(String(y.year), 10))],
    rows: [
      { cells: ['Antal aktive jobcentersager i boligområderne', ...years.map((y) => countCell(y.cases, s))] },
      { cells: ['Opgjort pr.', ...years.map((y) => formatDanishDate(y.measuredOn))] },
      {
        cells: [
          'Antal beboere (områdernes indikator)',
          ...years.map((y) => (y.residents === null ? null : num(y.residents, 'count'))),
        ],
      },
      {
        cells: [
          'Andelen af aktive jobcentersager for beboerne',
          ...years.map((y) =>
            y.share === null || isHidden(y.casesInAreasWithResidents, s)
              ? null
              : num(y.share * 100, 'percent'),
          ),
        ],
      },
    ],
    notes,
  };
}

function outcomesSection(input: TReportInput): TReportSection {
  return {
    key: 'outcomes',
    title: 'Resultattabeller',
    paragraphs: [
      'Tabellerne har samme form som de boligsociale indsatsers resultattabeller (seed 002: Sundparken, Greve Nord og Aalborg Øst), men er beregnet af Jobbros egne registreringer for partnerskabet.',
    ],
    charts: [],
    tables: [movementTable(input), activityTable(input), activeCasesTable(input)],
  };
}

/** A goal's target or actual as a cell, in the goal's unit. */
function goalCell(goal: TGoal, value: number): TCell {
  const unit = goal.unit === 'indicator' ? goal.indicatorUnit : goal.unit;
  return num(value, unit === 'count' ? 'count' : unit === 'percent' ? 'percent' : 'decimal');
}

function goalsSection(goals: readonly TGoal[]): TReportSection {
  const what = (g: TGoal) =>
    g.kpi === 'hires_by_type' && g.openingType
      ? `${g.kpiLabelDa}: ${OPENING_TYPE_INFO[g.openingType].labelDa}`
      : g.kpi === 'area_indicator'
        ? `${g.indicatorNameDa ?? g.indicator ?? ''}, ${g.housingAreaName ?? ''}${g.actualYear ? ` (${g.actualYear})` : ''}`
        : g.kpiLabelDa;
  const actual = (g: TGoal): TCell =>
    g.actualSuppressed
      ? g.unit === 'count'
        ? SMALL_COUNT_TEXT
        : null
      : g.actual === null
        ? null
        : goalCell(g, g.actual);
  return {
    key: 'goals',
    title: 'Mål og status',
    paragraphs: [
      'Styregruppens mål, der overlapper perioden: det faktiske tal for målets egen periode frem til i dag over for målet, og om målet er på sporet (et antal måles mod den del af målet, der svarer til den forløbne del af perioden).',
    ],
    charts: [],
    tables: [
      {
        key: 'goals',
        sheetName: 'Mål',
        title: 'Mål og status',
        columns: [
          left('Mål', 34),
          left('Nøgletal', 40),
          left('Periode', 24),
          right('Mål', 10),
          right('Faktisk', 10),
          left('Status', 12),
        ],
        rows: goals.map((g) => ({
          cells: [
            g.title,
            what(g),
            `${formatDanishDate(g.periodFrom)} – ${formatDanishDate(g.periodTo)}`,
            goalCell(g, g.target),
            actual(g),
            g.started ? TRAFFIC_LIGHT_LABEL_DA[g.trafficLight] : 'Ikke begyndt',
          ],
        })),
        notes: goals.length === 0 ? ['Styregruppen har ingen mål, der overlapper perioden.'] : [],
      },
    ],
  };
}

/** The report: every section, table and chart, in Danish, suppressed for the reader. */
export function buildReportDocument(input: TReportInput): TReportDocument {
  const periodText = `${formatDanishDate(input.from)} – ${formatDanishDate(input.to)}`;
  const generatedText = danishDateTime(input.generatedAt);
  const sections = [
    summarySection(input, periodText, generatedText),
    funnelSection(input),
    indicatorSection(input),
    outcomesSection(input),
    ...(input.goals ? [goalsSection(input.goals)] : []),
  ];
  return {
    title: REPORT_TITLE,
    partnershipName: input.partnershipName,
    periodText,
    generatedText,
    suppressed: input.suppressed,
    sections,
  };
}

/** Every table of a document, in order (the XLSX's sheets). */
export function tablesOf(doc: TReportDocument): TReportTable[] {
  return doc.sections.flatMap((s) => s.tables);
}
