import { assignments, auditEvents, jobDialogues } from '@server/db/schema/index.ts';
import {
  buildAssignment,
  buildCompany,
  buildHousingArea,
  buildJobDialogue,
  buildOpening,
  buildPartnershipWorld,
  buildUser,
  TEST_PASSWORD,
} from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TTestApp;
let world: Awaited<ReturnType<typeof buildPartnershipWorld>>;
let other: Awaited<ReturnType<typeof buildPartnershipWorld>>;
const sessions: Record<string, TestSession> = {};

beforeAll(async () => {
  // 24.11.2026 at 10.00 in Copenhagen.
  t = await createTestApp({ start: '2026-11-24T09:00:00Z' });
  world = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  for (const [role, user] of Object.entries(world.users)) {
    sessions[role] = new TestSession(t.app);
    await sessions[role].login(user.email, TEST_PASSWORD);
  }
  sessions.otherStaff = new TestSession(t.app);
  await sessions.otherStaff.login(other.users.housing_staff.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

const assignment = (over: Record<string, unknown> = {}) => ({
  companyId: world.company.id,
  housingAreaIds: [world.area.id],
  kind: 'renovation',
  title: 'Renovering af Houlkærvænget',
  valueDkk: 48_000_000,
  startDate: '2027-01-01',
  endDate: '2028-06-30',
  contractReference: 'K-2026-117',
  ...over,
});

const countRows = async () => ({
  assignments: (await t.deps.db.select({ n: count() }).from(assignments))[0]!.n,
  dialogues: (await t.deps.db.select({ n: count() }).from(jobDialogues))[0]!.n,
});

describe('assignments', () => {
  it('saving an assignment starts a job dialogue due today, held by the person who saved it', async () => {
    const res = await sessions.housing_staff!.post('/api/assignments', assignment());
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      title: 'Renovering af Houlkærvænget',
      housingOrganisationId: world.organisation.id,
      partnershipId: world.partnership.id,
      companyName: world.company.name,
      areas: [{ id: world.area.id, name: world.area.name }],
      clauses: [],
      openingCount: 0,
    });
    const dialogue = (
      await sessions.housing_staff!.get(`/api/job-dialogues/${created.jobDialogueId}`)
    ).json();
    expect(dialogue).toMatchObject({
      assignmentId: created.id,
      dueDate: '2026-11-24',
      assignedToUserId: world.users.housing_staff.id,
      outcome: null,
      state: 'open',
      history: [{ kind: 'created', byName: world.users.housing_staff.name }],
    });
    const audited = await t.deps.db
      .select({ entityType: auditEvents.entityType })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'create'), eq(auditEvents.userId, world.users.housing_staff.id)));
    expect(audited.map((a) => a.entityType)).toEqual(expect.arrayContaining(['assignment', 'job_dialogue']));
    // "Today" is the Danish day: at 23.30 UTC on the 24th it is already the 25th in Copenhagen.
    // (A fresh session: the others would have been idle for hours.)
    t.clock.set('2026-11-24T23:30:00Z');
    const night = new TestSession(t.app);
    await night.login(world.users.housing_staff.email, TEST_PASSWORD);
    const late = (await night.post('/api/assignments', assignment({ title: 'Sen opgave' }))).json();
    expect((await night.get(`/api/job-dialogues/${late.jobDialogueId}`)).json().dueDate).toBe('2026-11-25');
    t.clock.set('2026-11-24T09:00:00Z');
  });

  it('stores nothing when an area belongs to another organisation', async () => {
    const before = await countRows();
    const res = await sessions.housing_staff!.post(
      '/api/assignments',
      assignment({ housingAreaIds: [world.area.id, other.area.id] }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      housingAreaIds: 'Et af boligområderne hører ikke til boligorganisationen.',
    });
    expect(await countRows()).toEqual(before);
  });

  it('refuses bad input with Danish field messages', async () => {
    const before = await countRows();
    const post = (over: Record<string, unknown>) =>
      sessions.housing_staff!.post('/api/assignments', assignment(over));
    const backwards = await post({ startDate: '2027-06-01', endDate: '2027-01-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields).toEqual({ endDate: 'Slutdatoen skal ligge efter startdatoen.' });
    const negative = await post({ valueDkk: -5 });
    expect(negative.json().error.fields).toEqual({ valueDkk: 'Beløbet kan ikke være negativt.' });
    const unknown = await post({ companyId: '00000000-0000-4000-8000-000000000001' });
    expect(unknown.json().error.fields).toEqual({ companyId: 'Ukendt virksomhed.' });
    const elsewhere = await post({ companyId: other.company.id });
    expect(elsewhere.json().error.fields).toEqual({
      companyId: 'Virksomheden arbejder ikke i boligorganisationens partnerskab.',
    });
    const missing = await post({ title: ' ', kind: 'castle' });
    expect(Object.keys(missing.json().error.fields).sort()).toEqual(['kind', 'title']);
    // The secretariat has no organisation of its own: it must say which.
    const admin = await sessions.admin!.post('/api/assignments', assignment());
    expect(admin.json().error.fields).toEqual({ housingOrganisationId: 'Vælg boligorganisationen.' });
    expect(await countRows()).toEqual(before);
    const forOrg = await sessions.admin!.post(
      '/api/assignments',
      assignment({ housingOrganisationId: world.organisation.id, title: 'Sekretariatets opgave' }),
    );
    expect(forOrg.statusCode).toBe(201);
  });

  it('keeps each role to its scope', async () => {
    const own = await buildAssignment(t.deps.db, {
      partnershipId: world.partnership.id,
      companyId: world.company.id,
      housingOrganisationId: world.organisation.id,
      title: 'Scope egen',
    });
    const foreign = await buildAssignment(t.deps.db, {
      partnershipId: other.partnership.id,
      companyId: other.company.id,
      housingOrganisationId: other.organisation.id,
      title: 'Scope fremmed',
    });
    await buildJobDialogue(t.deps.db, { assignmentId: own.id });
    const titles = async (who: string) =>
      ((await sessions[who]!.get('/api/assignments?q=scope')).json().items as { title: string }[]).map(
        (a) => a.title,
      );
    expect(await titles('housing_staff')).toEqual(['Scope egen']);
    expect(await titles('otherStaff')).toEqual(['Scope fremmed']);
    expect(await titles('social_worker')).toEqual(['Scope egen']);
    expect(await titles('job_consultant')).toEqual(['Scope egen']);
    expect(await titles('company_contact')).toEqual(['Scope egen']);
    expect((await titles('admin')).sort()).toEqual(['Scope egen', 'Scope fremmed']);
    expect((await sessions.steering!.get('/api/assignments')).statusCode).toBe(403);

    expect((await sessions.otherStaff!.get(`/api/assignments/${own.id}`)).statusCode).toBe(403);
    expect((await sessions.housing_staff!.get(`/api/assignments/${foreign.id}`)).statusCode).toBe(403);
    expect((await sessions.company_contact!.get(`/api/assignments/${own.id}`)).statusCode).toBe(200);
    // The company sees its assignment but not the organisation's dialogue about it, nor its staff.
    const row = (await sessions.company_contact!.get('/api/assignments?q=scope%20egen')).json().items[0];
    expect(row.openDialogues).toBe(0);
    const staffRow = (await sessions.housing_staff!.get('/api/assignments?q=scope%20egen')).json().items[0];
    expect(staffRow.openDialogues).toBe(1);
    expect((await sessions.company_contact!.get('/api/job-dialogues')).statusCode).toBe(403);
    expect((await sessions.company_contact!.get(`/api/assignments/${own.id}/staff`)).statusCode).toBe(403);
    expect(
      (await sessions.social_worker!.patch(`/api/assignments/${own.id}`, { title: 'x' })).statusCode,
    ).toBe(403);
    expect((await sessions.housing_staff!.get(`/api/assignments/${crypto.randomUUID()}`)).statusCode).toBe(
      404,
    );
  });

  it('searches, filters, sorts with Danish collation and pages with the total', async () => {
    const company = await buildCompany(t.deps.db, {
      name: 'Østjysk Tag ApS',
      partnershipIds: [world.partnership.id],
    });
    const base = {
      partnershipId: world.partnership.id,
      housingOrganisationId: world.organisation.id,
      companyId: company.id,
    };
    for (const [title, kind, startDate, endDate] of [
      ['Åbent tag', 'maintenance', '2026-01-01', '2026-12-31'],
      ['Ærlig maling', 'maintenance', '2027-01-01', '2027-12-31'],
      ['Zink og tagrender', 'renovation', '2026-06-01', '2027-05-31'],
      ['Øvre etager', 'maintenance', '2025-01-01', '2025-12-31'],
    ] as const) {
      await buildAssignment(t.deps.db, {
        ...base,
        title,
        kind,
        startDate,
        endDate,
        contractReference: `TAG-${title}`,
      });
    }
    const get = async (query: string) =>
      (await sessions.housing_staff!.get(`/api/assignments?${query}`)).json();
    const all = await get(`companyId=${company.id}&sort=title`);
    expect(all.total).toBe(4);
    expect(all.items.map((a: { title: string }) => a.title)).toEqual([
      'Zink og tagrender',
      'Ærlig maling',
      'Øvre etager',
      'Åbent tag',
    ]);
    const paged = await get(`companyId=${company.id}&sort=title&dir=desc&limit=2&offset=2`);
    expect(paged).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(paged.items.map((a: { title: string }) => a.title)).toEqual(['Ærlig maling', 'Zink og tagrender']);
    expect((await get(`companyId=${company.id}&page=2&pageSize=3`)).items).toHaveLength(1);
    expect((await get(`q=${encodeURIComponent('østjysk')}`)).total).toBe(4);
    expect((await get('q=tag-zink')).items.map((a: { title: string }) => a.title)).toEqual([
      'Zink og tagrender',
    ]);
    expect((await get(`companyId=${company.id}&kind=renovation`)).total).toBe(1);
    const active = await get(`companyId=${company.id}&activeOn=2026-11-24&sort=startDate`);
    expect(active.items.map((a: { title: string }) => a.title)).toEqual(['Åbent tag', 'Zink og tagrender']);
    expect((await get(`companyId=${company.id}&offset=40`)).total).toBe(4);
  });

  it('updates the merged whole, keeps company and organisation, and deletes only what nothing counts on', async () => {
    const created = (
      await sessions.housing_staff!.post('/api/assignments', assignment({ title: 'Til ændring' }))
    ).json();
    const url = `/api/assignments/${created.id}`;
    const patched = await sessions.housing_staff!.patch(url, { title: 'Ændret', valueDkk: null });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      title: 'Ændret',
      valueDkk: null,
      contractReference: 'K-2026-117',
      areas: [{ id: world.area.id }],
    });
    const backwards = await sessions.housing_staff!.patch(url, { endDate: '2026-01-01' });
    expect(backwards.json().error.fields).toEqual({ endDate: 'Slutdatoen skal ligge efter startdatoen.' });
    const moved = await sessions.housing_staff!.patch(url, { companyId: other.company.id });
    expect(moved.json().error.fields.companyId).toMatch(/kan ikke ændres/);
    const foreignArea = await sessions.housing_staff!.patch(url, { housingAreaIds: [other.area.id] });
    expect(foreignArea.statusCode).toBe(400);
    const second = await buildHousingArea(t.deps.db, {
      housingOrganisationId: world.organisation.id,
      municipalityId: world.municipality.id,
      name: 'Anden afdeling',
    });
    const areas = await sessions.housing_staff!.patch(url, { housingAreaIds: [second.id] });
    expect(areas.json().areas).toEqual([{ id: second.id, name: 'Anden afdeling' }]);

    const opening = await buildOpening(t.deps.db, {
      partnershipId: world.partnership.id,
      companyId: world.company.id,
      assignmentId: created.id,
    });
    expect((await sessions.housing_staff!.get(url)).json().openingCount).toBe(1);
    const refused = await sessions.housing_staff!.delete(url);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('IN_USE');
    expect(
      (await sessions.admin!.patch(`/api/openings/${opening.id}`, { assignmentId: null })).statusCode,
    ).toBe(200);
    const removed = await sessions.housing_staff!.delete(url);
    expect(removed.statusCode).toBe(200);
    expect((await sessions.housing_staff!.get(url)).statusCode).toBe(404);
    const left = await t.deps.db.select().from(jobDialogues).where(eq(jobDialogues.assignmentId, created.id));
    expect(left).toEqual([]);
  });

  it('lists the organisation’s active housing staff for reassigning and responsibility', async () => {
    const colleague = await buildUser(t.deps.db, {
      name: 'Åse Ærø',
      role: 'housing_staff',
      scopeId: world.organisation.id,
    });
    await buildUser(t.deps.db, {
      name: 'Ane Deaktiveret',
      role: 'housing_staff',
      scopeId: world.organisation.id,
      status: 'disabled',
    });
    const a = await buildAssignment(t.deps.db, {
      partnershipId: world.partnership.id,
      companyId: world.company.id,
      housingOrganisationId: world.organisation.id,
    });
    const res = await sessions.job_consultant!.get(`/api/assignments/${a.id}/staff`);
    expect(res.statusCode).toBe(200);
    const staff = res.json() as { id: string; name: string }[];
    expect(staff.map((s) => s.id)).toEqual(
      expect.arrayContaining([world.users.housing_staff.id, colleague.id]),
    );
    expect(staff.map((s) => s.name)).not.toContain('Ane Deaktiveret');
    expect(staff.at(-1)!.name).toBe('Åse Ærø');
  });

  it('documents the routes in OpenAPI under their Danish tags', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/assignments'].post.tags).toEqual(['Opgaver']);
    expect(doc.paths['/api/assignments/{id}/staff'].get.tags).toEqual(['Opgaver']);
    expect(doc.paths['/api/job-dialogues/{id}/outcome'].post.requestBody).toBeDefined();
    expect(doc.paths['/api/job-dialogues/{id}/opening-draft'].get.tags).toEqual(['Jobdialoger']);
    expect(doc.paths['/api/social-clauses/{id}'].patch.tags).toEqual(['Sociale klausuler']);
  });
});
