import { randomUUID } from 'node:crypto';
import { type THire, ZHire } from '@domain/placement.schema.ts';
import { followUps } from '@server/db/schema/index.ts';
import { recordHireInTx } from '@server/modules/placements/placement-hire.ts';
import { loadMemberships, toActor } from '@server/platform/auth/actor.repository.ts';
import type { TRequestContext } from '@server/platform/http/request-context.ts';
import {
  buildConsent,
  buildOpening,
  type buildPartnershipWorld,
  buildResident,
} from '@server/test/factories.ts';
import type { TTestApp } from '@server/test/setup.ts';
import { asc, eq } from 'drizzle-orm';

// Test set-up for follow-ups: a real hire (recordHireInTx, as the company portal and the
// placements API make it), so the tests run on the plan a hire really creates.

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;

/** A request context for a user, as the access hook would build it. */
export async function contextOf(t: TTestApp, userId: string): Promise<TRequestContext> {
  const memberships = await loadMemberships(t.deps.db, [userId]);
  return {
    actor: toActor(userId, memberships.get(userId) ?? []),
    requestId: randomUUID(),
    ip: null,
    clock: t.clock,
  };
}

export interface THireForTest {
  /** The person's job consultant, who owns the follow-up (default: the world's). */
  consultant?: { id: string };
  type?: THire['type'];
  startDate?: string;
  endDate?: string | null;
  firstName?: string;
  lastName?: string;
  title?: string;
}

/**
 * Hires a new resident of the world's area (registered by its plan, consent (a) given, so both
 * professional roles see them) for a new opening of the world's company, with the world's
 * social worker; returns the person, the placement and its follow-up plan in date order.
 */
export async function hireForTest(t: TTestApp, world: TWorld, o: THireForTest = {}) {
  const db = t.deps.db;
  const consultant = o.consultant ?? world.users.job_consultant;
  const resident = await buildResident(db, {
    municipalityId: world.municipality.id,
    housingAreaId: world.area.id,
    registeredByPlanId: world.plan.id,
    responsibleJobConsultantId: consultant.id,
    responsibleSocialWorkerId: world.users.social_worker.id,
    ...(o.firstName ? { firstName: o.firstName } : {}),
    ...(o.lastName ? { lastName: o.lastName } : {}),
  });
  await buildConsent(db, { residentId: resident.id, scope: 'sharing' });
  const type = o.type ?? 'full_time';
  const opening = await buildOpening(db, {
    partnershipId: world.partnership.id,
    companyId: world.company.id,
    type,
    title: o.title ?? 'Tømrer til renoveringen',
    status: 'referred',
    createdAt: t.clock.now(),
  });
  const ctx = await contextOf(t, consultant.id);
  const { placementId } = await db.transaction((tx) =>
    recordHireInTx(tx, t.deps, ctx, {
      openingId: opening.id,
      residentId: resident.id,
      proposalId: null,
      hire: ZHire.parse({
        startDate: o.startDate ?? '2026-11-24',
        endDate: o.endDate ?? null,
        hoursPerWeek: 37,
        type,
      }),
    }),
  );
  const plan = await db
    .select()
    .from(followUps)
    .where(eq(followUps.placementId, placementId))
    .orderBy(asc(followUps.dueDate));
  const byKey = (key: string) => {
    const f = plan.find((p) => p.key === key);
    if (!f) throw new Error(`no ${key} in ${plan.map((p) => p.key).join(', ')}`);
    return f;
  };
  return { resident, opening, placementId, plan, byKey };
}
