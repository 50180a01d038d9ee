import { auditEvents, steeringGroupMembers, steeringGroups } from '@server/db/schema/index.ts';
import { buildPartnershipWorld, buildUser, TEST_PASSWORD } from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Steering groups through the API, on a real PostgreSQL: the secretariat sets a group up per
// partnership and decides who sits in it; the group keeps its name and mandate; all staff read.

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;

let t: TTestApp;
let w: TWorld;
let other: TWorld;
let admin: TestSession;
let steering: TestSession;
let otherSteering: TestSession;
let housing: TestSession;
let company: TestSession;
let groupId: string;

async function session(email: string) {
  const s = new TestSession(t.app);
  expect((await s.login(email, TEST_PASSWORD)).statusCode).toBe(200);
  return s;
}

const put = (s: TestSession, url: string, payload: object) => s.request({ method: 'PUT', url, payload });

beforeAll(async () => {
  t = await createTestApp();
  w = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  admin = await session(w.users.admin.email);
  steering = await session(w.users.steering.email);
  otherSteering = await session(other.users.steering.email);
  housing = await session(w.users.housing_staff.email);
  company = await session(w.users.company_contact.email);
});

afterAll(async () => {
  await t?.close();
});

describe('setting up a steering group', () => {
  it("is the secretariat's: the steering role itself may not, and the refusal is audit-logged", async () => {
    const res = await steering.post('/api/steering-groups', {
      partnershipId: w.partnership.id,
      name: 'Egen gruppe',
    });
    expect(res.statusCode).toBe(403);
    expect(await t.deps.db.select().from(steeringGroups)).toHaveLength(0);
    const denied = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'denied'), eq(auditEvents.userId, w.users.steering.id)));
    expect(denied.some((d) => d.entityType === 'steering_group')).toBe(true);
  });

  it('creates one group per partnership, and refuses a second with a Danish 409', async () => {
    const res = await admin.post('/api/steering-groups', {
      partnershipId: w.partnership.id,
      name: 'Styregruppen for Partnerskab om job – Testby',
      mandate: 'Sætter mål og rammer for jobskabelsen.',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      partnershipId: w.partnership.id,
      partnershipName: w.partnership.name,
      mandate: 'Sætter mål og rammer for jobskabelsen.',
      members: [],
      areas: [{ id: w.area.id, name: w.area.name }],
    });
    groupId = res.json().id;
    const again = await admin.post('/api/steering-groups', {
      partnershipId: w.partnership.id,
      name: 'Nummer to',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(`${w.partnership.name} har allerede en styregruppe.`);
    const missing = await admin.post('/api/steering-groups', { partnershipId: w.partnership.id, name: '  ' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.name).toBe('Skal udfyldes.');
    const audit = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'steering_group'), eq(auditEvents.action, 'create')));
    expect(audit.map((a) => a.entityId)).toEqual([groupId]);
  });
});

describe('members', () => {
  it('are users with the steering role in the partnership, each with a title', async () => {
    const second = await buildUser(t.deps.db, {
      role: 'steering',
      scopeId: w.partnership.id,
      name: 'Karen Zacho',
    });
    const res = await put(admin, `/api/steering-groups/${groupId}/members`, {
      members: [
        { userId: w.users.steering.id, title: 'Formand' },
        { userId: second.id, title: null },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().members).toEqual([
      { userId: w.users.steering.id, name: w.users.steering.name, title: 'Formand', role: 'steering' },
      { userId: second.id, name: 'Karen Zacho', title: null, role: 'steering' },
    ]);
    // Housing staff read the group with its members.
    const read = await housing.get(`/api/steering-groups/${groupId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().members).toHaveLength(2);
  });

  it('refuses a user without the steering role there, naming the person, and keeps the list as it was', async () => {
    const res = await put(admin, `/api/steering-groups/${groupId}/members`, {
      members: [
        { userId: w.users.steering.id, title: 'Formand' },
        { userId: w.users.housing_staff.id, title: 'Menigt medlem' },
        { userId: other.users.steering.id, title: null },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      'members.1.userId': `${w.users.housing_staff.name} har ikke rollen styregruppe i ${w.partnership.name} og kan derfor ikke være medlem.`,
      'members.2.userId': `${other.users.steering.name} har ikke rollen styregruppe i ${w.partnership.name} og kan derfor ikke være medlem.`,
    });
    expect(res.json().error.message).toContain(w.users.housing_staff.name);
    const unknown = await put(admin, `/api/steering-groups/${groupId}/members`, {
      members: [{ userId: '00000000-0000-4000-8000-000000000000', title: null }],
    });
    expect(unknown.json().error.fields['members.0.userId']).toBe('Brugeren findes ikke.');
    const stored = await t.deps.db
      .select()
      .from(steeringGroupMembers)
      .where(eq(steeringGroupMembers.steeringGroupId, groupId));
    expect(stored).toHaveLength(2);
  });

  it("are the secretariat's to change, not the steering group's own", async () => {
    const res = await put(steering, `/api/steering-groups/${groupId}/members`, { members: [] });
    expect(res.statusCode).toBe(403);
  });
});

describe('name and mandate', () => {
  it("are kept by the partnership's steering group, not another partnership's", async () => {
    const res = await put(steering, `/api/steering-groups/${groupId}`, {
      name: 'Styregruppen – Testby',
      mandate: 'Sætter mål og rammer for jobskabelsen i hovedprojektet.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Styregruppen – Testby', memberCount: 2 });
    const foreign = await put(otherSteering, `/api/steering-groups/${groupId}`, {
      name: 'Overtaget',
      mandate: null,
    });
    expect(foreign.statusCode).toBe(403);
    expect(
      (await put(housing, `/api/steering-groups/${groupId}`, { name: 'X', mandate: null })).statusCode,
    ).toBe(403);
    const [row] = await t.deps.db.select().from(steeringGroups).where(eq(steeringGroups.id, groupId));
    expect(row!.name).toBe('Styregruppen – Testby');
  });
});

describe('GET /api/steering-groups', () => {
  it('lists the groups for all staff, searchable and with the member count, and not for a company', async () => {
    await admin.post('/api/steering-groups', {
      partnershipId: other.partnership.id,
      name: 'Styregruppen – Andenby',
    });
    const all = await otherSteering.get('/api/steering-groups?sort=name');
    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((g: { name: string }) => g.name)).toEqual([
      'Styregruppen – Andenby',
      'Styregruppen – Testby',
    ]);
    const found = await housing.get(`/api/steering-groups?q=${encodeURIComponent('testby')}`);
    expect(found.json()).toMatchObject({ total: 1, items: [{ id: groupId, memberCount: 2 }] });
    const byPartnership = await housing.get(`/api/steering-groups?partnershipId=${other.partnership.id}`);
    expect(byPartnership.json().items.map((g: { name: string }) => g.name)).toEqual([
      'Styregruppen – Andenby',
    ]);
    expect((await company.get('/api/steering-groups')).statusCode).toBe(403);
    expect((await company.get(`/api/steering-groups/${groupId}`)).statusCode).toBe(403);
  });

  it('answers an unknown group with 404 and a Danish message', async () => {
    const res = await housing.get('/api/steering-groups/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Styregruppen findes ikke.');
  });
});
