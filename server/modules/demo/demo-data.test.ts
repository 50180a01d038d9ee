import { housingAreas, housingOrganisations, partnerships, users } from '@server/db/schema/index.ts';
import { createTestApp, TestSession } from '@server/test/setup.ts';
import { count } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS, loadDemoData } from './demo-data.ts';

it('loads the Danish demo data once, and every demo user logs in with its scope', async () => {
  const t = await createTestApp({ config: { demo: true } });
  expect(await loadDemoData(t.deps.db)).toBe(true);
  expect(await loadDemoData(t.deps.db)).toBe(false);
  const [{ n: userCount }] = (await t.deps.db.select({ n: count() }).from(users)) as [{ n: number }];
  expect(userCount).toBe(6);
  const names = (await t.deps.db.select({ name: partnerships.name }).from(partnerships)).map((p) => p.name);
  expect(names.sort()).toEqual([
    'Partnerskab om job – Randers',
    'Partnerskab om job – Silkeborg',
    'Partnerskab om job – Viborg',
  ]);
  const orgs = await t.deps.db.select().from(housingOrganisations);
  expect(
    orgs
      .filter((o) => !o.isFictional)
      .map((o) => o.name)
      .sort(),
  ).toEqual([
    'AAB Silkeborg',
    'Arbejdernes Byggeforening',
    'Boligselskabet Sct. Jørgen',
    'Boligselskabet Viborg',
  ]);
  expect(orgs.filter((o) => o.isFictional)).toHaveLength(1);
  const areas = await t.deps.db.select().from(housingAreas);
  expect(
    areas
      .filter((a) => !a.isFictional)
      .map((a) => a.name)
      .sort(),
  ).toEqual(['Ellekonebakken', 'Houlkærvænget', 'Klostervænget', 'Ringparken', 'Vestervang']);

  const expectedScope: Record<string, string | null> = {
    admin: null,
    housing_staff: 'Boligselskabet Viborg',
    social_worker: 'Boligsocial Helhedsplan Viborg',
    job_consultant: 'Jobcenter Viborg',
    steering: 'Partnerskab om job – Viborg',
    company_contact: null,
  };
  for (const u of DEMO_USERS) {
    const res = await new TestSession(t.app).login(u.email, DEMO_PASSWORD);
    expect(res.statusCode, u.email).toBe(200);
    expect(res.json().memberships[0]).toMatchObject({ role: u.role, scopeName: expectedScope[u.role] });
  }
  await t.close();
});
