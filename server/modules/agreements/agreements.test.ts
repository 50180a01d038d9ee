import { agreements, auditEvents } from '@server/db/schema/index.ts';
import {
  buildAgreement,
  buildCompany,
  buildHousingOrganisation,
  buildPartnershipWorld,
  TEST_PASSWORD,
} from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;

let t: TTestApp;
let world: TWorld;
let other: TWorld;
const sessions: Record<string, TestSession> = {};
const otherStaff = () => sessions.other_housing_staff!;

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-24T09:00:00Z' });
  world = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  const logins = {
    ...world.users,
    other_housing_staff: other.users.housing_staff,
    other_company_contact: other.users.company_contact,
  };
  for (const [role, user] of Object.entries(logins)) {
    sessions[role] = new TestSession(t.app);
    expect((await sessions[role].login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  }
});
afterAll(async () => t.close());

const agreement = (over: Record<string, unknown> = {}) => ({
  companyId: world.company.id,
  housingOrganisationIds: [world.organisation.id],
  title: 'Lærlingeaftale 2027',
  periodStart: '2027-01-01',
  periodEnd: '2028-12-31',
  signedOn: '2026-11-20',
  commitments: [{ kind: 'apprentices', quantity: 2, per: 'year', note: 'Tømrer eller murer' }],
  note: 'Genforhandles efter første år.',
  ...over,
});

async function storedCount(): Promise<number> {
  const [row] = await t.deps.db.select({ n: count() }).from(agreements);
  return row!.n;
}

describe('partnership agreements', () => {
  it('housing staff create, read, update and delete an agreement; both sides read it', async () => {
    const created = await sessions.housing_staff!.post('/api/agreements', agreement());
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      companyId: world.company.id,
      companyName: world.company.name,
      housingOrganisations: [{ id: world.organisation.id, name: world.organisation.name }],
      title: 'Lærlingeaftale 2027',
      periodStart: '2027-01-01',
      periodEnd: '2028-12-31',
      signedOn: '2026-11-20',
      commitments: [{ kind: 'apprentices', quantity: 2, per: 'year', note: 'Tømrer eller murer' }],
      // Signed, and its period has not ended.
      state: 'active',
    });

    // Shown on both sides: the partnership's staff and the company itself read it.
    for (const role of ['social_worker', 'job_consultant', 'company_contact', 'admin']) {
      const read = await sessions[role]!.get(`/api/agreements/${body.id}`);
      expect(read.statusCode, role).toBe(200);
      expect(read.json().title).toBe('Lærlingeaftale 2027');
    }
    const ownList = (
      await sessions.company_contact!.get(`/api/agreements?companyId=${world.company.id}`)
    ).json();
    expect(ownList.items.map((a: { id: string }) => a.id)).toContain(body.id);

    // A partial update keeps the commitments; sending commitments replaces them.
    const renamed = await sessions.housing_staff!.patch(`/api/agreements/${body.id}`, { title: 'Ny titel' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ title: 'Ny titel', commitments: [{ kind: 'apprentices' }] });
    const replaced = await sessions.housing_staff!.patch(`/api/agreements/${body.id}`, {
      commitments: [
        { kind: 'trainees', quantity: 1, per: 'half_year' },
        { kind: 'site_trials', quantity: 4, per: 'agreement' },
      ],
      signedOn: null,
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({
      state: 'draft',
      commitments: [
        { kind: 'trainees', quantity: 1, per: 'half_year', note: null },
        { kind: 'site_trials', quantity: 4, per: 'agreement', note: null },
      ],
    });

    const audit = await t.deps.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'agreement'), eq(auditEvents.entityId, body.id)));
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);

    const deleted = await sessions.housing_staff!.delete(`/api/agreements/${body.id}`);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({ ok: true });
    expect((await sessions.housing_staff!.get(`/api/agreements/${body.id}`)).statusCode).toBe(404);
  });

  it('refuses bad input with Danish field messages and stores nothing', async () => {
    const before = await storedCount();
    const backwards = await sessions.housing_staff!.post(
      '/api/agreements',
      agreement({ periodStart: '2027-06-01', periodEnd: '2027-01-01' }),
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields).toEqual({ periodEnd: 'Slutdatoen skal ligge efter startdatoen.' });

    const missing = await sessions.housing_staff!.post(
      '/api/agreements',
      agreement({
        title: '  ',
        housingOrganisationIds: [],
        commitments: [{ kind: 'apprentices', quantity: 0, per: 'decade' }],
      }),
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toMatchObject({
      title: 'Skal udfyldes.',
      housingOrganisationIds: 'Vælg mindst én boligorganisation.',
      'commitments.0.quantity': 'Mindst 1.',
      'commitments.0.per': 'Vælg en periode.',
    });

    const unknownOrg = await sessions.housing_staff!.post(
      '/api/agreements',
      agreement({ housingOrganisationIds: [world.organisation.id, '00000000-0000-4000-8000-000000000000'] }),
    );
    expect(unknownOrg.statusCode).toBe(400);
    expect(unknownOrg.json().error.fields).toEqual({
      housingOrganisationIds: 'En af de valgte boligorganisationer findes ikke.',
    });

    // The company must work in the partnership of every organisation in the agreement.
    const elsewhere = await buildCompany(t.deps.db, { partnershipIds: [other.partnership.id] });
    const wrongCompany = await sessions.housing_staff!.post(
      '/api/agreements',
      agreement({ companyId: elsewhere.id }),
    );
    expect(wrongCompany.statusCode).toBe(400);
    expect(wrongCompany.json().error.fields).toEqual({
      companyId: 'Virksomheden arbejder ikke i partnerskabet for alle de valgte boligorganisationer.',
    });

    // An update is validated as the whole it makes.
    const existing = await buildAgreement(t.deps.db, {
      companyId: world.company.id,
      housingOrganisationIds: [world.organisation.id],
    });
    const badPatch = await sessions.housing_staff!.patch(`/api/agreements/${existing.id}`, {
      periodEnd: '2025-01-01',
    });
    expect(badPatch.statusCode).toBe(400);
    expect(badPatch.json().error.fields).toEqual({ periodEnd: 'Slutdatoen skal ligge efter startdatoen.' });
    expect((await sessions.admin!.get(`/api/agreements/${existing.id}`)).json().periodEnd).toBeNull();
    expect(await storedCount()).toBe(before + 1);
  });

  it('keeps each role to its scope', async () => {
    const ours = await buildAgreement(t.deps.db, {
      companyId: world.company.id,
      housingOrganisationIds: [world.organisation.id],
      title: 'Vores aftale',
    });
    const theirs = await buildAgreement(t.deps.db, {
      companyId: other.company.id,
      housingOrganisationIds: [other.organisation.id],
      title: 'Deres aftale',
    });

    // Another organisation's staff neither see nor change ours.
    expect((await otherStaff().get(`/api/agreements/${ours.id}`)).statusCode).toBe(403);
    expect((await otherStaff().patch(`/api/agreements/${ours.id}`, { title: 'Overtaget' })).statusCode).toBe(
      403,
    );
    expect((await otherStaff().delete(`/api/agreements/${ours.id}`)).statusCode).toBe(403);
    const theirList = (await otherStaff().get('/api/agreements?pageSize=200')).json();
    expect(theirList.items.map((a: { id: string }) => a.id)).toEqual([theirs.id]);
    expect(theirList.total).toBe(1);

    // Staff may not make an agreement for organisations none of which is their own.
    const foreign = await sessions.housing_staff!.post(
      '/api/agreements',
      agreement({ companyId: other.company.id, housingOrganisationIds: [other.organisation.id] }),
    );
    expect(foreign.statusCode).toBe(403);
    // Nor move their own agreement out of their hands.
    const handOver = await sessions.housing_staff!.patch(`/api/agreements/${ours.id}`, {
      housingOrganisationIds: [other.organisation.id],
      companyId: other.company.id,
    });
    expect(handOver.statusCode).toBe(403);

    // A joint agreement: staff of either organisation manage it.
    const neighbour = await buildHousingOrganisation(t.deps.db, { partnershipId: world.partnership.id });
    const joint = await sessions.housing_staff!.post(
      '/api/agreements',
      agreement({ title: 'Fælles aftale', housingOrganisationIds: [world.organisation.id, neighbour.id] }),
    );
    expect(joint.statusCode).toBe(201);
    expect(joint.json().housingOrganisations).toHaveLength(2);

    // The company contact reads its own company's agreements only, and writes none.
    const contact = sessions.company_contact!;
    const seen = (await contact.get('/api/agreements?pageSize=200')).json();
    expect(seen.items.every((a: { companyId: string }) => a.companyId === world.company.id)).toBe(true);
    expect(seen.items.map((a: { id: string }) => a.id)).toContain(ours.id);
    expect((await contact.get(`/api/agreements/${theirs.id}`)).statusCode).toBe(403);
    expect((await contact.post('/api/agreements', agreement())).statusCode).toBe(403);
    expect((await contact.patch(`/api/agreements/${ours.id}`, { title: 'Vores egen' })).statusCode).toBe(403);
    expect((await sessions.other_company_contact!.get(`/api/agreements/${ours.id}`)).statusCode).toBe(403);

    // Social workers and job consultants of the partnership read, but do not write.
    expect((await sessions.social_worker!.get(`/api/agreements/${theirs.id}`)).statusCode).toBe(403);
    expect((await sessions.job_consultant!.delete(`/api/agreements/${ours.id}`)).statusCode).toBe(403);
    // Steering sees aggregates only.
    expect((await sessions.steering!.get('/api/agreements')).statusCode).toBe(403);

    const all = (await sessions.admin!.get('/api/agreements?pageSize=200')).json();
    expect(all.items.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([ours.id, theirs.id]));
  });

  it('filters by state on the Copenhagen calendar day, searches, sorts and pages', async () => {
    const company = await buildCompany(t.deps.db, {
      name: 'Ørkenvind Tagdækning ApS',
      partnershipIds: [world.partnership.id],
    });
    const orgs = [world.organisation.id];
    const draft = await buildAgreement(t.deps.db, {
      companyId: company.id,
      housingOrganisationIds: orgs,
      title: 'Udkast',
      signedOn: null,
    });
    const active = await buildAgreement(t.deps.db, {
      companyId: company.id,
      housingOrganisationIds: orgs,
      title: 'Løbende',
      periodEnd: null,
    });
    const endsToday = await buildAgreement(t.deps.db, {
      companyId: company.id,
      housingOrganisationIds: orgs,
      title: 'Slutter 30. juni',
      periodEnd: '2026-06-30',
    });
    const ids = (res: { json(): { items: { id: string }[] } }) =>
      res
        .json()
        .items.map((a) => a.id)
        .sort();
    const byState = (state: string) =>
      sessions.housing_staff!.get(`/api/agreements?companyId=${company.id}&state=${state}`);

    // 30 June 23:30 in Copenhagen is 21:30 UTC: the last day of the period, still active.
    t.clock.set('2026-06-30T21:30:00Z');
    expect(ids(await byState('active'))).toEqual([active.id, endsToday.id].sort());
    expect(ids(await byState('draft'))).toEqual([draft.id]);
    expect(ids(await byState('ended'))).toEqual([]);
    // Half an hour later it is 1 July in Copenhagen (still 30 June in UTC): ended.
    t.clock.set('2026-06-30T22:30:00Z');
    expect(ids(await byState('ended'))).toEqual([endsToday.id]);
    expect(ids(await byState('active'))).toEqual([active.id]);
    expect((await sessions.housing_staff!.get(`/api/agreements/${endsToday.id}`)).json().state).toBe('ended');
    t.clock.set('2026-11-24T09:00:00Z');

    // Search finds the company name case-insensitively; the title too.
    const found = await sessions.housing_staff!.get(`/api/agreements?q=${encodeURIComponent('ørkenvind')}`);
    expect(found.json().total).toBe(3);
    const byTitle = await sessions.housing_staff!.get(`/api/agreements?q=${encodeURIComponent('løbende')}`);
    expect(ids(byTitle)).toEqual([active.id]);

    const sorted = (
      await sessions.housing_staff!.get(`/api/agreements?companyId=${company.id}&sort=title&dir=asc`)
    ).json();
    expect(sorted.items.map((a: { title: string }) => a.title)).toEqual([
      'Løbende',
      'Slutter 30. juni',
      'Udkast',
    ]);
    const ranged = (
      await sessions.housing_staff!.get(`/api/agreements?companyId=${company.id}&sort=title&limit=1&offset=1`)
    ).json();
    expect(ranged).toMatchObject({ total: 3, limit: 1, offset: 1, page: 2, pageSize: 1 });
    expect(ranged.items.map((a: { title: string }) => a.title)).toEqual(['Slutter 30. juni']);
    const pastTheEnd = (
      await sessions.housing_staff!.get(`/api/agreements?companyId=${company.id}&page=5&pageSize=10`)
    ).json();
    expect(pastTheEnd).toMatchObject({ items: [], total: 3 });

    const byOrganisation = (
      await sessions.admin!.get(`/api/agreements?housingOrganisationId=${other.organisation.id}`)
    ).json();
    expect(
      byOrganisation.items.every((a: { housingOrganisations: { id: string }[] }) =>
        a.housingOrganisations.some((o) => o.id === other.organisation.id),
      ),
    ).toBe(true);
    expect(byOrganisation.total).toBeGreaterThan(0);
  });
});
