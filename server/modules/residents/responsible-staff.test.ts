import { residents, users } from '@server/db/schema/index.ts';
import { insertMembership } from '@server/modules/users/users.repository.ts';
import {
  buildPartnershipWorld,
  buildResident,
  buildSocialHousingPlan,
  buildUser,
  TEST_PASSWORD,
} from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The responsible social worker and job consultant of a person: the staff the form offers, and
// the server's rule that the chosen user holds that role where the person lives.

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;

const SW_MESSAGE = 'Vælg en aktiv boligsocial medarbejder i personens kommune.';
const JC_MESSAGE = 'Vælg en aktiv jobkonsulent i personens kommune.';

let t: TTestApp;
let own: TWorld;
let other: TWorld;
const s = {} as Record<'admin' | 'social_worker' | 'job_consultant' | 'steering', TestSession>;

async function login(email: string): Promise<TestSession> {
  const session = new TestSession(t.app);
  expect((await session.login(email, TEST_PASSWORD)).statusCode).toBe(200);
  return session;
}

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-24T09:00:00Z' });
  own = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  for (const role of ['admin', 'social_worker', 'job_consultant', 'steering'] as const) {
    s[role] = await login(own.users[role].email);
  }
});
afterAll(async () => t.close());

const newResident = (over: Record<string, unknown> = {}) => ({
  firstName: 'Rikke',
  lastName: 'Ansvarsen',
  birthDate: '1988-04-12',
  postalCode: '8800',
  housingAreaId: own.area.id,
  ...over,
});

describe('the staff who may be responsible', () => {
  it('lists the active social workers and job consultants of the municipalities the actor works in', async () => {
    // A second plan in the same partnership, with a colleague in both plans (listed once).
    const plan2 = await buildSocialHousingPlan(t.deps.db, { partnershipId: own.partnership.id });
    const colleague = await buildUser(t.deps.db, {
      role: 'social_worker',
      scopeId: own.plan.id,
      name: 'Åse Kollega',
    });
    await insertMembership(t.deps.db, colleague.id, { role: 'social_worker', scopeId: plan2.id });
    const disabled = await buildUser(t.deps.db, {
      role: 'job_consultant',
      scopeId: own.jobcenter.id,
      status: 'disabled',
    });

    const res = await s.social_worker.get('/api/residents/responsible-staff');
    expect(res.statusCode).toBe(200);
    const listed = res.json() as { id: string; name: string; role: string; municipalityId: string }[];
    expect(listed.map((x) => [x.name, x.role]).sort()).toEqual(
      [
        [own.users.social_worker.name, 'social_worker'],
        [own.users.job_consultant.name, 'job_consultant'],
        ['Åse Kollega', 'social_worker'],
      ].sort(),
    );
    expect(new Set(listed.map((x) => x.municipalityId))).toEqual(new Set([own.municipality.id]));
    // Danish collation: Å sorts last.
    expect(listed.at(-1)!.name).toBe('Åse Kollega');
    expect(listed.map((x) => x.id)).not.toContain(disabled.id);
    // The job consultant sees the same municipality's staff; the secretariat every municipality.
    const consultant = (await s.job_consultant.get('/api/residents/responsible-staff')).json();
    expect(consultant.map((x: { id: string }) => x.id).sort()).toEqual(listed.map((x) => x.id).sort());
    const admin = (await s.admin.get('/api/residents/responsible-staff')).json();
    expect(admin.map((x: { id: string }) => x.id)).toEqual(
      expect.arrayContaining([other.users.social_worker.id, other.users.job_consultant.id]),
    );
    expect((await s.steering.get('/api/residents/responsible-staff')).statusCode).toBe(403);
  });
});

describe('choosing who is responsible', () => {
  it('stores a responsible social worker and job consultant of the person’s municipality', async () => {
    const res = await s.social_worker.post(
      '/api/residents',
      newResident({
        responsibleSocialWorkerId: own.users.social_worker.id,
        responsibleJobConsultantId: own.users.job_consultant.id,
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      responsibleSocialWorkerId: own.users.social_worker.id,
      responsibleJobConsultantId: own.users.job_consultant.id,
    });
  });

  const BAD: [string, Record<string, unknown>, string, string][] = [
    [
      'a social worker of another municipality',
      { responsibleSocialWorkerId: 'other.social_worker' },
      'responsibleSocialWorkerId',
      SW_MESSAGE,
    ],
    [
      'a job consultant as the responsible social worker',
      { responsibleSocialWorkerId: 'own.job_consultant' },
      'responsibleSocialWorkerId',
      SW_MESSAGE,
    ],
    [
      'a job consultant of another municipality',
      { responsibleJobConsultantId: 'other.job_consultant' },
      'responsibleJobConsultantId',
      JC_MESSAGE,
    ],
    [
      'housing staff as the responsible job consultant',
      { responsibleJobConsultantId: 'own.housing_staff' },
      'responsibleJobConsultantId',
      JC_MESSAGE,
    ],
    [
      'an unknown user',
      { responsibleJobConsultantId: '00000000-0000-4000-8000-000000000000' },
      'responsibleJobConsultantId',
      JC_MESSAGE,
    ],
  ];
  const resolve = (v: unknown) => {
    if (typeof v !== 'string' || !v.includes('.')) return v;
    const [world, role] = v.split('.') as ['own' | 'other', keyof TWorld['users']];
    return (world === 'own' ? own : other).users[role].id;
  };
  for (const [what, over, field, message] of BAD) {
    it(`refuses ${what} with a Danish message at the field`, async () => {
      const body = newResident(Object.fromEntries(Object.entries(over).map(([k, v]) => [k, resolve(v)])));
      const [before] = await t.deps.db.select({ n: count() }).from(residents);
      const res = await s.social_worker.post('/api/residents', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual({ [field]: message });
      const [after] = await t.deps.db.select({ n: count() }).from(residents);
      expect(after!.n).toBe(before!.n);
    });
  }

  it('keeps an untouched choice on a later save, but refuses choosing a disabled user', async () => {
    const leaving = await buildUser(t.deps.db, { role: 'job_consultant', scopeId: own.jobcenter.id });
    const r = await buildResident(t.deps.db, {
      municipalityId: own.municipality.id,
      housingAreaId: own.area.id,
      registeredByPlanId: own.plan.id,
      responsibleJobConsultantId: leaving.id,
    });
    await t.deps.db.update(users).set({ status: 'disabled' }).where(eq(users.id, leaving.id));
    const saved = await s.social_worker.patch(`/api/residents/${r.id}`, { phone: '12345678' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().responsibleJobConsultantId).toBe(leaving.id);

    const other2 = await buildResident(t.deps.db, {
      municipalityId: own.municipality.id,
      housingAreaId: own.area.id,
      registeredByPlanId: own.plan.id,
    });
    const refused = await s.social_worker.patch(`/api/residents/${other2.id}`, {
      responsibleJobConsultantId: leaving.id,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({ responsibleJobConsultantId: JC_MESSAGE });
    const ok = await s.social_worker.patch(`/api/residents/${other2.id}`, {
      responsibleJobConsultantId: own.users.job_consultant.id,
      responsibleSocialWorkerId: null,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      responsibleJobConsultantId: own.users.job_consultant.id,
      responsibleSocialWorkerId: null,
    });
  });
});
