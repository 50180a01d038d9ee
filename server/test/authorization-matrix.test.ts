import type { TRole } from '@domain/roles.ts';
import { auditEvents } from '@server/db/schema/index.ts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPartnershipWorld, nextCvr, TEST_PASSWORD } from './factories.ts';
import { createTestApp, TestSession, type TTestApp } from './setup.ts';

// The authorization matrix: role × route × in-scope / out-of-scope → expected status.
// It grows with every feature; a row per route and scope, a column per role.

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;
type TExpect = Record<TRole, number>;

interface TCase {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: (own: TWorld, other: TWorld) => string;
  body?: (own: TWorld, other: TWorld) => object;
  expect: TExpect;
}

const ALL = (status: number): TExpect => ({
  admin: status,
  housing_staff: status,
  social_worker: status,
  job_consultant: status,
  company_contact: status,
  steering: status,
});
const ONLY_ADMIN = (ok: number): TExpect => ({ ...ALL(403), admin: ok });
const STAFF_READ: TExpect = { ...ALL(200), company_contact: 403 };

const CASES: TCase[] = [
  { name: 'own account', method: 'GET', url: () => '/api/me', expect: ALL(200) },
  {
    name: 'list openings',
    method: 'GET',
    url: () => '/api/openings',
    expect: { ...ALL(200), steering: 403 },
  },
  {
    name: 'read referral contacts',
    method: 'GET',
    url: (o) => `/api/partnerships/${o.partnership.id}/referral-contacts`,
    expect: ONLY_ADMIN(200),
  },
  { name: 'own notifications', method: 'GET', url: () => '/api/notifications', expect: ALL(200) },
  { name: 'own unread count', method: 'GET', url: () => '/api/notifications/unread-count', expect: ALL(200) },
  // Occupations: reference data every logged-in role reads (company contacts pick one for openings).
  {
    name: 'list occupations',
    method: 'GET',
    url: () => `/api/occupations?q=${encodeURIComponent('tømr')}`,
    expect: ALL(200),
  },
  { name: 'read an occupation', method: 'GET', url: () => '/api/occupations/toemrer', expect: ALL(200) },
  { name: 'list partnerships', method: 'GET', url: () => '/api/partnerships', expect: STAFF_READ },
  {
    name: 'read a partnership',
    method: 'GET',
    url: (o) => `/api/partnerships/${o.partnership.id}`,
    expect: STAFF_READ,
  },
  { name: 'list municipalities', method: 'GET', url: () => '/api/municipalities', expect: STAFF_READ },
  {
    name: 'list housing organisations',
    method: 'GET',
    url: () => '/api/housing-organisations',
    expect: STAFF_READ,
  },
  { name: 'list housing areas', method: 'GET', url: () => '/api/housing-areas', expect: STAFF_READ },
  {
    name: 'read an area out of scope',
    method: 'GET',
    url: (_o, x) => `/api/housing-areas/${x.area.id}`,
    expect: STAFF_READ,
  },
  { name: 'list jobcenters', method: 'GET', url: () => '/api/jobcenters', expect: STAFF_READ },
  {
    name: 'list social housing plans',
    method: 'GET',
    url: () => '/api/social-housing-plans',
    expect: STAFF_READ,
  },
  {
    name: 'create a partnership',
    method: 'POST',
    url: () => '/api/partnerships',
    body: (o) => ({ name: 'Nyt partnerskab', municipalityId: o.municipality.id }),
    // 409 for admin: the municipality already has a partnership (one per municipality).
    expect: ONLY_ADMIN(409),
  },
  {
    name: 'update own housing organisation',
    method: 'PATCH',
    url: (o) => `/api/housing-organisations/${o.organisation.id}`,
    body: () => ({ city: 'Viborg' }),
    expect: { ...ALL(403), admin: 200, housing_staff: 200 },
  },
  {
    name: 'update another housing organisation',
    method: 'PATCH',
    url: (_o, x) => `/api/housing-organisations/${x.organisation.id}`,
    body: () => ({ city: 'Viborg' }),
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'update an area in scope',
    method: 'PATCH',
    url: (o) => `/api/housing-areas/${o.area.id}`,
    body: () => ({ residentsCount: 1234 }),
    expect: { ...ALL(403), admin: 200, housing_staff: 200, social_worker: 200 },
  },
  {
    name: 'update an area out of scope',
    method: 'PATCH',
    url: (_o, x) => `/api/housing-areas/${x.area.id}`,
    body: () => ({ residentsCount: 1234 }),
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'move an own area to another organisation',
    method: 'PATCH',
    url: (o) => `/api/housing-areas/${o.area.id}`,
    body: (_o, x) => ({ housingOrganisationId: x.organisation.id, socialHousingPlanId: null }),
    expect: { ...ALL(403), admin: 200 },
  },
  {
    name: 'update own jobcenter',
    method: 'PATCH',
    url: (o) => `/api/jobcenters/${o.jobcenter.id}`,
    body: () => ({ phone: '87874049' }),
    expect: { ...ALL(403), admin: 200, job_consultant: 200 },
  },
  {
    name: 'update another jobcenter',
    method: 'PATCH',
    url: (_o, x) => `/api/jobcenters/${x.jobcenter.id}`,
    body: () => ({ phone: '87874049' }),
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'update own social housing plan',
    method: 'PATCH',
    url: (o) => `/api/social-housing-plans/${o.plan.id}`,
    body: () => ({ description: 'Opdateret' }),
    expect: { ...ALL(403), admin: 200, social_worker: 200 },
  },
  {
    name: 'update another social housing plan',
    method: 'PATCH',
    url: (_o, x) => `/api/social-housing-plans/${x.plan.id}`,
    body: () => ({ description: 'Opdateret' }),
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'update a partnership',
    method: 'PATCH',
    url: (o) => `/api/partnerships/${o.partnership.id}`,
    body: () => ({ description: 'Ny beskrivelse' }),
    expect: ONLY_ADMIN(200),
  },
  { name: 'list users', method: 'GET', url: () => '/api/users', expect: ONLY_ADMIN(200) },
  {
    name: 'read a user',
    method: 'GET',
    url: (o) => `/api/users/${o.users.steering.id}`,
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'invite a user',
    method: 'POST',
    url: () => '/api/users',
    body: () => ({
      email: `ny-${Math.random().toString(36).slice(2)}@jobbro.test`,
      name: 'Ny Bruger',
      memberships: [],
    }),
    expect: ONLY_ADMIN(201),
  },
  { name: 'read the audit log', method: 'GET', url: () => '/api/audit-events', expect: ONLY_ADMIN(200) },
  {
    name: 'export the audit log',
    method: 'GET',
    url: () => '/api/audit-events/export.csv',
    expect: ONLY_ADMIN(200),
  },
  // Not in demo mode: the outbox stays closed even to admins.
  { name: 'read the demo outbox', method: 'GET', url: () => '/api/outbox', expect: ALL(403) },
  // Companies: housing staff within its partnership; job consultants and social workers read
  // there; a company contact only its own company; steering aggregates only (403).
  {
    name: 'list companies',
    method: 'GET',
    url: () => '/api/companies',
    expect: { ...ALL(200), steering: 403 },
  },
  {
    name: 'read a company in own partnership',
    method: 'GET',
    url: (o) => `/api/companies/${o.company.id}`,
    expect: { ...ALL(200), steering: 403 },
  },
  {
    name: 'read a company in another partnership',
    method: 'GET',
    url: (_o, x) => `/api/companies/${x.company.id}`,
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'read the contacts of a company in own partnership',
    method: 'GET',
    url: (o) => `/api/companies/${o.company.id}/contacts`,
    expect: { ...ALL(200), steering: 403 },
  },
  {
    name: 'read the contacts of another company',
    method: 'GET',
    url: (_o, x) => `/api/companies/${x.company.id}/contacts`,
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'create a company',
    method: 'POST',
    url: () => '/api/companies',
    body: () => ({ cvr: nextCvr(), name: 'Matrix Murer ApS' }),
    expect: { ...ALL(403), admin: 201, housing_staff: 201 },
  },
  {
    name: 'update a company in own partnership',
    method: 'PATCH',
    url: (o) => `/api/companies/${o.company.id}`,
    body: () => ({ city: 'Viborg' }),
    expect: { ...ALL(403), admin: 200, housing_staff: 200, company_contact: 200 },
  },
  {
    name: 'update a company in another partnership',
    method: 'PATCH',
    url: (_o, x) => `/api/companies/${x.company.id}`,
    body: () => ({ city: 'Viborg' }),
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'add a contact to a company in own partnership',
    method: 'POST',
    url: (o) => `/api/companies/${o.company.id}/contacts`,
    body: () => ({ name: 'Kim Kontakt', phone: '12345678' }),
    expect: { ...ALL(403), admin: 201, housing_staff: 201, company_contact: 201 },
  },
  {
    name: 'add a contact to another company',
    method: 'POST',
    url: (_o, x) => `/api/companies/${x.company.id}/contacts`,
    body: () => ({ name: 'Kim Kontakt' }),
    expect: ONLY_ADMIN(201),
  },
  {
    name: 'add a note to a company in own partnership',
    method: 'POST',
    url: (o) => `/api/companies/${o.company.id}/notes`,
    body: () => ({ text: 'Ringet op om lærlinge.' }),
    expect: { ...ALL(403), admin: 201, housing_staff: 201 },
  },
  {
    name: 'import companies (preview)',
    method: 'POST',
    url: () => '/api/companies/import/preview',
    body: () => ({
      fileName: 'virksomheder.csv',
      contentBase64: Buffer.from(`CVR;Navn\n${nextCvr()};Import ApS\n`).toString('base64'),
    }),
    expect: { ...ALL(403), admin: 200, housing_staff: 200 },
  },
  {
    name: 'delete a company in use (its contact logs in with it)',
    method: 'DELETE',
    url: (o) => `/api/companies/${o.company.id}`,
    expect: ONLY_ADMIN(409),
  },
  {
    name: 'delete an area',
    method: 'DELETE',
    url: (_o, x) => `/api/housing-areas/${x.area.id}`,
    expect: ONLY_ADMIN(200),
  },
];

let t: TTestApp;
let own: TWorld;
let other: TWorld;
const sessions = new Map<TRole, TestSession>();

beforeAll(async () => {
  t = await createTestApp();
  own = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  for (const [role, user] of Object.entries(own.users) as [TRole, { email: string }][]) {
    const s = new TestSession(t.app);
    expect((await s.login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
    sessions.set(role, s);
  }
});
afterAll(async () => t.close());

describe('authorization matrix', () => {
  const roles: TRole[] = [
    'housing_staff',
    'social_worker',
    'job_consultant',
    'company_contact',
    'steering',
    'admin',
  ];
  for (const c of CASES) {
    it(`${c.method} ${c.name}`, async () => {
      const got: Partial<TExpect> = {};
      for (const role of roles) {
        const res = await sessions
          .get(role)!
          .request({ method: c.method, url: c.url(own, other), payload: c.body?.(own, other) });
        got[role] = res.statusCode;
      }
      expect(got).toEqual(c.expect);
    });
  }

  it('writes a denied event to the audit log for each refusal', async () => {
    const denied = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'denied'), eq(auditEvents.userId, own.users.company_contact.id)));
    expect(denied.length).toBeGreaterThan(5);
    expect(denied.some((d) => d.entityType === 'user')).toBe(true);
    // A denial found inside a service's transaction survives the rollback.
    const outOfScope = await t.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'denied'),
          eq(auditEvents.userId, own.users.housing_staff.id),
          eq(auditEvents.entityId, other.area.id),
        ),
      );
    expect(outOfScope.length).toBeGreaterThan(0);
  });
});
