import type { TRole } from '@domain/roles.ts';
import { danishLocalToUtc } from '@domain/time.ts';
import {
  auditEvents,
  goals,
  indicatorValues,
  partnerships,
  reportRuns,
  residentNotes,
  residentScreenings,
  residents,
  steeringGroups,
} from '@server/db/schema/index.ts';
import { purgeExpiredData } from '@server/platform/queue/jobs.ts';
import {
  buildHousingArea,
  buildPartnershipWorld,
  buildPlacement,
  buildResident,
  TEST_PASSWORD,
} from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_JOB, runReport } from './reports.service.ts';

// Partnership reports end to end on a fixed fixture: residents' case histories (through the
// residents table, so the database trigger writes them), counselling notes, a screening, trials
// and a hire, an area indicator and a goal. The job is run as the queue would run it; the XLSX is
// read back cell by cell for a steering member ("< 5") and for the partnership's social worker
// (exact), the PDF is checked for its pages.

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;

let t: TTestApp;
let w: TWorld;
let other: TWorld;
const sessions = new Map<TRole, TestSession>();
let otherConsultant: TestSession;

const PERIOD = { from: '2025-07-01', to: '2026-06-30' };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const at = (day: string, time = '10:00') => danishLocalToUtc(day, time);

beforeAll(async () => {
  t = await createTestApp({ start: '2026-12-04T10:00:00Z' });
  const db = t.deps.db;
  w = await buildPartnershipWorld(db);
  other = await buildPartnershipWorld(db);
  await db
    .update(partnerships)
    .set({ name: 'Partnerskab om job – Testby' })
    .where(eq(partnerships.id, w.partnership.id));
  const areaA = w.area.id;
  const areaB = (
    await buildHousingArea(db, {
      name: 'Østparken',
      housingOrganisationId: w.organisation.id,
      municipalityId: w.municipality.id,
    })
  ).id;

  /** A resident registered at `since`, then each change at its own time (the trigger records them). */
  const person = async (
    since: Date,
    first: Partial<typeof residents.$inferInsert>,
    changes: [Date, Partial<typeof residents.$inferInsert>][] = [],
    world: TWorld = w,
  ) => {
    const r = await buildResident(db, {
      municipalityId: world.municipality.id,
      registeredByPlanId: world.plan.id,
      housingAreaId: world === w ? areaA : world.area.id,
      status: 'active',
      createdAt: since,
      updatedAt: since,
      lastActivityAt: since,
      ...first,
    });
    for (const [when, set] of changes) {
      await db
        .update(residents)
        .set({ ...set, updatedAt: when })
        .where(eq(residents.id, r.id));
    }
    return r.id;
  };
  const before = at('2025-06-01');
  // Kontanthjælp, area A, before the period: two into jobs, one moves out, one into education.
  const k = [];
  k.push(await person(before, { benefitGroup: 'kontanthjaelp' }, [[at('2026-03-01'), { status: 'in_job' }]]));
  k.push(await person(before, { benefitGroup: 'kontanthjaelp' }, [[at('2026-03-02'), { status: 'in_job' }]]));
  k.push(
    await person(before, { benefitGroup: 'kontanthjaelp' }, [[at('2026-04-01'), { housingAreaId: null }]]),
  );
  k.push(
    await person(before, { benefitGroup: 'kontanthjaelp' }, [[at('2026-05-01'), { status: 'in_education' }]]),
  );
  for (let i = 0; i < 3; i++) k.push(await person(before, { benefitGroup: 'kontanthjaelp' }));
  // A-dagpenge, area B: one moves on to sygedagpenge, one stays.
  const d1 = await person(before, { benefitGroup: 'a_dagpenge', housingAreaId: areaB }, [
    [at('2026-02-01'), { benefitGroup: 'sygedagpenge' }],
  ]);
  const d2 = await person(before, { benefitGroup: 'a_dagpenge', housingAreaId: areaB });
  // New in the period: five on kontanthjælp, one on sygedagpenge.
  const n = [];
  for (let i = 0; i < 5; i++) n.push(await person(at('2026-02-15'), { benefitGroup: 'kontanthjaelp' }));
  await person(at('2026-05-01'), { benefitGroup: 'sygedagpenge' });
  // Not counted: after the period, in another partnership, without a case.
  await person(at('2026-08-01'), { benefitGroup: 'kontanthjaelp' });
  const outsider = await person(before, { benefitGroup: 'kontanthjaelp' }, [], other);
  await person(before, { benefitGroup: 'none' }, [[at('2026-01-10'), { status: 'paused' }]]);
  expect(d1).not.toBe(d2);

  // Counselling: 2025 one session; 2026 five people, six sessions (a note at 00.30 on 1 January
  // Danish time is 2026; one at 00.30 on 1 July is after the period). Plain notes do not count.
  const note = (residentId: string, createdAt: Date, kind: 'note' | 'counselling' = 'counselling') =>
    db.insert(residentNotes).values({ residentId, text: 'Samtale', kind, createdAt });
  await note(k[6]!, at('2025-09-01'));
  await note(k[0]!, at('2026-02-01'));
  await note(k[0]!, at('2026-03-20'));
  await note(k[3]!, at('2026-04-01'));
  await note(n[0]!, at('2026-05-05'));
  await note(k[5]!, new Date('2025-12-31T23:30:00Z'));
  await note(n[2]!, new Date('2026-06-30T22:30:00Z'));
  await note(k[4]!, at('2026-03-03'), 'note');
  await note(outsider, at('2026-03-03'));
  await db.insert(residentScreenings).values({
    residentId: d2,
    screenedOn: '2026-03-10',
    motivation: 4,
    hoursPossible: 20,
    earlierWork: 'none',
    danishLevel: 3,
    healthLimits: 'none',
    targetGroup: 2,
    nextScreeningOn: '2026-09-10',
    createdAt: at('2026-03-10'),
  });
  // Trials: two people (one of them twice); a hire into work; a trial after the period.
  const placed = (residentId: string, type: 'work_trial' | 'site_trial' | 'full_time', startDate: string) =>
    buildPlacement(db, {
      companyId: w.company.id,
      partnershipId: w.partnership.id,
      residentId,
      type,
      startDate,
    });
  await placed(k[0]!, 'work_trial', '2026-03-15');
  await placed(k[0]!, 'work_trial', '2026-05-01');
  await placed(n[1]!, 'site_trial', '2026-04-01');
  await placed(k[1]!, 'full_time', '2026-03-02');
  await placed(n[3]!, 'site_trial', '2026-07-01');

  // Indicators: seed 003's employment baseline and the residents of area A in 2026.
  await db.insert(indicatorValues).values([
    {
      housingAreaId: areaA,
      indicator: 'employment_share_18_64',
      year: 2019,
      value: 48.07,
      municipalAverage: 76.91,
      source: 'LBF (Landsbyggefonden)',
      note: 'Baseline',
    },
    { housingAreaId: areaA, indicator: 'residents', year: 2026, value: 500, source: 'Boligselskabet' },
  ]);
  // A goal of the steering group: 10 work trials in 2026 (two so far).
  const now = t.clock.now();
  const [group] = await db
    .insert(steeringGroups)
    .values({ partnershipId: w.partnership.id, name: 'Styregruppen', createdAt: now, updatedAt: now })
    .returning();
  await db.insert(goals).values({
    steeringGroupId: group!.id,
    title: '10 virksomhedspraktikker i 2026',
    kpi: 'hires_by_type',
    openingType: 'work_trial',
    target: 10,
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    createdAt: now,
    updatedAt: now,
  });

  for (const [role, user] of Object.entries(w.users) as [TRole, { email: string }][]) {
    const s = new TestSession(t.app);
    expect((await s.login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
    sessions.set(role, s);
  }
  otherConsultant = new TestSession(t.app);
  expect((await otherConsultant.login(other.users.job_consultant.email, TEST_PASSWORD)).statusCode).toBe(200);
});
afterAll(async () => t.close());

const as = (role: TRole) => sessions.get(role)!;

/** Asks for a report as `role` and runs its job as the queue would; the run as the requester sees it. */
async function built(role: TRole, format: 'pdf' | 'xlsx', period = PERIOD) {
  const res = await as(role).post('/api/reports', { partnershipId: w.partnership.id, format, ...period });
  expect(res.statusCode, res.body).toBe(201);
  const id: string = res.json().id;
  await runReport(t.deps, id);
  return { id, run: (await as(role).get(`/api/reports/${id}`)).json() };
}

async function workbookOf(id: string, role: TRole) {
  const res = await as(role).get(`/api/reports/${id}/file`);
  expect(res.statusCode, res.body).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return { res, workbook };
}

/** A sheet's first row with `label` in its first cell, as values from the second cell on. */
function rowOf(workbook: ExcelJS.Workbook, sheet: string, label: string): ExcelJS.CellValue[] {
  let found: ExcelJS.CellValue[] | null = null;
  workbook.getWorksheet(sheet)!.eachRow((r) => {
    if (!found && r.getCell(1).value === label) found = (r.values as ExcelJS.CellValue[]).slice(2);
  });
  expect(found, `${sheet}: ${label}`).not.toBeNull();
  return found!;
}

const TOTAL = 'I alt (ekskl. førtidspension og fleksjob)';
const SHEETS = [
  'Oversigt',
  'Tragt',
  'Nøgletal',
  'Ansættelser efter type',
  'Områdeindikatorer',
  'Ydelsesgrupper',
  'Aktivitet pr. år',
  'Aktive sager',
  'Mål',
];

describe('the XLSX for the partnership social worker (exact counts)', () => {
  let id: string;
  let workbook: ExcelJS.Workbook;
  let run: Record<string, unknown>;
  beforeAll(async () => {
    ({ id, run } = await built('social_worker', 'xlsx'));
    ({ workbook } = await workbookOf(id, 'social_worker'));
  });

  it('is done, at 100 %, with the Danish file name, and the job was queued for any server to run', async () => {
    expect(run).toMatchObject({
      status: 'done',
      progress: 100,
      step: 'done',
      suppressed: false,
      fileName: 'Jobbro-rapport-Testby-2025-07-01-2026-06-30.xlsx',
      downloadUrl: `/api/reports/${id}/file`,
      from: '2025-07-01',
      to: '2026-06-30',
    });
    const queued = await t.deps.db.execute<{ n: number }>(
      sql`select count(*)::int as n from pgboss.job where name = ${REPORT_JOB} and data->>'runId' = ${id}`,
    );
    expect(queued.rows[0]!.n).toBe(1);
  });

  it('has one sheet per table with a bold header', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(SHEETS);
    for (const sheet of workbook.worksheets) expect(sheet.getRow(1).font?.bold, sheet.name).toBe(true);
  });

  it('counts the movement by benefit group exactly', () => {
    expect(workbook.getWorksheet('Ydelsesgrupper')!.getRow(1).values).toEqual([
      undefined,
      'Målgruppe',
      'Baseline 01.07.2025',
      'Nye ledige / tilflyttere',
      'Afsluttede sager / fraflyttere',
      'Nettoudvikling 30.06.2026',
      'Status 30.06.2026',
    ]);
    expect(rowOf(workbook, 'Ydelsesgrupper', 'Kontanthjælp')).toEqual([7, 5, 4, 1, 8]);
    expect(rowOf(workbook, 'Ydelsesgrupper', 'A-dagpenge')).toEqual([2, 0, 1, -1, 1]);
    expect(rowOf(workbook, 'Ydelsesgrupper', 'Sygedagpenge')).toEqual([0, 2, 0, 2, 2]);
    expect(rowOf(workbook, 'Ydelsesgrupper', TOTAL)).toEqual([9, 7, 5, 2, 11]);
    const cell = workbook.getWorksheet('Ydelsesgrupper')!.getRow(2).getCell(2);
    expect(cell.numFmt).toBe('#,##0');
  });

  it('has the yearly activity and active cases per year', () => {
    expect(workbook.getWorksheet('Aktivitet pr. år')!.getRow(1).values).toEqual([
      undefined,
      'Målgruppe',
      '2025',
      '2026',
    ]);
    expect(rowOf(workbook, 'Aktivitet pr. år', 'Antal unikke borgere der har modtaget vejledning')).toEqual([
      1, 5,
    ]);
    expect(rowOf(workbook, 'Aktivitet pr. år', 'Antal afholdte vejledningssamtaler')).toEqual([1, 6]);
    expect(
      rowOf(
        workbook,
        'Aktivitet pr. år',
        'Antal borgere der er startet i virksomhedspraktik eller snusepraktik',
      ),
    ).toEqual([0, 2]);
    expect(rowOf(workbook, 'Aktivitet pr. år', 'Antal borgere der er startet i uddannelse')).toEqual([0, 1]);
    expect(rowOf(workbook, 'Aktivitet pr. år', 'Antal borgere der er kommet i beskæftigelse')).toEqual([
      0, 1,
    ]);
    // Any open case counts, also one without benefits (the paused resident of area A).
    expect(rowOf(workbook, 'Aktive sager', 'Antal aktive jobcentersager i boligområderne')).toEqual([10, 12]);
    expect(rowOf(workbook, 'Aktive sager', 'Opgjort pr.')).toEqual(['31.12.2025', '30.06.2026']);
    const share = rowOf(workbook, 'Aktive sager', 'Andelen af aktive jobcentersager for beboerne');
    expect(share[0]).toBe('–');
    // 2026: area A's 10 open cases of its 500 residents (Østparken has no figure).
    expect(share[1]).toBeCloseTo(2, 10);
  });

  it("has the area indicators with the municipal average and source, the funnel and the goal's status", () => {
    expect(rowOf(workbook, 'Områdeindikatorer', w.area.name)).toEqual([
      'Andel af beboere i beskæftigelse (18-64 år)',
      '2019',
      48.07,
      76.91,
      '%',
      'LBF (Landsbyggefonden)',
      'Baseline',
    ]);
    expect(rowOf(workbook, 'Tragt', 'Ansættelser (inkl. praktik)')).toEqual([4]);
    expect(rowOf(workbook, 'Mål', '10 virksomhedspraktikker i 2026')).toEqual([
      'Ansættelser af en bestemt type: Virksomhedspraktik',
      '01.01.2026 – 31.12.2026',
      10,
      2,
      'Bagud',
    ]);
  });
});

describe('the XLSX for a steering member (aggregates only)', () => {
  let workbook: ExcelJS.Workbook;
  let res: Awaited<ReturnType<typeof workbookOf>>['res'];
  let id: string;
  beforeAll(async () => {
    const made = await built('steering', 'xlsx');
    id = made.id;
    expect(made.run).toMatchObject({ status: 'done', progress: 100, suppressed: true });
    ({ workbook, res } = await workbookOf(id, 'steering'));
  });

  it('is sent as an Excel attachment with a Danish name, never cached', () => {
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain(
      "filename*=UTF-8''Jobbro-rapport-Testby-2025-07-01-2026-06-30.xlsx",
    );
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('shows every count from 1 to 4 as "< 5", and hides what would give one away', () => {
    expect(rowOf(workbook, 'Ydelsesgrupper', 'Kontanthjælp')).toEqual(['–', '–', '< 5', '–', '–']);
    expect(rowOf(workbook, 'Ydelsesgrupper', 'A-dagpenge')).toEqual(['< 5', 0, '< 5', '–', '< 5']);
    expect(rowOf(workbook, 'Ydelsesgrupper', 'Sygedagpenge')).toEqual([0, '< 5', 0, '–', '< 5']);
    expect(rowOf(workbook, 'Ydelsesgrupper', TOTAL)).toEqual([9, 7, 5, 2, 11]);
    expect(rowOf(workbook, 'Aktivitet pr. år', 'Antal unikke borgere der har modtaget vejledning')).toEqual([
      '< 5',
      5,
    ]);
    expect(rowOf(workbook, 'Aktivitet pr. år', 'Antal borgere der er kommet i beskæftigelse')).toEqual([
      0,
      '< 5',
    ]);
    expect(rowOf(workbook, 'Tragt', 'Ansættelser (inkl. praktik)')).toEqual(['< 5']);
    expect(rowOf(workbook, 'Mål', '10 virksomhedspraktikker i 2026')[3]).toBe('< 5');
  });

  it('has no number from 1 to 4 in any count cell of any sheet', () => {
    for (const sheet of workbook.worksheets) {
      if (sheet.name === 'Oversigt' || sheet.name === 'Områdeindikatorer') continue;
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          if (typeof cell.value === 'number' && cell.numFmt === '#,##0')
            expect(cell.value === 0 || cell.value >= 5, `${sheet.name}!${cell.address}`).toBe(true);
        });
      });
    }
  });

  it('logs the request and the download with the partnership, period and format', async () => {
    const events = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'report'), eq(auditEvents.entityId, id)));
    expect(events.map((e) => [e.action, e.details])).toEqual([
      ['create', { partnershipId: w.partnership.id, ...PERIOD, format: 'xlsx', suppressed: true }],
      ['export', { partnershipId: w.partnership.id, ...PERIOD, format: 'xlsx' }],
    ]);
  });
});

describe('the PDF', () => {
  it('is a readable PDF with the front page and a page per section', async () => {
    const { id, run } = await built('job_consultant', 'pdf');
    expect(run).toMatchObject({
      status: 'done',
      progress: 100,
      fileName: 'Jobbro-rapport-Testby-2025-07-01-2026-06-30.pdf',
    });
    const res = await as('job_consultant').get(`/api/reports/${id}/file`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    // Front page, funnel, indicators, outcome tables, goals: each section starts a page.
    expect(raw.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(5);
    expect(raw).toMatch(/\/Count 5\b/);
  });
});

/**
 * The app's database with a hook on the writes to report runs (their step and progress), and
 * optionally a query that fails, as a lost connection would.
 */
function observedDb(
  onRun: (set: { step?: string; progress?: number; status?: string }) => void,
  failQueries = false,
) {
  const db = t.deps.db;
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'update')
        return (table: Parameters<typeof db.update>[0]) => {
          const builder = target.update(table);
          const set = builder.set.bind(builder);
          return Object.assign(builder, {
            set: (values: Parameters<typeof set>[0]) => {
              if (table === reportRuns)
                onRun(values as { step?: string; progress?: number; status?: string });
              return set(values);
            },
          });
        };
      if (prop === 'execute' && failQueries) return () => Promise.reject(new Error('connection lost'));
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('progress', () => {
  it('records each step with rising progress while it builds, ending at 100', async () => {
    const res = await as('social_worker').post('/api/reports', {
      partnershipId: w.partnership.id,
      format: 'xlsx',
      ...PERIOD,
    });
    const seen: string[] = [];
    await runReport(
      { db: observedDb((v) => seen.push(`${v.status}:${v.step}:${v.progress}`)), clock: t.clock },
      res.json().id,
    );
    expect(seen).toEqual([
      'running:summary:5',
      'running:funnel:15',
      'running:indicators:35',
      'running:outcomes:50',
      'running:goals:70',
      'running:rendering:80',
      'running:saving:95',
      'done:done:100',
    ]);
    // A second run of the same job (a retry) leaves the finished run alone.
    seen.length = 0;
    await runReport({ db: observedDb((v) => seen.push(String(v.step))), clock: t.clock }, res.json().id);
    expect(seen).toEqual([]);
  });

  it('says in Danish that a report could not be built, and keeps no file', async () => {
    const res = await as('social_worker').post('/api/reports', {
      partnershipId: w.partnership.id,
      format: 'pdf',
      ...PERIOD,
    });
    const id: string = res.json().id;
    await expect(runReport({ db: observedDb(() => {}, true), clock: t.clock }, id)).rejects.toThrow(
      'connection lost',
    );
    const run = (await as('social_worker').get(`/api/reports/${id}`)).json();
    expect(run).toMatchObject({
      status: 'failed',
      downloadUrl: null,
      failureMessage: 'Rapporten kunne ikke dannes. Prøv igen – sker det igen, så kontakt sekretariatet.',
    });
    const file = await as('social_worker').get(`/api/reports/${id}/file`);
    expect(file.statusCode).toBe(409);
    // The queue's retry finds it failed and does nothing.
    await runReport(t.deps, id);
    expect((await as('social_worker').get(`/api/reports/${id}`)).json().status).toBe('failed');
  });
});

describe('access and bad input', () => {
  let stId: string;
  beforeAll(async () => {
    // A minute after the runs above, so it is the newest.
    t.clock.advance(60_000);
    const res = await as('steering').post('/api/reports', {
      partnershipId: w.partnership.id,
      format: 'pdf',
      ...PERIOD,
    });
    stId = res.json().id;
  });

  it("lets nobody else read or fetch someone's run; an admin may follow its progress but not fetch it", async () => {
    for (const role of ['social_worker', 'job_consultant', 'housing_staff'] as const) {
      expect((await as(role).get(`/api/reports/${stId}`)).statusCode, role).toBe(404);
      expect((await as(role).get(`/api/reports/${stId}/file`)).statusCode, role).toBe(404);
    }
    expect((await as('admin').get(`/api/reports/${stId}`)).statusCode).toBe(200);
    expect((await as('admin').get(`/api/reports/${stId}/file`)).statusCode).toBe(404);
    expect((await as('company_contact').get(`/api/reports/${stId}`)).statusCode).toBe(403);
    const denied = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'denied'), eq(auditEvents.entityId, stId)));
    expect(denied.length).toBeGreaterThanOrEqual(7);
  });

  it('offers each user the partnerships they may report on, saying whether small counts are hidden', async () => {
    const own = { id: w.partnership.id, name: 'Partnerskab om job – Testby' };
    expect((await as('social_worker').get('/api/reports/partnerships')).json()).toEqual([
      { ...own, suppressed: false },
    ]);
    expect((await as('job_consultant').get('/api/reports/partnerships')).json()).toEqual([
      { ...own, suppressed: false },
    ]);
    expect((await as('steering').get('/api/reports/partnerships')).json()).toEqual([
      { ...own, suppressed: true },
    ]);
    expect((await as('housing_staff').get('/api/reports/partnerships')).json()).toEqual([
      { ...own, suppressed: true },
    ]);
    const admin = (await as('admin').get('/api/reports/partnerships')).json() as {
      id: string;
      suppressed: boolean;
    }[];
    expect(admin.map((p) => p.id).sort()).toEqual([w.partnership.id, other.partnership.id].sort());
    expect(admin.every((p) => p.suppressed)).toBe(true);
    expect((await as('company_contact').get('/api/reports/partnerships')).statusCode).toBe(403);
  });

  it('answers 409 for a file that is not built yet', async () => {
    const res = await as('steering').get(`/api/reports/${stId}/file`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Rapporten er ikke færdig endnu. Vent, til den er klar.');
  });

  it("lists the requester's own runs, newest first", async () => {
    const res = await as('steering').get('/api/reports?pageSize=50');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.items[0].id).toBe(stId);
    expect(page.items.every((r: { suppressed: boolean }) => r.suppressed)).toBe(true);
    expect(page.total).toBe(page.items.length);
    const own = (await as('social_worker').get('/api/reports')).json();
    expect(own.items.some((r: { id: string }) => r.id === stId)).toBe(false);
  });

  it('refuses another partnership (403) and bad input with precise Danish errors, storing nothing', async () => {
    const count = async () =>
      (await t.deps.db.select({ n: sql<number>`count(*)::int` }).from(reportRuns))[0]!.n;
    const before = await count();
    const post = (body: object) =>
      otherConsultant.post('/api/reports', {
        partnershipId: w.partnership.id,
        format: 'xlsx',
        ...PERIOD,
        ...body,
      });
    expect((await post({})).statusCode).toBe(403);
    const sw = (body: object) =>
      as('social_worker').post('/api/reports', {
        partnershipId: w.partnership.id,
        format: 'xlsx',
        ...PERIOD,
        ...body,
      });
    const fields = async (body: object) => {
      const res = await sw(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      return res.json().error.fields;
    };
    expect(await fields({ from: '2026-07-01', to: '2026-06-30' })).toEqual({
      to: 'Slutdatoen skal ligge på eller efter startdatoen.',
    });
    expect(await fields({ from: '2010-01-01', to: '2026-06-30' })).toEqual({
      to: 'Perioden må højst være 10 år.',
    });
    expect(await fields({ format: 'docx' })).toEqual({ format: 'Vælg PDF eller Excel (pdf eller xlsx).' });
    expect(await fields({ partnershipId: '00000000-0000-4000-8000-000000000000' })).toEqual({
      partnershipId: 'Partnerskabet findes ikke.',
    });
    expect(await fields({ partnershipId: '' })).toEqual({ partnershipId: 'Vælg et partnerskab.' });
    expect(await fields({ from: '30.06.2026' })).toEqual({ from: 'Ugyldig dato.' });
    expect(await count()).toBe(before);
  });

  it('allows three reports under way per person', async () => {
    const post = () =>
      as('housing_staff').post('/api/reports', { partnershipId: w.partnership.id, format: 'pdf', ...PERIOD });
    for (let i = 0; i < 3; i++) expect((await post()).statusCode).toBe(201);
    const res = await post();
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(
      'Du har allerede 3 rapporter under dannelse. Vent, til en af dem er færdig.',
    );
  });
});

describe('retention', () => {
  /** A fresh session: the clock moves a day here, beyond a session's idle time. */
  async function admin() {
    const s = new TestSession(t.app);
    expect((await s.login(w.users.admin.email, TEST_PASSWORD)).statusCode).toBe(200);
    return s;
  }
  const ask = async () =>
    (
      await (
        await admin()
      ).post('/api/reports', { partnershipId: w.partnership.id, format: 'xlsx', ...PERIOD })
    ).json().id as string;
  const status = async (id: string) => (await (await admin()).get(`/api/reports/${id}`)).statusCode;

  it('deletes runs and their files 24 hours after they were asked for', async () => {
    const old = await ask();
    await runReport(t.deps, old);
    t.clock.advance(23 * 3_600_000);
    const fresh = await ask();
    await purgeExpiredData(t.deps);
    expect(await status(old)).toBe(200);
    t.clock.advance(2 * 3_600_000);
    await purgeExpiredData(t.deps);
    expect(await status(old)).toBe(404);
    expect(await status(fresh)).toBe(200);
    const left = await t.deps.db.select({ id: reportRuns.id }).from(reportRuns).where(eq(reportRuns.id, old));
    expect(left).toEqual([]);
  });
});
