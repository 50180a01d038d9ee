import { COMPANY_STATUSES } from '@domain/company.schema.ts';
import { expiresWithin, isConsentActive } from '@domain/consent.schema.ts';
import { ageOn } from '@domain/resident.schema.ts';
import { containsCprLike } from '@domain/rules/cpr.ts';
import { isValidCvr } from '@domain/rules/cvr.ts';
import { danishDate } from '@domain/time.ts';
import {
  agreements,
  assignments,
  companies,
  housingAreas,
  housingOrganisations,
  jobDialogues,
  memberships,
  openings,
  partnerships,
  placements,
  residentConsents,
  residents,
  socialClauses,
  systemSettings,
  users,
} from '@server/db/schema/index.ts';
import { withProgress } from '@server/modules/social-clauses/clause-fulfilment.ts';
import { createTestApp, TestSession } from '@server/test/setup.ts';
import { count, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import {
  DEMO_COMPANIES,
  DEMO_COMPANY_STATUSES,
  DEMO_PORTAL_COMPANY,
  loadDemoCompanies,
} from './demo-companies.ts';
import { DEMO_PASSWORD, DEMO_USERS, loadDemoData } from './demo-data.ts';
import { loadDemoResidents } from './demo-residents.ts';
import { DEMO_DIALOGUE_OUTCOMES, DEMO_HOULKAER_TITLE, loadDemoWork } from './demo-work.ts';

it('loads the Danish demo data once, and every demo user logs in with its scope', async () => {
  const t = await createTestApp({ config: { demo: true } });
  expect(await loadDemoData(t.deps.db)).toBe(true);
  expect(await loadDemoData(t.deps.db)).toBe(false);
  const [{ n: userCount }] = (await t.deps.db.select({ n: count() }).from(users)) as [{ n: number }];
  expect(userCount).toBe(6);
  const names = (await t.deps.db.select({ name: partnerships.name }).from(partnerships)).map((p) => p.name);
  expect(names.sort()).toEqual([
    'Partnerskab om job – Randers',
    'Partnerskab om job – Silkeborg',
    'Partnerskab om job – Viborg',
  ]);
  const orgs = await t.deps.db.select().from(housingOrganisations);
  expect(
    orgs
      .filter((o) => !o.isFictional)
      .map((o) => o.name)
      .sort(),
  ).toEqual([
    'AAB Silkeborg',
    'Arbejdernes Byggeforening',
    'Boligselskabet Sct. Jørgen',
    'Boligselskabet Viborg',
  ]);
  expect(orgs.filter((o) => o.isFictional)).toHaveLength(1);
  const areas = await t.deps.db.select().from(housingAreas);
  expect(
    areas
      .filter((a) => !a.isFictional)
      .map((a) => a.name)
      .sort(),
  ).toEqual(['Ellekonebakken', 'Houlkærvænget', 'Klostervænget', 'Ringparken', 'Vestervang']);

  const expectedScope: Record<string, string | null> = {
    admin: null,
    housing_staff: 'Boligselskabet Viborg',
    social_worker: 'Boligsocial Helhedsplan Viborg',
    job_consultant: 'Jobcenter Viborg',
    steering: 'Partnerskab om job – Viborg',
    company_contact: DEMO_PORTAL_COMPANY,
  };
  for (const u of DEMO_USERS) {
    const res = await new TestSession(t.app).login(u.email, DEMO_PASSWORD);
    expect(res.statusCode, u.email).toBe(200);
    expect(res.json().memberships[0]).toMatchObject({ role: u.role, scopeName: expectedScope[u.role] });
  }
  await t.close();
});

it('adds ten fictional demo companies with valid CVRs in every status, also to older demo data', async () => {
  expect(DEMO_COMPANIES).toHaveLength(10);
  for (const c of DEMO_COMPANIES) {
    expect(isValidCvr(c.cvr), c.name).toBe(true);
    expect(c.name).toMatch(/\(fiktiv\)$/);
  }
  expect(DEMO_COMPANY_STATUSES).toEqual([...COMPANY_STATUSES]);
  expect(new Set(DEMO_COMPANIES.map((c) => c.city))).toEqual(new Set(['Viborg', 'Silkeborg', 'Randers']));

  const t = await createTestApp({ config: { demo: true } });
  expect(await loadDemoData(t.deps.db)).toBe(true);
  expect(await t.deps.db.select().from(companies)).toHaveLength(10);
  // A data dir loaded before the companies register: no companies, no link, no marker.
  await t.deps.db.update(memberships).set({ companyId: null });
  await t.deps.db.delete(placements);
  await t.deps.db.delete(openings);
  await t.deps.db.delete(agreements);
  await t.deps.db.delete(assignments);
  await t.deps.db.delete(systemSettings).where(eq(systemSettings.key, 'demo_work_version'));
  await t.deps.db.delete(companies);
  await t.deps.db.delete(systemSettings).where(eq(systemSettings.key, 'demo_companies_version'));
  expect(await loadDemoData(t.deps.db)).toBe(false);
  expect(await t.deps.db.select().from(companies)).toHaveLength(10);
  expect(await loadDemoCompanies(t.deps.db)).toBe(false);
  const s = new TestSession(t.app);
  await s.login('virksomhed@jobbro.test', DEMO_PASSWORD);
  const list = (await s.get('/api/companies')).json();
  expect(list.items.map((c: { name: string }) => c.name)).toEqual([DEMO_PORTAL_COMPANY]);
  const staff = new TestSession(t.app);
  await staff.login('bolig@jobbro.test', DEMO_PASSWORD);
  expect((await staff.get('/api/companies')).json().total).toBe(4);
  await t.close();
});

it('adds the demo work: assignments, dialogues in each outcome, a behind clause, agreements, openings', async () => {
  const t = await createTestApp({ config: { demo: true } });
  await loadDemoData(t.deps.db);
  const db = t.deps.db;
  const all = await db.select().from(assignments);
  expect(all.length).toBeGreaterThanOrEqual(6);
  const houlkaer = all.find((a) => a.title === DEMO_HOULKAER_TITLE)!;
  const [clause] = await db.select().from(socialClauses).where(eq(socialClauses.assignmentId, houlkaer.id));
  expect(clause).toMatchObject({ kind: 'apprentices', targetQuantity: 3 });
  const [withStatus] = await withProgress(db, [clause!], danishDate(new Date()));
  // Eight months into the renovation and one apprentice of three placed: behind pro rata.
  expect(withStatus!.progress.status).toBe('behind');

  const dialogues = await db.select().from(jobDialogues);
  expect(new Set(dialogues.map((d) => d.outcome))).toEqual(new Set([null, 'opening_now', 'later', 'no']));
  expect(DEMO_DIALOGUE_OUTCOMES).toHaveLength(4);
  const opened = await db.select().from(openings);
  expect(new Set(opened.map((o) => o.status)).size).toBeGreaterThanOrEqual(5);
  expect(new Set(opened.map((o) => o.type)).size).toBeGreaterThanOrEqual(4);
  expect(await db.select().from(agreements)).toHaveLength(3);
  // The bells are not empty: the Viborg referrals reached the job consultant and the social
  // worker, and bolig@ was told that the Houlkærvænget clause is behind (once: it is marked).
  const bo = new TestSession(t.app);
  await bo.login('bolig@jobbro.test', DEMO_PASSWORD);
  const boNotices = (await bo.get('/api/notifications')).json().items as { kind: string; title: string }[];
  expect(boNotices.map((n) => n.kind)).toContain('clause_behind');
  expect(
    (await db.select().from(socialClauses).where(eq(socialClauses.id, clause!.id)))[0]!.behindNotifiedAt,
  ).not.toBeNull();
  const jens = new TestSession(t.app);
  await jens.login('jobkonsulent@jobbro.test', DEMO_PASSWORD);
  expect((await jens.get('/api/notifications/unread-count')).json().count).toBeGreaterThan(0);
  // Loading again adds nothing.
  expect(await loadDemoWork(db)).toBe(false);
  expect(await db.select().from(assignments)).toHaveLength(all.length);
  await t.close();
});

it('adds about 300 fictional residents: ages 13-64, Sundparken-like benefit groups, every consent state', async () => {
  const t = await createTestApp({ config: { demo: true } });
  await loadDemoData(t.deps.db);
  const db = t.deps.db;
  const people = await db.select().from(residents);
  expect(people).toHaveLength(300);
  const today = danishDate(new Date());
  const ages = people.map((p) => ageOn(p.birthDate, today));
  expect(Math.min(...ages)).toBeGreaterThanOrEqual(13);
  expect(Math.max(...ages)).toBeLessThanOrEqual(64);
  const byBenefit = new Map<string, number>();
  for (const p of people) byBenefit.set(p.benefitGroup ?? '', (byBenefit.get(p.benefitGroup ?? '') ?? 0) + 1);
  // Kontanthjælp is the largest group among adults, as in the Sundparken table.
  const adultGroups = [...byBenefit.entries()].filter(([g]) => g !== 'none').sort((a, b) => b[1] - a[1]);
  expect(adultGroups[0]![0]).toBe('kontanthjaelp');
  expect(people.some((p) => p.registeredBySide === 'housing')).toBe(true);
  expect(people.some((p) => p.registeredBySide === 'jobcenter' && p.jobcenterRef)).toBe(true);
  expect(people.some((p) => p.housingAreaId === null)).toBe(true);
  for (const p of people)
    expect(containsCprLike(`${p.firstName} ${p.lastName} ${p.jobcenterRef ?? ''}`)).toBe(false);

  const consents = await db.select().from(residentConsents);
  const withConsent = new Set(consents.map((c) => c.residentId));
  expect(people.some((p) => !withConsent.has(p.id))).toBe(true);
  expect(consents.some((c) => c.withdrawnOn !== null)).toBe(true);
  expect(consents.some((c) => !isConsentActive(c, today) && c.withdrawnOn === null)).toBe(true);
  expect(consents.some((c) => expiresWithin(c, today))).toBe(true);
  expect(new Set(consents.map((c) => c.scope))).toEqual(new Set(['sharing', 'matching', 'evaluation']));
  // The same people on every machine: a fixed seed.
  const again = await createTestApp({ config: { demo: true } });
  await loadDemoData(again.deps.db);
  const names = (rows: { firstName: string; lastName: string }[]) =>
    rows.map((r) => `${r.firstName} ${r.lastName}`).sort();
  expect(names(await again.deps.db.select().from(residents))).toEqual(names(people));
  expect(await loadDemoResidents(db)).toBe(false);
  await again.close();
  await t.close();
});
