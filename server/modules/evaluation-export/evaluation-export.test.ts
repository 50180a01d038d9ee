import { createHmac } from 'node:crypto';
import type { TRole } from '@domain/roles.ts';
import {
  auditEvents,
  evaluationExportKeys,
  proposals,
  residentConsents,
  residentScreenings,
  residents,
} from '@server/db/schema/index.ts';
import { readCsv } from '@server/platform/spreadsheet.ts';
import {
  buildConsent,
  buildFollowUp,
  buildOpening,
  buildPartnershipWorld,
  buildPlacement,
  buildResident,
  TEST_PASSWORD,
} from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The pseudonymised evaluation export on a real PostgreSQL, through the API: only residents of
// the partnership with an active consent (c) today are in it, under HMAC pseudonyms that are
// stable per key and differ across keys; nothing identifying is in the file; each export is
// audit-logged per person and shows in the person's access report; revoked keys export nothing.

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;
type TResident = Awaited<ReturnType<typeof buildResident>>;

const PERIOD = 'from=2026-01-01&to=2026-11-24';
const HEADER = [
  'Pseudonym',
  'Dato',
  'Hændelse',
  'Hændelse (tekst)',
  'Boligområde',
  'Aldersgruppe',
  'Ydelsesgruppe',
  'Jobtype',
  'Resultat',
  'Årsag',
];

let t: TTestApp;
let own: TWorld;
let other: TWorld;
const sessions = new Map<TRole, TestSession>();
/** Every fixture person: none of their identifying values may ever appear in a file. */
const everyone: TResident[] = [];
const p = {} as Record<
  | 'main'
  | 'teen'
  | 'placedOnly'
  | 'noConsent'
  | 'withdrawn'
  | 'expired'
  | 'notYet'
  | 'otherPartnership'
  | 'anonymised'
  | 'laterWithdrawn',
  TResident
>;
const SECRET_NOTE = 'Hemmelignotat om helbred';

/** A person with distinctive identifying values, registered on 01.02.2026 unless told otherwise. */
async function person(world: TWorld, o: Partial<Parameters<typeof buildResident>[1]> = {}) {
  const n = everyone.length + 1;
  const at = new Date('2026-02-01T10:00:00Z');
  const r = await buildResident(t.deps.db, {
    municipalityId: world.municipality.id,
    registeredByPlanId: world.plan.id,
    housingAreaId: world.area.id,
    firstName: `Fornavnx${n}`,
    lastName: `Efternavnx${n}`,
    phone: `+45${String(30_000_000 + n)}`,
    email: `person${n}@evaluering.test`,
    jobcenterRef: `JCREF-${n}`,
    birthDate: '1990-05-17',
    benefitGroup: 'kontanthjaelp',
    createdAt: at,
    updatedAt: at,
    ...o,
  });
  everyone.push(r);
  return r;
}
const evaluationConsent = (residentId: string, o: Partial<Parameters<typeof buildConsent>[1]> = {}) =>
  buildConsent(t.deps.db, { residentId, scope: 'evaluation', ...o });

async function setCase(id: string, values: Partial<typeof residents.$inferInsert>, at: string) {
  await t.deps.db
    .update(residents)
    .set({ ...values, updatedAt: new Date(at) })
    .where(eq(residents.id, id));
}

const hmac = (secret: Buffer, id: string) =>
  createHmac('sha256', secret).update(id).digest('hex').slice(0, 32);

async function secretOf(keyId: string): Promise<Buffer> {
  const [row] = await t.deps.db
    .select({ secret: evaluationExportKeys.secret })
    .from(evaluationExportKeys)
    .where(eq(evaluationExportKeys.id, keyId));
  return row!.secret;
}

const admin = () => sessions.get('admin')!;
const exportUrl = (keyId: string, world: TWorld = own, period = PERIOD) =>
  `/api/exports/evaluation?keyId=${keyId}&partnershipId=${world.partnership.id}&${period}`;

async function createKey(label: string): Promise<string> {
  const res = await admin().post('/api/exports/evaluation/keys', { label });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

async function exportRows(keyId: string): Promise<{ raw: string; rows: string[][] }> {
  const res = await admin().get(exportUrl(keyId));
  expect(res.statusCode).toBe(200);
  const raw = res.rawPayload.toString('utf8');
  const rows = readCsv(res.rawPayload, { delimiter: ';' }).filter((r) => r.some((c) => c !== ''));
  expect(rows[0]).toEqual(HEADER);
  return { raw, rows: rows.slice(1) };
}

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-24T09:00:00Z' });
  const db = t.deps.db;
  own = await buildPartnershipWorld(db);
  other = await buildPartnershipWorld(db);

  // The main person: a whole trajectory from registration to education.
  p.main = await person(own);
  await evaluationConsent(p.main.id);
  await buildConsent(db, { residentId: p.main.id, scope: 'matching' });
  const screening = {
    residentId: p.main.id,
    motivation: 4,
    hoursPossible: 20,
    earlierWork: 'none' as const,
    danishLevel: 3,
    healthLimits: 'none' as const,
    reasons: [],
    remark: SECRET_NOTE,
    createdAt: new Date('2026-02-10T09:00:00Z'),
  };
  await db.insert(residentScreenings).values([
    { ...screening, screenedOn: '2026-02-10', targetGroup: 2, nextScreeningOn: '2026-05-10' },
    // Before the period: not in the file.
    { ...screening, screenedOn: '2025-12-01', targetGroup: 1, nextScreeningOn: '2026-03-01' },
  ]);
  const opening = await buildOpening(db, { partnershipId: own.partnership.id, companyId: own.company.id });
  const proposedAt = new Date('2026-03-01T09:00:00Z');
  await db.insert(proposals).values({
    partnershipId: own.partnership.id,
    openingId: opening.id,
    residentId: p.main.id,
    companyId: own.company.id,
    occupationId: 'toemrer',
    status: 'hired',
    score: 0.7,
    scoreSnapshot: { score: 0.7, components: [], reasons: [] },
    note: SECRET_NOTE,
    proposedAt,
    interviewAt: new Date('2026-03-10T09:00:00Z'),
    interviewLocation: 'Værkstedsvej 12, Viborg',
    interviewOutcome: 'positive',
    createdAt: proposedAt,
    updatedAt: proposedAt,
  });
  // The benefit group changes between the proposal and the interview.
  await setCase(p.main.id, { benefitGroup: 'uddannelseshjaelp' }, '2026-03-05T12:00:00Z');
  const placement = await buildPlacement(db, {
    companyId: own.company.id,
    partnershipId: own.partnership.id,
    residentId: p.main.id,
    openingId: opening.id,
    type: 'apprentice',
    startDate: '2026-04-01',
    status: 'education',
    endDate: '2026-10-15',
    endNote: SECRET_NOTE,
  });
  await buildFollowUp(db, {
    placementId: placement.id,
    key: 'month_6',
    dueDate: '2026-10-01',
    measures: 'retention_6',
    state: 'done',
    status: 'going_well',
    notes: SECRET_NOTE,
    retentionOutcome: 'in_education',
    recordedAt: new Date('2026-10-02T08:00:00Z'),
  });
  await setCase(p.main.id, { status: 'in_education' }, '2026-10-15T10:00:00Z');

  // Turns 18 between registration and screening: the age band is the one at each event.
  p.teen = await person(own, { birthDate: '2008-03-15', benefitGroup: null });
  await evaluationConsent(p.teen.id);
  await db.insert(residentScreenings).values({
    ...screening,
    residentId: p.teen.id,
    screenedOn: '2026-04-01',
    targetGroup: 1,
    nextScreeningOn: '2026-07-01',
  });

  // Lives outside the areas, but placed in one of the partnership's openings (a trial).
  p.placedOnly = await person(own, { housingAreaId: null });
  await evaluationConsent(p.placedOnly.id);
  await buildPlacement(db, {
    companyId: own.company.id,
    partnershipId: own.partnership.id,
    residentId: p.placedOnly.id,
    type: 'site_trial',
    startDate: '2026-06-01',
  });

  // Never in a file: no consent (c), withdrawn, expired, not yet given, another partnership,
  // anonymised. Each has events in the period all the same.
  p.noConsent = await person(own);
  await buildConsent(db, { residentId: p.noConsent.id, scope: 'matching' });
  await buildConsent(db, { residentId: p.noConsent.id, scope: 'sharing' });
  p.withdrawn = await person(own);
  await evaluationConsent(p.withdrawn.id, { withdrawnOn: '2026-09-01', withdrawnAt: new Date() });
  p.expired = await person(own);
  await evaluationConsent(p.expired.id, { givenOn: '2024-11-01', expiresOn: '2026-10-31' });
  p.notYet = await person(own);
  await evaluationConsent(p.notYet.id, { givenOn: '2026-12-01', expiresOn: '2028-11-30' });
  p.otherPartnership = await person(other, { registeredByPlanId: other.plan.id });
  await evaluationConsent(p.otherPartnership.id);
  p.anonymised = await person(own, { anonymisedAt: new Date('2026-06-01T00:00:00Z') });
  await evaluationConsent(p.anonymised.id);
  for (const r of [p.noConsent, p.withdrawn, p.expired, p.notYet, p.anonymised]) {
    await buildPlacement(db, {
      companyId: own.company.id,
      partnershipId: own.partnership.id,
      residentId: r.id,
      startDate: '2026-05-01',
    });
  }

  // In the file until the consent is withdrawn (a later test).
  p.laterWithdrawn = await person(own);
  await evaluationConsent(p.laterWithdrawn.id);

  for (const [role, user] of Object.entries(own.users) as [TRole, { email: string }][]) {
    const s = new TestSession(t.app);
    expect((await s.login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
    sessions.set(role, s);
  }
});
afterAll(async () => t.close());

describe('evaluation export keys', () => {
  it('creates a key with 32 random bytes and lists it without its secret', async () => {
    const id = await createKey('Evaluator 2026 (Rambøll)');
    const secret = await secretOf(id);
    expect(secret.length).toBe(32);
    const list = await admin().get('/api/exports/evaluation/keys');
    expect(list.statusCode).toBe(200);
    const key = list.json().find((k: { id: string }) => k.id === id);
    expect(key).toEqual({
      id,
      label: 'Evaluator 2026 (Rambøll)',
      createdAt: '2026-11-24T09:00:00.000Z',
      createdByName: own.users.admin.name,
      revokedAt: null,
    });
    for (const encoding of ['hex', 'base64'] as const) {
      expect(list.body).not.toContain(secret.toString(encoding));
    }
    expect(list.body).not.toContain('secret');
  });

  it('wants a label', async () => {
    const res = await admin().post('/api/exports/evaluation/keys', { label: '  ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.label).toBe('Skal udfyldes.');
  });

  it('revokes a key once, and says so the second time', async () => {
    const id = await createKey('Til tilbagekaldelse');
    t.clock.set('2026-11-24T09:05:00Z');
    const res = await admin().post(`/api/exports/evaluation/keys/${id}/revoke`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, revokedAt: '2026-11-24T09:05:00.000Z' });
    const again = await admin().post(`/api/exports/evaluation/keys/${id}/revoke`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Nøglen er allerede trukket tilbage.');
    const unknown = await admin().post(
      '/api/exports/evaluation/keys/00000000-0000-4000-8000-000000000000/revoke',
    );
    expect(unknown.statusCode).toBe(404);
  });
});

describe('GET /api/exports/evaluation', () => {
  let keyA: string;
  let secretA: Buffer;
  let first: { raw: string; rows: string[][] };

  beforeAll(async () => {
    keyA = await createKey('Evaluering A');
    secretA = await secretOf(keyA);
    first = await exportRows(keyA);
  });

  it('answers a CSV download for Danish Excel that is never cached', async () => {
    const res = await admin().get(exportUrl(keyA));
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''evalueringsudtraek-${own.partnership.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')}-2026-01-01-2026-11-24.csv`,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.rawPayload.toString('utf8').split('\r\n')[0]).toBe(`\uFEFF${HEADER.join(';')}`);
  });

  it('holds exactly the partnership residents with an active consent (c), under their HMAC pseudonyms', () => {
    const pseudonyms = new Set(first.rows.map((r) => r[0]));
    const expected = [p.main, p.teen, p.placedOnly, p.laterWithdrawn].map((r) => hmac(secretA, r.id));
    expect([...pseudonyms].sort()).toEqual([...expected].sort());
    for (const pseudonym of pseudonyms) expect(pseudonym).toMatch(/^[0-9a-f]{32}$/);
  });

  it("gives a person's events in time order with the area, benefit group and age band of the moment", () => {
    const main = first.rows.filter((r) => r[0] === hmac(secretA, p.main.id)).map((r) => r.slice(1));
    const area = own.area.name;
    const age = '30-49 år';
    expect(main).toEqual([
      ['01.02.2026', 'registered', 'Registreret i Jobbro', area, age, 'Kontanthjælp', '', '', ''],
      [
        '10.02.2026',
        'screening',
        'Screening af jobparathed',
        area,
        age,
        'Kontanthjælp',
        '',
        'Målgruppe 2',
        '',
      ],
      [
        '01.03.2026',
        'proposal',
        'Foreslået til en jobåbning',
        area,
        age,
        'Kontanthjælp',
        'Lærlingeplads',
        '',
        '',
      ],
      [
        '05.03.2026',
        'benefit_group_changed',
        'Ydelsesgruppe ændret',
        area,
        age,
        'Uddannelseshjælp',
        '',
        '',
        '',
      ],
      [
        '10.03.2026',
        'interview',
        'Jobsamtale',
        area,
        age,
        'Uddannelseshjælp',
        'Lærlingeplads',
        'Gik godt',
        '',
      ],
      ['01.04.2026', 'hired', 'Ansat', area, age, 'Uddannelseshjælp', 'Lærlingeplads', '', ''],
      [
        '02.10.2026',
        'retention_6',
        'Opfølgning efter 6 måneder',
        area,
        age,
        'Uddannelseshjælp',
        'Lærlingeplads',
        'I uddannelse',
        '',
      ],
      [
        '15.10.2026',
        'placement_ended',
        'Ansættelse eller praktik afsluttet',
        area,
        age,
        'Uddannelseshjælp',
        'Lærlingeplads',
        'Overgået til uddannelse',
        '',
      ],
      [
        '15.10.2026',
        'into_education',
        'Overgang til uddannelse',
        area,
        age,
        'Uddannelseshjælp',
        '',
        'I uddannelse',
        '',
      ],
    ]);
    const teen = first.rows.filter((r) => r[0] === hmac(secretA, p.teen.id)).map((r) => [r[2], r[5]]);
    expect(teen).toEqual([
      ['registered', 'Under 18 år'],
      ['screening', '18-29 år'],
    ]);
    const placed = first.rows.filter((r) => r[0] === hmac(secretA, p.placedOnly.id)).map((r) => r.slice(2));
    expect(placed).toEqual([
      ['registered', 'Registreret i Jobbro', '', '30-49 år', 'Kontanthjælp', '', '', ''],
      ['trial_started', 'Praktik startet', '', '30-49 år', 'Kontanthjælp', 'Snusepraktik', '', ''],
    ]);
  });

  it('contains no name, contact data, jobcenter reference, birth date, note or id of anyone', () => {
    expect(everyone.length).toBe(10);
    for (const r of everyone) {
      for (const value of [
        r.firstName,
        r.lastName,
        r.phone!,
        r.phone!.slice(3),
        r.email!,
        r.jobcenterRef!,
        r.id,
      ]) {
        expect(first.raw, value).not.toContain(value);
      }
      const [y, m, d] = r.birthDate.split('-');
      expect(first.raw).not.toContain(r.birthDate);
      expect(first.raw).not.toContain(`${d}.${m}.${y}`);
    }
    expect(first.raw).not.toContain(SECRET_NOTE);
    expect(first.raw).not.toContain('Værkstedsvej');
  });

  it('gives the same pseudonyms with the same key, and others with another key', async () => {
    const again = await exportRows(keyA);
    expect(again.rows).toEqual(first.rows);
    const keyB = await createKey('Evaluering B');
    const secretB = await secretOf(keyB);
    const other = await exportRows(keyB);
    expect(other.rows.length).toBe(first.rows.length);
    const a = new Set(first.rows.map((r) => r[0]));
    const b = new Set(other.rows.map((r) => r[0]));
    expect([...b].filter((x) => a.has(x))).toEqual([]);
    expect(b).toEqual(
      new Set([p.main, p.teen, p.placedOnly, p.laterWithdrawn].map((r) => hmac(secretB, r.id))),
    );
    // The same rows apart from the pseudonym.
    const strip = (rows: string[][]) => rows.map((r) => r.slice(1).join(';')).sort();
    expect(strip(other.rows)).toEqual(strip(first.rows));
  });

  it('writes one aggregate audit event and one per person exported, which their access report shows', async () => {
    const key = await createKey('Revision');
    const before = new Date('2026-11-24T09:10:00Z');
    t.clock.set(before);
    const { rows } = await exportRows(key);
    const aggregate = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'evaluation_export_key'), eq(auditEvents.action, 'export')));
    const mine = aggregate.filter((e) => e.entityId === key);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      userId: own.users.admin.id,
      details: {
        kind: 'evaluation',
        partnershipId: own.partnership.id,
        from: '2026-01-01',
        to: '2026-11-24',
        persons: 4,
        rows: rows.length,
      },
    });
    const perPerson = (
      await t.deps.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, 'resident'), eq(auditEvents.action, 'export')))
    ).filter((e) => (e.details as { keyId?: string } | null)?.keyId === key);
    expect(perPerson.map((e) => e.entityId).sort()).toEqual(
      [p.main, p.teen, p.placedOnly, p.laterWithdrawn].map((r) => r.id).sort(),
    );
    expect(
      perPerson.every((e) => e.userId === own.users.admin.id && e.at.getTime() === before.getTime()),
    ).toBe(true);

    const report = await admin().get(`/api/residents/${p.main.id}/export?format=json`);
    expect(report.statusCode).toBe(200);
    const accesses: { purpose: { code: string; label: string }; at: string }[] = report.json().accesses;
    const evaluation = accesses.filter((a) => a.purpose.code === 'evaluation_export');
    // Every export of the person so far: under key A three times, key B, and this one.
    expect(evaluation).toHaveLength(5);
    expect(evaluation[0]!.purpose.label).toBe('Udtræk til evaluering (pseudonymiseret)');
    // Nobody outside the file has an export event.
    const outsiders = [p.noConsent, p.withdrawn, p.expired, p.notYet, p.otherPartnership, p.anonymised];
    const outsiderEvents = (
      await t.deps.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, 'resident'), eq(auditEvents.action, 'export')))
    ).filter((e) => outsiders.some((o) => o.id === e.entityId));
    expect(outsiderEvents).toEqual([]);
  });

  it('counts consent (c) as it stands on the day of the export: withdrawn today, out today', async () => {
    await t.deps.db
      .update(residentConsents)
      .set({ withdrawnOn: '2026-11-24', withdrawnAt: t.clock.now() })
      .where(
        and(eq(residentConsents.residentId, p.laterWithdrawn.id), eq(residentConsents.scope, 'evaluation')),
      );
    const after = await exportRows(keyA);
    const pseudonyms = new Set(after.rows.map((r) => r[0]));
    expect(pseudonyms.has(hmac(secretA, p.laterWithdrawn.id))).toBe(false);
    expect(pseudonyms.size).toBe(3);
  });

  it('exports only the period asked for', async () => {
    const res = await admin().get(exportUrl(keyA, own, 'from=2026-03-01&to=2026-03-31'));
    const rows = readCsv(res.rawPayload, { delimiter: ';' }).filter((r) => r.some((c) => c !== ''));
    expect(rows.slice(1).map((r) => [r[1], r[2]])).toEqual([
      ['01.03.2026', 'proposal'],
      ['05.03.2026', 'benefit_group_changed'],
      ['10.03.2026', 'interview'],
    ]);
  });

  it('exports nobody of one partnership in another', async () => {
    const res = await admin().get(exportUrl(keyA, other));
    expect(res.statusCode).toBe(200);
    const rows = readCsv(res.rawPayload, { delimiter: ';' }).filter((r) => r.some((c) => c !== ''));
    expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set([hmac(secretA, p.otherPartnership.id)]));
  });

  it('refuses a revoked key with 409 and exports nothing', async () => {
    const key = await createKey('Snart tilbagekaldt');
    expect((await admin().post(`/api/exports/evaluation/keys/${key}/revoke`)).statusCode).toBe(200);
    const res = await admin().get(exportUrl(key));
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json().error.message).toBe(
      'Nøglen er trukket tilbage og kan ikke bruges til flere udtræk. Opret en ny nøgle.',
    );
    const events = (
      await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'export'))
    ).filter((e) => e.entityId === key || (e.details as { keyId?: string } | null)?.keyId === key);
    expect(events).toEqual([]);
  });

  it('answers 404 for an unknown key or partnership and 400 for a period that ends before it starts', async () => {
    const unknownKey = await admin().get(exportUrl('00000000-0000-4000-8000-000000000000'));
    expect(unknownKey.statusCode).toBe(404);
    expect(unknownKey.json().error.message).toBe('Nøglen findes ikke.');
    const unknownPartnership = await admin().get(
      `/api/exports/evaluation?keyId=${keyA}&partnershipId=00000000-0000-4000-8000-000000000000&${PERIOD}`,
    );
    expect(unknownPartnership.statusCode).toBe(404);
    const backwards = await admin().get(exportUrl(keyA, own, 'from=2026-06-01&to=2026-05-31'));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields.to).toBe('Slutdatoen skal ligge på eller efter startdatoen.');
    const missing = await admin().get(
      `/api/exports/evaluation?partnershipId=${own.partnership.id}&${PERIOD}`,
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.keyId).toBe('Vælg en nøgle.');
  });

  it('is the secretariat’s alone: every other role gets 403 and nothing', async () => {
    for (const role of [
      'housing_staff',
      'social_worker',
      'job_consultant',
      'company_contact',
      'steering',
    ] as const) {
      const s = sessions.get(role)!;
      expect((await s.get(exportUrl(keyA))).statusCode, role).toBe(403);
      expect((await s.get('/api/exports/evaluation/keys')).statusCode, role).toBe(403);
      expect((await s.post('/api/exports/evaluation/keys', { label: 'Min egen' })).statusCode, role).toBe(
        403,
      );
      expect((await s.post(`/api/exports/evaluation/keys/${keyA}/revoke`)).statusCode, role).toBe(403);
    }
    const [key] = await t.deps.db
      .select()
      .from(evaluationExportKeys)
      .where(eq(evaluationExportKeys.id, keyA));
    expect(key!.revokedAt).toBeNull();
  });
});
