import type {
  TOpeningCandidates,
  TResidentOpenings,
  TWeightsPreview,
} from '@domain/matching/matching.schema.ts';
import { DEFAULT_MATCH_SETTINGS } from '@domain/matching/matching-settings.ts';
import { auditEvents, proposals } from '@server/db/schema/index.ts';
import {
  buildConsent,
  buildOpening,
  buildPartnershipWorld,
  buildResident,
  TEST_PASSWORD,
} from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The matching API on a real PostgreSQL: ranked and explained candidates for the partnership's
// caseworkers only, every list audit-logged with the people it showed, a consent withdrawn
// through the API gone on the next request, openings for a resident with "why not", and the
// secretariat's weights with a preview that names nobody.

let t: TTestApp;
let world: Awaited<ReturnType<typeof buildPartnershipWorld>>;
let other: Awaited<ReturnType<typeof buildPartnershipWorld>>;
const sessions: Record<string, TestSession> = {};
let opening: { id: string };
const people: Record<'carpenter' | 'painter' | 'noConsent' | 'young', string> = {
  carpenter: '',
  painter: '',
  noConsent: '',
  young: '',
};

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-25T09:00:00Z' });
  const db = t.deps.db;
  world = await buildPartnershipWorld(db);
  other = await buildPartnershipWorld(db);
  opening = await buildOpening(db, {
    partnershipId: world.partnership.id,
    companyId: world.company.id,
    housingAreaId: world.area.id,
    type: 'full_time',
    title: 'Tømrer til renovering',
    occupationId: 'toemrer',
    skills: ['Gipsvægge', 'Vinduesudskiftning'],
    startDate: '2027-01-04',
    minAge: 18,
  });
  const base = {
    municipalityId: world.municipality.id,
    registeredByJobcenterId: world.jobcenter.id,
    housingAreaId: world.area.id,
    hoursPerWeek: 37,
  };
  const make = async (key: keyof typeof people, o: Parameters<typeof buildResident>[1], consent = true) => {
    const r = await buildResident(db, o);
    if (consent) await buildConsent(db, { residentId: r.id, scope: 'matching' });
    // The housing side sees the jobcenter's people with consent (a).
    await buildConsent(db, { residentId: r.id, scope: 'sharing' });
    people[key] = r.id;
  };
  await make('carpenter', { ...base, occupationIds: ['toemrer'], skills: ['Gipsvægge'] });
  await make('painter', { ...base, occupationIds: ['maler'] });
  await make('noConsent', { ...base, occupationIds: ['toemrer'] }, false);
  await make('young', { ...base, occupationIds: ['toemrer'], birthDate: '2010-03-01' });
  for (const [key, w] of [
    ['', world],
    ['other:', other],
  ] as const) {
    for (const [role, user] of Object.entries(w.users)) {
      const s = new TestSession(t.app);
      expect((await s.login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
      sessions[`${key}${role}`] = s;
    }
  }
});
afterAll(() => t.close());

describe('GET /api/openings/:id/candidates', () => {
  it('ranks and explains the candidates, summarises who is left out, and logs who was shown', async () => {
    const res = await sessions.job_consultant!.get(`/api/openings/${opening.id}/candidates`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json() as TOpeningCandidates;
    expect(body.opening).toMatchObject({ id: opening.id, title: 'Tømrer til renovering', matchable: true });
    expect(body.candidates.map((c) => c.residentId)).toEqual([people.carpenter, people.painter]);
    const [first] = body.candidates;
    expect(first!.score).toBeGreaterThan(body.candidates[1]!.score);
    expect(first!.housingAreaName).toBe(world.area.name);
    expect(first!.reasons[0]).toBe('Interesseret i tømrer – samme fag');
    const skills = first!.components.find((c) => c.component === 'skills');
    expect(skills).toMatchObject({ label: 'Kompetencer', value: 0.5, weight: DEFAULT_MATCH_WEIGHTS_SKILLS });
    expect(first!.components.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(first!.score, 3);
    expect(body.candidateCount).toBe(2);
    expect(body.excludedCount).toBe(2);
    expect(body.exclusionSummary.map((l) => l.label)).toEqual([
      '1 uden samtykke til virksomheder',
      '1 under 18 år',
    ]);
    expect(body.weights).toEqual(DEFAULT_MATCH_SETTINGS.weights);

    const [event] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, world.users.job_consultant.id), eq(auditEvents.action, 'search')))
      .orderBy(desc(auditEvents.at));
    expect(event?.entityType).toBe('resident');
    expect(event?.details).toEqual({
      purpose: 'matching',
      openingId: opening.id,
      residentIds: [people.carpenter, people.painter],
    });
  });

  it('honours the limit and lists the already proposed apart', async () => {
    const now = t.clock.now();
    await t.deps.db.insert(proposals).values({
      partnershipId: world.partnership.id,
      openingId: opening.id,
      residentId: people.painter,
      companyId: world.company.id,
      occupationId: 'toemrer',
      score: 0.5,
      scoreSnapshot: { score: 0.5, components: [], reasons: [] },
      proposedBy: world.users.social_worker.id,
      proposedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    const res = await sessions.social_worker!.get(`/api/openings/${opening.id}/candidates?limit=1`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as TOpeningCandidates;
    expect(body.candidates.map((c) => c.residentId)).toEqual([people.carpenter]);
    expect(body.proposed).toEqual([
      expect.objectContaining({ residentId: people.painter, status: 'awaiting_resident', score: 0.5 }),
    ]);
    expect(body.exclusionSummary.map((l) => l.code)).toContain('already_proposed');
    const without = await sessions.social_worker!.get(
      `/api/openings/${opening.id}/candidates?includeProposed=false`,
    );
    expect((without.json() as TOpeningCandidates).proposed).toEqual([]);
    await t.deps.db.delete(proposals).where(eq(proposals.openingId, opening.id));
  });

  it('is casework: 403 for other roles, 404 outside the partnership, 400 on a bad limit', async () => {
    for (const role of ['admin', 'housing_staff', 'company_contact', 'steering']) {
      const res = await sessions[role]!.get(`/api/openings/${opening.id}/candidates`);
      expect(res.statusCode, role).toBe(403);
    }
    for (const role of ['other:job_consultant', 'other:social_worker']) {
      const res = await sessions[role]!.get(`/api/openings/${opening.id}/candidates`);
      expect(res.statusCode, role).toBe(404);
    }
    const bad = await sessions.job_consultant!.get(`/api/openings/${opening.id}/candidates?limit=0`);
    expect(bad.statusCode).toBe(400);
  });

  it('drops a person whose consent is withdrawn through the API on the next request', async () => {
    const consents = await sessions.job_consultant!.get(`/api/residents/${people.carpenter}/consents`);
    const matching = (consents.json() as { id: string; scope: string; active: boolean }[]).find(
      (c) => c.scope === 'matching' && c.active,
    );
    expect(matching).toBeDefined();
    const before = await sessions.job_consultant!.get(`/api/openings/${opening.id}/candidates`);
    expect((before.json() as TOpeningCandidates).candidates.map((c) => c.residentId)).toContain(
      people.carpenter,
    );
    const withdrawn = await sessions.job_consultant!.post(
      `/api/residents/${people.carpenter}/consents/${matching!.id}/withdraw`,
    );
    expect(withdrawn.statusCode).toBe(200);
    const after = await sessions.job_consultant!.get(`/api/openings/${opening.id}/candidates`);
    const body = after.json() as TOpeningCandidates;
    expect(body.candidates.map((c) => c.residentId)).toEqual([people.painter]);
    expect(body.exclusionSummary[0]).toEqual({
      code: 'no_consent',
      count: 2,
      label: '2 uden samtykke til virksomheder',
    });
    // The social worker's view (another session, same server) agrees.
    const worker = await sessions.social_worker!.get(`/api/openings/${opening.id}/candidates`);
    expect((worker.json() as TOpeningCandidates).candidates.map((c) => c.residentId)).toEqual([
      people.painter,
    ]);
  });
});

// The default weight of skills, read from the defaults rather than repeated as a number.
const DEFAULT_MATCH_WEIGHTS_SKILLS = DEFAULT_MATCH_SETTINGS.weights.skills;

describe('GET /api/residents/:id/openings', () => {
  it('lists the openings the person fits and says why not for the others', async () => {
    const db = t.deps.db;
    const painting = await buildOpening(db, {
      partnershipId: world.partnership.id,
      companyId: world.company.id,
      type: 'full_time',
      title: 'Maler',
      occupationId: 'maler',
      startDate: '2027-01-04',
      minAge: 18,
    });
    const withLicence = await buildOpening(db, {
      partnershipId: world.partnership.id,
      companyId: world.company.id,
      type: 'full_time',
      title: 'Chauffør',
      occupationId: 'maler',
      driverLicence: 'C',
      startDate: '2027-01-04',
      minAge: 18,
    });
    const closed = await buildOpening(db, {
      partnershipId: world.partnership.id,
      companyId: world.company.id,
      occupationId: 'maler',
      status: 'filled',
    });
    const elsewhere = await buildOpening(db, {
      partnershipId: other.partnership.id,
      companyId: other.company.id,
      occupationId: 'maler',
    });
    const res = await sessions.job_consultant!.get(`/api/residents/${people.painter}/openings`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as TResidentOpenings;
    const ids = body.openings.map((o) => o.openingId);
    expect(ids[0]).toBe(painting.id);
    expect(ids).toContain(opening.id);
    expect(body.openings[0]!.reasons[0]).toBe('Interesseret i maler – samme fag');
    expect(body.excluded).toEqual([
      expect.objectContaining({
        openingId: withLicence.id,
        exclusions: [{ code: 'driver_licence', message: 'Har ikke kørekort C' }],
      }),
    ]);
    const all = [...ids, ...body.excluded.map((e) => e.openingId)];
    expect(all).not.toContain(closed.id);
    expect(all).not.toContain(elsewhere.id);

    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, people.painter), eq(auditEvents.action, 'read')))
      .orderBy(desc(auditEvents.at));
    expect(event?.details).toMatchObject({ purpose: 'matching' });

    // Outside the viewer's scope the person does not exist; other roles are refused.
    expect(
      (await sessions['other:job_consultant']!.get(`/api/residents/${people.painter}/openings`)).statusCode,
    ).toBe(404);
    expect((await sessions.admin!.get(`/api/residents/${people.painter}/openings`)).statusCode).toBe(403);
  });
});

describe('/api/matching/weights', () => {
  const url = () => `/api/matching/weights?partnershipId=${world.partnership.id}`;

  it('shows the defaults to the partnership’s caseworkers and the secretariat', async () => {
    for (const role of ['admin', 'job_consultant', 'social_worker']) {
      const res = await sessions[role]!.get(url());
      expect(res.statusCode, role).toBe(200);
      expect(res.json()).toMatchObject({
        settings: DEFAULT_MATCH_SETTINGS,
        defaults: DEFAULT_MATCH_SETTINGS,
        updatedAt: null,
        labels: { occupation: 'Fag' },
      });
    }
    for (const role of ['housing_staff', 'company_contact', 'steering', 'other:job_consultant']) {
      expect((await sessions[role]!.get(url())).statusCode, role).toBe(403);
    }
  });

  it('lets only the secretariat save, with Danish errors, and the next ranking uses the weights', async () => {
    const settings = {
      ...DEFAULT_MATCH_SETTINGS,
      weights: { ...DEFAULT_MATCH_SETTINGS.weights, occupation: 0, skills: 1 },
    };
    const refused = await sessions.job_consultant!.request({
      method: 'PUT',
      url: '/api/matching/weights',
      payload: { partnershipId: world.partnership.id, settings },
    });
    expect(refused.statusCode).toBe(403);

    const zero = Object.fromEntries(Object.keys(settings.weights).map((k) => [k, 0]));
    const invalid = await sessions.admin!.request({
      method: 'PUT',
      url: '/api/matching/weights',
      payload: {
        partnershipId: world.partnership.id,
        settings: { ...settings, weights: zero, maxActiveProposalsPerResident: 0 },
      },
    });
    expect(invalid.statusCode).toBe(400);
    const fields = invalid.json().error.fields as Record<string, string>;
    expect(Object.values(fields)).toEqual(
      expect.arrayContaining(['Mindst én vægt skal være større end 0.', 'Mindst 1.']),
    );

    // Before: occupation leads, the carpenter-in-wish painter ranks second.
    const preview = await sessions.admin!.post('/api/matching/weights/preview', {
      partnershipId: world.partnership.id,
      settings,
    });
    expect(preview.statusCode).toBe(200);
    const p = preview.json() as TWeightsPreview;
    expect(p.openings.length).toBeGreaterThan(0);
    expect(JSON.stringify(p)).not.toContain(people.painter);
    for (const o of p.openings) {
      for (const [i, row] of o.rows.entries()) {
        expect(row.label).toBe(`Kandidat ${i + 1}`);
        expect(Object.keys(row).sort()).toEqual(['label', 'newRank', 'newScore', 'oldRank', 'oldScore']);
      }
    }
    expect(
      (
        await sessions.job_consultant!.post('/api/matching/weights/preview', {
          partnershipId: world.partnership.id,
          settings,
        })
      ).statusCode,
    ).toBe(403);

    const saved = await sessions.admin!.request({
      method: 'PUT',
      url: '/api/matching/weights',
      payload: { partnershipId: world.partnership.id, settings },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ settings, updatedByName: expect.any(String) });
    const read = await sessions.social_worker!.get(url());
    expect(read.json().settings).toEqual(settings);
    const ranked = await sessions.social_worker!.get(`/api/openings/${opening.id}/candidates`);
    expect((ranked.json() as TOpeningCandidates).weights).toEqual(settings.weights);
    const [event] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'matching_settings'), eq(auditEvents.action, 'update')));
    expect(event?.entityId).toBe(world.partnership.id);
  });
});

describe('the new input fields', () => {
  it('stores an opening’s skills and minimum hours, with the minimum checked against the hours', async () => {
    const s = sessions.admin!;
    const bad = await s.patch(`/api/openings/${opening.id}`, { minHoursPerWeek: 40 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.minHoursPerWeek).toBe(
      'Det mindste timetal kan højst være jobbets timetal (37).',
    );
    const ok = await s.patch(`/api/openings/${opening.id}`, { minHoursPerWeek: 30 });
    expect(ok.statusCode).toBe(200);
    // Leaving skills out of a PATCH keeps them.
    expect(ok.json()).toMatchObject({ minHoursPerWeek: 30, skills: ['Gipsvægge', 'Vinduesudskiftning'] });
    const tags = await s.patch(`/api/openings/${opening.id}`, { skills: ['Gipsvægge', 'gipsvægge'] });
    expect(tags.statusCode).toBe(400);
    const cleared = await s.patch(`/api/openings/${opening.id}`, { skills: [], minHoursPerWeek: '' });
    expect(cleared.json()).toMatchObject({ minHoursPerWeek: null, skills: [] });
  });

  it('stores a resident’s start date and shows it in the professional view', async () => {
    const s = sessions.job_consultant!;
    const res = await s.patch(`/api/residents/${people.painter}`, { availableFrom: '2027-02-01' });
    expect(res.statusCode).toBe(200);
    expect(res.json().availableFrom).toBe('2027-02-01');
    const bad = await s.patch(`/api/residents/${people.painter}`, { availableFrom: '01.02.2027' });
    expect(bad.statusCode).toBe(400);
    // The index reads it: the start-date reason says so.
    const ranked = await s.get(`/api/openings/${opening.id}/candidates`);
    const painter = (ranked.json() as TOpeningCandidates).candidates.find(
      (c) => c.residentId === people.painter,
    );
    expect(painter?.components.find((c) => c.component === 'startDate')?.reason).toBe(
      'Kan først starte 01.02.2027 – 28 dage efter jobstart',
    );
  });
});
