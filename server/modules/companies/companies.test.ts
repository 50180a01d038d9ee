import { auditEvents, companyStatusChanges, memberships } from '@server/db/schema/index.ts';
import {
  buildCompany,
  buildPartnership,
  buildPartnershipWorld,
  buildUser,
  nextCvr,
  TEST_PASSWORD,
} from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;

let t: TTestApp;
let world: TWorld;
let other: TWorld;
let admin: TestSession;
let staff: TestSession;

async function sessionFor(email: string): Promise<TestSession> {
  const s = new TestSession(t.app);
  expect((await s.login(email, TEST_PASSWORD)).statusCode).toBe(200);
  return s;
}

beforeAll(async () => {
  t = await createTestApp();
  world = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  admin = await sessionFor((await buildUser(t.deps.db, { role: 'admin' })).email);
  staff = await sessionFor(world.users.housing_staff.email);
});
afterAll(async () => t.close());

describe('companies', () => {
  it('housing staff create a company in their partnership, with its first status in the history', async () => {
    const cvr = nextCvr();
    const res = await staff.post('/api/companies', {
      cvr,
      name: 'Fiktiv Tømrer ApS',
      postalCode: '8800',
      city: 'Viborg',
      sizeBand: '10-49',
      website: 'https://tømrer.example',
      // Ignored for non-admins: staff's companies go to their own partnership.
      partnershipIds: [other.partnership.id],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      cvr,
      name: 'Fiktiv Tømrer ApS',
      status: 'prospect',
      contacts: [],
      notes: [],
    });
    expect(body.partnerships).toEqual([{ id: world.partnership.id, name: world.partnership.name }]);
    expect(body.statusHistory).toHaveLength(1);
    expect(body.statusHistory[0]).toMatchObject({ fromStatus: null, toStatus: 'prospect' });
    const [event] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'create'), eq(auditEvents.entityId, body.id)));
    expect(event).toMatchObject({ entityType: 'company' });
  });

  it('answers a bad CVR with a Danish field error and a duplicate CVR with 409, storing nothing', async () => {
    const before = (await admin.get('/api/companies')).json().total;
    const bad = await admin.post('/api/companies', { cvr: '12345678', name: 'Forkert', postalCode: '88' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.cvr).toBe('Ugyldigt CVR-nummer (8 cifre med gyldigt kontrolciffer).');
    expect(bad.json().error.fields.postalCode).toBe('Postnummer skal være 4 cifre.');
    const empty = await admin.post('/api/companies', { name: 'Uden CVR' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toHaveProperty('cvr');
    const dup = await admin.post('/api/companies', { cvr: world.company.cvr, name: 'Dublet' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields.cvr).toBe('Der findes allerede en virksomhed med dette CVR-nummer.');
    expect((await admin.get('/api/companies')).json().total).toBe(before);
  });

  it('searches name, CVR and city case-insensitively, sorts with Danish collation and pages both ways', async () => {
    const p = await buildPartnership(t.deps.db);
    for (const [name, city] of [
      ['Åbyhøj Maler', 'Randers'],
      ['Ærø VVS', 'Silkeborg'],
      ['Zebra Rengøring', 'Viborg'],
      ['Østjysk El', 'Randers'],
      ['Aalborg Anlæg', 'Randers'],
    ] as const) {
      await buildCompany(t.deps.db, { name, city, partnershipIds: [p.id] });
    }
    const sorted = await admin.get(`/api/companies?partnershipId=${p.id}&sort=name`);
    expect(sorted.json().items.map((c: { name: string }) => c.name)).toEqual([
      'Zebra Rengøring',
      'Ærø VVS',
      'Østjysk El',
      // "Aa" sorts as "Å": Åb… before Åa-l…
      'Åbyhøj Maler',
      'Aalborg Anlæg',
    ]);
    const byCity = await admin.get(`/api/companies?partnershipId=${p.id}&q=RANDERS`);
    expect(byCity.json().total).toBe(3);
    const byName = await admin.get(`/api/companies?q=%C3%A6r%C3%B8%20vvs`);
    expect(byName.json().items.map((c: { name: string }) => c.name)).toEqual(['Ærø VVS']);
    const cvr = byName.json().items[0].cvr as string;
    expect((await admin.get(`/api/companies?q=${cvr}`)).json().total).toBe(1);

    const range = await admin.get(`/api/companies?partnershipId=${p.id}&sort=name&limit=2&offset=2`);
    expect(range.json()).toMatchObject({ total: 5, limit: 2, offset: 2, page: 2, pageSize: 2 });
    expect(range.json().items.map((c: { name: string }) => c.name)).toEqual(['Østjysk El', 'Åbyhøj Maler']);
    const paged = await admin.get(
      `/api/companies?partnershipId=${p.id}&sort=name&dir=desc&pageSize=2&page=3`,
    );
    expect(paged.json().items.map((c: { name: string }) => c.name)).toEqual(['Zebra Rengøring']);
    const beyond = await admin.get(`/api/companies?partnershipId=${p.id}&offset=50`);
    expect(beyond.json()).toMatchObject({ items: [], total: 5 });
    expect((await admin.get('/api/companies?sort=password')).statusCode).toBe(400);
    expect((await admin.get('/api/companies?status=maybe')).statusCode).toBe(400);
  });

  it('filters lists to the actor: staff see their partnership, a company contact its own company', async () => {
    const mine = (await staff.get('/api/companies?pageSize=200')).json();
    expect(mine.items.length).toBeGreaterThan(0);
    for (const c of mine.items) {
      expect(c.partnerships.map((p: { id: string }) => p.id)).toContain(world.partnership.id);
    }
    const jc = await sessionFor(world.users.job_consultant.email);
    const jcIds = (await jc.get('/api/companies?pageSize=200')).json().items.map((c: { id: string }) => c.id);
    expect(jcIds).toContain(world.company.id);
    expect(jcIds).not.toContain(other.company.id);
    const contact = await sessionFor(world.users.company_contact.email);
    const own = (await contact.get('/api/companies')).json();
    expect(own.items.map((c: { id: string }) => c.id)).toEqual([world.company.id]);
    // A company contact's login shows its company's name as scope.
    const me = (await contact.get('/api/me')).json();
    expect(me.memberships[0].scopeName).toBe(world.company.name);
  });

  it('records each status change with who and why, and refuses a same-status change', async () => {
    const company = await buildCompany(t.deps.db, { partnershipIds: [world.partnership.id] });
    const res = await staff.post(`/api/companies/${company.id}/status`, {
      status: 'contacted',
      note: 'Første møde aftalt.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('contacted');
    expect(res.json().statusHistory[0]).toMatchObject({
      fromStatus: 'prospect',
      toStatus: 'contacted',
      note: 'Første møde aftalt.',
      changedByName: world.users.housing_staff.name,
    });
    const same = await staff.post(`/api/companies/${company.id}/status`, { status: 'contacted' });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.fields.status).toBe('Virksomheden har allerede denne status.');
    const bad = await staff.post(`/api/companies/${company.id}/status`, { status: 'married' });
    expect(bad.statusCode).toBe(400);
    const rows = await t.deps.db
      .select()
      .from(companyStatusChanges)
      .where(eq(companyStatusChanges.companyId, company.id));
    expect(rows).toHaveLength(1);
  });

  it('manages contacts (phone normalised to +45), audit-logs reads of the company page', async () => {
    const company = await buildCompany(t.deps.db, { partnershipIds: [world.partnership.id] });
    const add = await staff.post(`/api/companies/${company.id}/contacts`, {
      name: 'Karin Kontakt',
      title: 'Værkfører',
      email: 'Karin@Example.dk',
      phone: '20 30 40 50',
    });
    expect(add.statusCode).toBe(201);
    expect(add.json()).toMatchObject({ email: 'karin@example.dk', phone: '+4520304050' });
    const bad = await staff.post(`/api/companies/${company.id}/contacts`, { name: '', phone: '123' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.phone).toContain('8 cifre');
    const contactId = add.json().id as string;
    const upd = await staff.patch(`/api/companies/${company.id}/contacts/${contactId}`, {
      name: 'Karin Kontakt',
      title: 'Projektleder',
    });
    expect(upd.json()).toMatchObject({ title: 'Projektleder', phone: null });
    // A contact id of another company is not found through this company.
    const wrong = await admin.delete(`/api/companies/${world.company.id}/contacts/${contactId}`);
    expect(wrong.statusCode).toBe(404);

    const page = await staff.get(`/api/companies/${company.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.json().contacts.map((c: { name: string }) => c.name)).toEqual(['Karin Kontakt']);
    const reads = await t.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'read'),
          eq(auditEvents.entityType, 'company'),
          eq(auditEvents.entityId, company.id),
        ),
      );
    expect(reads).toHaveLength(1);
    expect((await staff.delete(`/api/companies/${company.id}/contacts/${contactId}`)).statusCode).toBe(200);
  });

  it('keeps notes and history from a company contact, who may still edit its own facts', async () => {
    await staff.post(`/api/companies/${world.company.id}/notes`, { text: 'Intern note om prisen.' });
    const contact = await sessionFor(world.users.company_contact.email);
    const page = (await contact.get(`/api/companies/${world.company.id}`)).json();
    expect(page.notes).toEqual([]);
    expect(page.statusHistory).toEqual([]);
    expect((await contact.post(`/api/companies/${world.company.id}/notes`, { text: 'x' })).statusCode).toBe(
      403,
    );
    expect(
      (await contact.post(`/api/companies/${world.company.id}/status`, { status: 'ended' })).statusCode,
    ).toBe(403);
    const edit = await contact.patch(`/api/companies/${world.company.id}`, { website: 'www.eksempel.dk' });
    expect(edit.statusCode).toBe(400);
    const ok = await contact.patch(`/api/companies/${world.company.id}`, { website: 'https://eksempel.dk' });
    expect(ok.statusCode).toBe(200);
    const move = await contact.patch(`/api/companies/${world.company.id}`, {
      partnershipIds: [other.partnership.id],
    });
    expect(move.statusCode).toBe(400);
    const staffPage = (await staff.get(`/api/companies/${world.company.id}`)).json();
    expect(staffPage.notes[0]).toMatchObject({
      text: 'Intern note om prisen.',
      authorName: world.users.housing_staff.name,
    });
  });

  it('lets only admins delete, with 409 IN_USE while a company contact belongs to the company', async () => {
    const company = await buildCompany(t.deps.db, { partnershipIds: [world.partnership.id] });
    expect((await staff.delete(`/api/companies/${company.id}`)).statusCode).toBe(403);
    const user = await buildUser(t.deps.db, { role: 'company_contact', scopeId: company.id });
    const inUse = await admin.delete(`/api/companies/${company.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe('IN_USE');
    await t.deps.db.delete(memberships).where(eq(memberships.userId, user.id));
    expect((await admin.delete(`/api/companies/${company.id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/companies/${company.id}`)).statusCode).toBe(404);
  });

  it('lets admins link a company contact login to a company', async () => {
    const user = await buildUser(t.deps.db);
    const res = await admin.post(`/api/users/${user.id}/memberships`, {
      role: 'company_contact',
      scopeId: other.company.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ scopeName: other.company.name });
  });
});
