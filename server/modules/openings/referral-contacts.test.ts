import { buildPartnershipWorld, buildUser, TEST_PASSWORD } from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TTestApp;
let world: Awaited<ReturnType<typeof buildPartnershipWorld>>;
let other: Awaited<ReturnType<typeof buildPartnershipWorld>>;
const admin = () => new TestSession(t.app);

beforeAll(async () => {
  t = await createTestApp();
  world = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
});
afterAll(async () => t.close());

describe('referral candidates (the admin picker of referral contacts)', () => {
  it('lists the active job consultants and social workers of the partnership, and only to the admin', async () => {
    const disabled = await buildUser(t.deps.db, {
      role: 'job_consultant',
      scopeId: world.jobcenter.id,
      status: 'disabled',
    });
    const second = await buildUser(t.deps.db, {
      role: 'social_worker',
      scopeId: world.plan.id,
      name: 'Åse Andersen',
    });
    const s = admin();
    await s.login(world.users.admin.email, TEST_PASSWORD);
    const res = await s.get(`/api/partnerships/${world.partnership.id}/referral-candidates`);
    expect(res.statusCode).toBe(200);
    const got = res.json() as { userId: string; role: string; name: string; email: string }[];
    expect(got.map((c) => [c.role, c.userId])).toEqual([
      ['job_consultant', world.users.job_consultant.id],
      // Danish collation: "Å" sorts last.
      ['social_worker', world.users.social_worker.id],
      ['social_worker', second.id],
    ]);
    expect(got[0]).toMatchObject({
      name: world.users.job_consultant.name,
      email: world.users.job_consultant.email,
    });
    expect(got.some((c) => c.userId === disabled.id || c.userId === other.users.job_consultant.id)).toBe(
      false,
    );

    const unknown = await s.get('/api/partnerships/00000000-0000-4000-8000-000000000000/referral-candidates');
    expect(unknown.statusCode).toBe(404);

    const staff = new TestSession(t.app);
    await staff.login(world.users.job_consultant.email, TEST_PASSWORD);
    expect(
      (await staff.get(`/api/partnerships/${world.partnership.id}/referral-candidates`)).statusCode,
    ).toBe(403);
  });
});
