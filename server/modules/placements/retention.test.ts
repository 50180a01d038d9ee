import type { TRetentionOutcome, TTrialOutcome } from '@domain/reports/retention.ts';
import { auditEvents } from '@server/db/schema/index.ts';
import {
  buildCompany,
  buildFollowUp,
  buildPartnershipWorld,
  buildPlacement,
  TEST_PASSWORD,
} from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// GET /api/placements/retention on a fixture with known answers (seed 002, Aabenraa: retention at
// 6 and 12 months; Odense: trials by their outcome). Today is 24.11.2026; the default period is
// 25.11.2024-24.11.2026.
//
// The own partnership's placements:
// - 8 full-time hires at company X from 10.01.2025 (due at 6 and 12 months), outcomes at 6 / 12:
//   in job / in job ×3, in education / in education, in job / neither, neither / –, – / –,
//   and two more in job / in job; days to hire 10, 20, …, 60 for the first six;
// - 2 apprentice hires at company Y from 01.09.2026 (not due yet), days to hire 5 and 7;
// - 4 site trials at X from 01.06.2026 with outcomes job, education, other and none yet;
// - 1 work trial at Y, ended "converted to an ordinary job" without an outcome check-in;
// - 1 hire at X from 01.01.2024 (before the default period), in job at 6 and 12.
// The other partnership has one hire. Hence, for the own partnership:
//   hires 10; at 6 months: due 8, retained 6 (5 in job, 1 in education), missing 1 → 75 %;
//   at 12 months: due 8, retained 5 (4 in job, 1 in education), missing 2 → 62.5 %;
//   trials 5: job 2, education 1, other 1, pending 1; median days to hire of 5, 7, 10 … 60 = 25.

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;

let t: TTestApp;
let own: TWorld;
let other: TWorld;
let companyY: { id: string; name: string };
const s = {} as Record<'sw' | 'jc' | 'steering' | 'admin' | 'staff' | 'company' | 'other_sw', TestSession>;

async function login(email: string): Promise<TestSession> {
  const session = new TestSession(t.app);
  expect((await session.login(email, TEST_PASSWORD)).statusCode).toBe(200);
  return session;
}

async function placed(
  w: TWorld,
  o: {
    companyId?: string;
    type?: 'full_time' | 'apprentice' | 'site_trial' | 'work_trial';
    startDate: string;
    daysToHire?: number | null;
    at6?: TRetentionOutcome | null;
    at12?: TRetentionOutcome | null;
    trial?: TTrialOutcome | null;
    status?: 'active' | 'converted';
  },
) {
  const p = await buildPlacement(t.deps.db, {
    partnershipId: w.partnership.id,
    companyId: o.companyId ?? w.company.id,
    type: o.type ?? 'full_time',
    startDate: o.startDate,
    daysToHire: o.daysToHire ?? null,
    status: o.status ?? 'active',
  });
  const done = { state: 'done' as const, recordedAt: t.clock.now(), status: 'going_well' as const };
  if (o.at6 !== undefined) {
    await buildFollowUp(t.deps.db, {
      placementId: p.id,
      key: 'month_6',
      measures: 'retention_6',
      ...(o.at6 ? { ...done, retentionOutcome: o.at6 } : {}),
    });
  }
  if (o.at12 !== undefined) {
    await buildFollowUp(t.deps.db, {
      placementId: p.id,
      key: 'month_12',
      measures: 'retention_12',
      ...(o.at12 ? { ...done, retentionOutcome: o.at12 } : {}),
    });
  }
  if (o.trial !== undefined) {
    await buildFollowUp(t.deps.db, {
      placementId: p.id,
      key: 'week_4',
      measures: 'trial_outcome',
      ...(o.trial ? { ...done, trialOutcome: o.trial } : {}),
    });
  }
  return p;
}

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-24T09:00:00Z' });
  own = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  companyY = await buildCompany(t.deps.db, {
    name: 'Andersen Byg ApS',
    partnershipIds: [own.partnership.id],
  });
  const hire2025 = { startDate: '2025-01-10' };
  const outcomes: [TRetentionOutcome | null, TRetentionOutcome | null, number | null][] = [
    ['in_job', 'in_job', 10],
    ['in_education', 'in_education', 20],
    ['in_job', 'neither', 30],
    ['neither', null, 40],
    ['in_job', 'in_job', 50],
    [null, null, 60],
    ['in_job', 'in_job', null],
    ['in_job', 'in_job', null],
  ];
  for (const [at6, at12, daysToHire] of outcomes) {
    await placed(own, { ...hire2025, at6, at12, daysToHire });
  }
  for (const daysToHire of [5, 7]) {
    await placed(own, { companyId: companyY.id, type: 'apprentice', startDate: '2026-09-01', daysToHire });
  }
  for (const trial of ['job', 'education', 'other', null] as const) {
    await placed(own, { type: 'site_trial', startDate: '2026-06-01', trial });
  }
  await placed(own, {
    companyId: companyY.id,
    type: 'work_trial',
    startDate: '2026-05-01',
    status: 'converted',
  });
  await placed(own, { startDate: '2024-01-01', at6: 'in_job', at12: 'in_job', daysToHire: 3 });
  await placed(other, { startDate: '2025-06-01', at6: 'in_job', daysToHire: 9 });

  s.sw = await login(own.users.social_worker.email);
  s.jc = await login(own.users.job_consultant.email);
  s.steering = await login(own.users.steering.email);
  s.admin = await login(own.users.admin.email);
  s.staff = await login(own.users.housing_staff.email);
  s.company = await login(own.users.company_contact.email);
  s.other_sw = await login(other.users.social_worker.email);
});
afterAll(async () => t.close());

const EXACT = {
  hires: 10,
  at6: { due: 8, retained: 6, inJob: 5, inEducation: 1, missing: 1, rate: 0.75 },
  at12: { due: 8, retained: 5, inJob: 4, inEducation: 1, missing: 2, rate: 0.625 },
  trials: { total: 5, job: 2, education: 1, other: 1, pending: 1 },
  medianDaysToHire: 25,
};

describe('retention report', () => {
  it('gives the partnership’s professionals exact figures, in total and by partnership, company and type', async () => {
    const res = await s.jc.get('/api/placements/retention');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({
      from: '2024-11-25',
      to: '2026-11-24',
      today: '2026-11-24',
      suppressed: false,
    });
    expect(report.total).toEqual(EXACT);
    expect(report.byPartnership).toEqual([
      { key: own.partnership.id, label: own.partnership.name, figures: EXACT },
    ]);
    expect(report.byCompany.map((r: { label: string }) => r.label)).toEqual([
      companyY.name,
      own.company.name,
    ]);
    expect(report.byCompany[0].figures).toMatchObject({
      hires: 2,
      at6: { due: 0, rate: null },
      trials: { total: 1, job: 1 },
      medianDaysToHire: 6,
    });
    expect(
      report.byType.map((r: { key: string; label: string; figures: { hires: number } }) => [
        r.key,
        r.label,
        r.figures.hires,
      ]),
    ).toEqual([
      ['apprentice', 'Lærlingeplads', 2],
      ['full_time', 'Ordinært job, fuldtid', 8],
      ['site_trial', 'Snusepraktik', 0],
      ['work_trial', 'Virksomhedspraktik', 0],
    ]);
    // The social worker sees the same; a longer period takes the 2024 hire in.
    expect((await s.sw.get('/api/placements/retention')).json().total).toEqual(EXACT);
    const longer = (await s.sw.get('/api/placements/retention?from=2024-01-01')).json();
    expect(longer.total).toMatchObject({ hires: 11, at6: { due: 9, retained: 7 }, medianDaysToHire: 20 });
  });

  it('suppresses counts under 5 and what is derived from them for steering and the secretariat', async () => {
    const res = await s.steering.get('/api/placements/retention');
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.suppressed).toBe(true);
    expect(report.total).toEqual({
      hires: 10,
      at6: { due: 8, retained: 6, inJob: 5, inEducation: null, missing: null, rate: 0.75 },
      at12: { due: 8, retained: 5, inJob: null, inEducation: null, missing: null, rate: 0.625 },
      trials: { total: 5, job: null, education: null, other: null, pending: null },
      medianDaysToHire: 25,
    });
    // Company Y: two hires and a trial, every figure hidden (0 is shown), no median of two people.
    expect(report.byCompany[0]).toMatchObject({
      label: companyY.name,
      figures: {
        hires: null,
        at6: { due: 0, retained: 0, rate: null },
        trials: { total: null, job: null, education: 0 },
        medianDaysToHire: null,
      },
    });
    // The secretariat: every partnership, aggregates only.
    const admin = (await s.admin.get('/api/placements/retention')).json();
    expect(admin.suppressed).toBe(true);
    const rows = admin.byPartnership.map((r: { key: string; figures: { hires: number | null } }) => [
      r.key,
      r.figures.hires,
    ]);
    expect(rows).toEqual(
      expect.arrayContaining([
        [own.partnership.id, 10],
        [other.partnership.id, null],
      ]),
    );
    expect(admin.total.hires).toBe(11);
    const chosen = await s.admin.get(`/api/placements/retention?partnershipId=${other.partnership.id}`);
    expect(chosen.json().total).toMatchObject({ hires: null, at6: { due: null, rate: null } });
  });

  it('is refused outside one’s own partnership, to housing staff and companies, and for a reversed period', async () => {
    expect(
      (await s.other_sw.get(`/api/placements/retention?partnershipId=${own.partnership.id}`)).statusCode,
    ).toBe(403);
    expect((await s.staff.get('/api/placements/retention')).statusCode).toBe(403);
    expect((await s.company.get('/api/placements/retention')).statusCode).toBe(403);
    const reversed = await s.jc.get('/api/placements/retention?from=2026-06-01&to=2026-01-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields).toEqual({ to: 'Slutdatoen skal ligge på eller efter startdatoen.' });
    const denied = await t.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'denied'),
          eq(auditEvents.entityType, 'retention_report'),
          eq(auditEvents.userId, other.users.social_worker.id),
        ),
      );
    expect(denied).toHaveLength(1);
  });

  it('counts a hire as due once its 6 months have passed, and a missing outcome as not retained', async () => {
    t.clock.set('2027-03-01T09:00:00Z');
    try {
      // The sessions have run out by then: log in again.
      const jc = await login(own.users.job_consultant.email);
      const report = (await jc.get('/api/placements/retention?from=2024-11-25&to=2026-11-24')).json();
      // The two apprentices from 01.09.2026 are due at 6 months now, without an outcome.
      expect(report.total.at6).toEqual({
        due: 10,
        retained: 6,
        inJob: 5,
        inEducation: 1,
        missing: 3,
        rate: 0.6,
      });
    } finally {
      t.clock.set('2026-11-24T09:00:00Z');
    }
  });
});
