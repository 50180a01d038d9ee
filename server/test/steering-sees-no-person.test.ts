import { followUps, residentNotes } from '@server/db/schema/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildConsent,
  buildFollowUp,
  buildOpening,
  buildPartnershipWorld,
  buildPlacement,
  buildResident,
  TEST_PASSWORD,
} from './factories.ts';
import { createTestApp, TestSession, type TTestApp } from './setup.ts';

// "No route gives the steering role a person" (issue 7, done when). Walks the app's own route
// table, so a route added later is covered without touching this file: every GET route, with
// every path parameter tried as each id of a fully worked case (the person, the placement, the
// opening, the area …) and the partnership as a query filter. Whatever a route answers the
// steering group, it must not contain anything that identifies the person: names, contact data,
// the jobcenter's reference, the person's id, the case notes.

let t: TTestApp;
let world: Awaited<ReturnType<typeof buildPartnershipWorld>>;
const person = {
  firstName: 'Ximenaxyz',
  lastName: 'Quorndahlqq',
  email: 'ximena.quorndahl@example.dk',
  phone: '+4571829364',
  jobcenterRef: 'JC-REF-778899',
};
const NOTE = 'Fortroligt notat om helbred zz91';
let residentId = '';
const ids: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  world = await buildPartnershipWorld(db);
  const resident = await buildResident(db, {
    municipalityId: world.municipality.id,
    housingAreaId: world.area.id,
    registeredByPlanId: world.plan.id,
    benefitGroup: 'kontanthjaelp',
    ...person,
  });
  residentId = resident.id;
  for (const scope of ['sharing', 'matching', 'evaluation'] as const)
    await buildConsent(db, { residentId, scope });
  const opening = await buildOpening(db, {
    partnershipId: world.partnership.id,
    companyId: world.company.id,
  });
  const placement = await buildPlacement(db, {
    companyId: world.company.id,
    partnershipId: world.partnership.id,
    openingId: opening.id,
    residentId,
    startDate: '2026-03-01',
  });
  const followUp = await buildFollowUp(db, { placementId: placement.id });
  await db.update(followUps).set({ notes: NOTE }).execute();
  await db
    .insert(residentNotes)
    .values({ residentId, text: NOTE, kind: 'counselling', createdAt: new Date() });
  ids.push(
    residentId,
    placement.id,
    followUp.id,
    opening.id,
    world.area.id,
    world.partnership.id,
    world.company.id,
    world.organisation.id,
    world.plan.id,
  );
}, 120_000);
afterAll(async () => t?.close());

describe('the steering role', () => {
  it('gets no person from any GET route, with any id of a worked case', async () => {
    const steering = new TestSession(t.app);
    expect((await steering.login(world.users.steering.email, TEST_PASSWORD)).statusCode).toBe(200);

    const routes = t.app.registeredRoutes.filter(
      (r) => r.method === 'GET' && r.url.startsWith('/api/') && r.access && !('public' in r.access),
    );
    expect(routes.length).toBeGreaterThan(40);
    const forbidden = [
      person.firstName,
      person.lastName,
      person.email,
      person.phone,
      person.jobcenterRef,
      NOTE,
      residentId,
    ];
    const leaks: string[] = [];
    let answered = 0;
    for (const route of routes) {
      const params = route.url.match(/:[a-zA-Z]+/g) ?? [];
      const urls =
        params.length === 0
          ? [route.url]
          : ids.map((id) => route.url.replace(/:[a-zA-Z]+/g, id)).filter((u) => !u.includes('*'));
      for (const url of urls) {
        for (const query of ['', `?partnershipId=${world.partnership.id}`]) {
          const res = await steering.get(`${url}${query}`);
          if (res.statusCode === 200) answered += 1;
          const body = res.body;
          for (const value of forbidden)
            if (body.includes(value)) leaks.push(`${route.url}${query} (${res.statusCode}) shows ${value}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    // The walk reached real answers, not just refusals (the dashboard, reports, reference data …).
    expect(answered).toBeGreaterThan(10);
  }, 120_000);

  it('is refused the person-level routes outright', async () => {
    const steering = new TestSession(t.app);
    await steering.login(world.users.steering.email, TEST_PASSWORD);
    for (const url of [
      '/api/residents',
      `/api/residents/${residentId}`,
      '/api/placements',
      '/api/follow-ups',
      '/api/proposals',
      '/api/escalations',
    ]) {
      const res = await steering.get(url);
      expect(res.statusCode, url).toBe(403);
    }
  });
});
