import { candidatesForOpening } from '@domain/matching/match.ts';
import { OPENING_STATUSES } from '@domain/opening.schema.ts';
import { PROPOSAL_STATUSES } from '@domain/proposal.schema.ts';
import { RESIDENT_STATUSES } from '@domain/resident.schema.ts';
import {
  openings,
  proposals,
  residentConsents,
  residentScreenings,
  residents,
} from '@server/db/schema/index.ts';
import { loadMemberships, toActor } from '@server/platform/auth/actor.repository.ts';
import { buildConsent, buildOpening, buildPartnershipWorld, buildResident } from '@server/test/factories.ts';
import { createTestApp, type TTestApp } from '@server/test/setup.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MatchIndexService } from './match-index.service.ts';

// Issue 5 item 6: the per-server index stays equal to the database. From a fixed seed, ~100
// random changes of every kind the triggers feed (residents, consents, screenings, proposals,
// openings, anonymisation) are written while two "servers" refresh at random moments; at the end
// both equal a fresh rebuild, and their rankings equal the reference ranking of the core on the
// freshly loaded data.

/** mulberry32: small, fast and the same on every machine. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const OCCUPATIONS = ['toemrer', 'maler', 'murer', 'elektriker', 'snedker', 'vvs-montoer'];
const SKILLS = ['Gipsvægge', 'Spartling', 'Stillads', 'Truckcertifikat', 'Vinduer'];

let t: TTestApp;
let world: Awaited<ReturnType<typeof buildPartnershipWorld>>;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00Z' });
  world = await buildPartnershipWorld(t.deps.db);
});
afterAll(() => t.close());

const actorOf = async (userId: string) =>
  toActor(userId, (await loadMemberships(t.deps.db, [userId])).get(userId) ?? []);

describe('the match index after random changes', () => {
  it('equals a fresh rebuild on two servers, and ranks as the reference core does', async () => {
    const db = t.deps.db;
    const rnd = seeded(20261125);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
    const some = <T>(list: readonly T[], max: number): T[] =>
      list.filter(() => rnd() < max / list.length).slice(0, max);

    const people: string[] = [];
    const jobs: string[] = [];
    const newResident = async () => {
      const housing = rnd() < 0.5;
      const r = await buildResident(db, {
        municipalityId: world.municipality.id,
        ...(housing
          ? { registeredByPlanId: world.plan.id }
          : { registeredByJobcenterId: world.jobcenter.id }),
        housingAreaId: rnd() < 0.7 ? world.area.id : null,
        birthDate: `${pick(['1975', '1990', '2001', '2009'])}-0${1 + Math.floor(rnd() * 9)}-15`,
        occupationIds: some(OCCUPATIONS, 2),
        skills: some(SKILLS, 2),
        hoursPerWeek: pick([null, 10, 25, 37]),
      });
      if (rnd() < 0.8) await buildConsent(db, { residentId: r.id, scope: 'matching' });
      if (rnd() < 0.5) await buildConsent(db, { residentId: r.id, scope: 'sharing' });
      people.push(r.id);
    };
    const newOpening = async () => {
      const o = await buildOpening(db, {
        partnershipId: world.partnership.id,
        companyId: world.company.id,
        housingAreaId: rnd() < 0.5 ? world.area.id : null,
        type: pick(['full_time', 'part_time', 'small_job', 'apprentice'] as const),
        occupationId: pick(OCCUPATIONS),
        skills: some(SKILLS, 2),
        hoursPerWeek: pick([10, 20, 37]),
        startDate: '2027-01-04',
        minAge: 18,
        status: 'referred',
      });
      jobs.push(o.id);
    };
    for (let i = 0; i < 12; i++) await newResident();
    for (let i = 0; i < 4; i++) await newOpening();

    const a = new MatchIndexService(db, t.clock);
    const b = new MatchIndexService(db, t.clock);
    await Promise.all([a.refresh(), b.refresh()]);

    const now = () => t.clock.now();
    const changes: Record<string, () => Promise<unknown>> = {
      newResident,
      newOpening,
      updateResident: () =>
        db
          .update(residents)
          .set({
            hoursPerWeek: pick([null, 8, 20, 37]),
            occupationIds: some(OCCUPATIONS, 2),
            skills: some(SKILLS, 3),
            status: pick(RESIDENT_STATUSES),
            availableFrom: pick([null, '2027-02-01']),
            housingAreaId: pick([null, world.area.id]),
            updatedAt: now(),
          })
          .where(eq(residents.id, pick(people))),
      giveConsent: () => buildConsent(db, { residentId: pick(people), scope: pick(['matching', 'sharing']) }),
      withdrawConsent: async () => {
        const [c] = await db
          .select({ id: residentConsents.id })
          .from(residentConsents)
          .where(and(eq(residentConsents.residentId, pick(people)), isNull(residentConsents.withdrawnOn)));
        if (c) {
          await db
            .update(residentConsents)
            .set({ withdrawnOn: '2026-11-25', withdrawnAt: now() })
            .where(eq(residentConsents.id, c.id));
        }
      },
      screen: () =>
        db.insert(residentScreenings).values({
          residentId: pick(people),
          screenedOn: '2026-11-20',
          motivation: 3,
          hoursPossible: 20,
          earlierWork: 'none',
          danishLevel: 3,
          healthLimits: 'none',
          targetGroup: pick([1, 2]),
          nextScreeningOn: '2027-05-20',
          createdAt: now(),
        }),
      propose: () =>
        db
          .insert(proposals)
          .values({
            partnershipId: world.partnership.id,
            openingId: pick(jobs),
            residentId: pick(people),
            companyId: world.company.id,
            occupationId: 'toemrer',
            score: 0.5,
            scoreSnapshot: { score: 0.5, components: [], reasons: [] },
            proposedAt: now(),
            createdAt: now(),
            updatedAt: now(),
          })
          .onConflictDoNothing(),
      moveProposal: async () => {
        const [p] = await db.select({ id: proposals.id }).from(proposals).limit(1).offset(0);
        if (p) {
          await db
            .update(proposals)
            .set({ status: pick(PROPOSAL_STATUSES), updatedAt: now() })
            .where(eq(proposals.id, p.id));
        }
      },
      editOpening: () =>
        db
          .update(openings)
          .set({
            skills: some(SKILLS, 3),
            hoursPerWeek: pick([10, 20, 37]),
            minHoursPerWeek: pick([null, 8, 15]),
            occupationId: pick(OCCUPATIONS),
            status: pick(OPENING_STATUSES),
            updatedAt: now(),
          })
          .where(eq(openings.id, pick(jobs))),
      anonymise: () =>
        db
          .update(residents)
          .set({ anonymisedAt: now() })
          .where(eq(residents.id, pick(people))),
    };
    const kinds = Object.keys(changes);
    const applied: Record<string, number> = {};
    for (let step = 0; step < 100; step++) {
      const kind = pick(kinds);
      await changes[kind]!();
      applied[kind] = (applied[kind] ?? 0) + 1;
      // The two servers look at different moments, sometimes at the same time.
      const r = rnd();
      if (r < 0.25) await a.refresh();
      else if (r < 0.45) await b.refresh();
      else if (r < 0.55) await Promise.all([a.refresh(), b.refresh()]);
    }
    // Every kind of change happened.
    expect(Object.keys(applied).sort()).toEqual([...kinds].sort());

    await Promise.all([a.refresh(), b.refresh()]);
    const fresh = new MatchIndexService(db, t.clock);
    await fresh.rebuild();
    expect(a.snapshot()).toEqual(fresh.snapshot());
    expect(b.snapshot()).toEqual(fresh.snapshot());
    expect(fresh.residentCount()).toBeGreaterThan(5);

    // The rankings equal the reference core over exactly the people each viewer may see.
    let ranked = 0;
    for (const userId of [world.users.job_consultant.id, world.users.social_worker.id]) {
      const actor = await actorOf(userId);
      const visible = fresh.visibleResidents(actor).map((r) => r.match);
      for (const id of jobs) {
        const got = await a.candidatesFor(actor, id, 1000);
        expect(got).not.toBeNull();
        const reference = candidatesForOpening(got!.opening.match, visible, got!.context);
        expect(got!.candidates.map((c) => c.residentId)).toEqual(
          reference.candidates.map((c) => c.residentId),
        );
        for (const [i, c] of got!.candidates.entries()) {
          expect(c.score).toBeCloseTo(reference.candidates[i]!.score, 10);
        }
        expect(got!.candidateCount).toBe(reference.candidates.length);
        ranked += got!.candidates.length;
        expect(got!.excludedCount).toBe(reference.excluded.length);
        expect(got!.summary.map((l) => [l.label, l.count])).toEqual(
          reference.summary.map((l) => [l.label, l.count]),
        );
      }
    }
    expect(ranked).toBeGreaterThan(0);
  });
});
