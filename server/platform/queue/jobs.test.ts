import { invitations, loginAttempts, mailOutbox, notifications, sessions } from '@server/db/schema/index.ts';
import { createNotificationsService } from '@server/modules/notifications/notifications.service.ts';
import { buildUser, TEST_PASSWORD } from '@server/test/factories.ts';
import { createTestApp, TestSession } from '@server/test/setup.ts';
import { expect, it } from 'vitest';
import { purgeExpiredData } from './jobs.ts';

it('purges what has outlived its retention and keeps the rest', async () => {
  const t = await createTestApp({ start: '2026-01-01T08:00:00Z' });
  const user = await buildUser(t.deps.db, { role: 'admin' });
  await new TestSession(t.app).login(user.email, TEST_PASSWORD);
  await new TestSession(t.app).login(user.email, 'forkert');
  const service = createNotificationsService(t.deps);
  await t.deps.db.transaction((tx) =>
    service.notify(tx, {
      recipientIds: [user.id],
      params: { kind: 'generic', title: 'Gammel', body: 'x' },
      link: null,
    }),
  );
  const count = async () => ({
    sessions: (await t.deps.db.select().from(sessions)).length,
    attempts: (await t.deps.db.select().from(loginAttempts)).length,
    notifications: (await t.deps.db.select().from(notifications)).length,
    mails: (await t.deps.db.select().from(mailOutbox)).length,
    invitations: (await t.deps.db.select().from(invitations)).length,
  });
  await purgeExpiredData(t.deps);
  expect(await count()).toEqual({ sessions: 1, attempts: 2, notifications: 1, mails: 1, invitations: 0 });

  t.clock.advance(366 * 24 * 3600_000);
  await t.deps.db.transaction((tx) =>
    service.notify(tx, {
      recipientIds: [user.id],
      params: { kind: 'generic', title: 'Ny', body: 'y' },
      link: null,
    }),
  );
  await purgeExpiredData(t.deps);
  expect(await count()).toEqual({ sessions: 0, attempts: 0, notifications: 1, mails: 1, invitations: 0 });
  await t.close();
});
