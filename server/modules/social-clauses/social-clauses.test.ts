import { mailOutbox, notifications, placements, socialClauses } from '@server/db/schema/index.ts';
import {
  buildAssignment,
  buildOpening,
  buildPartnershipWorld,
  buildPlacement,
  buildSocialClause,
  buildUser,
  TEST_PASSWORD,
} from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyClausesBehind } from './social-clauses.service.ts';

let t: TTestApp;
let world: Awaited<ReturnType<typeof buildPartnershipWorld>>;
let other: Awaited<ReturnType<typeof buildPartnershipWorld>>;
const sessions: Record<string, TestSession> = {};
const NOW = '2026-11-24T09:00:00Z';

beforeAll(async () => {
  t = await createTestApp({ start: NOW });
  world = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  for (const [role, user] of Object.entries(world.users)) {
    sessions[role] = new TestSession(t.app);
    await sessions[role].login(user.email, TEST_PASSWORD);
  }
  sessions.otherStaff = new TestSession(t.app);
  await sessions.otherStaff.login(other.users.housing_staff.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

/** An assignment running through 2026 (the clause period defaults to it). */
const ownAssignment = (title?: string) =>
  buildAssignment(t.deps.db, {
    partnershipId: world.partnership.id,
    companyId: world.company.id,
    housingOrganisationId: world.organisation.id,
    ...(title ? { title } : {}),
  });

describe('social clauses', () => {
  it('registers a clause with the assignment’s period and the creator as responsible, and validates in Danish', async () => {
    const a = await ownAssignment('Klausuler');
    const res = await sessions.housing_staff!.post('/api/social-clauses', {
      assignmentId: a.id,
      kind: 'apprentices',
      targetQuantity: 3,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      assignmentId: a.id,
      assignmentTitle: 'Klausuler',
      companyId: world.company.id,
      housingOrganisationId: world.organisation.id,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      responsibleUserId: world.users.housing_staff.id,
      responsibleName: world.users.housing_staff.name,
      // 24.11: nearly 90 % of the year has passed, 2 of 3 were due, none are there.
      progress: { target: 3, fulfilled: 0, status: 'behind' },
    });

    const post = async (body: object) =>
      (
        await sessions.housing_staff!.post('/api/social-clauses', {
          assignmentId: a.id,
          kind: 'apprentices',
          targetQuantity: 3,
          ...body,
        })
      ).json().error?.fields;
    expect(await post({ targetQuantity: 0 })).toEqual({ targetQuantity: 'Mindst 1.' });
    expect(await post({ kind: 'other' })).toEqual({ description: 'Beskriv klausulen.' });
    expect(await post({ periodStart: '2026-06-01', periodEnd: '2026-03-01' })).toEqual({
      periodEnd: 'Slutdatoen skal ligge efter startdatoen.',
    });
    expect(await post({ periodStart: '2027-03-01' })).toEqual({
      periodStart: 'Startdatoen skal ligge før opgavens slutdato.',
    });
    expect(await post({ responsibleUserId: world.users.social_worker.id })).toEqual({
      responsibleUserId: 'Vælg en medarbejder i boligorganisationen.',
    });
    expect(await post({ assignmentId: crypto.randomUUID() })).toEqual({ assignmentId: 'Ukendt opgave.' });

    // The secretariat is nobody's responsible housing staff: the clause then has none.
    const byAdmin = await sessions.admin!.post('/api/social-clauses', {
      assignmentId: a.id,
      kind: 'trainee_weeks',
      targetQuantity: 40,
      periodStart: '2026-03-01',
    });
    expect(byAdmin.json()).toMatchObject({
      responsibleUserId: null,
      periodStart: '2026-03-01',
      periodEnd: '2026-12-31',
    });
    expect(
      (
        await sessions.company_contact!.post('/api/social-clauses', {
          assignmentId: a.id,
          kind: 'apprentices',
          targetQuantity: 1,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await sessions.otherStaff!.post('/api/social-clauses', {
          assignmentId: a.id,
          kind: 'apprentices',
          targetQuantity: 1,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('counts placements into the progress shown on the assignment', async () => {
    const a = await ownAssignment('Fremdrift');
    const clause = await buildSocialClause(t.deps.db, { assignmentId: a.id, targetQuantity: 3 });
    const detail = async () => (await sessions.company_contact!.get(`/api/assignments/${a.id}`)).json();
    expect((await detail()).clauses[0].progress).toMatchObject({ fulfilled: 0, status: 'behind' });
    const listed = async () =>
      (await sessions.housing_staff!.get('/api/assignments?q=fremdrift')).json().items[0] as {
        clauseCount: number;
        clausesBehind: number;
      };
    expect(await listed()).toMatchObject({ clauseCount: 1, clausesBehind: 1 });

    await buildPlacement(t.deps.db, {
      companyId: world.company.id,
      socialClauseId: clause.id,
      startDate: '2026-03-01',
    });
    const apprenticeOpening = await buildOpening(t.deps.db, {
      partnershipId: world.partnership.id,
      companyId: world.company.id,
      type: 'apprentice',
    });
    await buildPlacement(t.deps.db, {
      companyId: world.company.id,
      assignmentId: a.id,
      openingId: apprenticeOpening.id,
      startDate: '2026-08-01',
    });
    const after = (await detail()).clauses[0];
    expect(after.progress).toMatchObject({ fulfilled: 2, status: 'on_track', fulfilledShare: 2 / 3 });
    expect(await listed()).toMatchObject({ clauseCount: 1, clausesBehind: 0 });
    await buildPlacement(t.deps.db, {
      companyId: world.company.id,
      socialClauseId: clause.id,
      startDate: '2026-10-01',
    });
    expect((await detail()).clauses[0].progress).toMatchObject({ fulfilled: 3, status: 'met' });
    const one = (await sessions.job_consultant!.get(`/api/social-clauses/${clause.id}`)).json();
    expect(one.progress).toMatchObject({ fulfilled: 3, status: 'met' });
  });

  it('lists clauses in scope, filtered by computed status with a correct total', async () => {
    const a = await ownAssignment('Statusfilter');
    const met = await buildSocialClause(t.deps.db, { assignmentId: a.id, targetQuantity: 1 });
    await buildPlacement(t.deps.db, { companyId: world.company.id, socialClauseId: met.id });
    const behind1 = await buildSocialClause(t.deps.db, { assignmentId: a.id, targetQuantity: 5 });
    const behind2 = await buildSocialClause(t.deps.db, {
      assignmentId: a.id,
      targetQuantity: 4,
      periodEnd: '2026-12-30',
    });
    const future = await buildSocialClause(t.deps.db, {
      assignmentId: a.id,
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
    });
    const get = async (who: string, query: string) =>
      (await sessions[who]!.get(`/api/social-clauses?assignmentId=${a.id}&${query}`)).json();
    expect((await get('housing_staff', '')).total).toBe(4);
    const behind = await get('housing_staff', 'status=behind&sort=periodEnd&limit=1&offset=1');
    expect(behind).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(behind.items.map((c: { id: string }) => c.id)).toEqual([behind1.id]);
    expect((await get('housing_staff', 'status=behind&sort=periodEnd')).items[0].id).toBe(behind2.id);
    expect((await get('housing_staff', 'status=met')).items.map((c: { id: string }) => c.id)).toEqual([
      met.id,
    ]);
    expect((await get('housing_staff', 'status=not_started')).items.map((c: { id: string }) => c.id)).toEqual(
      [future.id],
    );
    expect((await get('company_contact', '')).total).toBe(4);
    expect((await get('otherStaff', '')).total).toBe(0);
    expect((await sessions.otherStaff!.get(`/api/social-clauses/${met.id}`)).statusCode).toBe(403);
    expect((await sessions.steering!.get('/api/social-clauses')).statusCode).toBe(403);
  });

  it('edits the merged whole and deletes a clause nothing counts on', async () => {
    const a = await ownAssignment('Ændringer');
    const clause = await buildSocialClause(t.deps.db, {
      assignmentId: a.id,
      responsibleUserId: world.users.housing_staff.id,
    });
    const url = `/api/social-clauses/${clause.id}`;
    const patched = await sessions.housing_staff!.patch(url, {
      targetQuantity: 2,
      description: 'Fra kontrakten §12',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      targetQuantity: 2,
      description: 'Fra kontrakten §12',
      kind: 'apprentices',
      periodStart: '2026-01-01',
      responsibleUserId: world.users.housing_staff.id,
    });
    expect(
      (await sessions.housing_staff!.patch(url, { periodEnd: '2025-06-01' })).json().error.fields,
    ).toEqual({
      periodEnd: 'Slutdatoen skal ligge efter startdatoen.',
    });
    expect(
      (await sessions.housing_staff!.patch(url, { responsibleUserId: other.users.housing_staff.id })).json()
        .error.fields,
    ).toEqual({ responsibleUserId: 'Vælg en medarbejder i boligorganisationen.' });
    expect(
      (await sessions.housing_staff!.patch(url, { responsibleUserId: null })).json().responsibleUserId,
    ).toBeNull();
    expect((await sessions.company_contact!.patch(url, { targetQuantity: 1 })).statusCode).toBe(403);

    const placement = await buildPlacement(t.deps.db, {
      companyId: world.company.id,
      socialClauseId: clause.id,
    });
    const refused = await sessions.housing_staff!.delete(url);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('IN_USE');
    await t.deps.db.delete(placements).where(eq(placements.id, placement.id));
    expect((await sessions.job_consultant!.delete(url)).statusCode).toBe(403);
    expect((await sessions.housing_staff!.delete(url)).statusCode).toBe(200);
    expect((await sessions.housing_staff!.get(url)).statusCode).toBe(404);
  });
});

describe('the daily "behind" check', () => {
  it('tells the responsible person once, and again only after recovering and falling behind again', async () => {
    const responsible = await buildUser(t.deps.db, {
      role: 'housing_staff',
      scopeId: world.organisation.id,
      name: 'Rikke Ansvarlig',
    });
    const a = await ownAssignment('Boligblok 7');
    const clause = await buildSocialClause(t.deps.db, {
      assignmentId: a.id,
      targetQuantity: 3,
      responsibleUserId: responsible.id,
    });
    const unowned = await buildSocialClause(t.deps.db, { assignmentId: a.id, targetQuantity: 2 });
    const told = (clauseId: string) =>
      t.deps.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.entityType, 'social_clause'), eq(notifications.entityId, clauseId)));
    try {
      // 1 June: 1.25 of 3 due pro rata, none placed → behind. The two-apprentice clause (0.8 due) is not.
      t.clock.set('2026-06-01T05:00:00Z');
      await notifyClausesBehind(t.deps);
      const first = await told(clause.id);
      expect(first).toHaveLength(1);
      expect(first[0]).toMatchObject({
        userId: responsible.id,
        kind: 'clause_behind',
        title: 'Social klausul halter: Boligblok 7',
        body: 'Lærlinge og elever: 0 opfyldt, 1,3 forventet i dag.',
        link: `/assignments/${a.id}`,
      });
      const [mail] = await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.id, first[0]!.mailId!));
      expect(mail).toMatchObject({
        to: responsible.email,
        subject: 'Jobbro: Social klausul halter: Boligblok 7',
      });
      expect(await told(unowned.id)).toHaveLength(0);

      t.clock.set('2026-06-02T05:00:00Z');
      await notifyClausesBehind(t.deps);
      expect(await told(clause.id)).toHaveLength(1);

      // An apprentice starts: on track again, and the notice is re-armed.
      await buildPlacement(t.deps.db, {
        companyId: world.company.id,
        socialClauseId: clause.id,
        startDate: '2026-06-02',
      });
      t.clock.set('2026-06-03T05:00:00Z');
      await notifyClausesBehind(t.deps);
      const [rearmed] = await t.deps.db.select().from(socialClauses).where(eq(socialClauses.id, clause.id));
      expect(rearmed!.behindNotifiedAt).toBeNull();
      expect(await told(clause.id)).toHaveLength(1);

      // 1 September: 2 of 3 due, 1 placed → behind again. The clause without a responsible person
      // (1.3 due, none placed) tells every housing staff member of the organisation.
      t.clock.set('2026-09-01T05:00:00Z');
      await notifyClausesBehind(t.deps);
      const second = await told(clause.id);
      expect(second).toHaveLength(2);
      expect(second.at(-1)!.body).toBe('Lærlinge og elever: 1 opfyldt, 2 forventet i dag.');
      const everyone = (await told(unowned.id)).map((n) => n.userId);
      expect(everyone).toEqual(expect.arrayContaining([world.users.housing_staff.id, responsible.id]));
      expect(everyone).not.toContain(other.users.housing_staff.id);
      expect(everyone).not.toContain(world.users.social_worker.id);
    } finally {
      t.clock.set(NOW);
    }
  });
});
