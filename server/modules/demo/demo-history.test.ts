import { isConsentActive } from '@domain/consent.schema.ts';
import { canTransition, type TOpeningStatus } from '@domain/opening.schema.ts';
import {
  ACTIVE_PROPOSAL_STATUSES,
  proposalTransitionSide,
  type TProposalStatus,
} from '@domain/proposal.schema.ts';
import type { TDashboard } from '@domain/reports/dashboard.schema.ts';
import { TRIAL_TYPES } from '@domain/reports/retention.ts';
import { addDays, addMonths, danishDate } from '@domain/time.ts';
import type { TDb } from '@server/db/client.ts';
import {
  followUps,
  notifications,
  openingReferrals,
  openingStatusChanges,
  openings,
  placements,
  proposalStatusChanges,
  proposals,
  residentCaseChanges,
  residentConsents,
  systemSettings,
} from '@server/db/schema/index.ts';
import { createTestApp, TestSession } from '@server/test/setup.ts';
import { asc, count, eq, inArray } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemoData } from './demo-data.ts';
import {
  DEMO_HISTORY_OPENINGS,
  DEMO_HISTORY_TITLES,
  demoHistoryOpeningIds,
  loadDemoHistory,
} from './demo-history.ts';

const DAY = 86_400_000;

/** The history as the database holds it: its openings, proposals and placements. */
async function historyOf(db: TDb) {
  const ids = [...(await demoHistoryOpeningIds(db))];
  const opened = await db.select().from(openings).where(inArray(openings.id, ids));
  const proposed = await db.select().from(proposals).where(inArray(proposals.openingId, ids));
  const placed = await db.select().from(placements).where(inArray(placements.openingId, ids));
  return { ids, opened, proposed, placed };
}

it("gives Viborg a year of activity: styregruppe@'s dashboard shows every funnel step and 6-month retention", async () => {
  const now = new Date();
  const t = await createTestApp({ config: { demo: true }, start: now.toISOString() });
  try {
    const db = t.deps.db;
    await loadDemoData(db);

    // The steering group sees aggregates only, and now every step of the funnel at 5 or more.
    const steering = new TestSession(t.app);
    expect((await steering.login('styregruppe@jobbro.test', DEMO_PASSWORD)).statusCode).toBe(200);
    const res = await steering.get('/api/dashboard');
    expect(res.statusCode).toBe(200);
    const dashboard = res.json() as TDashboard;
    expect(dashboard.suppressed).toBe(true);
    expect(dashboard.partnerships.map((p) => p.name)).toEqual(['Partnerskab om job – Viborg']);
    for (const step of ['openings', 'referrals', 'proposals', 'interviews', 'hires'] as const) {
      expect(dashboard.funnel[step], step).not.toBeNull();
      expect(dashboard.funnel[step]!, step).toBeGreaterThanOrEqual(5);
    }
    expect(dashboard.funnel.due6).toBeGreaterThanOrEqual(5);
    expect(dashboard.funnel.retained6).toBeGreaterThanOrEqual(5);
    expect(dashboard.funnel.retention6Rate).not.toBeNull();
    expect(dashboard.medians.daysToReferral.days).not.toBeNull();
    expect(dashboard.medians.daysToFirstProposal.days).not.toBeNull();
    // Spread over the year, not bunched in a month.
    const months = dashboard.breakdowns.find((b) => b.dimension === 'month')!.rows;
    expect(months.filter((m) => m.funnel.openings !== 0).length).toBeGreaterThanOrEqual(10);

    const { ids, opened, proposed, placed } = await historyOf(db);
    const today = danishDate(now);
    const yearAgo = now.getTime() - 365 * DAY;
    expect(opened).toHaveLength(DEMO_HISTORY_OPENINGS.length);
    expect(opened.length).toBeGreaterThanOrEqual(25);
    expect(new Set(opened.map((o) => o.type))).toEqual(
      new Set([
        'apprentice',
        'trainee',
        'part_time',
        'full_time',
        'small_job',
        'leisure_job',
        'site_trial',
        'work_trial',
      ]),
    );
    // Nothing is open any more: the openings are filled, closed or cancelled, each through allowed steps.
    const changes = await db
      .select()
      .from(openingStatusChanges)
      .where(inArray(openingStatusChanges.openingId, ids))
      .orderBy(asc(openingStatusChanges.id));
    for (const o of opened) {
      expect(o.createdAt.getTime()).toBeGreaterThan(yearAgo);
      expect(['filled', 'closed_unfilled', 'cancelled']).toContain(o.status);
      const path = changes.filter((c) => c.openingId === o.id);
      expect(path[0]).toMatchObject({ fromStatus: null, toStatus: 'new' });
      expect(path.at(-1)!.toStatus).toBe(o.status);
      for (const [i, c] of path.entries()) {
        if (i > 0) {
          expect(
            canTransition(c.fromStatus as TOpeningStatus, c.toStatus),
            `${o.title}: ${c.fromStatus} → ${c.toStatus}`,
          ).toBe(true);
          expect(c.at.getTime()).toBeGreaterThanOrEqual(path[i - 1]!.at.getTime());
        }
        expect(c.at.getTime()).toBeLessThan(now.getTime());
      }
    }
    // Each was referred to the job consultant and the social worker, minutes to two days after it was registered.
    const referrals = await db
      .select()
      .from(openingReferrals)
      .where(inArray(openingReferrals.openingId, ids));
    for (const o of opened) {
      const sent = referrals.filter((r) => r.openingId === o.id);
      expect(sent.map((r) => r.role).sort()).toEqual(['job_consultant', 'social_worker']);
      for (const r of sent) {
        const delay = r.notifiedAt.getTime() - o.createdAt.getTime();
        expect(delay).toBeGreaterThan(0);
        expect(delay).toBeLessThanOrEqual(2 * DAY);
        expect(r.notificationId).not.toBeNull();
      }
    }

    // Proposals of people with consents (a) and (b) on the day, the core's score, every ending.
    expect(proposed.length).toBeGreaterThanOrEqual(40);
    expect(proposed.filter((p) => ACTIVE_PROPOSAL_STATUSES.includes(p.status))).toEqual([]);
    const statuses = new Set(proposed.map((p) => p.status));
    for (const s of ['hired', 'resident_declined', 'company_declined', 'withdrawn'] as const)
      expect(statuses).toContain(s);
    expect(
      proposed.filter((p) => p.status === 'company_declined').every((p) => p.companyDeclineReason !== null),
    ).toBe(true);
    const interviewed = proposed.filter((p) => p.interviewAt !== null);
    expect(interviewed.length).toBeGreaterThanOrEqual(10);
    expect(
      interviewed.every((p) => p.interviewAt!.getTime() < now.getTime() && p.interviewOutcome !== null),
    ).toBe(true);
    const consents = await db
      .select()
      .from(residentConsents)
      .where(inArray(residentConsents.residentId, [...new Set(proposed.map((p) => p.residentId))]));
    const history = await db
      .select()
      .from(proposalStatusChanges)
      .where(
        inArray(
          proposalStatusChanges.proposalId,
          proposed.map((p) => p.id),
        ),
      )
      .orderBy(asc(proposalStatusChanges.id));
    for (const p of proposed) {
      const day = danishDate(p.proposedAt);
      for (const scope of ['sharing', 'matching'] as const) {
        expect(
          consents.some((c) => c.residentId === p.residentId && c.scope === scope && isConsentActive(c, day)),
        ).toBe(true);
      }
      expect(p.scoreSnapshot.score).toBeCloseTo(p.score, 5);
      expect(p.scoreSnapshot.reasons.length).toBeGreaterThan(0);
      const path = history.filter((h) => h.proposalId === p.id);
      expect(path[0]!.toStatus).toBe('awaiting_resident');
      expect(path.at(-1)!.toStatus).toBe(p.status);
      for (const [i, h] of path.entries()) {
        if (i > 0)
          expect(
            proposalTransitionSide(h.fromStatus as TProposalStatus, h.toStatus),
            `${h.fromStatus} → ${h.toStatus}`,
          ).not.toBeNull();
        expect(h.at.getTime()).toBeLessThan(now.getTime());
      }
    }
    // Time to first proposal is the first proposal's time.
    for (const o of opened.filter((x) => x.firstProposalAt)) {
      const first = Math.min(
        ...proposed.filter((p) => p.openingId === o.id).map((p) => p.proposedAt.getTime()),
      );
      expect(o.firstProposalAt!.getTime()).toBe(first);
    }

    // Hires and trials as placement-hire.ts makes them, with their check-ins recorded as they fell due.
    const hires = placed.filter((p) => !TRIAL_TYPES.includes(p.type));
    expect(hires.length).toBeGreaterThanOrEqual(10);
    expect(placed.every((p) => p.startDate < today && p.proposalId !== null && p.daysToHire !== null)).toBe(
      true,
    );
    const checkIns = await db
      .select()
      .from(followUps)
      .where(
        inArray(
          followUps.placementId,
          placed.map((p) => p.id),
        ),
      );
    for (const f of checkIns) {
      if (f.state === 'done') expect(f.recordedAt!.getTime()).toBeLessThan(now.getTime());
      // Nothing of the history falls due today or in the next days.
      if (f.state === 'planned') expect(f.dueDate > addDays(today, 10), `${f.key} ${f.dueDate}`).toBe(true);
    }
    const due6 = hires.filter((p) => addMonths(p.startDate, 6) <= today);
    expect(due6.length).toBeGreaterThanOrEqual(5);
    const outcomes = due6.map(
      (p) => checkIns.find((f) => f.placementId === p.id && f.measures === 'retention_6')?.retentionOutcome,
    );
    expect(outcomes.every((o) => o !== null && o !== undefined)).toBe(true);
    expect(outcomes.filter((o) => o === 'in_job').length).toBeGreaterThan(outcomes.length / 2);
    expect(outcomes.some((o) => o === 'in_education' || o === 'neither')).toBe(true);
    const siteTrials = placed.filter((p) => p.type === 'site_trial');
    expect(siteTrials.length).toBeGreaterThanOrEqual(2);
    for (const p of siteTrials)
      expect(checkIns.some((f) => f.placementId === p.id && f.trialOutcome !== null)).toBe(true);
    // The hired person's case went to "in job" when the hire was recorded (the case history).
    const cases = await db
      .select()
      .from(residentCaseChanges)
      .where(
        inArray(
          residentCaseChanges.residentId,
          hires.map((p) => p.residentId!),
        ),
      );
    for (const p of hires) {
      expect(
        cases.some(
          (c) =>
            c.residentId === p.residentId &&
            c.status === 'in_job' &&
            c.changedAt.getTime() === p.hiredAt!.getTime(),
        ),
      ).toBe(true);
    }

    // Loading again adds nothing.
    const sizes = async () =>
      Promise.all(
        [openings, proposals, placements, followUps, notifications, openingReferrals].map(
          async (table) => ((await db.select({ n: count() }).from(table)) as [{ n: number }])[0].n,
        ),
      );
    const before = await sizes();
    expect(await loadDemoHistory(db, now)).toBe(false);
    await loadDemoData(db);
    expect(await sizes()).toEqual(before);
    expect(
      await db.select().from(systemSettings).where(eq(systemSettings.key, 'demo_history_version')),
    ).toHaveLength(1);
    expect([...DEMO_HISTORY_TITLES]).toHaveLength(DEMO_HISTORY_OPENINGS.length);

    // The same history on another machine: the same openings end the same way.
    const again = await createTestApp({ config: { demo: true }, start: now.toISOString() });
    try {
      await loadDemoData(again.deps.db);
      const story = async (x: TDb) => {
        const h = await historyOf(x);
        return h.opened
          .map((o) => [
            o.title,
            o.status,
            h.proposed
              .filter((p) => p.openingId === o.id)
              .map((p) => p.status)
              .sort()
              .join(','),
          ])
          .sort();
      };
      expect(await story(again.deps.db)).toEqual(await story(db));
    } finally {
      await again.close();
    }
  } finally {
    await t.close();
  }
}, 120_000);
