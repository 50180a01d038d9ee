import { auditEvents, residentConsents, residentNotes, residents } from '@server/db/schema/index.ts';
import {
  buildConsent,
  buildPartnershipWorld,
  buildResident,
  buildUser,
  TEST_PASSWORD,
} from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, count, eq, gte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Residents through the API on a real PostgreSQL: the consent matrix, the field snapshot, the
// withdrawal and expiry taking effect at once, bad input, the audit trail, the expiring list.

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;

const START = '2026-11-24T09:00:00Z';
let t: TTestApp;
let own: TWorld;
let other: TWorld;

const ACTORS = [
  'admin',
  'housing_staff',
  'social_worker',
  'social_worker_other',
  'job_consultant',
  'job_consultant_other',
  'company_contact',
  'steering',
] as const;
type TActorName = (typeof ACTORS)[number];
const s = {} as Record<TActorName, TestSession>;

async function login(email: string): Promise<TestSession> {
  const session = new TestSession(t.app);
  expect((await session.login(email, TEST_PASSWORD)).statusCode).toBe(200);
  return session;
}

beforeAll(async () => {
  // The clock moves days ahead to expire consents: sessions must outlive that.
  const year = 365 * 24 * 60 * 60_000;
  t = await createTestApp({ start: START, config: { sessionIdleMs: year, sessionAbsoluteMs: year } });
  own = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  for (const role of [
    'admin',
    'housing_staff',
    'social_worker',
    'job_consultant',
    'company_contact',
    'steering',
  ] as const) {
    s[role] = await login(own.users[role].email);
  }
  s.social_worker_other = await login(other.users.social_worker.email);
  s.job_consultant_other = await login(other.users.job_consultant.email);
});
afterAll(async () => t.close());

/** Written out, not derived from RESIDENT_VIEW_FIELDS, so a change to the views fails here. */
const PROFESSIONAL_KEYS = [
  'id',
  'view',
  'canEdit',
  'mayHandleRights',
  'firstName',
  'lastName',
  'birthDate',
  'age',
  'phone',
  'email',
  'postalCode',
  'housingAreaId',
  'housingAreaName',
  'municipalityId',
  'status',
  'occupationIds',
  'skills',
  'experiences',
  'educationLevel',
  'danishLevel',
  'driverLicences',
  'hoursPerWeek',
  'availableDay',
  'availableEvening',
  'availableWeekend',
  'availableFrom',
  'benefitGroup',
  'jobcenterCategory',
  'supportNeeds',
  'healthNeedConsent',
  'gender',
  'responsibleSocialWorkerId',
  'responsibleJobConsultantId',
  'activeConsentScopes',
  'consents',
  'cv',
  'targetGroup',
  'updatedAt',
].sort();
const ADMINISTRATIVE_KEYS = [
  'id',
  'view',
  'canEdit',
  'mayHandleRights',
  'firstName',
  'lastName',
  'birthDate',
  'age',
  'phone',
  'email',
  'postalCode',
  'housingAreaId',
  'housingAreaName',
  'municipalityId',
  'status',
  'responsibleSocialWorkerId',
  'responsibleJobConsultantId',
  'activeConsentScopes',
  'consents',
].sort();
const NEVER_OUTSIDE = ['benefitGroup', 'jobcenterCategory', 'supportNeeds', 'gender', 'notes'];

const sensitive = {
  benefitGroup: 'kontanthjaelp',
  jobcenterCategory: 'aktivitetsparat',
  supportNeeds: ['transport', 'health'] as ('transport' | 'health')[],
  healthNeedConsent: true,
  gender: 'woman',
  phone: '+4512345678',
} as const;

function registeredBy(side: 'housing' | 'jobcenter', w: TWorld = own) {
  return {
    municipalityId: w.municipality.id,
    housingAreaId: w.area.id,
    ...(side === 'housing' ? { registeredByPlanId: w.plan.id } : { registeredByJobcenterId: w.jobcenter.id }),
  };
}

/** The ids an actor finds in GET /api/residents (null: the list itself is refused). */
async function listedIds(actor: TActorName, query = ''): Promise<Set<string> | null> {
  const res = await s[actor].get(`/api/residents?pageSize=200${query}`);
  if (res.statusCode === 403) return null;
  expect(res.statusCode).toBe(200);
  const { items, total } = res.json();
  // The SQL scope counts exactly the people residentAccess shows (the service drops any other).
  expect(items.length).toBe(total);
  return new Set(items.map((r: { id: string }) => r.id));
}

describe('the consent matrix through the API', () => {
  const STATES = ['none', 'a', 'a+b', 'a+b+c', 'a withdrawn', 'a expired'] as const;
  type TState = (typeof STATES)[number];
  const SIDES = ['housing', 'jobcenter'] as const;
  const people = new Map<string, string>();
  const key = (side: string, state: string) => `${side}/${state}`;
  const listed = new Map<TActorName, Set<string> | null>();
  /** Before the clock moves past the expiry, the "expired" people were visible across sides. */
  const beforeExpiry: Record<string, number> = {};

  beforeAll(async () => {
    t.clock.set(START);
    for (const side of SIDES) {
      for (const state of STATES) {
        const r = await buildResident(t.deps.db, { ...registeredBy(side), ...sensitive });
        people.set(key(side, state), r.id);
        const scopes =
          state === 'a+b'
            ? ['sharing', 'matching']
            : state === 'a+b+c'
              ? ['sharing', 'matching', 'evaluation']
              : state === 'none'
                ? []
                : ['sharing'];
        for (const scope of scopes as ('sharing' | 'matching' | 'evaluation')[]) {
          await buildConsent(t.deps.db, {
            residentId: r.id,
            scope,
            ...(state === 'a expired' ? { givenOn: '2024-12-01', expiresOn: '2026-11-30' } : {}),
          });
        }
        if (state === 'a withdrawn') {
          const [consent] = await t.deps.db
            .select()
            .from(residentConsents)
            .where(eq(residentConsents.residentId, r.id));
          // The registering side withdraws, through the endpoint.
          const by = side === 'housing' ? s.social_worker : s.job_consultant;
          const res = await by.post(`/api/residents/${r.id}/consents/${consent!.id}/withdraw`);
          expect(res.statusCode).toBe(200);
          expect(res.json()).toMatchObject({ withdrawnOn: '2026-11-24', active: false });
        }
      }
    }
    beforeExpiry.housing = (
      await s.job_consultant.get(`/api/residents/${people.get('housing/a expired')}`)
    ).statusCode;
    beforeExpiry.jobcenter = (
      await s.social_worker.get(`/api/residents/${people.get('jobcenter/a expired')}`)
    ).statusCode;
    // 30.11.2026 is the last day; 01.12.2026 in Copenhagen starts at 23:00 UTC the day before.
    t.clock.set('2026-11-30T23:30:00Z');
    for (const actor of ACTORS) listed.set(actor, await listedIds(actor));
  });
  afterAll(() => t.clock.set(START));

  it('showed the "expired" people across sides until the consent lapsed', () => {
    expect(beforeExpiry).toEqual({ housing: 200, jobcenter: 200 });
  });

  const sharing = (state: TState) => state === 'a' || state === 'a+b' || state === 'a+b+c';
  const activeScopes: Record<TState, string[]> = {
    none: [],
    a: ['sharing'],
    'a+b': ['sharing', 'matching'],
    'a+b+c': ['sharing', 'matching', 'evaluation'],
    'a withdrawn': [],
    'a expired': [],
  };

  /** status of GET /:id, whether listed, and the exact keys (null unless 200). */
  function expected(side: 'housing' | 'jobcenter', state: TState) {
    const prof = { status: 200, listed: true, keys: PROFESSIONAL_KEYS };
    const hidden = { status: 404, listed: false, keys: null };
    const refused = { status: 403, listed: false, keys: null };
    return {
      admin: sharing(state) ? { status: 200, listed: true, keys: ADMINISTRATIVE_KEYS } : hidden,
      housing_staff: refused,
      social_worker: side === 'housing' || sharing(state) ? prof : hidden,
      social_worker_other: hidden,
      job_consultant: side === 'jobcenter' || sharing(state) ? prof : hidden,
      job_consultant_other: hidden,
      company_contact: refused,
      steering: refused,
    } satisfies Record<TActorName, unknown>;
  }

  for (const side of SIDES) {
    for (const state of STATES) {
      it(`registered by the ${side} side, consent ${state}`, async () => {
        const id = people.get(key(side, state))!;
        const got: Record<string, unknown> = {};
        for (const actor of ACTORS) {
          const res = await s[actor].get(`/api/residents/${id}`);
          const body = res.json();
          got[actor] = {
            status: res.statusCode,
            listed: listed.get(actor)?.has(id) ?? false,
            keys: res.statusCode === 200 ? Object.keys(body).sort() : null,
          };
          if (res.statusCode === 200) {
            expect(body.activeConsentScopes).toEqual(activeScopes[state]);
            expect(body.canEdit).toBe(body.view === 'professional');
          } else {
            // A refusal says nothing about the person.
            expect(Object.keys(body)).toEqual(['error']);
          }
        }
        expect(got).toEqual(expected(side, state));
      });
    }
  }

  it('gives list rows the same view without the consent history', async () => {
    const res = await s.admin.get('/api/residents?pageSize=200');
    const row = res.json().items.find((r: { id: string }) => r.id === people.get('housing/a'));
    expect(Object.keys(row).sort()).toEqual(ADMINISTRATIVE_KEYS.filter((k) => k !== 'consents'));
    const prof = (await s.job_consultant.get('/api/residents?pageSize=200')).json();
    const profRow = prof.items.find((r: { id: string }) => r.id === people.get('jobcenter/none'));
    // The consent history and the CV belong to the profile, not to list rows.
    expect(Object.keys(profRow).sort()).toEqual(
      PROFESSIONAL_KEYS.filter((k) => k !== 'consents' && k !== 'cv'),
    );
  });
});

describe('field snapshot', () => {
  let id: string;
  let noHealthConsent: string;
  beforeAll(async () => {
    t.clock.set(START);
    id = (await buildResident(t.deps.db, { ...registeredBy('housing'), ...sensitive })).id;
    await buildConsent(t.deps.db, { residentId: id, scope: 'sharing' });
    // Stored without the explicit consent (as an older import might have): never shown.
    noHealthConsent = (
      await buildResident(t.deps.db, {
        ...registeredBy('housing'),
        supportNeeds: ['health', 'language'],
        healthNeedConsent: false,
      })
    ).id;
  });

  it('gives company contacts and steering nothing but a refusal on every resident route', async () => {
    const urls = [
      '/api/residents',
      `/api/residents/${id}`,
      `/api/residents/${id}/consents`,
      `/api/residents/${id}/notes`,
      '/api/residents/consents/expiring',
    ];
    for (const actor of ['company_contact', 'steering'] as const) {
      for (const url of urls) {
        const res = await s[actor].get(url);
        expect(res.statusCode, `${actor} ${url}`).toBe(403);
        expect(res.json()).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String) } });
        for (const field of NEVER_OUTSIDE) expect(res.body).not.toContain(field);
      }
    }
  });

  it('never puts case data in the administrative view, in the profile or the list', async () => {
    const detail = await s.admin.get(`/api/residents/${id}`);
    expect(detail.json().view).toBe('administrative');
    const list = await s.admin.get('/api/residents?pageSize=200');
    expect(list.json().items.length).toBeGreaterThan(0);
    for (const body of [detail.json(), ...list.json().items]) {
      expect(body.view).toBe('administrative');
      for (const field of NEVER_OUTSIDE) expect(body).not.toHaveProperty(field);
    }
    for (const field of NEVER_OUTSIDE) expect(detail.body).not.toContain(`"${field}"`);
  });

  it('shows a health-related need only to professionals and only with the explicit consent', async () => {
    expect((await s.social_worker.get(`/api/residents/${id}`)).json().supportNeeds).toEqual([
      'transport',
      'health',
    ]);
    expect((await s.social_worker.get(`/api/residents/${noHealthConsent}`)).json().supportNeeds).toEqual([
      'language',
    ]);
  });
});

describe('withdrawal and expiry take effect on the very next request', () => {
  it('hides a housing-registered person from the job consultant as soon as (a) is withdrawn', async () => {
    t.clock.set(START);
    const r = await buildResident(t.deps.db, registeredBy('housing'));
    const a = await buildConsent(t.deps.db, { residentId: r.id, scope: 'sharing' });
    await buildConsent(t.deps.db, { residentId: r.id, scope: 'matching' });
    expect((await s.job_consultant.get(`/api/residents/${r.id}`)).statusCode).toBe(200);
    expect((await listedIds('job_consultant'))!.has(r.id)).toBe(true);

    const withdrawn = await s.social_worker.post(`/api/residents/${r.id}/consents/${a.id}/withdraw`);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({
      scope: 'sharing',
      withdrawnOn: '2026-11-24',
      withdrawnByName: own.users.social_worker.name,
      active: false,
    });
    const after = await s.job_consultant.get(`/api/residents/${r.id}`);
    expect(after.statusCode).toBe(404);
    expect(after.json().error.code).toBe('NOT_FOUND');
    expect((await listedIds('job_consultant'))!.has(r.id)).toBe(false);
    // The registering side keeps the person, with the history of the consent.
    const history = (await s.social_worker.get(`/api/residents/${r.id}/consents`)).json();
    expect(history.map((c: { scope: string; active: boolean }) => [c.scope, c.active]).sort()).toEqual([
      ['matching', true],
      ['sharing', false],
    ]);
    // Withdrawing twice is refused.
    expect((await s.social_worker.post(`/api/residents/${r.id}/consents/${a.id}/withdraw`)).statusCode).toBe(
      409,
    );
    // The refused read is in the audit log.
    const denied = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'denied'), eq(auditEvents.entityId, r.id)));
    expect(denied.map((d) => d.userId)).toContain(own.users.job_consultant.id);
  });

  it('hides the person the Copenhagen day after the expiry date', async () => {
    t.clock.set(START);
    const r = await buildResident(t.deps.db, registeredBy('jobcenter'));
    await buildConsent(t.deps.db, { residentId: r.id, scope: 'sharing', expiresOn: '2026-12-01' });
    t.clock.set('2026-12-01T22:59:00Z'); // 23:59 on 01.12 in Copenhagen: the last day counts
    expect((await s.social_worker.get(`/api/residents/${r.id}`)).statusCode).toBe(200);
    t.clock.set('2026-12-01T23:00:00Z'); // 00:00 on 02.12
    expect((await s.social_worker.get(`/api/residents/${r.id}`)).statusCode).toBe(404);
    expect((await listedIds('social_worker'))!.has(r.id)).toBe(false);
    t.clock.set(START);
  });
});

const newResident = (over: Record<string, unknown> = {}) => ({
  firstName: 'Fatima',
  lastName: 'Houlkærsen',
  birthDate: '1995-03-02',
  phone: '12 34 56 78',
  postalCode: '8800',
  housingAreaId: own.area.id,
  benefitGroup: 'kontanthjaelp',
  occupationIds: ['toemrer'],
  ...over,
});
const consentAB = [
  { scope: 'sharing', textVersion: '2026-1', givenOn: '2026-11-24', method: 'paper' },
  { scope: 'matching', textVersion: '2026-1', givenOn: '2026-11-24', method: 'digital' },
];

async function rowCounts() {
  const [r] = await t.deps.db.select({ n: count() }).from(residents);
  const [c] = await t.deps.db.select({ n: count() }).from(residentConsents);
  return { residents: r!.n, consents: c!.n };
}

describe('registering a resident', () => {
  it('registers a resident with consent (a)+(b) in one save; the job consultant finds them by a partial name', async () => {
    t.clock.set(START);
    const res = await s.social_worker.post('/api/residents', { ...newResident(), consents: consentAB });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      view: 'professional',
      canEdit: true,
      firstName: 'Fatima',
      phone: '+4512345678',
      municipalityId: own.municipality.id,
      housingAreaName: own.area.name,
      age: 31,
      activeConsentScopes: ['sharing', 'matching'],
    });
    // Default expiry: 24 months, the day before.
    expect(created.consents.map((c: { expiresOn: string }) => c.expiresOn)).toEqual([
      '2028-11-23',
      '2028-11-23',
    ]);
    const [row] = await t.deps.db.select().from(residents).where(eq(residents.id, created.id));
    expect(row).toMatchObject({
      registeredBySide: 'housing',
      registeredByPlanId: own.plan.id,
      registeredByJobcenterId: null,
      createdBy: own.users.social_worker.id,
    });
    expect(row!.lastActivityAt.toISOString()).toBe(new Date(START).toISOString());

    const found = await s.job_consultant.get('/api/residents?q=HOULK');
    expect(found.json().items.map((r: { id: string }) => r.id)).toEqual([created.id]);
    expect((await s.job_consultant.get('/api/residents?q=fatima%20houlk')).json().total).toBe(1);
    expect((await s.job_consultant_other.get('/api/residents?q=houlk')).json().total).toBe(0);
  });

  it('places a person outside the areas in the registering jobcenter’s municipality', async () => {
    const res = await s.job_consultant.post('/api/residents', newResident({ housingAreaId: null }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ municipalityId: own.municipality.id, housingAreaId: null });
    const [row] = await t.deps.db.select().from(residents).where(eq(residents.id, res.json().id));
    expect(row).toMatchObject({ registeredBySide: 'jobcenter', registeredByJobcenterId: own.jobcenter.id });
    // Without (a), the housing side does not see them.
    expect((await s.social_worker.get(`/api/residents/${res.json().id}`)).statusCode).toBe(404);
  });

  it('makes someone with both roles say which side registers', async () => {
    const both = await buildUser(t.deps.db, { role: 'social_worker', scopeId: own.plan.id });
    const { insertMembership } = await import('@server/modules/users/users.repository.ts');
    await insertMembership(t.deps.db, both.id, { role: 'job_consultant', scopeId: own.jobcenter.id });
    const session = await login(both.email);
    const res = await session.post('/api/residents', newResident());
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      registeredAs: 'Vælg om du registrerer som boligsocial medarbejder eller jobkonsulent.',
    });
    const ok = await session.post('/api/residents', newResident({ registeredAs: 'job_consultant' }));
    expect(ok.statusCode).toBe(201);
    const [row] = await t.deps.db.select().from(residents).where(eq(residents.id, ok.json().id));
    expect(row!.registeredBySide).toBe('jobcenter');
  });

  it('refuses an administrator (only the two professional roles register)', async () => {
    const before = await rowCounts();
    expect((await s.admin.post('/api/residents', newResident())).statusCode).toBe(403);
    expect(await rowCounts()).toEqual(before);
  });

  const BAD: [string, Record<string, unknown>, string, string][] = [
    ['a CPR-like name', { firstName: '010190-1234' }, 'firstName', 'Må ikke indeholde et CPR-nummer.'],
    [
      'a birth date in the future',
      { birthDate: '2027-01-01' },
      'birthDate',
      'Fødselsdatoen ligger i fremtiden.',
    ],
    ['an age under 13', { birthDate: '2014-01-01' }, 'birthDate', 'Personen skal være mindst 13 år.'],
    [
      'an unknown area',
      { housingAreaId: '00000000-0000-4000-8000-000000000000' },
      'housingAreaId',
      'Ukendt boligområde.',
    ],
    ['an area in a municipality the actor does not work in', {}, 'housingAreaId', 'Ukendt boligområde.'],
    [
      'a consent without a scope',
      { consents: [{ textVersion: '2026-1', givenOn: '2026-11-01', method: 'paper' }] },
      'consents.0.scope',
      'Vælg hvad samtykket dækker.',
    ],
    [
      'a consent expiring before it was given',
      {
        consents: [
          consentAB[0],
          {
            scope: 'matching',
            textVersion: '2026-1',
            givenOn: '2026-11-01',
            method: 'paper',
            expiresOn: '2026-10-01',
          },
        ],
      },
      'consents.1.expiresOn',
      'Udløbsdatoen skal ligge efter datoen for samtykket.',
    ],
    [
      'a consent on an unknown text version',
      { consents: [{ ...consentAB[0], textVersion: '1999-9' }] },
      'consents.0.textVersion',
      'Ukendt version af samtykketeksten.',
    ],
  ];
  for (const [name, over, field, message] of BAD) {
    it(`refuses ${name} with a Danish message at the field and stores nothing`, async () => {
      const before = await rowCounts();
      const body = name.startsWith('an area in a municipality')
        ? newResident({ housingAreaId: other.area.id })
        : newResident(over);
      const res = await s.social_worker.post('/api/residents', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.fields[field]).toBe(message);
      expect(await rowCounts()).toEqual(before);
    });
  }

  it('refuses bad consents on an existing person at the field, storing nothing', async () => {
    const r = await buildResident(t.deps.db, registeredBy('housing'));
    const before = await rowCounts();
    const noScope = await s.social_worker.post(`/api/residents/${r.id}/consents`, {
      textVersion: '2026-1',
      givenOn: '2026-11-01',
      method: 'paper',
    });
    expect(noScope.statusCode).toBe(400);
    expect(noScope.json().error.fields.scope).toBe('Vælg hvad samtykket dækker.');
    const early = await s.social_worker.post(`/api/residents/${r.id}/consents`, {
      ...consentAB[0],
      expiresOn: '2026-11-24',
    });
    expect(early.json().error.fields.expiresOn).toBe('Udløbsdatoen skal ligge efter datoen for samtykket.');
    expect(await rowCounts()).toEqual(before);
  });
});

describe('changing a resident', () => {
  it('lets the own side change fields, validated as a whole; not the secretariat; not the other municipality', async () => {
    t.clock.set(START);
    const r = await buildResident(t.deps.db, registeredBy('housing'));
    await buildConsent(t.deps.db, { residentId: r.id, scope: 'sharing' });
    const res = await s.social_worker.patch(`/api/residents/${r.id}`, {
      phone: '87654321',
      status: 'in_job',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ phone: '+4587654321', status: 'in_job', firstName: r.firstName });
    const bad = await s.job_consultant.patch(`/api/residents/${r.id}`, { supportNeeds: ['health'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.supportNeeds).toBe(
      'Et helbredsrelateret støttebehov kræver personens udtrykkelige samtykke.',
    );
    expect((await s.admin.patch(`/api/residents/${r.id}`, { phone: '11111111' })).statusCode).toBe(403);
    expect(
      (await s.job_consultant_other.patch(`/api/residents/${r.id}`, { phone: '11111111' })).statusCode,
    ).toBe(404);
    const [row] = await t.deps.db.select().from(residents).where(eq(residents.id, r.id));
    expect(row!.phone).toBe('+4587654321');
  });
});

describe('case notes', () => {
  it('are for the professional view only, with author and time', async () => {
    t.clock.set(START);
    const r = await buildResident(t.deps.db, registeredBy('jobcenter'));
    await buildConsent(t.deps.db, { residentId: r.id, scope: 'sharing' });
    const added = await s.job_consultant.post(`/api/residents/${r.id}/notes`, {
      text: 'Vil gerne være tømrer.',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      text: 'Vil gerne være tømrer.',
      authorName: own.users.job_consultant.name,
      createdAt: new Date(START).toISOString(),
    });
    const seen = await s.social_worker.get(`/api/residents/${r.id}/notes`);
    expect(seen.json().map((n: { text: string }) => n.text)).toEqual(['Vil gerne være tømrer.']);
    expect((await s.admin.get(`/api/residents/${r.id}/notes`)).statusCode).toBe(403);
    expect((await s.social_worker_other.get(`/api/residents/${r.id}/notes`)).statusCode).toBe(404);
    expect((await s.job_consultant.post(`/api/residents/${r.id}/notes`, { text: ' ' })).statusCode).toBe(400);
  });

  it('record a counselling session as such (the reports count them), a plain note by default', async () => {
    const r = await buildResident(t.deps.db, registeredBy('jobcenter'));
    await buildConsent(t.deps.db, { residentId: r.id, scope: 'sharing' });
    const path = `/api/residents/${r.id}/notes`;
    const session = await s.job_consultant.post(path, {
      text: 'Samtale om uddannelse.',
      kind: 'counselling',
    });
    expect(session.statusCode).toBe(201);
    expect(session.json()).toMatchObject({ text: 'Samtale om uddannelse.', kind: 'counselling' });
    expect((await s.job_consultant.post(path, { text: 'Ringede.' })).json().kind).toBe('note');
    const bad = await s.job_consultant.post(path, { text: 'Hej', kind: 'meeting' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ kind: 'Vælg notat eller vejledningssamtale.' });
    const stored = await t.deps.db
      .select({ kind: residentNotes.kind })
      .from(residentNotes)
      .where(eq(residentNotes.residentId, r.id));
    expect(stored.map((n) => n.kind).sort()).toEqual(['counselling', 'note']);
    const seen = await s.social_worker.get(path);
    expect(
      seen
        .json()
        .map((n: { kind: string }) => n.kind)
        .sort(),
    ).toEqual(['counselling', 'note']);
  });
});

describe('search, sort and paging', () => {
  it('sorts names with Danish collation and pages with a total', async () => {
    const w = await buildPartnershipWorld(t.deps.db);
    const sw = await login(w.users.social_worker.email);
    for (const lastName of ['Åberg', 'Østergaard', 'Andersen', 'Zander', 'Ærø']) {
      await buildResident(t.deps.db, { ...registeredBy('housing', w), lastName, firstName: 'Kim' });
    }
    const names = async (q: string) =>
      (await sw.get(`/api/residents?${q}`)).json().items.map((r: { lastName: string }) => r.lastName);
    expect(await names('sort=lastName')).toEqual(['Andersen', 'Zander', 'Ærø', 'Østergaard', 'Åberg']);
    expect(await names('sort=lastName&dir=desc')).toEqual([
      'Åberg',
      'Østergaard',
      'Ærø',
      'Zander',
      'Andersen',
    ]);
    const page = (await sw.get('/api/residents?page=2&pageSize=2')).json();
    expect(page).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page.items.map((r: { lastName: string }) => r.lastName)).toEqual(['Ærø', 'Østergaard']);
    const window = (await sw.get('/api/residents?limit=2&offset=4')).json();
    expect(window.items.map((r: { lastName: string }) => r.lastName)).toEqual(['Åberg']);
    expect((await sw.get('/api/residents?q=%C3%B8sterg')).json().total).toBe(1);
  });

  it('filters by area, status, occupation and active consent', async () => {
    const w = await buildPartnershipWorld(t.deps.db);
    const sw = await login(w.users.social_worker.email);
    const a = await buildResident(t.deps.db, {
      ...registeredBy('housing', w),
      occupationIds: ['toemrer', 'murer'],
    });
    const b = await buildResident(t.deps.db, {
      ...registeredBy('housing', w),
      status: 'paused',
      housingAreaId: null,
    });
    await buildConsent(t.deps.db, { residentId: b.id, scope: 'matching' });
    const c = await buildResident(t.deps.db, { ...registeredBy('housing', w) });
    await buildConsent(t.deps.db, { residentId: c.id, scope: 'matching', withdrawnOn: '2026-11-01' });
    const ids = async (q: string) =>
      (await sw.get(`/api/residents?${q}`))
        .json()
        .items.map((r: { id: string }) => r.id)
        .sort();
    expect(await ids('occupationId=murer')).toEqual([a.id]);
    expect(await ids('status=paused')).toEqual([b.id]);
    expect(await ids(`housingAreaId=${w.area.id}`)).toEqual([a.id, c.id].sort());
    expect(await ids('consent=matching')).toEqual([b.id]);
  });
});

describe('the audit log', () => {
  it('has a row for the create, the consent, the search, the read, the update, the withdrawal and the notes', async () => {
    t.clock.set('2027-02-01T10:00:00Z'); // after every other test's events
    const since = t.clock.now();
    const sw = s.social_worker;
    const created = (
      await sw.post('/api/residents', {
        ...newResident({ lastName: 'Revisionsen' }),
        consents: [consentAB[0]],
      })
    ).json();
    await sw.get('/api/residents?q=revision&status=active');
    await sw.get(`/api/residents/${created.id}`);
    await sw.patch(`/api/residents/${created.id}`, { phone: '55555555' });
    const consent = (await sw.post(`/api/residents/${created.id}/consents`, consentAB[1])).json();
    await sw.post(`/api/residents/${created.id}/consents/${consent.id}/withdraw`);
    await sw.get(`/api/residents/${created.id}/consents`);
    await sw.post(`/api/residents/${created.id}/notes`, { text: 'Første samtale.' });
    await sw.get(`/api/residents/${created.id}/notes`);

    const events = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, own.users.social_worker.id), gte(auditEvents.at, since)))
      .orderBy(auditEvents.id);
    const summary = events.map((e) => [e.action, e.entityType]);
    expect(summary).toEqual([
      ['create', 'resident'],
      ['create', 'resident_consent'],
      ['search', 'resident'],
      ['read', 'resident'],
      ['update', 'resident'],
      ['create', 'resident_consent'],
      ['update', 'resident_consent'],
      ['read', 'resident'],
      ['create', 'resident_note'],
      ['read', 'resident'],
    ]);
    const [, , search, read, update, , withdrawal] = events;
    // The typed text only as its keyed fingerprint (resident-rights.test.ts checks it in full).
    expect(search!.details).toMatchObject({
      criteria: { q: { fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/), length: 8 }, status: 'active' },
      resultCount: 1,
    });
    expect(JSON.stringify(search!.details)).not.toContain('revision');
    expect(read!.details).toEqual({ basis: 'own_side' });
    expect(read!.entityId).toBe(created.id);
    // Which fields changed, never their values.
    expect(update!.details).toEqual({ fields: ['phone'] });
    expect(JSON.stringify(events.map((e) => e.details))).not.toContain('55555555');
    expect(withdrawal!.details).toMatchObject({
      residentId: created.id,
      scope: 'matching',
      change: 'withdrawn',
    });
    t.clock.set(START);
  });
});

describe('consents that expire soon', () => {
  it('lists the active consents of own people that lapse within N days, soonest first', async () => {
    t.clock.set(START);
    const w = await buildPartnershipWorld(t.deps.db);
    const sw = await login(w.users.social_worker.email);
    const admin = s.admin;
    const r = await buildResident(t.deps.db, {
      ...registeredBy('housing', w),
      firstName: 'Snart',
      lastName: 'Udløb',
    });
    const soon = await buildConsent(t.deps.db, {
      residentId: r.id,
      scope: 'sharing',
      expiresOn: '2026-12-04',
    });
    const later = await buildConsent(t.deps.db, {
      residentId: r.id,
      scope: 'matching',
      expiresOn: '2027-01-03',
    });
    await buildConsent(t.deps.db, { residentId: r.id, scope: 'evaluation', expiresOn: '2026-11-23' }); // lapsed
    await buildConsent(t.deps.db, {
      residentId: r.id,
      scope: 'evaluation',
      expiresOn: '2026-12-01',
      withdrawnOn: '2026-11-20',
    });
    const res = await sw.get('/api/residents/consents/expiring');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        consentId: soon.id,
        residentId: r.id,
        firstName: 'Snart',
        lastName: 'Udløb',
        scope: 'sharing',
        expiresOn: '2026-12-04',
      },
    ]);
    const sixty = (await sw.get('/api/residents/consents/expiring?days=60')).json();
    expect(sixty.map((c: { consentId: string }) => c.consentId)).toEqual([soon.id, later.id]);
    expect((await sw.get('/api/residents/consents/expiring?days=366')).statusCode).toBe(400);
    // Another partnership's social worker does not learn of them; the secretariat renews nothing.
    const foreign = (await s.social_worker_other.get('/api/residents/consents/expiring?days=60')).json();
    expect(foreign.map((c: { residentId: string }) => c.residentId)).not.toContain(r.id);
    const adminList = (await admin.get('/api/residents/consents/expiring?days=60')).json();
    expect(adminList.map((c: { residentId: string }) => c.residentId)).not.toContain(r.id);
    const [logged] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, w.users.social_worker.id), eq(auditEvents.action, 'search')))
      .orderBy(auditEvents.id)
      .limit(1);
    expect(logged).toMatchObject({
      entityType: 'resident_consent',
      details: { criteria: { expiringWithinDays: 30 }, resultCount: 1 },
    });
  });
});
