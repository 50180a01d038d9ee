import { connectDatabase } from '@server/db/client.ts';
import { followUpDigests, followUps, mailOutbox, users } from '@server/db/schema/index.ts';
import { MatchIndexService } from '@server/modules/matching/match-index.service.ts';
import { ManualClock } from '@server/platform/clock.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { Mailer } from '@server/platform/mail/mailer.ts';
import { startJobQueue, type TJobQueue } from '@server/platform/queue/job-queue.ts';
import { FOLLOW_UP_DIGEST_JOB, platformJobs, purgeExpiredData } from '@server/platform/queue/jobs.ts';
import { buildPartnershipWorld, buildUser } from '@server/test/factories.ts';
import { createTestApp, type TTestApp } from '@server/test/setup.ts';
import { startSmtpReceiver, type TReceivedMail, type TSmtpReceiver } from '@server/test/smtp.ts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFollowUpDigest, sendFollowUpDigests } from './follow-up-digest.ts';
import { hireForTest } from './follow-ups.fixtures.ts';

// The daily digest end to end: real hires make the plans, the job queue delivers to a real SMTP
// receiver, and a second set of app deps on the same database plays a restart mid-day.

let smtp: TSmtpReceiver;
let t: TTestApp;
let world: Awaited<ReturnType<typeof buildPartnershipWorld>>;

const EARLY = '2026-11-24T05:00:00Z'; // 06.00 in Copenhagen
const SEVEN = '2026-11-24T06:00:00Z'; // 07.00

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  t = await createTestApp({ config: { smtpUrl: smtp.url }, queueWorker: true, start: EARLY });
  world = await buildPartnershipWorld(t.deps.db);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const isDigest = (m: TReceivedMail) => /opfølgning|follow-up/.test(m.subject);
const digestsTo = (email: string) => smtp.received.filter((m) => m.to === email && isDigest(m));
const settle = () => new Promise((r) => setTimeout(r, 1_500));

/** Another app server's deps on the same database, as after a restart (its own pool, queue, clock). */
async function secondServer(at: string) {
  const database = connectDatabase(t.databaseUrl, 3);
  const clock = new ManualClock(at);
  const mailer = new Mailer({ smtpUrl: smtp.url, from: t.deps.config.mailFrom, clock });
  const base = {
    config: t.deps.config,
    db: database.db,
    pool: database.pool,
    clock,
    mailer,
    matchIndex: new MatchIndexService(database.db, clock),
  };
  let queue: TJobQueue | undefined;
  queue = await startJobQueue(t.databaseUrl, platformJobs({ ...base, queue: () => queue! }), {
    work: true,
    onError: () => {},
    retryDelaySeconds: 1,
  });
  const deps: TAppDeps = { ...base, queue };
  return {
    deps,
    async close() {
      await queue.stop();
      mailer.close();
      await database.close();
    },
  };
}

/** Waits until the queue has run a digest job to the end. */
async function digestJobCompleted(): Promise<void> {
  const until = Date.now() + 20_000;
  for (;;) {
    const { rows } = await t.deps.pool.query(
      `select count(*)::int as n from pgboss.job where name = $1 and state = 'completed'`,
      [FOLLOW_UP_DIGEST_JOB],
    );
    if (rows[0].n > 0) return;
    if (Date.now() > until) throw new Error('the digest job did not complete');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('the daily follow-up digest', () => {
  it('sends each consultant one digest a day from 07.00, also after a restart, and the next day again', async () => {
    const db = t.deps.db;
    const anna = world.users.job_consultant;
    const idle = await buildUser(db, { role: 'job_consultant', scopeId: world.jobcenter.id });
    const english = await buildUser(db, {
      role: 'job_consultant',
      scopeId: world.jobcenter.id,
      locale: 'en',
    });
    // Anna: one check-in a week overdue, one due today; her other check-ins lie ahead.
    const late = await hireForTest(t, world, {
      consultant: anna,
      startDate: '2026-11-10',
      title: 'Tømrerlærling',
    });
    const today = await hireForTest(t, world, {
      consultant: anna,
      startDate: '2026-11-17',
      title: 'Malerlærling',
    });
    // The idle consultant has nothing due yet; the English one has one due today.
    await hireForTest(t, world, { consultant: idle, startDate: '2026-11-24' });
    await hireForTest(t, world, { consultant: english, startDate: '2026-11-17', title: 'Elektrikerelev' });

    // Before 07.00 Danish time: nothing.
    expect(await sendFollowUpDigests(t.deps)).toBe(0);
    expect(await db.select().from(followUpDigests)).toEqual([]);

    t.clock.set(SEVEN);
    await sendFollowUpDigests(t.deps);
    await sendFollowUpDigests(t.deps);
    const mail = await smtp.waitFor((m) => m.to === anna.email && isDigest(m), 10_000);
    const english1 = await smtp.waitFor((m) => m.to === english.email && isDigest(m), 10_000);

    expect(mail.subject).toBe('Jobbro: 2 opfølgninger venter på dig');
    expect(mail.text).toContain('Forsinket (1):');
    expect(mail.text).toContain(`- 1 uge, 17.11.2026: ${world.company.name}, Tømrerlærling`);
    expect(mail.text).toContain('Skal laves i dag (1):');
    expect(mail.text).toContain(`- 1 uge, 24.11.2026: ${world.company.name}, Malerlærling`);
    expect(mail.text).toContain('http://jobbro.test/follow-ups');
    // No person in the mail: neither name of either resident.
    for (const r of [late.resident, today.resident]) {
      expect(mail.text).not.toContain(r.firstName);
      expect(mail.text).not.toContain(r.lastName);
    }
    expect(english1.subject).toBe('Jobbro: 1 follow-up is waiting for you');
    expect(english1.text).toContain(`- 1 week, 24.11.2026: ${world.company.name}, Elektrikerelev`);

    const ledger = await db.select().from(followUpDigests).where(eq(followUpDigests.userId, anna.id));
    expect(ledger).toMatchObject([{ day: '2026-11-24', dueCount: 1, overdueCount: 1 }]);
    const [stored] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, ledger[0]!.mailId!));
    expect(stored!.to).toBe(anna.email);

    // A restart mid-day: another server (new pool, queue and clock) runs the digest, directly
    // and as the queued job. Still one each.
    const restarted = await secondServer('2026-11-24T11:00:00Z');
    try {
      expect(await sendFollowUpDigests(restarted.deps)).toBe(0);
      await restarted.deps.queue.send(FOLLOW_UP_DIGEST_JOB, {});
      await digestJobCompleted();
    } finally {
      await restarted.close();
    }
    t.clock.set('2026-11-24T20:00:00Z');
    await sendFollowUpDigests(t.deps);
    await settle();
    expect(digestsTo(anna.email)).toHaveLength(1);
    expect(digestsTo(english.email)).toHaveLength(1);
    expect(digestsTo(idle.email)).toHaveLength(0);
    expect(await db.select().from(followUpDigests)).toHaveLength(2);

    // The next day: nothing before 07.00, then a new one with yesterday's check-in now overdue.
    t.clock.set('2026-11-25T05:59:00Z');
    expect(await sendFollowUpDigests(t.deps)).toBe(0);
    t.clock.set('2026-11-25T06:00:00Z');
    await sendFollowUpDigests(t.deps);
    const next = await smtp.waitFor(
      (m) => m.to === anna.email && isDigest(m) && m.text.includes('25.11.2026'),
      10_000,
    );
    expect(next.text).toContain('Forsinket (2):');
    expect(next.text).not.toContain('Skal laves i dag');
    await settle();
    expect(digestsTo(anna.email)).toHaveLength(2);
    expect(digestsTo(idle.email)).toHaveLength(0);

    // Done check-ins drop out; with nothing left due, the day after brings no mail.
    await db.update(followUps).set({ state: 'done' }).where(eq(followUps.assignedTo, anna.id));
    t.clock.set('2026-11-26T07:00:00Z');
    await sendFollowUpDigests(t.deps);
    await settle();
    expect(digestsTo(anna.email)).toHaveLength(2);
    expect(await db.select().from(followUpDigests).where(eq(followUpDigests.userId, anna.id))).toHaveLength(
      2,
    );
  });

  it('skips a disabled account', async () => {
    const gone = await buildUser(t.deps.db, { role: 'job_consultant', scopeId: world.jobcenter.id });
    await hireForTest(t, world, { consultant: gone, startDate: '2026-11-10' });
    await t.deps.db.update(users).set({ status: 'disabled' }).where(eq(users.id, gone.id));
    t.clock.set('2026-11-27T08:00:00Z');
    await sendFollowUpDigests(t.deps);
    expect(await t.deps.db.select().from(followUpDigests).where(eq(followUpDigests.userId, gone.id))).toEqual(
      [],
    );
  });
});

describe('the digest ledger', () => {
  it('is purged after 90 days', async () => {
    const user = await buildUser(t.deps.db, { role: 'job_consultant', scopeId: world.jobcenter.id });
    t.clock.set('2027-03-01T12:00:00Z');
    const row = (day: string, createdAt: string) => ({
      userId: user.id,
      day,
      dueCount: 1,
      overdueCount: 0,
      createdAt: new Date(createdAt),
    });
    await t.deps.db
      .insert(followUpDigests)
      .values([row('2026-11-30', '2026-11-30T06:00:00Z'), row('2026-12-02', '2026-12-02T06:00:00Z')]);
    await purgeExpiredData(t.deps);
    const left = await t.deps.db.select().from(followUpDigests).where(eq(followUpDigests.userId, user.id));
    expect(left.map((r) => r.day)).toEqual(['2026-12-02']);
  });
});

describe('the digest text', () => {
  it('lists overdue before due, in Danish dates, with the company and opening only', () => {
    const { subject, text } = renderFollowUpDigest(
      [
        { key: 'month_6', dueDate: '2027-05-20', companyName: 'Murer ApS', openingTitle: 'Murerlærling' },
        { key: 'trial_end', dueDate: '2027-05-24', companyName: 'Byg A/S', openingTitle: null },
      ],
      '2027-05-24',
      'da',
      'https://jobbro.example/follow-ups',
    );
    expect(subject).toBe('Jobbro: 2 opfølgninger venter på dig');
    expect(text.split('\n')).toEqual([
      'Dine opfølgninger (efterværn) pr. 24.05.2027:',
      '',
      'Forsinket (1):',
      '- 6 måneder, 20.05.2027: Murer ApS, Murerlærling',
      '',
      'Skal laves i dag (1):',
      '- Afslutning af praktik, 24.05.2027: Byg A/S',
      '',
      'Se dem og registrer opfølgningen i Jobbro: https://jobbro.example/follow-ups',
      '',
      'Venlig hilsen',
      'Jobbro',
    ]);
  });
});
