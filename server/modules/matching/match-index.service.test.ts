import { residentConsents, residents } from '@server/db/schema/index.ts';
import { loadMemberships, toActor } from '@server/platform/auth/actor.repository.ts';
import {
  buildConsent,
  buildJobcenter,
  buildOpening,
  buildPartnershipWorld,
  buildResident,
} from '@server/test/factories.ts';
import { createTestApp, type TTestApp } from '@server/test/setup.ts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MatchIndexService } from './match-index.service.ts';

// The per-server index against the database: the change feed brings every committed change in
// (also one made through another server's index), consent withdrawal removes on the next read,
// and visibility follows resident-access.ts.

let t: TTestApp;
let world: Awaited<ReturnType<typeof buildPartnershipWorld>>;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00Z' });
  world = await buildPartnershipWorld(t.deps.db);
});
afterAll(() => t.close());

const actorOf = async (userId: string) =>
  toActor(userId, (await loadMemberships(t.deps.db, [userId])).get(userId) ?? []);

describe('MatchIndexService', () => {
  it('ranks only people the viewer may see and follows consent withdrawal on the next request', async () => {
    const db = t.deps.db;
    const opening = await buildOpening(db, {
      partnershipId: world.partnership.id,
      companyId: world.company.id,
      occupationId: 'toemrer',
      type: 'full_time',
      startDate: '2027-01-04',
      minAge: 18,
    });
    // Registered by the jobcenter: the consultant's own; the social worker needs consent (a).
    const own = await buildResident(db, {
      municipalityId: world.municipality.id,
      registeredByJobcenterId: world.jobcenter.id,
      housingAreaId: world.area.id,
      occupationIds: ['toemrer'],
      hoursPerWeek: 37,
    });
    await buildConsent(db, { residentId: own.id, scope: 'matching' });
    // Registered by a social worker without consent (a): the consultant must not see them.
    const housingOnly = await buildResident(db, {
      municipalityId: world.municipality.id,
      registeredByPlanId: world.plan.id,
      housingAreaId: world.area.id,
      occupationIds: ['toemrer'],
      hoursPerWeek: 37,
    });
    await buildConsent(db, { residentId: housingOnly.id, scope: 'matching' });

    const consultant = await actorOf(world.users.job_consultant.id);
    const socialWorker = await actorOf(world.users.social_worker.id);
    const index = t.deps.matchIndex;

    const forConsultant = await index.candidatesFor(consultant, opening.id);
    expect(forConsultant?.candidates.map((c) => c.residentId)).toEqual([own.id]);
    const forWorker = await index.candidatesFor(socialWorker, opening.id);
    expect(forWorker?.candidates.map((c) => c.residentId)).toEqual([housingOnly.id]);

    // A second server's index sees the same, and a withdrawal made "elsewhere" reaches both.
    const other = new MatchIndexService(db, t.clock);
    expect((await other.candidatesFor(consultant, opening.id))?.candidates).toHaveLength(1);
    await db
      .update(residentConsents)
      .set({ withdrawnOn: '2026-11-25', withdrawnAt: t.clock.now() })
      .where(eq(residentConsents.residentId, own.id));
    for (const idx of [index, other]) {
      const after = await idx.candidatesFor(consultant, opening.id);
      expect(after?.candidates).toEqual([]);
      expect(after?.summary.map((l) => l.code)).toEqual(['no_consent']);
    }

    // A jobcenter of another municipality sees nobody of this one.
    const elsewhere = await buildJobcenter(db);
    expect(elsewhere.id).not.toBe(world.jobcenter.id);
  });

  it('equals a fresh rebuild after changes, and drops anonymised people', async () => {
    const db = t.deps.db;
    const people = [];
    for (let i = 0; i < 6; i++) {
      const r = await buildResident(db, {
        municipalityId: world.municipality.id,
        registeredByJobcenterId: world.jobcenter.id,
        occupationIds: ['toemrer'],
      });
      await buildConsent(db, { residentId: r.id, scope: 'matching' });
      people.push(r);
    }
    const index = t.deps.matchIndex;
    await index.refresh();
    await db.update(residents).set({ hoursPerWeek: 12 }).where(eq(residents.id, people[0]!.id));
    await db.update(residents).set({ anonymisedAt: t.clock.now() }).where(eq(residents.id, people[1]!.id));
    await db.delete(residentConsents).where(eq(residentConsents.residentId, people[2]!.id));
    await index.refresh();
    expect(index.resident(people[1]!.id)).toBeUndefined();
    expect(index.resident(people[0]!.id)?.match.hoursPerWeek).toBe(12);
    expect(index.resident(people[2]!.id)?.match.consentToMatch).toBe(false);

    const fresh = new MatchIndexService(db, t.clock);
    await fresh.refresh();
    expect(index.snapshot()).toEqual(fresh.snapshot());
  });
});
