import { openingReferrals, referralContacts } from '@server/db/schema/index.ts';
import {
  buildCompany,
  buildJobcenter,
  buildPartnershipWorld,
  buildUser,
  TEST_PASSWORD,
} from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { startSmtpReceiver, type TSmtpReceiver } from '@server/test/smtp.ts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let smtp: TSmtpReceiver;
let t: TTestApp;
let world: Awaited<ReturnType<typeof buildPartnershipWorld>>;
let other: Awaited<ReturnType<typeof buildPartnershipWorld>>;
const sessions: Record<string, TestSession> = {};

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  t = await createTestApp({
    config: { smtpUrl: smtp.url },
    queueWorker: true,
    start: '2026-11-24T09:00:00Z',
  });
  world = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  for (const [role, user] of Object.entries(world.users)) {
    sessions[role] = new TestSession(t.app);
    await sessions[role].login(user.email, TEST_PASSWORD);
  }
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const opening = (over: Record<string, unknown> = {}) => ({
  companyId: world.company.id,
  type: 'apprentice',
  title: 'Tømrerlærling til renoveringen',
  occupationId: 'toemrer',
  hoursPerWeek: 37,
  startDate: '2027-01-04',
  positions: 2,
  postalCode: '8800',
  city: 'Viborg',
  ...over,
});

describe('openings and the instant dual referral', () => {
  it('refers a new opening at once to the job consultant and the social worker of the partnership, by e-mail within 5 s', async () => {
    const started = Date.now();
    const res = await sessions.housing_staff!.post('/api/openings', opening());
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      status: 'referred',
      housingOrganisationId: world.organisation.id,
      minAge: 15,
    });
    expect(created.referrals.map((r: { userId: string; role: string }) => [r.userId, r.role]).sort()).toEqual(
      [
        [world.users.job_consultant.id, 'job_consultant'],
        [world.users.social_worker.id, 'social_worker'],
      ].sort(),
    );
    expect(created.history.map((h: { to: string }) => h.to)).toEqual(['new', 'referred']);

    const consultantMail = await smtp.waitFor((m) => m.to === world.users.job_consultant.email, 5_000);
    const workerMail = await smtp.waitFor((m) => m.to === world.users.social_worker.email, 5_000);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(5_000);
    expect(consultantMail.subject).toBe('Jobbro: Ny jobåbning: Tømrerlærling til renoveringen');
    expect(workerMail.text).toContain(`/openings/${created.id}`);
    expect(workerMail.text).toContain('Lærlingeplads');
    // Nobody outside the partnership is told.
    expect(smtp.received.some((m) => m.to === other.users.job_consultant.email)).toBe(false);
    expect(smtp.received.some((m) => m.to === other.users.social_worker.email)).toBe(false);

    const bell = await sessions.job_consultant!.get('/api/notifications/unread-count');
    expect(bell.json().count).toBeGreaterThanOrEqual(1);
    const detail = await sessions.social_worker!.get(`/api/openings/${created.id}`);
    expect(detail.statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    const after = (await sessions.admin!.get(`/api/openings/${created.id}`)).json();
    expect(after.referrals.every((r: { mailSentAt: string | null }) => r.mailSentAt !== null)).toBe(true);
  });

  it('uses the configured referral contacts when the partnership has them', async () => {
    const chosen = await buildUser(t.deps.db, {
      role: 'job_consultant',
      scopeId: world.jobcenter.id,
      email: 'valgt@jobbro.test',
    });
    await t.deps.db
      .insert(referralContacts)
      .values({ partnershipId: world.partnership.id, userId: chosen.id, role: 'job_consultant' });
    const res = await sessions.company_contact!.post('/api/openings', opening({ title: 'Elektrikerelev' }));
    expect(res.statusCode).toBe(201);
    const roles = res
      .json()
      .referrals.map((r: { userId: string; role: string }) => `${r.role}:${r.userId}`)
      .sort();
    expect(roles).toEqual(
      [`job_consultant:${chosen.id}`, `social_worker:${world.users.social_worker.id}`].sort(),
    );
    await t.deps.db.delete(referralContacts).where(eq(referralContacts.userId, chosen.id));
  });

  it('refuses youth openings that break the youth-work rules, with Danish field messages, and stores nothing', async () => {
    const before = (await sessions.admin!.get('/api/openings')).json().total;
    const res = await sessions.housing_staff!.post(
      '/api/openings',
      opening({
        type: 'leisure_job',
        title: 'Fritidsjob i kantinen',
        occupationId: 'koekkenmedhjaelper',
        hoursPerWeek: 20,
        scheduleEvening: true,
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.hoursPerWeek).toMatch(/må højst|aften/);
    const bad = await sessions.housing_staff!.post(
      '/api/openings',
      opening({ occupationId: 'astronaut', positions: 0, startDate: '2027-01-04', endDate: '2026-12-01' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toMatchObject({
      occupationId: 'Ukendt stilling.',
      positions: 'Mindst 1.',
    });
    const backwards = await sessions.housing_staff!.post('/api/openings', opening({ endDate: '2026-12-01' }));
    expect(backwards.json().error.fields).toEqual({ endDate: 'Slutdatoen skal ligge efter startdatoen.' });
    expect((await sessions.admin!.get('/api/openings')).json().total).toBe(before);
  });

  it('keeps each role to its scope', async () => {
    const foreign = await buildCompany(t.deps.db, { partnershipIds: [other.partnership.id] });
    const ownCompanyOnly = await sessions.company_contact!.post(
      '/api/openings',
      opening({ companyId: foreign.id }),
    );
    expect(ownCompanyOnly.statusCode).toBe(403);
    const outside = await sessions.housing_staff!.post('/api/openings', opening({ companyId: foreign.id }));
    expect([400, 403]).toContain(outside.statusCode);
    const theirs = await new TestSession(t.app);
    await theirs.login(other.users.housing_staff.email, TEST_PASSWORD);
    const created = await theirs.post('/api/openings', opening({ companyId: other.company.id }));
    expect(created.statusCode).toBe(201);
    expect((await sessions.job_consultant!.get(`/api/openings/${created.json().id}`)).statusCode).toBe(403);
    const list = (await sessions.job_consultant!.get('/api/openings')).json();
    expect(list.items.some((o: { id: string }) => o.id === created.json().id)).toBe(false);
    // The list carries no contact person; the audited detail page does.
    expect(list.items[0]).not.toHaveProperty('contactEmail');
    expect((await sessions.steering!.get('/api/openings')).statusCode).toBe(403);
    // A job consultant from another jobcenter in a third municipality sees nothing of ours.
    const elsewhere = await buildUser(t.deps.db, {
      role: 'job_consultant',
      scopeId: (await buildJobcenter(t.deps.db)).id,
    });
    const s = new TestSession(t.app);
    await s.login(elsewhere.email, TEST_PASSWORD);
    expect((await s.get('/api/openings')).json().total).toBe(0);
  });

  it("shows a company's own opening without an area to the partnership's housing staff, not to others'", async () => {
    const posted = await sessions.company_contact!.post(
      '/api/openings',
      opening({ title: 'Elektrikerlærling fra portalen' }),
    );
    expect(posted.statusCode).toBe(201);
    const { id, housingOrganisationId } = posted.json();
    expect(housingOrganisationId).toBeNull();
    expect((await sessions.housing_staff!.get(`/api/openings/${id}`)).statusCode).toBe(200);
    const list = (await sessions.housing_staff!.get('/api/openings?q=portalen')).json();
    expect(list.items.map((o: { id: string }) => o.id)).toEqual([id]);
    const otherStaff = new TestSession(t.app);
    await otherStaff.login(other.users.housing_staff.email, TEST_PASSWORD);
    expect((await otherStaff.get(`/api/openings/${id}`)).statusCode).toBe(403);
    expect((await otherStaff.get('/api/openings?q=portalen')).json().total).toBe(0);
  });

  it('moves through the statuses in order, timestamped with who did it, and freezes a closed opening', async () => {
    const created = (
      await sessions.housing_staff!.post('/api/openings', opening({ title: 'Malerlærling' }))
    ).json();
    const skip = await sessions.job_consultant!.post(`/api/openings/${created.id}/status`, {
      status: 'filled',
    });
    expect(skip.statusCode).toBe(409);
    t.clock.advance(60_000);
    const interviewing = await sessions.job_consultant!.post(`/api/openings/${created.id}/status`, {
      status: 'interviewing',
    });
    expect(interviewing.statusCode).toBe(200);
    const filled = await sessions.social_worker!.post(`/api/openings/${created.id}/status`, {
      status: 'filled',
      note: 'Ansat',
    });
    expect(filled.json().history.map((h: { to: string; byName: string | null }) => [h.to, h.byName])).toEqual(
      [
        ['new', world.users.housing_staff.name],
        ['referred', world.users.housing_staff.name],
        ['interviewing', world.users.job_consultant.name],
        ['filled', world.users.social_worker.name],
      ],
    );
    const edit = await sessions.housing_staff!.patch(`/api/openings/${created.id}`, { positions: 3 });
    expect(edit.statusCode).toBe(409);
  });

  it('updates an open opening and validates the merged whole', async () => {
    const created = (
      await sessions.company_contact!.post('/api/openings', opening({ title: 'VVS-lærling' }))
    ).json();
    const ok = await sessions.company_contact!.patch(`/api/openings/${created.id}`, {
      positions: 1,
      description: 'Start i januar',
    });
    expect(ok.json()).toMatchObject({ positions: 1, description: 'Start i januar' });
    const bad = await sessions.company_contact!.patch(`/api/openings/${created.id}`, {
      endDate: '2026-01-01',
    });
    expect(bad.statusCode).toBe(400);
    const referrals = await t.deps.db
      .select()
      .from(openingReferrals)
      .where(eq(openingReferrals.openingId, created.id));
    expect(new Set(referrals.map((r) => r.role))).toEqual(new Set(['job_consultant', 'social_worker']));
  });

  it('lets the secretariat configure who receives openings, checked against their roles', async () => {
    const url = `/api/partnerships/${world.partnership.id}/referral-contacts`;
    const put = (contacts: object[]) =>
      sessions.admin!.request({ method: 'PUT', url, payload: { contacts } });
    const wrong = await put([
      { userId: world.users.social_worker.id, role: 'job_consultant' },
      { userId: other.users.social_worker.id, role: 'social_worker' },
    ]);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({
      'contacts.0.userId': 'Personen er ikke jobkonsulent i partnerskabets kommune.',
      'contacts.1.userId': 'Personen er ikke boligsocial medarbejder i partnerskabet.',
    });
    const ok = await put([
      { userId: world.users.job_consultant.id, role: 'job_consultant', housingAreaId: world.area.id },
    ]);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual([
      expect.objectContaining({
        userId: world.users.job_consultant.id,
        role: 'job_consultant',
        housingAreaName: world.area.name,
      }),
    ]);
    expect((await sessions.housing_staff!.get(url)).statusCode).toBe(403);
    // An opening in that area goes to the configured consultant (and, with none configured for
    // social workers, to every social worker of the partnership).
    const created = (
      await sessions.housing_staff!.post(
        '/api/openings',
        opening({ title: 'Områdejob', housingAreaId: world.area.id }),
      )
    ).json();
    expect(
      created.referrals
        .filter((r: { role: string }) => r.role === 'job_consultant')
        .map((r: { userId: string }) => r.userId),
    ).toEqual([world.users.job_consultant.id]);
    expect((await put([])).json()).toEqual([]);
  });
});
