import { auditEvents } from '@server/db/schema/index.ts';
import { DEMO_PASSWORD } from '@server/modules/demo/demo-data.ts';
import { hashPassword } from '@server/platform/auth/passwords.ts';
import { buildUser, TEST_PASSWORD } from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-24T08:00:00Z' });
});
afterAll(async () => t.close());

const MINUTE = 60_000;

async function auditActions(userId: string) {
  const rows = await t.deps.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.userId, userId))
    .orderBy(desc(auditEvents.id));
  return rows.map((r) => r.action);
}

describe('login', () => {
  it('logs in, sets an HttpOnly SameSite=Lax cookie, returns /api/me with a CSRF token', async () => {
    const user = await buildUser(t.deps.db, { role: 'admin', name: 'Åse Ærø' });
    const s = new TestSession(t.app);
    const res = await s.login(user.email.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'jobbro_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json()).toMatchObject({ user: { email: user.email, name: 'Åse Ærø' }, roles: ['admin'] });
    const me = await s.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(s.csrfToken);
    expect(await auditActions(user.id)).toContain('login');
  });

  it('refuses a wrong password with a Danish message and logs the failure', async () => {
    const user = await buildUser(t.deps.db, { role: 'admin' });
    const res = await new TestSession(t.app).login(user.email, 'forkert-adgangskode');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: 'Forkert e-mail eller adgangskode.',
    });
    expect(await auditActions(user.id)).toContain('login_failed');
  });

  it('answers 400 with field paths for a malformed login', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ikke-en-mail' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.json().error.fields)).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('rejects a state-changing request without the CSRF token', async () => {
    const user = await buildUser(t.deps.db, { role: 'admin' });
    const s = new TestSession(t.app);
    await s.login(user.email, TEST_PASSWORD);
    const res = await s.request({ method: 'POST', url: '/api/auth/logout', csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
  });

  it('refuses a disabled account even with the right password', async () => {
    const user = await buildUser(t.deps.db, { role: 'admin', status: 'disabled' });
    const res = await new TestSession(t.app).login(user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ACCOUNT_DISABLED');
  });
});

describe('behind https', () => {
  it('sets a Secure cookie with the __Host- prefix', async () => {
    const secure = await createTestApp({
      config: { secureCookies: true, publicUrl: 'https://jobbro.example.dk' },
    });
    const user = await buildUser(secure.deps.db, { role: 'admin' });
    const res = await secure.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === '__Host-jobbro_session')!;
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, path: '/', sameSite: 'Lax' });
    expect(cookie).not.toHaveProperty('domain');
    const me = await secure.app.inject({
      method: 'GET',
      url: '/api/me',
      cookies: { '__Host-jobbro_session': cookie.value },
    });
    expect(me.statusCode).toBe(200);
    await secure.close();
  });
});

describe('demo password', () => {
  it('is refused outside demo mode and accepted in it', async () => {
    const user = await buildUser(t.deps.db, {
      role: 'admin',
      passwordHash: await hashPassword(DEMO_PASSWORD),
    });
    expect((await new TestSession(t.app).login(user.email, DEMO_PASSWORD)).statusCode).toBe(401);
    const demo = await createTestApp({ config: { demo: true } });
    const demoUser = await buildUser(demo.deps.db, {
      role: 'admin',
      passwordHash: await hashPassword(DEMO_PASSWORD),
    });
    expect((await new TestSession(demo.app).login(demoUser.email, DEMO_PASSWORD)).statusCode).toBe(200);
    await demo.close();
  });
});

describe('rate limit', () => {
  it('allows 5 failed attempts per account, answers the 6th with 429, and opens again after the window', async () => {
    const user = await buildUser(t.deps.db, { role: 'admin' });
    const s = new TestSession(t.app);
    for (let i = 0; i < 5; i++) expect((await s.login(user.email, `forkert-${i}`)).statusCode).toBe(401);
    const limited = await s.login(user.email, TEST_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.message).toBe('For mange loginforsøg. Vent et øjeblik, og prøv igen.');
    t.clock.advance(15 * MINUTE);
    expect((await s.login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('limits attempts per IP across accounts', async () => {
    const ip = '203.0.113.7';
    const attempt = (email: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: ip,
        payload: { email, password: 'x' },
      });
    for (let i = 0; i < 30; i++) expect((await attempt(`ukendt${i}@jobbro.test`)).statusCode).toBe(401);
    expect((await attempt('endnu-en@jobbro.test')).statusCode).toBe(429);
    t.clock.advance(15 * MINUTE);
    expect((await attempt('endnu-en@jobbro.test')).statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('ends a session after 30 idle minutes', async () => {
    const user = await buildUser(t.deps.db, { role: 'admin' });
    const s = new TestSession(t.app);
    await s.login(user.email, TEST_PASSWORD);
    t.clock.advance(29 * MINUTE);
    expect((await s.get('/api/me')).statusCode).toBe(200);
    t.clock.advance(29 * MINUTE);
    expect((await s.get('/api/me')).statusCode).toBe(200);
    t.clock.advance(31 * MINUTE);
    const res = await s.get('/api/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('ends an active session after 12 hours regardless of activity', async () => {
    const user = await buildUser(t.deps.db, { role: 'admin' });
    const s = new TestSession(t.app);
    await s.login(user.email, TEST_PASSWORD);
    for (let i = 0; i < 35; i++) {
      t.clock.advance(20 * MINUTE);
      expect((await s.get('/api/me')).statusCode).toBe(200);
    }
    t.clock.advance(61 * MINUTE - MINUTE); // 12 h 0 min since login: still inside
    t.clock.advance(2 * MINUTE);
    expect((await s.get('/api/me')).statusCode).toBe(401);
  });

  it('logout invalidates the session on the server', async () => {
    const user = await buildUser(t.deps.db, { role: 'admin' });
    const s = new TestSession(t.app);
    await s.login(user.email, TEST_PASSWORD);
    const oldCookie = s.cookie;
    expect((await s.post('/api/auth/logout')).statusCode).toBe(200);
    const replay = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: oldCookie } });
    expect(replay.statusCode).toBe(401);
    expect(await auditActions(user.id)).toContain('logout');
  });

  it('disabling a user ends their sessions at once', async () => {
    const admin = await buildUser(t.deps.db, { role: 'admin' });
    const target = await buildUser(t.deps.db, { role: 'admin' });
    const a = new TestSession(t.app);
    const b = new TestSession(t.app);
    await a.login(admin.email, TEST_PASSWORD);
    await b.login(target.email, TEST_PASSWORD);
    expect((await a.patch(`/api/users/${target.id}`, { status: 'disabled' })).statusCode).toBe(200);
    expect((await b.get('/api/me')).statusCode).toBe(401);
  });
});

describe('password change', () => {
  it('requires the current password, refuses weak ones, and ends the session', async () => {
    const user = await buildUser(t.deps.db, { role: 'company_contact' });
    const s = new TestSession(t.app);
    await s.login(user.email, TEST_PASSWORD);
    const wrong = await s.post('/api/auth/password', {
      currentPassword: 'nej',
      newPassword: 'EnHeltNyOgLangKode-1',
    });
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');
    const short = await s.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'kort' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields.newPassword).toContain('mindst 12 tegn');
    const common = await s.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'qwerty123456',
    });
    expect(common.json().error.code).toBe('PASSWORD_TOO_WEAK');
    const ok = await s.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'EnHeltNyOgLangKode-1',
    });
    expect(ok.statusCode).toBe(200);
    expect((await s.get('/api/me')).statusCode).toBe(401);
    expect((await new TestSession(t.app).login(user.email, 'EnHeltNyOgLangKode-1')).statusCode).toBe(200);
  });
});
