import { randomUUID } from 'node:crypto';
import {
  auditEvents,
  escalations,
  notifications,
  openingReferrals,
  placements,
  residents,
} from '@server/db/schema/index.ts';
import { loadMemberships, toActor } from '@server/platform/auth/actor.repository.ts';
import type { TRequestContext } from '@server/platform/http/request-context.ts';
import {
  buildConsent,
  buildOpening,
  buildPartnershipWorld,
  buildPlacement,
  buildResident,
  buildUser,
  TEST_PASSWORD,
} from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEscalationInTx } from './escalations.service.ts';

// Escalations on a real PostgreSQL: whom an at-risk check-in tells when the person has no
// responsible professionals (the opening's referral contacts, else the partnership's role
// holders, never the one who raised it), one open escalation per placement, and the list.

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;

let t: TTestApp;
let own: TWorld;
let other: TWorld;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-24T09:00:00Z' });
  own = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
});
afterAll(async () => t.close());

async function contextOf(userId: string): Promise<TRequestContext> {
  const memberships = await loadMemberships(t.deps.db, [userId]);
  return {
    actor: toActor(userId, memberships.get(userId) ?? []),
    requestId: randomUUID(),
    ip: null,
    clock: t.clock,
  };
}

async function login(email: string): Promise<TestSession> {
  const session = new TestSession(t.app);
  expect((await session.login(email, TEST_PASSWORD)).statusCode).toBe(200);
  return session;
}

/** A placement of a person with nobody responsible for them, on an opening of the world. */
async function placementWithoutContacts(w: TWorld, o: { firstName?: string; lastName?: string } = {}) {
  const resident = await buildResident(t.deps.db, {
    municipalityId: w.municipality.id,
    housingAreaId: w.area.id,
    registeredByPlanId: w.plan.id,
    ...o,
  });
  await buildConsent(t.deps.db, { residentId: resident.id, scope: 'sharing' });
  const opening = await buildOpening(t.deps.db, {
    partnershipId: w.partnership.id,
    companyId: w.company.id,
    type: 'full_time',
    title: 'Rengøringsassistent',
  });
  const placement = await buildPlacement(t.deps.db, {
    partnershipId: w.partnership.id,
    companyId: w.company.id,
    openingId: opening.id,
    residentId: resident.id,
    startDate: '2026-11-02',
  });
  return { resident, opening, placement };
}

const alarmsFor = (placementId: string) =>
  t.deps.db
    .select({ userId: notifications.userId, mailId: notifications.mailId, body: notifications.body })
    .from(notifications)
    .where(and(eq(notifications.kind, 'placement_at_risk'), eq(notifications.entityId, placementId)));

describe('openEscalationInTx', () => {
  it('falls back to the opening’s referral contacts and the partnership’s role holders, never the actor', async () => {
    const { opening, placement } = await placementWithoutContacts(own);
    // The opening was referred to a second social worker of the plan; no job consultant was named.
    const referred = await buildUser(t.deps.db, { role: 'social_worker', scopeId: own.plan.id });
    await t.deps.db.insert(openingReferrals).values({
      openingId: opening.id,
      userId: referred.id,
      role: 'social_worker',
      notifiedAt: t.clock.now(),
    });
    const colleague = await buildUser(t.deps.db, { role: 'job_consultant', scopeId: own.jobcenter.id });
    const ctx = await contextOf(own.users.job_consultant.id);
    const first = await t.deps.db.transaction((tx) =>
      openEscalationInTx(tx, t.deps, ctx, {
        placementId: placement.id,
        source: 'check_in',
        followUpId: null,
        reason: 'Opfølgning "1 uge": I risiko.',
      }),
    );
    expect(first.created).toBe(true);
    const told = (await alarmsFor(placement.id)).map((n) => n.userId).sort();
    expect(told).toEqual([referred.id, colleague.id].sort());
    // E-mail as well as in-app, and the text says it came from a check-in.
    expect(first.pending.mailIds).toHaveLength(2);
    expect((await alarmsFor(placement.id))[0]!.body).toContain('i risiko');

    // A second at-risk check-in while it is open: no second escalation, its words added, told again.
    const second = await t.deps.db.transaction((tx) =>
      openEscalationInTx(tx, t.deps, ctx, {
        placementId: placement.id,
        source: 'check_in',
        followUpId: null,
        reason: 'Opfølgning "1 måned": I risiko.',
      }),
    );
    expect(second).toMatchObject({ escalationId: first.escalationId, created: false });
    const rows = await t.deps.db.select().from(escalations).where(eq(escalations.placementId, placement.id));
    expect(rows.map((r) => [r.source, r.reason, r.openedBy])).toEqual([
      [
        'check_in',
        'Opfølgning "1 uge": I risiko.\n\n24.11.2026 (Opfølgning): Opfølgning "1 måned": I risiko.',
        own.users.job_consultant.id,
      ],
    ]);
    expect(await alarmsFor(placement.id)).toHaveLength(4);
    // The audit events name ids and the source, never the words.
    const events = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'escalation'), eq(auditEvents.entityId, first.escalationId)))
      .orderBy(asc(auditEvents.id));
    expect(events.map((e) => [e.action, e.details])).toEqual([
      ['create', { placementId: placement.id, residentId: placement.residentId, source: 'check_in' }],
      [
        'update',
        { placementId: placement.id, residentId: placement.residentId, source: 'check_in', repeated: true },
      ],
    ]);
  });

  it('tells the follow-up owner and the person’s responsible people when there are some', async () => {
    const { placement, resident } = await placementWithoutContacts(own);
    const owner = await buildUser(t.deps.db, { role: 'job_consultant', scopeId: own.jobcenter.id });
    await t.deps.db
      .update(placements)
      .set({ followUpOwnerId: owner.id })
      .where(eq(placements.id, placement.id));
    await t.deps.db
      .update(residents)
      .set({ responsibleSocialWorkerId: own.users.social_worker.id })
      .where(eq(residents.id, resident.id));
    const ctx = await contextOf(own.users.company_contact.id);
    await t.deps.db.transaction((tx) =>
      openEscalationInTx(tx, t.deps, ctx, {
        placementId: placement.id,
        source: 'company',
        followUpId: null,
        reason: 'Mødte ikke op i dag.',
      }),
    );
    // Not the partnership's other job consultants: the owner is the one who follows up.
    expect((await alarmsFor(placement.id)).map((n) => n.userId).sort()).toEqual(
      [owner.id, own.users.social_worker.id].sort(),
    );
  });
});

describe('GET /api/escalations', () => {
  it('lists open ones first for the people one sees, searchable by name, and nothing outside the scope', async () => {
    const a = await placementWithoutContacts(own, { firstName: 'Zenia', lastName: 'Østergaard' });
    const b = await placementWithoutContacts(own, { firstName: 'Bo', lastName: 'Ågesen' });
    const ctx = await contextOf(own.users.social_worker.id);
    for (const p of [a, b]) {
      await t.deps.db.transaction((tx) =>
        openEscalationInTx(tx, t.deps, ctx, {
          placementId: p.placement.id,
          source: 'check_in',
          followUpId: null,
          reason: 'I risiko',
        }),
      );
    }
    const sw = await login(own.users.social_worker.email);
    const resolvedId = (
      await t.deps.db.select().from(escalations).where(eq(escalations.placementId, a.placement.id))
    )[0]!.id;
    expect(
      (await sw.post(`/api/escalations/${resolvedId}/resolve`, { resolution: 'Ny aftale om mødetider' }))
        .statusCode,
    ).toBe(200);

    const all = (await sw.get('/api/escalations?state=all&pageSize=200')).json();
    const mine = all.items.filter((e: { placementId: string }) =>
      [a.placement.id, b.placement.id].includes(e.placementId),
    );
    expect(
      mine.map((e: { residentName: string; resolvedAt: string | null }) => [e.residentName, !!e.resolvedAt]),
    ).toEqual([
      ['Bo Ågesen', false],
      ['Zenia Østergaard', true],
    ]);
    const openIndex = all.items.findIndex((e: { resolvedAt: string | null }) => e.resolvedAt !== null);
    expect(
      all.items.slice(openIndex).every((e: { resolvedAt: string | null }) => e.resolvedAt !== null),
    ).toBe(true);
    expect((await sw.get('/api/escalations?q=%C3%B8stergaard&state=all')).json().items).toEqual([
      expect.objectContaining({ placementId: a.placement.id, resolution: 'Ny aftale om mødetider' }),
    ]);
    expect(
      (await sw.get('/api/escalations'))
        .json()
        .items.some((e: { placementId: string }) => e.placementId === a.placement.id),
    ).toBe(false);

    const otherSw = await login(other.users.social_worker.email);
    expect((await otherSw.get('/api/escalations?state=all')).json().total).toBe(0);
    const company = await login(own.users.company_contact.email);
    expect((await company.get('/api/escalations')).statusCode).toBe(403);

    // The search is logged by fingerprint: the typed name is not in the audit log.
    const searches = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'search'), eq(auditEvents.entityType, 'escalation')));
    expect(searches.length).toBeGreaterThan(0);
    expect(JSON.stringify(searches.map((e) => e.details)).toLowerCase()).not.toContain('østergaard');
  });
});
