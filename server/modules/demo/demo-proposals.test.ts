import { notifications, openings, proposalStatusChanges, proposals, users } from '@server/db/schema/index.ts';
import { createTestApp, TestSession } from '@server/test/setup.ts';
import { eq, isNotNull } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemoData } from './demo-data.ts';
import { demoHistoryOpeningIds } from './demo-history.ts';

it('loads a demo proposal in each status of the professional side, seen by both demo professionals', async () => {
  const t = await createTestApp({ config: { demo: true } });
  try {
    await loadDemoData(t.deps.db);
    // The year of history (demo-history.ts) has proposals of its own; these are the matching demo's.
    const history = await demoHistoryOpeningIds(t.deps.db);
    const all = await t.deps.db.select().from(proposals);
    const rows = all.filter((p) => !history.has(p.openingId));
    // One of each from the matching demo, and one more sent to Viborg El-service for the company
    // portal (demo-placements.ts).
    expect(rows.map((p) => p.status).sort()).toEqual(
      [
        'awaiting_resident',
        'resident_agreed',
        'resident_declined',
        'sent_to_company',
        'sent_to_company',
        'withdrawn',
      ].sort(),
    );
    // The core's snapshot, with its reasons; distinct people.
    for (const p of rows) {
      expect(p.scoreSnapshot.score).toBeCloseTo(p.score, 5);
      expect(p.scoreSnapshot.reasons.length).toBeGreaterThan(0);
    }
    expect(new Set(rows.map((p) => p.residentId)).size).toBe(rows.length);
    const ids = new Set(rows.map((p) => p.id));
    const changes = (await t.deps.db.select().from(proposalStatusChanges)).filter((h) =>
      ids.has(h.proposalId),
    );
    expect(changes.filter((h) => h.toStatus === 'sent_to_company')).toHaveLength(2);
    const first = await t.deps.db.select().from(openings).where(isNotNull(openings.firstProposalAt));
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((o) => o.status !== 'referred')).toBe(true);

    for (const email of ['jobkonsulent@jobbro.test', 'boligsocial@jobbro.test']) {
      const s = new TestSession(t.app);
      expect((await s.login(email, DEMO_PASSWORD)).statusCode).toBe(200);
      const list = (await s.get('/api/proposals')).json();
      expect(list.total).toBe(all.length);
    }
    const [worker] = await t.deps.db.select().from(users).where(eq(users.email, 'boligsocial@jobbro.test'));
    const notes = await t.deps.db.select().from(notifications).where(eq(notifications.userId, worker!.id));
    expect(notes.filter((n) => n.kind === 'proposal_made').length).toBeGreaterThan(0);
    // Loading again adds nothing.
    await loadDemoData(t.deps.db);
    expect(await t.deps.db.select().from(proposals)).toHaveLength(all.length);
  } finally {
    await t.close();
  }
});
