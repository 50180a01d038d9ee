import { buildUser, TEST_PASSWORD } from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TTestApp;
let admin: TestSession;
let adminId: string;
beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-24T10:00:00Z' });
  const user = await buildUser(t.deps.db, { role: 'admin' });
  adminId = user.id;
  admin = new TestSession(t.app);
  await admin.login(user.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

describe('audit log', () => {
  it('is append-only: the database rejects UPDATE, DELETE and TRUNCATE', async () => {
    const count = async () =>
      Number((await t.deps.pool.query('select count(*) from audit_events')).rows[0].count);
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await expect(t.deps.pool.query(`update audit_events set action = 'read'`)).rejects.toThrow(
      /append-only \(UPDATE/,
    );
    await expect(t.deps.pool.query('delete from audit_events')).rejects.toThrow(/append-only \(DELETE/);
    await expect(t.deps.pool.query('truncate audit_events')).rejects.toThrow(/append-only \(TRUNCATE/);
    expect(await count()).toBe(before);
  });

  it('shows logins, failed logins and denials, filtered by action and day', async () => {
    const victim = await buildUser(t.deps.db, { role: 'company_contact' });
    await new TestSession(t.app).login(victim.email, 'forkert-kode');
    const s = new TestSession(t.app);
    await s.login(victim.email, TEST_PASSWORD);
    await s.get('/api/users');

    const failed = await admin.get(`/api/audit-events?action=login_failed&userId=${victim.id}`);
    expect(failed.json().items).toHaveLength(1);
    expect(failed.json().items[0]).toMatchObject({
      action: 'login_failed',
      userEmail: victim.email,
      details: { reason: 'wrong_password' },
    });
    const denied = await admin.get(`/api/audit-events?action=denied&userId=${victim.id}`);
    expect(denied.json().items[0]).toMatchObject({ entityType: 'user', requestId: expect.any(String) });
    const logins = await admin.get(`/api/audit-events?action=login&userId=${victim.id}`);
    expect(logins.json().total).toBe(1);

    // Copenhagen days: 24.11.2026 includes the events, 25.11.2026 does not.
    expect(
      (await admin.get(`/api/audit-events?userId=${victim.id}&from=2026-11-24&to=2026-11-24`)).json().total,
    ).toBe(3);
    expect((await admin.get(`/api/audit-events?userId=${victim.id}&from=2026-11-25`)).json().total).toBe(0);
  });

  it('exports the filtered log as CSV and logs the export', async () => {
    const res = await admin.get('/api/audit-events/export.csv?action=login');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('jobbro-logning-2026-11-24.csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'id,tidspunkt_utc,bruger_id,bruger_email,handling,objekttype,objekt_id,request_id,ip,detaljer',
    );
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.includes(',login,'))).toBe(true);
    const exports = await admin.get(`/api/audit-events?action=export&userId=${adminId}`);
    const lookups = await admin.get(`/api/audit-events?action=search&entityType=audit_log&userId=${adminId}`);
    expect(lookups.json().total).toBeGreaterThan(0);
    expect(exports.json().items[0].details).toEqual({ criteria: { action: 'login' } });
  });

  it('rejects a malformed day filter with a field error', async () => {
    const res = await admin.get('/api/audit-events?from=24.11.2026');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('from');
  });
});
