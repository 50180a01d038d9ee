import { retentionFigures } from '@domain/reports/retention.ts';
import { danishDate } from '@domain/time.ts';
import {
  assignments,
  companies,
  escalations,
  followUps,
  openings,
  placements,
  proposals,
  socialClauses,
} from '@server/db/schema/index.ts';
import { withProgress } from '@server/modules/social-clauses/clause-fulfilment.ts';
import { createTestApp } from '@server/test/setup.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { loadDemoData } from './demo-data.ts';
import { demoHistoryOpeningIds } from './demo-history.ts';

it('loads demo placements in every state, follow-ups done, due and overdue, an open escalation and a retention figure', async () => {
  const t = await createTestApp({ config: { demo: true } });
  try {
    const now = new Date();
    const today = danishDate(now);
    await loadDemoData(t.deps.db);
    // The year of history (demo-history.ts) has placements of its own; these are demo-placements.ts's.
    const history = await demoHistoryOpeningIds(t.deps.db);
    const all = await t.deps.db.select().from(placements);
    const rows = all.filter((p) => !history.has(p.openingId!));
    expect(new Set(rows.map((p) => p.status))).toEqual(
      new Set(['active', 'completed', 'ended_early', 'converted', 'education']),
    );
    // Each placement fills an opening of its own; the open demo openings stay open.
    for (const p of rows) {
      const [o] = await t.deps.db.select().from(openings).where(eq(openings.id, p.openingId!));
      expect(o!.status).toBe('filled');
    }

    const plan = await t.deps.db.select().from(followUps);
    const planned = plan.filter((f) => f.state === 'planned');
    expect(plan.some((f) => f.state === 'done')).toBe(true);
    expect(planned.some((f) => f.dueDate === today)).toBe(true);
    expect(planned.some((f) => f.dueDate < today)).toBe(true);
    expect(planned.some((f) => f.dueDate > today)).toBe(true);
    // Done check-ins are never dated in the future, and measured ones carry their outcome.
    for (const f of plan.filter((x) => x.state === 'done')) {
      expect(f.recordedAt!.getTime()).toBeLessThanOrEqual(now.getTime() + 1000);
      if (f.measures?.startsWith('retention')) expect(f.retentionOutcome).not.toBeNull();
      if (f.measures === 'trial_outcome') expect(f.trialOutcome).not.toBeNull();
    }

    const open = await t.deps.db.select().from(escalations).where(isNull(escalations.resolvedAt));
    expect(open).toHaveLength(1);

    // A visible retention figure: 3 due at 6 months, 2 in job or education.
    const outcome = (placementId: string, key: string) =>
      plan.find((f) => f.placementId === placementId && f.key === key)?.retentionOutcome ?? null;
    const figures = retentionFigures(
      rows.map((p) => ({
        partnershipId: p.partnershipId!,
        companyId: p.companyId,
        type: p.type,
        startDate: p.startDate,
        outcome6: outcome(p.id, 'month_6'),
        outcome12: outcome(p.id, 'month_12'),
        trialOutcome: plan.find((f) => f.placementId === p.id && f.trialOutcome)?.trialOutcome ?? null,
        daysToHire: p.daysToHire,
      })),
      today,
    );
    expect(figures.at6).toMatchObject({ due: 3, retained: 2, inJob: 1, inEducation: 1, missing: 0 });
    expect(figures.at12).toMatchObject({ due: 1, retained: 1 });
    expect(figures.trials).toMatchObject({ total: 2, job: 1, education: 1, pending: 0 });

    // Houlkærvænget's apprentice clause: 1 of 3.
    const clauses = (
      await t.deps.db
        .select({ clause: socialClauses })
        .from(socialClauses)
        .innerJoin(assignments, eq(assignments.id, socialClauses.assignmentId))
        .where(
          and(
            eq(socialClauses.kind, 'apprentices'),
            eq(assignments.title, 'Renovering af Houlkærvænget, etape 2'),
          ),
        )
    ).map((r) => r.clause);
    expect(clauses).toHaveLength(1);
    const [progress] = await withProgress(
      t.deps.db,
      clauses.map((c) => ({
        id: c.id,
        assignmentId: c.assignmentId,
        kind: c.kind,
        targetQuantity: c.targetQuantity,
        periodStart: c.periodStart,
        periodEnd: c.periodEnd,
      })),
      today,
    );
    expect(progress!.progress).toMatchObject({ target: 3, fulfilled: 1 });

    // The company portal has a candidate to answer: sent to Viborg El-service.
    const [elService] = await t.deps.db
      .select()
      .from(companies)
      .where(eq(companies.name, 'Viborg El-service (fiktiv)'));
    const sent = await t.deps.db.select().from(proposals).where(eq(proposals.companyId, elService!.id));
    expect(sent.map((p) => p.status)).toContain('sent_to_company');

    // Loading again adds nothing.
    await loadDemoData(t.deps.db);
    expect(await t.deps.db.select().from(placements)).toHaveLength(all.length);
  } finally {
    await t.close();
  }
});
