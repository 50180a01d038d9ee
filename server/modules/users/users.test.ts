import { auditEvents, mailOutbox } from '@server/db/schema/index.ts';
import { buildHousingOrganisation, buildUser, TEST_PASSWORD } from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { startSmtpReceiver, type TSmtpReceiver } from '@server/test/smtp.ts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Invitations go over real SMTP to a real local receiver, through the pg-boss queue.
let smtp: TSmtpReceiver;
let t: TTestApp;
let admin: TestSession;
let adminId: string;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  t = await createTestApp({ config: { smtpUrl: smtp.url }, queueWorker: true });
  const user = await buildUser(t.deps.db, { role: 'admin' });
  adminId = user.id;
  admin = new TestSession(t.app);
  await admin.login(user.email, TEST_PASSWORD);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const tokenIn = (mail: { text: string }) => mail.text.match(/\/invitation\/([A-Za-z0-9_-]{40,})/)![1]!;

describe('invitations', () => {
  it('invites a user by e-mail; the link sets a password and the user can log in', async () => {
    const org = await buildHousingOrganisation(t.deps.db);
    const res = await admin.post('/api/users', {
      email: 'Ny.Kollega@Boligviborg.dk',
      name: 'Ny Kollega',
      memberships: [{ role: 'housing_staff', scopeId: org.id }],
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({ email: 'ny.kollega@boligviborg.dk', status: 'invited' });
    expect(user.memberships[0]).toMatchObject({ role: 'housing_staff', scopeName: org.name });

    const mail = await smtp.waitFor((m) => m.to === 'ny.kollega@boligviborg.dk');
    expect(mail.subject).toBe('Du er inviteret til Jobbro');
    const token = tokenIn(mail);
    const info = await t.app.inject({ method: 'GET', url: `/api/auth/invitations/${token}` });
    expect(info.json()).toEqual({ email: 'ny.kollega@boligviborg.dk', name: 'Ny Kollega' });

    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token, password: 'qwerty123456' },
    });
    expect(weak.json().error.code).toBe('PASSWORD_TOO_WEAK');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token, password: 'Ringparken-Rundt-2026' },
    });
    expect(ok.statusCode).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token, password: 'Ringparken-Rundt-2027' },
    });
    expect(again.json().error.code).toBe('INVITATION_INVALID');

    const login = await new TestSession(t.app).login('ny.kollega@boligviborg.dk', 'Ringparken-Rundt-2026');
    expect(login.statusCode).toBe(200);
    expect(login.json().memberships[0].scopeName).toBe(org.name);
    const [row] = await t.deps.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, 'ny.kollega@boligviborg.dk'));
    expect(row!.status).toBe('sent');
  });

  it('expires an invitation after 72 hours', async () => {
    const res = await admin.post('/api/users', {
      email: 'sen@jobbro.test',
      name: 'Sen Bruger',
      memberships: [],
    });
    expect(res.statusCode).toBe(201);
    const token = tokenIn(await smtp.waitFor((m) => m.to === 'sen@jobbro.test'));
    t.clock.advance(72 * 3600_000 + 60_000);
    const info = await t.app.inject({ method: 'GET', url: `/api/auth/invitations/${token}` });
    expect(info.statusCode).toBe(404);
    expect(info.json().error.code).toBe('INVITATION_INVALID');
    t.clock.advance(-(72 * 3600_000 + 60_000));
  });

  it('refuses a second user with the same e-mail, whatever the case', async () => {
    await buildUser(t.deps.db, { email: 'dublet@jobbro.test' });
    const res = await admin.post('/api/users', {
      email: 'DUBLET@jobbro.test',
      name: 'Dublet',
      memberships: [],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'EMAIL_TAKEN', fields: { email: expect.any(String) } });
  });

  it('requires a scope for scoped roles and refuses one for admins', async () => {
    const u = await buildUser(t.deps.db);
    const missing = await admin.post(`/api/users/${u.id}/memberships`, { role: 'job_consultant' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.scopeId).toBe('Vælg hvad rollen gælder for.');
    const org = await buildHousingOrganisation(t.deps.db);
    const wrongKind = await admin.post(`/api/users/${u.id}/memberships`, {
      role: 'job_consultant',
      scopeId: org.id,
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.fields.scopeId).toContain('findes ikke');
    const ok = await admin.post(`/api/users/${u.id}/memberships`, { role: 'company_contact' });
    expect(ok.statusCode).toBe(201);
    const del = await admin.delete(`/api/users/${u.id}/memberships/${ok.json().id}`);
    expect(del.statusCode).toBe(200);
  });
});

describe('user list', () => {
  it('searches, filters by role and audit-logs the search and each read', async () => {
    await buildUser(t.deps.db, { name: 'Ørnulf Søndergård', role: 'company_contact' });
    const res = await admin.get('/api/users?q=s%C3%B8nderg&role=company_contact');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((u: { name: string }) => u.name)).toEqual(['Ørnulf Søndergård']);
    expect(res.json().items[0]).not.toHaveProperty('passwordHash');
    const id = res.json().items[0].id;
    await admin.get(`/api/users/${id}`);
    const events = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.userId, adminId));
    expect(events.some((e) => e.action === 'search' && e.entityType === 'user')).toBe(true);
    const search = events.find((e) => e.action === 'search');
    expect(search!.details).toMatchObject({ criteria: { q: 'sønderg', role: 'company_contact' } });
    const reads = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'read'), eq(auditEvents.entityId, id)));
    expect(reads).toHaveLength(1);
  });

  it('sorts names with Danish collation (Æ, Ø, Å last)', async () => {
    for (const name of ['Åge Zoom', 'Ærling Test', 'Zenia Test', 'Østen Test'])
      await buildUser(t.deps.db, { name, role: 'company_contact' });
    const res = await admin.get('/api/users?role=company_contact&sort=name&pageSize=200');
    const names = res
      .json()
      .items.map((u: { name: string }) => u.name)
      .filter((n: string) => /^(Åge|Ærling|Zenia|Østen)/.test(n));
    expect(names).toEqual(['Zenia Test', 'Ærling Test', 'Østen Test', 'Åge Zoom']);
  });
});
