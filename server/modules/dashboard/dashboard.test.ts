import type { TDashboard, TDashboardBreakdown, TDashboardFunnel } from '@domain/reports/dashboard.schema.ts';
import type { TRetentionOutcome } from '@domain/reports/retention.ts';
import {
  auditEvents,
  goals,
  openingReferrals,
  proposals,
  residents,
  steeringGroups,
} from '@server/db/schema/index.ts';
import {
  buildAssignment,
  buildCompany,
  buildFollowUp,
  buildOpening,
  buildPartnershipWorld,
  buildPlacement,
  buildResident,
  buildSocialClause,
  TEST_PASSWORD,
} from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiValues } from './dashboard-figures.ts';

// GET /api/dashboard and kpiValues() on a fixture with known answers. Today is 24.11.2026; the
// period asked for is 01.07.2025-30.06.2026 (Copenhagen days).
//
// The own partnership (company X = the world's company, company Y another):
// - openings in the period: 8 apprentice openings at X of the own organisation, created 10.09.2025
//   09.00 (UTC); 1 at X created 30.06.2025 22.30 UTC = 01.07.2025 00.30 in Copenhagen (inside);
//   2 leisure-job openings at Y without an organisation, created 15.03.2026. Outside: one created
//   30.06.2026 22.30 UTC (= 01.07.2026 in Copenhagen) and one from 01.05.2025 → openings 11;
// - referrals: 7 of the 8 X openings, first sent after 0.5, 1, 1, 2, 3, 4 and 6 days (some to both
//   roles, the later one ignored), and the May 2025 opening, first referred 02.07.2025 → 8;
//   median days to referral over the 7 openings of the period that were referred: 2;
// - first proposal on 5 of the 8 X openings after 1, 2, 3, 4 and 5 days: median 3;
// - proposals created in the period: 12 on X openings (01.10.2025) and 1 on a Y opening
//   (01.04.2026); one from 01.06.2025 on the old opening is outside → 13;
// - interviews: 6 of them on 15.10.2025; one on 05.07.2026 is outside → 6;
// - hires (placements starting in the period): 6 full-time at X from 01.08.2025 (6 months:
//   in job ×4, in education, neither; 12 months: in job ×3, none ×3), 3 apprentices at X from
//   01.02.2026 through X openings (6 months: in job ×2, none), 1 trainee at Y from 01.04.2026 (in
//   job), 2 leisure jobs at Y on 30.06.2026 (not due); one from 01.07.2026 is outside → 12;
//   due 6 = 10, retained 6 = 8 (80 %); due 12 = 6, retained 12 = 3 (50 %);
// - into education: resident A's case went to "in education" on 01.02.2026 (a later benefit
//   change keeps it), resident D's placement ended into education on 01.05.2026 and D's case
//   followed the day after (once), a placement without a person ended into education;
//   resident C went in 2025-03 (before) and resident E lives in the other partnership → 3;
// - clauses: apprentices 3 of 4 and "other" 3 of 2 (counts 2) in the period → 5 of 6 = 83.3 %;
//   a 2024 clause does not count.
// The other partnership has 3 openings and a hire, never counted in the own.

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;
const PERIOD = 'from=2025-07-01&to=2026-06-30';
const DAY = 86_400_000;

let t: TTestApp;
let own: TWorld;
let other: TWorld;
let companyY: { id: string; name: string };
const residentIds: string[] = [];
const s = {} as Record<
  'sw' | 'jc' | 'steering' | 'admin' | 'staff' | 'company' | 'other_steering',
  TestSession
>;

async function login(email: string): Promise<TestSession> {
  const session = new TestSession(t.app);
  expect((await session.login(email, TEST_PASSWORD)).statusCode).toBe(200);
  return session;
}

async function person(w: TWorld, o: Partial<Parameters<typeof buildResident>[1]> = {}) {
  const at = new Date('2025-01-01T10:00:00Z');
  const r = await buildResident(t.deps.db, {
    municipalityId: w.municipality.id,
    registeredByPlanId: w.plan.id,
    housingAreaId: w.area.id,
    createdAt: at,
    updatedAt: at,
    ...o,
  });
  residentIds.push(r.id);
  return r;
}

async function proposal(
  w: TWorld,
  openingId: string,
  companyId: string,
  createdAt: string,
  interviewAt: string | null = null,
) {
  const r = await person(w);
  const at = new Date(createdAt);
  await t.deps.db.insert(proposals).values({
    partnershipId: w.partnership.id,
    openingId,
    residentId: r.id,
    companyId,
    occupationId: 'toemrer',
    status: 'sent_to_company',
    score: 0.5,
    scoreSnapshot: { score: 0.5, components: [], reasons: [] },
    proposedAt: at,
    createdAt: at,
    updatedAt: at,
    interviewAt: interviewAt ? new Date(interviewAt) : null,
  });
}

async function referral(
  openingId: string,
  userId: string,
  role: 'job_consultant' | 'social_worker',
  at: Date,
) {
  await t.deps.db.insert(openingReferrals).values({ openingId, userId, role, notifiedAt: at });
}

async function hire(
  w: TWorld,
  o: Partial<Parameters<typeof buildPlacement>[1]> & {
    at6?: TRetentionOutcome | null;
    at12?: TRetentionOutcome | null;
  },
) {
  const { at6, at12, ...values } = o;
  const p = await buildPlacement(t.deps.db, {
    partnershipId: w.partnership.id,
    companyId: w.company.id,
    ...values,
  });
  const done = { state: 'done' as const, recordedAt: t.clock.now(), status: 'going_well' as const };
  if (at6 !== undefined)
    await buildFollowUp(t.deps.db, {
      placementId: p.id,
      key: 'month_6',
      measures: 'retention_6',
      ...(at6 ? { ...done, retentionOutcome: at6 } : {}),
    });
  if (at12 !== undefined)
    await buildFollowUp(t.deps.db, {
      placementId: p.id,
      key: 'month_12',
      measures: 'retention_12',
      ...(at12 ? { ...done, retentionOutcome: at12 } : {}),
    });
  return p;
}

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-24T09:00:00Z' });
  const db = t.deps.db;
  own = await buildPartnershipWorld(db);
  other = await buildPartnershipWorld(db);
  companyY = await buildCompany(db, { name: 'Andersen Byg ApS', partnershipIds: [own.partnership.id] });
  const jc = own.users.job_consultant.id;
  const sw = own.users.social_worker.id;

  const opening = (o: Partial<Parameters<typeof buildOpening>[1]> & { createdAt: Date }) =>
    buildOpening(db, {
      partnershipId: own.partnership.id,
      companyId: own.company.id,
      housingOrganisationId: own.organisation.id,
      housingAreaId: own.area.id,
      ...o,
    });

  // Openings at X with their referrals and first proposals.
  const created = new Date('2025-09-10T09:00:00Z');
  const referredAfter = [0.5, 1, 1, 2, 3, 4, 6, null];
  const proposedAfter = [1, 2, 3, 4, 5, null, null, null];
  const xOpenings = [];
  for (let i = 0; i < 8; i++) {
    const after = proposedAfter[i];
    const o = await opening({
      createdAt: created,
      firstProposalAt: after == null ? null : new Date(created.getTime() + after * DAY),
    });
    xOpenings.push(o);
    const r = referredAfter[i];
    if (r != null) {
      await referral(o.id, jc, 'job_consultant', new Date(created.getTime() + r * DAY));
      if (i % 2 === 0) await referral(o.id, sw, 'social_worker', new Date(created.getTime() + (r + 1) * DAY));
    }
  }
  await opening({ createdAt: new Date('2025-06-30T22:30:00Z') });
  const yOpenings = [];
  for (let i = 0; i < 2; i++) {
    yOpenings.push(
      await opening({
        companyId: companyY.id,
        type: 'leisure_job',
        housingOrganisationId: null,
        housingAreaId: null,
        createdAt: new Date('2026-03-15T10:00:00Z'),
      }),
    );
  }
  await opening({ createdAt: new Date('2026-06-30T22:30:00Z') });
  const old = await opening({ createdAt: new Date('2025-05-01T10:00:00Z') });
  await referral(old.id, jc, 'job_consultant', new Date('2025-07-02T10:00:00Z'));
  for (let i = 0; i < 3; i++) {
    await buildOpening(db, {
      partnershipId: other.partnership.id,
      companyId: other.company.id,
      createdAt: new Date('2025-10-01T10:00:00Z'),
    });
  }

  // Proposals and interviews.
  for (let i = 0; i < 12; i++) {
    await proposal(
      own,
      xOpenings[i % 8]!.id,
      own.company.id,
      '2025-10-01T10:00:00Z',
      i < 6 ? '2025-10-15T08:00:00Z' : i === 6 ? '2026-07-05T08:00:00Z' : null,
    );
  }
  await proposal(own, yOpenings[0]!.id, companyY.id, '2026-04-01T10:00:00Z');
  await proposal(own, old.id, own.company.id, '2025-06-01T10:00:00Z');

  // Hires, their check-ins, and the clauses they fulfil.
  const assignment = await buildAssignment(db, {
    partnershipId: own.partnership.id,
    companyId: own.company.id,
    housingOrganisationId: own.organisation.id,
  });
  const apprentices = await buildSocialClause(db, {
    assignmentId: assignment.id,
    kind: 'apprentices',
    targetQuantity: 4,
    periodStart: '2025-07-01',
    periodEnd: '2026-06-30',
  });
  const otherClause = await buildSocialClause(db, {
    assignmentId: assignment.id,
    kind: 'other',
    description: 'Lokale småjob',
    targetQuantity: 2,
    periodStart: '2025-07-01',
    periodEnd: '2026-06-30',
  });
  await buildSocialClause(db, {
    assignmentId: assignment.id,
    targetQuantity: 5,
    periodStart: '2024-01-01',
    periodEnd: '2024-12-31',
  });
  const outcomes: [TRetentionOutcome, TRetentionOutcome | null][] = [
    ['in_job', 'in_job'],
    ['in_job', 'in_job'],
    ['in_job', 'in_job'],
    ['in_job', null],
    ['in_education', null],
    ['neither', null],
  ];
  for (const [at6, at12] of outcomes) await hire(own, { startDate: '2025-08-01', at6, at12 });
  for (const at6 of ['in_job', 'in_job', null] as const) {
    await hire(own, {
      type: 'apprentice',
      startDate: '2026-02-01',
      openingId: xOpenings[0]!.id,
      socialClauseId: apprentices.id,
      at6,
    });
  }
  await hire(own, {
    companyId: companyY.id,
    type: 'trainee',
    startDate: '2026-04-01',
    socialClauseId: otherClause.id,
    at6: 'in_job',
  });
  for (let i = 0; i < 2; i++) {
    await hire(own, {
      companyId: companyY.id,
      type: 'leisure_job',
      startDate: '2026-06-30',
      socialClauseId: otherClause.id,
    });
  }
  await hire(own, { startDate: '2026-07-01' });
  await hire(other, { startDate: '2025-09-01', at6: 'in_job' });

  // Into education.
  const toEducation = async (id: string, at: string, o: Partial<typeof residents.$inferInsert> = {}) =>
    db
      .update(residents)
      .set({ status: 'in_education', updatedAt: new Date(at), ...o })
      .where(eq(residents.id, id));
  const a = await person(own);
  await toEducation(a.id, '2026-02-01T10:00:00Z');
  await toEducation(a.id, '2026-03-01T10:00:00Z', { benefitGroup: 'uddannelseshjaelp' });
  const c = await person(own);
  await toEducation(c.id, '2025-03-01T10:00:00Z');
  const d = await person(own, { housingAreaId: null });
  await hire(own, {
    residentId: d.id,
    type: 'helper_job',
    startDate: '2025-05-01',
    endDate: '2026-05-01',
    status: 'education',
  });
  await toEducation(d.id, '2026-05-02T10:00:00Z');
  await hire(own, {
    type: 'helper_job',
    startDate: '2025-05-01',
    endDate: '2026-06-01',
    status: 'education',
  });
  const e = await person(other, { registeredByPlanId: other.plan.id, housingAreaId: other.area.id });
  await toEducation(e.id, '2026-02-01T10:00:00Z');

  s.sw = await login(own.users.social_worker.email);
  s.jc = await login(own.users.job_consultant.email);
  s.steering = await login(own.users.steering.email);
  s.admin = await login(own.users.admin.email);
  s.staff = await login(own.users.housing_staff.email);
  s.company = await login(own.users.company_contact.email);
  s.other_steering = await login(other.users.steering.email);
});
afterAll(async () => t.close());

const breakdown = (d: TDashboard, dimension: TDashboardBreakdown['dimension']) =>
  d.breakdowns.find((b) => b.dimension === dimension)!;
const row = (d: TDashboard, dimension: TDashboardBreakdown['dimension'], key: string) =>
  breakdown(d, dimension).rows.find((r) => r.key === key)?.funnel;
const steps = (f: TDashboardFunnel | undefined) => [
  f?.openings,
  f?.referrals,
  f?.proposals,
  f?.interviews,
  f?.hires,
  f?.retained6,
  f?.retained12,
];

describe('kpiValues', () => {
  it('gives the exact figures of the fixture', async () => {
    const v = await kpiValues(t.deps.db, {
      partnershipIds: [own.partnership.id],
      from: '2025-07-01',
      to: '2026-06-30',
      today: '2026-11-24',
    });
    expect(v).toMatchObject({
      openings: 11,
      referrals: 8,
      proposals: 13,
      interviews: 6,
      hires: 12,
      apprenticeships: 4,
      leisure_jobs: 2,
      into_education: 3,
      retention_6: 80,
      retention_12: 50,
      median_days_to_referral: 2,
      median_days_to_first_proposal: 3,
      bases: {
        retention6Due: 10,
        retention6Retained: 8,
        retention12Due: 6,
        retention12Retained: 3,
        timedReferrals: 7,
        timedFirstProposals: 5,
        clauseTarget: 6,
        clauseActual: 5,
      },
    });
    expect(v.clause_fulfilment).toBeCloseTo(500 / 6, 10);
    expect(v.hiresByType).toMatchObject({
      full_time: 6,
      apprentice: 3,
      trainee: 1,
      leisure_job: 2,
      flex_job: 0,
    });
  });

  it('is zero and null for a period without events, and for no partnership', async () => {
    const scope = { from: '2020-01-01', to: '2020-12-31', today: '2026-11-24' };
    for (const partnershipIds of [[own.partnership.id], []]) {
      const v = await kpiValues(t.deps.db, { ...scope, partnershipIds });
      expect([v.openings, v.hires, v.into_education]).toEqual([0, 0, 0]);
      expect([v.retention_6, v.median_days_to_referral, v.clause_fulfilment]).toEqual([null, null, null]);
    }
  });
});

describe('GET /api/dashboard for the partnership’s professionals', () => {
  let d: TDashboard;
  beforeAll(async () => {
    const res = await s.jc.get(`/api/dashboard?partnershipId=${own.partnership.id}&${PERIOD}`);
    expect(res.statusCode).toBe(200);
    d = res.json();
  });

  it('shows the exact funnel, rates, medians and clause fulfilment', () => {
    expect(d.suppressed).toBe(false);
    expect(d.period).toEqual({ from: '2025-07-01', to: '2026-06-30' });
    expect(steps(d.funnel)).toEqual([11, 8, 13, 6, 12, 8, 3]);
    expect([d.funnel.due6, d.funnel.due12, d.funnel.retention6Rate, d.funnel.retention12Rate]).toEqual([
      10, 6, 80, 50,
    ]);
    expect(d.medians).toEqual({
      daysToReferral: { days: 2, openings: 7 },
      daysToFirstProposal: { days: 3, openings: 5 },
    });
    expect(d.clauseFulfilment.target).toBe(6);
    expect(d.clauseFulfilment.fulfilled).toBe(5);
    expect(d.clauseFulfilment.percent).toBeCloseTo(83.333, 2);
    expect(d.kpis).toEqual({ apprenticeships: 4, leisureJobs: 2, intoEducation: 3 });
  });

  it('breaks the funnel down by company, organisation, type and month', () => {
    expect(breakdown(d, 'company').rows.map((r) => r.label)).toEqual(
      ['Andersen Byg ApS', own.company.name].sort((a, b) => a.localeCompare(b, 'da')),
    );
    expect(steps(row(d, 'company', own.company.id))).toEqual([9, 8, 12, 6, 9, 7, 3]);
    expect(steps(row(d, 'company', companyY.id))).toEqual([2, 0, 1, 0, 3, 1, 0]);
    // The apprentices were hired through an opening of the organisation; the rest without one.
    expect(steps(row(d, 'housing_organisation', own.organisation.id))).toEqual([9, 8, 12, 6, 3, 2, 0]);
    expect(row(d, 'housing_organisation', '')?.hires).toBe(9);
    expect(breakdown(d, 'housing_organisation').rows.map((r) => r.label)).toContain('Uden boligorganisation');
    expect(row(d, 'opening_type', 'leisure_job')).toMatchObject({ openings: 2, hires: 2 });
    expect(row(d, 'partnership', own.partnership.id)?.openings).toBe(11);
    expect(row(d, 'municipality', own.municipality.id)?.hires).toBe(12);
    // Every month of the period, also the empty ones, in order; the edge opening is in July 2025.
    const months = breakdown(d, 'month').rows;
    expect(months.map((r) => r.key)).toHaveLength(12);
    expect(months[0]).toMatchObject({ key: '2025-07', label: 'juli 2025' });
    expect(months[0]!.funnel).toMatchObject({ openings: 1, referrals: 1 });
    expect(months.find((m) => m.key === '2025-09')!.funnel).toMatchObject({ openings: 8, referrals: 7 });
    expect(months.find((m) => m.key === '2025-12')!.funnel.openings).toBe(0);
    expect(months.find((m) => m.key === '2026-06')!.funnel.hires).toBe(2);
  });

  it('narrows everything by a filter', async () => {
    const res = await s.sw.get(
      `/api/dashboard?partnershipId=${own.partnership.id}&${PERIOD}&companyId=${companyY.id}`,
    );
    expect(res.statusCode).toBe(200);
    const y: TDashboard = res.json();
    expect(steps(y.funnel)).toEqual([2, 0, 1, 0, 3, 1, 0]);
    expect(y.medians.daysToReferral).toEqual({ days: null, openings: 0 });
    // Y's assignment has no clauses.
    expect(y.clauseFulfilment).toEqual({ percent: null, target: 0, fulfilled: 0 });
    const typed = await s.sw.get(`/api/dashboard?${PERIOD}&openingType=apprentice`);
    expect(typed.json().funnel).toMatchObject({ openings: 9, hires: 3, retained6: 2 });
  });

  it('offers the partnership’s cities, organisations and companies as filters', () => {
    expect(d.options.partnerships).toEqual([{ id: own.partnership.id, name: own.partnership.name }]);
    expect(d.options.municipalities.map((o) => o.id)).toEqual([own.municipality.id]);
    expect(d.options.housingOrganisations.map((o) => o.id)).toEqual([own.organisation.id]);
    expect(d.options.companies.map((o) => o.id).sort()).toEqual([own.company.id, companyY.id].sort());
  });

  it('records the read as an aggregate: partnerships, period, suppression', async () => {
    const events = await t.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityType, 'dashboard'), eq(auditEvents.userId, own.users.job_consultant.id)),
      );
    expect(events[0]).toMatchObject({
      action: 'read',
      entityId: own.partnership.id,
      details: {
        from: '2025-07-01',
        to: '2026-06-30',
        partnerships: [own.partnership.id],
        suppressed: false,
      },
    });
  });
});

describe('GET /api/dashboard for aggregate-only viewers', () => {
  it('hides every count from 1 to 4 and what is derived from it, and names no person', async () => {
    const res = await s.steering.get(`/api/dashboard?${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const d: TDashboard = res.json();
    expect(d.suppressed).toBe(true);
    expect(d.partnerships).toEqual([{ id: own.partnership.id, name: own.partnership.name }]);
    // 3 retained at 12 months is hidden, and so is the rate; 8 of 10 at 6 months is shown.
    expect(steps(d.funnel)).toEqual([11, 8, 13, 6, 12, 8, null]);
    expect([d.funnel.retention6Rate, d.funnel.retention12Rate]).toEqual([80, null]);
    expect(d.medians.daysToReferral).toEqual({ days: 2, openings: 7 });
    expect(d.medians.daysToFirstProposal).toEqual({ days: 3, openings: 5 });
    expect(d.kpis).toEqual({ apprenticeships: null, leisureJobs: null, intoEducation: null });
    expect(steps(row(d, 'company', companyY.id))).toEqual([null, 0, null, 0, null, null, 0]);
    expect(row(d, 'company', companyY.id)?.retention6Rate).toBeNull();

    const counts: (number | null)[] = [];
    const collect = (f: TDashboardFunnel) =>
      counts.push(
        f.openings,
        f.referrals,
        f.proposals,
        f.interviews,
        f.hires,
        f.retained6,
        f.retained12,
        f.due6,
        f.due12,
      );
    collect(d.funnel);
    for (const b of d.breakdowns) for (const r of b.rows) collect(r.funnel);
    counts.push(d.clauseFulfilment.target, d.clauseFulfilment.fulfilled, d.medians.daysToReferral.openings);
    expect(counts.length).toBeGreaterThan(100);
    for (const n of counts) expect(n === null || n === 0 || n >= 5).toBe(true);

    for (const id of residentIds) expect(res.body).not.toContain(id);
    expect(res.body).not.toMatch(/Beboer\d|Efternavn\d|firstName|birthDate|residentId/);
  });

  it('hides small counts for housing staff and the secretariat too', async () => {
    for (const session of [s.staff, s.admin]) {
      const res = await session.get(`/api/dashboard?partnershipId=${own.partnership.id}&${PERIOD}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().suppressed).toBe(true);
      expect(res.json().funnel.retained12).toBeNull();
    }
  });

  it('covers every partnership for the secretariat when none is named', async () => {
    const res = await s.admin.get(`/api/dashboard?${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const ids = (res.json() as TDashboard).partnerships.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([own.partnership.id, other.partnership.id]));
  });
});

describe('GET /api/dashboard goal status', () => {
  it('lists the steering group’s goals of the period with actual and traffic light, suppressed as the figures', async () => {
    const now = new Date();
    const [group] = await t.database.db
      .insert(steeringGroups)
      .values({ partnershipId: own.partnership.id, name: 'Styregruppen', createdAt: now, updatedAt: now })
      .returning({ id: steeringGroups.id });
    const goal = (title: string, kpi: string, target: number, periodFrom: string, periodTo: string) => ({
      steeringGroupId: group!.id,
      title,
      kpi,
      target,
      periodFrom,
      periodTo,
      createdAt: now,
      updatedAt: now,
    });
    await t.database.db.insert(goals).values([
      // 12 hires over the whole period against 10: on track.
      goal('Ansættelser', 'hires', 10, '2025-07-01', '2026-06-30'),
      // 80 % retained at 6 months against 90 %: yellow reaches down to 81 (10 % short), so red.
      goal('Fastholdelse', 'retention_6', 90, '2025-07-01', '2026-06-30'),
      // Outside the dashboard period: not listed.
      goal('Sidste år', 'hires', 5, '2024-01-01', '2024-12-31'),
    ]);
    try {
      const professional: TDashboard = (await s.sw.get(`/api/dashboard?${PERIOD}`)).json();
      const byTitle = new Map(professional.goals.map((g) => [g.title, g]));
      expect([...byTitle.keys()].sort()).toEqual(['Ansættelser', 'Fastholdelse']);
      expect(byTitle.get('Ansættelser')).toMatchObject({
        actual: 12,
        trafficLight: 'green',
        actualSuppressed: false,
      });
      expect(byTitle.get('Fastholdelse')).toMatchObject({ actual: 80, trafficLight: 'red' });

      // Steering sees the same lights; 12 hires and 8 of 10 retained are not small counts.
      const steering: TDashboard = (await s.steering.get(`/api/dashboard?${PERIOD}`)).json();
      expect(steering.goals.map((g) => [g.title, g.actual, g.trafficLight]).sort()).toEqual([
        ['Ansættelser', 12, 'green'],
        ['Fastholdelse', 80, 'red'],
      ]);
    } finally {
      await t.database.db.delete(steeringGroups).where(eq(steeringGroups.id, group!.id));
    }
  });
});

describe('GET /api/dashboard refuses', () => {
  it('another partnership with 403 and records the denial', async () => {
    const res = await s.steering.get(`/api/dashboard?partnershipId=${other.partnership.id}`);
    expect(res.statusCode).toBe(403);
    const denied = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'denied'), eq(auditEvents.userId, own.users.steering.id)));
    expect(denied.some((e) => e.entityType === 'dashboard')).toBe(true);
  });

  it('an unknown partnership with 404', async () => {
    const res = await s.admin.get('/api/dashboard?partnershipId=00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Partnerskabet findes ikke.');
  });

  it('a period that ends before it starts, with a Danish field error', async () => {
    const res = await s.steering.get('/api/dashboard?from=2026-06-30&to=2026-01-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ to: 'Slutdatoen skal ligge på eller efter startdatoen.' });
    const onlyFrom = await s.steering.get('/api/dashboard?from=2027-01-01');
    expect(onlyFrom.statusCode).toBe(400);
    expect(onlyFrom.json().error.fields.to).toBe('Slutdatoen skal ligge på eller efter startdatoen.');
  });

  it('a bad date, a filter outside the partnership, and company contacts', async () => {
    const bad = await s.steering.get('/api/dashboard?from=31.12.2025');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.from).toBe('Ugyldig dato.');
    const foreign = await s.steering.get(`/api/dashboard?companyId=${other.company.id}`);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields.companyId).toBe(
      'Virksomheden arbejder ikke med de valgte partnerskaber.',
    );
    expect((await s.company.get('/api/dashboard')).statusCode).toBe(403);
  });

  it('defaults to the 12 months up to today', async () => {
    const res = await s.sw.get('/api/dashboard');
    expect(res.statusCode).toBe(200);
    expect(res.json().period).toEqual({ from: '2025-11-25', to: '2026-11-24' });
  });
});
