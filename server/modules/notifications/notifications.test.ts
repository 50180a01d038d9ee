import { mailOutbox, notifications } from '@server/db/schema/index.ts';
import { buildUser, TEST_PASSWORD } from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { startSmtpReceiver, type TSmtpReceiver } from '@server/test/smtp.ts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotificationsService } from './notifications.service.ts';

let smtp: TSmtpReceiver;
let t: TTestApp;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  t = await createTestApp({ config: { smtpUrl: smtp.url }, queueWorker: true });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const opening = {
  kind: 'opening_referred' as const,
  openingTitle: 'Tømrerlærling til renovering',
  companyName: 'Fiktiv Byg ApS',
  openingTypeLabel: 'Lærlingeplads',
  positions: 2,
  workplace: '8800 Viborg',
  startDate: '2027-01-04',
};

describe('notifications', () => {
  it('notifies each recipient in-app and by e-mail in Danish, and only them', async () => {
    const consultant = await buildUser(t.deps.db, { role: 'company_contact', email: 'jk@jobbro.test' });
    const worker = await buildUser(t.deps.db, {
      role: 'company_contact',
      email: 'bs@jobbro.test',
      locale: 'da',
    });
    const bystander = await buildUser(t.deps.db, { role: 'company_contact' });
    const service = createNotificationsService(t.deps);
    const pending = await t.deps.db.transaction((tx) =>
      service.notify(tx, {
        recipientIds: [consultant.id, worker.id, consultant.id],
        params: opening,
        link: '/openings/abc',
      }),
    );
    expect(pending.mailIds).toHaveLength(2);
    await service.dispatch(pending);

    const mail = await smtp.waitFor((m) => m.to === 'jk@jobbro.test');
    expect(mail.subject).toBe('Jobbro: Ny jobåbning: Tømrerlærling til renovering');
    expect(mail.text).toContain('Antal stillinger: 2');
    expect(mail.text).toContain('Start: 04.01.2027');
    expect(mail.text).toContain('http://jobbro.test/openings/abc');
    await smtp.waitFor((m) => m.to === 'bs@jobbro.test');

    const s = new TestSession(t.app);
    await s.login(consultant.email, TEST_PASSWORD);
    expect((await s.get('/api/notifications/unread-count')).json()).toEqual({ count: 1 });
    const list = (await s.get('/api/notifications')).json();
    expect(list.items[0]).toMatchObject({
      title: 'Ny jobåbning: Tømrerlærling til renovering',
      link: '/openings/abc',
      readAt: null,
    });

    const other = new TestSession(t.app);
    await other.login(bystander.email, TEST_PASSWORD);
    expect((await other.get('/api/notifications')).json().total).toBe(0);
    // Someone else's notification is not found, not merely forbidden.
    expect((await other.post(`/api/notifications/${list.items[0].id}/read`)).statusCode).toBe(404);

    const read = await s.post(`/api/notifications/${list.items[0].id}/read`);
    expect(read.json().readAt).toBe(t.clock.now().toISOString());
    expect((await s.get('/api/notifications/unread-count')).json()).toEqual({ count: 0 });
    expect((await s.get('/api/notifications?unread=true')).json().total).toBe(0);
  });

  it('renders English for users who chose English', async () => {
    const user = await buildUser(t.deps.db, { email: 'en@jobbro.test', locale: 'en' });
    const service = createNotificationsService(t.deps);
    await service.dispatch(
      await t.deps.db.transaction((tx) =>
        service.notify(tx, { recipientIds: [user.id], params: opening, link: null }),
      ),
    );
    const mail = await smtp.waitFor((m) => m.to === 'en@jobbro.test');
    expect(mail.subject).toBe('Jobbro: New opening: Tømrerlærling til renovering');
  });

  it('notifies nobody when the surrounding transaction rolls back', async () => {
    const user = await buildUser(t.deps.db, { email: 'rollback@jobbro.test' });
    const service = createNotificationsService(t.deps);
    await expect(
      t.deps.db.transaction(async (tx) => {
        await service.notify(tx, { recipientIds: [user.id], params: opening, link: null });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.deps.db.select().from(notifications).where(eq(notifications.userId, user.id))).toEqual([]);
    expect(
      await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'rollback@jobbro.test')),
    ).toEqual([]);
  });

  it('retries after an SMTP failure and sends exactly once', async () => {
    const user = await buildUser(t.deps.db, { email: 'retry@jobbro.test' });
    const service = createNotificationsService(t.deps);
    smtp.failNext(1);
    await service.dispatch(
      await t.deps.db.transaction((tx) =>
        service.notify(tx, { recipientIds: [user.id], params: opening, link: null }),
      ),
    );
    await smtp.waitFor((m) => m.to === 'retry@jobbro.test', 90_000);
    const [row] = await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'retry@jobbro.test'));
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    await new Promise((r) => setTimeout(r, 3_000));
    expect(smtp.received.filter((m) => m.to === 'retry@jobbro.test')).toHaveLength(1);
  }, 120_000);

  it('marks all read', async () => {
    const user = await buildUser(t.deps.db, { role: 'company_contact' });
    const service = createNotificationsService(t.deps);
    await t.deps.db.transaction((tx) =>
      service.notify(tx, {
        recipientIds: [user.id],
        params: { kind: 'generic', title: 'A', body: 'a' },
        link: null,
        email: false,
      }),
    );
    await t.deps.db.transaction((tx) =>
      service.notify(tx, {
        recipientIds: [user.id],
        params: { kind: 'generic', title: 'B', body: 'b' },
        link: null,
        email: false,
      }),
    );
    const s = new TestSession(t.app);
    await s.login(user.email, TEST_PASSWORD);
    expect((await s.post('/api/notifications/read-all')).json()).toEqual({ updated: 2 });
    expect((await s.get('/api/notifications/unread-count')).json()).toEqual({ count: 0 });
  });
});
