import type { TProposalStatus } from '@domain/proposal.schema.ts';
import {
  auditEvents,
  followUps,
  mailOutbox,
  notifications,
  openings,
  placements,
  proposalStatusChanges,
  proposals,
  residentConsents,
  residents,
} from '@server/db/schema/index.ts';
import {
  buildConsent,
  buildOpening,
  buildPartnershipWorld,
  buildResident,
  TEST_PASSWORD,
} from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The company portal on a real PostgreSQL: a company contact sees only the proposals sent to its
// company, with the candidate's consented fields and nothing else, and only while consent (b)
// holds; it invites, records the outcome, hires or declines, the professionals hear of it, a
// decline feeds the recent-declines rule, and a refused move changes nothing.

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;
let t: TTestApp;
let world: TWorld;
let other: TWorld;
const as: Record<'consultant' | 'worker' | 'company' | 'otherCompany', TestSession> = {} as never;

beforeAll(async () => {
  // Wednesday 25.11.2026, 10.00 Danish time.
  t = await createTestApp({ start: '2026-11-25T09:00:00Z' });
  world = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  for (const [key, user] of [
    ['consultant', world.users.job_consultant],
    ['worker', world.users.social_worker],
    ['company', world.users.company_contact],
    ['otherCompany', other.users.company_contact],
  ] as const) {
    as[key] = new TestSession(t.app);
    expect((await as[key].login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  }
});
afterAll(() => t.close());

/** An open carpenter opening of the world's company, already referred. */
async function openingOf(w: TWorld = world, over: Partial<typeof openings.$inferInsert> = {}) {
  return buildOpening(t.deps.db, {
    partnershipId: w.partnership.id,
    companyId: w.company.id,
    type: 'full_time',
    occupationId: 'toemrer',
    startDate: '2027-01-04',
    minAge: 18,
    status: 'referred',
    ...over,
  });
}

/**
 * A carpenter registered by the jobcenter with consents (a) and (b), a social worker responsible
 * for them, and plenty the company must never see (surname, phone, e-mail, benefit group, gender).
 */
async function personOf(w: TWorld = world) {
  const r = await buildResident(t.deps.db, {
    municipalityId: w.municipality.id,
    housingAreaId: w.area.id,
    registeredByJobcenterId: w.jobcenter.id,
    lastName: 'Hemmeligsen',
    phone: '+4522334455',
    email: 'skjult@example.dk',
    benefitGroup: 'kontanthjaelp',
    gender: 'woman',
    occupationIds: ['toemrer'],
    experiences: [
      { title: 'Tømrerlærling', employer: 'Byg ApS', fromYear: 2019, toYear: 2021, description: null },
    ],
    hoursPerWeek: 37,
    availableDay: true,
    availableEvening: false,
    availableWeekend: true,
    responsibleSocialWorkerId: w.users.social_worker.id,
  });
  await buildConsent(t.deps.db, { residentId: r.id, scope: 'sharing' });
  await buildConsent(t.deps.db, { residentId: r.id, scope: 'matching' });
  return r;
}

/** Proposes the person through the API and moves the proposal as far as `to` (the professional side). */
async function proposal(
  openingId: string,
  residentId: string,
  to: 'awaiting_resident' | 'resident_agreed' | 'sent_to_company' = 'sent_to_company',
): Promise<string> {
  const res = await as.consultant.post('/api/proposals', { openingId, residentId });
  expect(res.statusCode).toBe(201);
  const id: string = res.json().id;
  if (to === 'awaiting_resident') return id;
  expect(
    (await as.consultant.post(`/api/proposals/${id}/transitions`, { to: 'resident_agreed' })).statusCode,
  ).toBe(200);
  if (to === 'resident_agreed') return id;
  expect(
    (await as.consultant.post(`/api/proposals/${id}/transitions`, { to: 'sent_to_company' })).statusCode,
  ).toBe(200);
  return id;
}

/** A proposal stored directly in a given status (for counts; the path itself is tested through the API). */
async function storedProposal(w: TWorld, openingId: string, status: TProposalStatus) {
  const person = await personOf(w);
  const now = t.clock.now();
  const [row] = await t.deps.db
    .insert(proposals)
    .values({
      partnershipId: w.partnership.id,
      openingId,
      residentId: person.id,
      companyId: w.company.id,
      occupationId: 'toemrer',
      status,
      score: 0.5,
      scoreSnapshot: { score: 0.5, components: [], reasons: [] },
      proposedAt: now,
      sentToCompanyAt: ['awaiting_resident', 'resident_agreed'].includes(status) ? null : now,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: proposals.id });
  return row!.id;
}

/** Everything a company move could change, to prove a refused one changed nothing. */
async function snapshot(proposalId: string) {
  const db = t.deps.db;
  const [p] = await db.select().from(proposals).where(eq(proposals.id, proposalId));
  const [history] = await db
    .select({ n: count() })
    .from(proposalStatusChanges)
    .where(eq(proposalStatusChanges.proposalId, proposalId));
  const [placed] = await db
    .select({ n: count() })
    .from(placements)
    .where(eq(placements.proposalId, proposalId));
  const [notes] = await db.select({ n: count() }).from(notifications);
  const [mails] = await db.select({ n: count() }).from(mailOutbox);
  const [o] = await db
    .select({ status: openings.status })
    .from(openings)
    .where(eq(openings.id, p!.openingId));
  const [person] = await db
    .select({ status: residents.status })
    .from(residents)
    .where(eq(residents.id, p!.residentId));
  return {
    proposal: p,
    history: history!.n,
    placements: placed!.n,
    notifications: notes!.n,
    mails: mails!.n,
    openingStatus: o!.status,
    personStatus: person!.status,
  };
}

const CANDIDATE_KEYS = [
  'availableDay',
  'availableEvening',
  'availableWeekend',
  'experiences',
  'firstName',
  'hoursPerWeek',
  'occupationIds',
];

describe('sending a proposal to the company', () => {
  it("tells the company's contacts at once, in the app and by e-mail, without naming the person", async () => {
    const opening = await openingOf();
    const person = await personOf();
    const id = await proposal(opening.id, person.id);
    const notes = await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.entityId, id), eq(notifications.kind, 'proposal_sent_to_company')));
    expect(notes.map((n) => n.userId)).toEqual([world.users.company_contact.id]);
    expect(notes[0]!.link).toBe(`/company/proposals/${id}`);
    expect(notes[0]!.title).toBe(`Ny kandidat til ${opening.title}`);
    expect(notes[0]!.mailId).not.toBeNull();
    const [mail] = await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.id, notes[0]!.mailId!));
    expect(mail!.to).toBe(world.users.company_contact.email);
    expect(mail!.textBody).toContain(`/company/proposals/${id}`);
    expect(mail!.textBody).not.toContain(person.firstName);
    // The other company's contact hears nothing.
    expect(notes.some((n) => n.userId === other.users.company_contact.id)).toBe(false);
  });
});

describe('GET /api/company/proposals', () => {
  it('lists only the proposals sent to the company, with exactly the consented candidate fields', async () => {
    const opening = await openingOf(world, { title: 'Tømrer til Houlkærvænget' });
    const sent = await personOf();
    const agreed = await personOf();
    const awaiting = await personOf();
    const sentId = await proposal(opening.id, sent.id);
    const agreedId = await proposal(opening.id, agreed.id, 'resident_agreed');
    const awaitingId = await proposal(opening.id, awaiting.id, 'awaiting_resident');
    const otherOpening = await openingOf(other);
    const otherId = await storedProposal(other, otherOpening.id, 'sent_to_company');

    const res = await as.company.get(`/api/company/proposals?openingId=${opening.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const page = res.json();
    expect(page.items.map((p: { id: string }) => p.id)).toEqual([sentId]);
    const [item] = page.items;
    expect(Object.keys(item).sort()).toEqual(
      [
        'actions',
        'candidate',
        'declineReason',
        'id',
        'interviewAt',
        'interviewLocation',
        'interviewOutcome',
        'openingId',
        'openingTitle',
        'openingType',
        'placementId',
        'sentToCompanyAt',
        'status',
      ].sort(),
    );
    expect(Object.keys(item.candidate).sort()).toEqual(CANDIDATE_KEYS);
    expect(item.candidate).toEqual({
      firstName: sent.firstName,
      occupationIds: ['toemrer'],
      experiences: [
        { title: 'Tømrerlærling', employer: 'Byg ApS', fromYear: 2019, toYear: 2021, description: null },
      ],
      hoursPerWeek: 37,
      availableDay: true,
      availableEvening: false,
      availableWeekend: true,
    });
    expect(item.actions).toEqual(['invite', 'hire', 'decline']);
    // Nothing else of the person, anywhere in the answer.
    const raw = res.body;
    for (const secret of [
      'Hemmeligsen',
      '+4522334455',
      'skjult@example.dk',
      'kontanthjaelp',
      'woman',
      sent.id,
    ]) {
      expect(raw).not.toContain(secret);
    }
    for (const key of ['lastName', 'phone', 'email', 'benefitGroup', 'gender', 'residentId', 'birthDate']) {
      expect(raw).not.toContain(`"${key}"`);
    }

    // All of the company's list: never the other company's, never one still with the professionals.
    const all = (await as.company.get('/api/company/proposals?pageSize=200')).json();
    const ids = all.items.map((p: { id: string }) => p.id);
    expect(ids).toContain(sentId);
    expect(ids).not.toContain(agreedId);
    expect(ids).not.toContain(awaitingId);
    expect(ids).not.toContain(otherId);

    // The search finds the opening's title and the first name it may show; the read is logged by id.
    const found = (await as.company.get(`/api/company/proposals?q=${encodeURIComponent('houlkær')}`)).json();
    expect(found.items.map((p: { id: string }) => p.id)).toEqual([sentId]);
    const byName = (await as.company.get(`/api/company/proposals?q=${sent.firstName}`)).json();
    expect(byName.items.map((p: { id: string }) => p.id)).toEqual([sentId]);
    const [search] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, world.users.company_contact.id), eq(auditEvents.action, 'search')))
      .orderBy(auditEvents.id)
      .limit(1);
    expect(search!.entityType).toBe('proposal');
    expect((search!.details as { residentIds: string[] }).residentIds).toEqual([sent.id]);
  });

  it('filters by status and sorts by opening title', async () => {
    const a = await openingOf(world, { title: 'Ærlig tømrer' });
    const b = await openingOf(world, { title: 'Anden tømrer' });
    const declined = await storedProposal(world, a.id, 'company_declined');
    const waiting = await storedProposal(world, b.id, 'sent_to_company');
    const onlyDeclined = (await as.company.get('/api/company/proposals?status=company_declined')).json();
    expect(onlyDeclined.items.map((p: { id: string }) => p.id)).toContain(declined);
    expect(onlyDeclined.items.every((p: { status: string }) => p.status === 'company_declined')).toBe(true);
    // The company's own no stays in its history, without the person's profile.
    const mine = onlyDeclined.items.find((p: { id: string }) => p.id === declined);
    expect(mine.candidate).toBeNull();
    expect(mine.actions).toEqual([]);
    const sorted = (await as.company.get('/api/company/proposals?sort=openingTitle&pageSize=200')).json();
    const order = sorted.items.map((p: { id: string }) => p.id);
    // Danish collation: Æ after A.
    expect(order.indexOf(waiting)).toBeLessThan(order.indexOf(declined));
  });

  it('answers 400 for an unknown status filter', async () => {
    const res = await as.company.get('/api/company/proposals?status=nope');
    expect(res.statusCode).toBe(400);
  });
});

describe('GET /api/company/proposals/:id', () => {
  it('shows the candidate, logs the read, and stops showing it once consent (b) is withdrawn', async () => {
    const opening = await openingOf();
    const person = await personOf();
    const id = await proposal(opening.id, person.id);
    const res = await as.company.get(`/api/company/proposals/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(Object.keys(res.json().candidate).sort()).toEqual(CANDIDATE_KEYS);
    const reads = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'read')));
    expect(reads.map((r) => (r.details as { residentId: string }).residentId)).toEqual([person.id]);

    // The jobcenter withdraws consent (b) through the API: the next read shows no profile.
    const [consent] = await t.deps.db
      .select()
      .from(residentConsents)
      .where(and(eq(residentConsents.residentId, person.id), eq(residentConsents.scope, 'matching')));
    const withdrawn = await as.consultant.post(
      `/api/residents/${person.id}/consents/${consent!.id}/withdraw`,
    );
    expect(withdrawn.statusCode).toBe(200);
    const after = (await as.company.get(`/api/company/proposals/${id}`)).json();
    expect(after.candidate).toBeNull();
    expect(after.actions).toEqual(['hire', 'decline']);
    const list = (await as.company.get(`/api/company/proposals?openingId=${opening.id}`)).json();
    expect(list.items[0].candidate).toBeNull();
    expect(JSON.stringify(list)).not.toContain(person.firstName);
    // And it cannot invite a person it may no longer see.
    const invite = await as.company.post(`/api/company/proposals/${id}/interview`, {
      date: '2026-12-01',
      time: '10:00',
    });
    expect(invite.statusCode).toBe(409);
  });

  it("answers 404 (logged) to another company's contact and for a proposal not yet sent", async () => {
    const opening = await openingOf();
    const sentId = await proposal(opening.id, (await personOf()).id);
    const notSent = await proposal(opening.id, (await personOf()).id, 'resident_agreed');
    const foreign = await as.otherCompany.get(`/api/company/proposals/${sentId}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain('Hemmeligsen');
    expect((await as.company.get(`/api/company/proposals/${notSent}`)).statusCode).toBe(404);
    const denied = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'denied'), inArray(auditEvents.entityId, [sentId, notSent])));
    expect(denied.map((d) => [d.userId, (d.details as { reason: string }).reason]).sort()).toEqual(
      [
        [other.users.company_contact.id, 'other_company'],
        [world.users.company_contact.id, 'not_sent_to_company'],
      ].sort(),
    );
  });

  it('is closed to the professionals (their view is /api/proposals)', async () => {
    const opening = await openingOf();
    const id = await proposal(opening.id, (await personOf()).id);
    expect((await as.consultant.get(`/api/company/proposals/${id}`)).statusCode).toBe(403);
  });
});

describe('GET /api/company/openings', () => {
  it("shows the company's own openings with the pipeline of proposals that reached it", async () => {
    const opening = await openingOf(world, { title: 'Pipeline-tømrer' });
    for (const status of [
      'awaiting_resident',
      'resident_agreed',
      'withdrawn',
      'sent_to_company',
      'sent_to_company',
      'interview',
      'hired',
      'company_declined',
    ] as const) {
      await storedProposal(world, opening.id, status);
    }
    const foreign = await openingOf(other, { title: 'Pipeline-tømrer hos en anden' });
    const res = await as.company.get(`/api/company/openings?q=${encodeURIComponent('pipeline-tømrer')}`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.items.map((o: { id: string }) => o.id)).toEqual([opening.id]);
    expect(page.items[0]).toMatchObject({
      title: 'Pipeline-tømrer',
      type: 'full_time',
      status: 'referred',
      pipeline: { sent: 2, interview: 1, hired: 1, declined: 1 },
    });
    const mine = (await as.company.get('/api/company/openings?pageSize=200&sort=title')).json();
    expect(mine.items.some((o: { id: string }) => o.id === foreign.id)).toBe(false);
    expect(mine.total).toBe(mine.items.length);
    // The status and type filters.
    const q = `q=${encodeURIComponent('pipeline-tømrer')}`;
    const referred = (
      await as.company.get(`/api/company/openings?${q}&status=referred&type=full_time`)
    ).json();
    expect(referred.items.map((o: { id: string }) => o.id)).toEqual([opening.id]);
    const filled = (await as.company.get(`/api/company/openings?${q}&status=filled`)).json();
    expect(filled.items).toEqual([]);
    expect((await as.company.get('/api/company/openings?status=nope')).statusCode).toBe(400);
  });
});

describe('the path from invitation to hire', () => {
  it('invites (Danish time), records the outcome and hires: a placement, its follow-ups, the news to the professionals', async () => {
    const opening = await openingOf(world, { status: 'proposals' });
    const person = await personOf();
    const id = await proposal(opening.id, person.id);

    // Invite: 02.12.2026 at 10.00 Danish (winter) time is 09:00 UTC.
    const invited = await as.company.post(`/api/company/proposals/${id}/interview`, {
      date: '2026-12-02',
      time: '10:00',
      location: 'Værkstedsvej 4, Viborg',
      note: 'Tag arbejdstøj med.',
    });
    expect(invited.statusCode).toBe(200);
    expect(invited.json()).toMatchObject({
      status: 'interview',
      interviewAt: '2026-12-02T09:00:00.000Z',
      interviewLocation: 'Værkstedsvej 4, Viborg',
      actions: ['invite', 'record_interview', 'hire', 'decline'],
    });
    const [o] = await t.deps.db.select().from(openings).where(eq(openings.id, opening.id));
    expect(o!.status).toBe('interviewing');
    const news = await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.entityId, id), eq(notifications.kind, 'company_answered')));
    // The proposer (the job consultant) and the person's responsible social worker, by e-mail too.
    expect(news.map((n) => n.userId).sort()).toEqual(
      [world.users.job_consultant.id, world.users.social_worker.id].sort(),
    );
    expect(news.every((n) => n.mailId !== null)).toBe(true);
    expect(news[0]!.body).toContain('02.12.2026 kl. 10.00');
    expect(news[0]!.link).toBe(`/proposals/${id}`);

    // Moving the time keeps the status and tells them again; a summer date is UTC+2.
    const moved = await as.company.post(`/api/company/proposals/${id}/interview`, {
      date: '2027-06-15',
      time: '09:30',
    });
    expect(moved.json().interviewAt).toBe('2027-06-15T07:30:00.000Z');

    const outcome = await as.company.post(`/api/company/proposals/${id}/interview-outcome`, {
      outcome: 'positive',
      note: 'Stærk faglighed.',
    });
    expect(outcome.statusCode).toBe(200);
    expect(outcome.json().interviewOutcome).toBe('positive');
    const [stored] = await t.deps.db.select().from(proposals).where(eq(proposals.id, id));
    expect(stored!.interviewOutcomeNote).toBe('Stærk faglighed.');

    const hired = await as.company.post(`/api/company/proposals/${id}/hire`, {
      startDate: '2027-01-04',
      hoursPerWeek: 37,
      type: 'full_time',
      wageSubsidy: 'none',
    });
    expect(hired.statusCode).toBe(200);
    const body = hired.json();
    expect(body.status).toBe('hired');
    expect(body.placementId).toEqual(expect.any(String));
    expect(body.actions).toEqual([]);
    // The company still sees whom it hired.
    expect(body.candidate.firstName).toBe(person.firstName);

    const [placement] = await t.deps.db.select().from(placements).where(eq(placements.id, body.placementId));
    expect(placement).toMatchObject({
      proposalId: id,
      residentId: person.id,
      companyId: world.company.id,
      openingId: opening.id,
      startDate: '2027-01-04',
      status: 'active',
    });
    const plan = await t.deps.db.select().from(followUps).where(eq(followUps.placementId, body.placementId));
    expect(plan.length).toBeGreaterThanOrEqual(5);
    const [after] = await t.deps.db.select().from(residents).where(eq(residents.id, person.id));
    expect(after!.status).toBe('in_job');
    const history = await t.deps.db
      .select({ from: proposalStatusChanges.fromStatus, to: proposalStatusChanges.toStatus })
      .from(proposalStatusChanges)
      .where(eq(proposalStatusChanges.proposalId, id))
      .orderBy(proposalStatusChanges.id);
    expect(history.map((h) => h.to)).toEqual([
      'awaiting_resident',
      'resident_agreed',
      'sent_to_company',
      'interview',
      'interview',
      'hired',
    ]);
    const hiredNews = await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.entityId, body.placementId), eq(notifications.kind, 'placement_hired')));
    expect(hiredNews.length).toBeGreaterThan(0);
    // The pipeline shows the hire.
    const mine = (
      await as.company.get(`/api/company/openings?q=${encodeURIComponent(opening.title)}`)
    ).json();
    expect(mine.items[0].pipeline).toEqual({ sent: 0, interview: 0, hired: 1, declined: 0 });
  });
});

describe('POST /api/company/proposals/:id/decline', () => {
  it("records the no, tells the professionals, and keeps the person from the company's next carpenter opening", async () => {
    const first = await openingOf();
    const next = await openingOf();
    const person = await personOf();
    const candidatesOf = async (openingId: string) =>
      (await as.consultant.get(`/api/openings/${openingId}/candidates?limit=200`))
        .json()
        .candidates.map((c: { residentId: string }) => c.residentId);
    expect(await candidatesOf(next.id)).toContain(person.id);

    const id = await proposal(first.id, person.id);
    const res = await as.company.post(`/api/company/proposals/${id}/decline`, {
      reason: 'experience',
      text: 'Vi søger en med svendebrev.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'company_declined',
      declineReason: 'experience',
      candidate: null,
    });
    const [stored] = await t.deps.db.select().from(proposals).where(eq(proposals.id, id));
    expect(stored!.companyDeclinedAt?.toISOString()).toBe(t.clock.now().toISOString());
    expect(stored!.closedAt).not.toBeNull();
    expect(stored!.companyDeclineText).toBe('Vi søger en med svendebrev.');
    const news = await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.entityId, id), eq(notifications.kind, 'company_answered')));
    expect(news.map((n) => n.userId).sort()).toEqual(
      [world.users.job_consultant.id, world.users.social_worker.id].sort(),
    );

    // The recent-declines rule: not a candidate for the same company and occupation …
    expect(await candidatesOf(next.id)).not.toContain(person.id);
    const summary = (await as.consultant.get(`/api/openings/${next.id}/candidates`)).json().exclusionSummary;
    expect(summary.map((l: { code: string }) => l.code)).toContain('declined_recently');
    // … but still one for another occupation at the same company.
    const painter = await openingOf(world, { occupationId: 'maler' });
    await t.deps.db
      .update(residents)
      .set({ occupationIds: ['toemrer', 'maler'] })
      .where(eq(residents.id, person.id));
    expect(await candidatesOf(painter.id)).toContain(person.id);
  });
});

describe('bad input changes nothing', () => {
  it('refuses a move from the wrong status with 409 and a Danish message naming the status', async () => {
    const opening = await openingOf();
    const id = await proposal(opening.id, (await personOf()).id);
    const before = await snapshot(id);
    const res = await as.company.post(`/api/company/proposals/${id}/interview-outcome`, {
      outcome: 'positive',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
    expect(res.json().error.message).toContain('"Sendt til virksomheden"');
    expect(await snapshot(id)).toEqual(before);

    // After its own no, the company can neither hire nor invite.
    expect(
      (await as.company.post(`/api/company/proposals/${id}/decline`, { reason: 'skills' })).statusCode,
    ).toBe(200);
    const declined = await snapshot(id);
    const hire = await as.company.post(`/api/company/proposals/${id}/hire`, {
      startDate: '2027-01-04',
      hoursPerWeek: 37,
      type: 'full_time',
    });
    expect(hire.statusCode).toBe(409);
    expect(hire.json().error.message).toContain('"Virksomheden har sagt nej"');
    const invite = await as.company.post(`/api/company/proposals/${id}/interview`, {
      date: '2026-12-01',
      time: '10:00',
    });
    expect(invite.statusCode).toBe(409);
    expect(await snapshot(id)).toEqual(declined);
  });

  it('refuses bad dates at the field, in Danish', async () => {
    const opening = await openingOf();
    const id = await proposal(opening.id, (await personOf()).id);
    const before = await snapshot(id);

    const past = await as.company.post(`/api/company/proposals/${id}/interview`, {
      date: '2026-11-24',
      time: '10:00',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields.date).toBe('Datoen for samtalen ligger i fortiden.');

    const early = await as.company.post(`/api/company/proposals/${id}/hire`, {
      startDate: '2026-11-20',
      hoursPerWeek: 37,
      type: 'full_time',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.startDate).toContain('25.11.2026');

    const reversed = await as.company.post(`/api/company/proposals/${id}/hire`, {
      startDate: '2027-02-01',
      endDate: '2027-01-15',
      hoursPerWeek: 37,
      type: 'full_time',
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields.endDate).toBe('Slutdatoen ligger før startdatoen.');

    const noText = await as.company.post(`/api/company/proposals/${id}/decline`, { reason: 'other' });
    expect(noText.statusCode).toBe(400);
    expect(noText.json().error.fields.text).toBeDefined();

    const badTime = await as.company.post(`/api/company/proposals/${id}/interview`, {
      date: '2026-12-01',
      time: '25:00',
    });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().error.fields.time).toBe('Skriv tidspunktet som tt:mm.');

    expect(await snapshot(id)).toEqual(before);
    const [p] = await t.deps.db.select({ n: count() }).from(placements).where(eq(placements.proposalId, id));
    expect(p!.n).toBe(0);
  });

  it('answers 404 (logged) when a company acts on a proposal not sent to it, and changes nothing', async () => {
    const opening = await openingOf();
    const id = await proposal(opening.id, (await personOf()).id);
    const before = await snapshot(id);
    for (const [path, payload] of [
      ['interview', { date: '2026-12-01', time: '10:00' }],
      ['interview-outcome', { outcome: 'positive' }],
      ['decline', { reason: 'skills' }],
      ['hire', { startDate: '2027-01-04', hoursPerWeek: 37, type: 'full_time' }],
    ] as const) {
      const res = await as.otherCompany.post(`/api/company/proposals/${id}/${path}`, payload);
      expect(res.statusCode).toBe(404);
    }
    expect(await snapshot(id)).toEqual(before);
    const denied = await t.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'denied'),
          eq(auditEvents.entityId, id),
          eq(auditEvents.userId, other.users.company_contact.id),
        ),
      );
    expect(denied.map((d) => (d.details as { action: string }).action).sort()).toEqual(
      ['decline', 'hire', 'invite', 'record_interview'].sort(),
    );
  });
});
