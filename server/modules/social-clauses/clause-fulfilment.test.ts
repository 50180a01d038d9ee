import {
  buildAssignment,
  buildOpening,
  buildPartnershipWorld,
  buildPlacement,
  buildSocialClause,
} from '@server/test/factories.ts';
import { createTestApp, type TTestApp } from '@server/test/setup.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clauseFulfilment, withProgress } from './clause-fulfilment.ts';

describe('clause fulfilment from placements', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('is 0 without placements and counts only placements that fit the clause', async () => {
    const db = t.deps.db;
    const w = await buildPartnershipWorld(db);
    const base = {
      partnershipId: w.partnership.id,
      companyId: w.company.id,
      housingOrganisationId: w.organisation.id,
    };
    const assignment = await buildAssignment(db, base);
    const other = await buildAssignment(db, base);
    const apprentices = await buildSocialClause(db, { assignmentId: assignment.id, targetQuantity: 3 });
    const weeks = await buildSocialClause(db, {
      assignmentId: assignment.id,
      kind: 'trainee_weeks',
      targetQuantity: 40,
    });
    const local = await buildSocialClause(db, { assignmentId: assignment.id, kind: 'local_hires' });
    const all = [apprentices, weeks, local];
    expect([...(await clauseFulfilment(db, all, '2026-11-24')).values()]).toEqual([0, 0, 0]);

    const apprenticeOpening = await buildOpening(db, { ...base, type: 'apprentice' });
    const cleaningJob = await buildOpening(db, { ...base, type: 'full_time' });
    const p = { companyId: w.company.id, assignmentId: assignment.id };
    // Counts: an apprentice via the assignment, one linked to the clause directly.
    await buildPlacement(db, { ...p, openingId: apprenticeOpening.id, startDate: '2026-02-01' });
    await buildPlacement(db, { ...p, socialClauseId: apprentices.id, startDate: '2026-05-01' });
    // Does not count for apprentices: an ordinary job, another assignment, outside the period,
    // not started yet.
    await buildPlacement(db, { ...p, openingId: cleaningJob.id, isLocalHire: true, weeks: 12 });
    await buildPlacement(db, { ...p, assignmentId: other.id, openingId: apprenticeOpening.id });
    await buildPlacement(db, { ...p, openingId: apprenticeOpening.id, startDate: '2025-12-01' });
    await buildPlacement(db, { ...p, openingId: apprenticeOpening.id, startDate: '2026-12-01' });

    const counted = await clauseFulfilment(db, all, '2026-11-24');
    expect(counted.get(apprentices.id)).toBe(2);
    expect(counted.get(weeks.id)).toBe(12);
    expect(counted.get(local.id)).toBe(1);

    const [progress] = await withProgress(db, [apprentices], '2026-11-24');
    expect(progress!.progress).toMatchObject({ fulfilled: 2, target: 3, status: 'on_track' });
  });
});
