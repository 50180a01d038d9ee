import { randomInt } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import {
  allocationLines,
  allocations,
  auditEvents,
  escalations,
  followUps,
  placements,
  proposals,
  residentConsents,
  residentCvs,
  residentImports,
  residentScreenings,
  residents,
} from '@server/db/schema/index.ts';
import { searchFingerprint } from '@server/platform/search-fingerprint.ts';
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
import { and, asc, eq } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The data subject's rights through the API on a real PostgreSQL: erasure leaves no identifier
// in any table (dumped whole), the access export (JSON and PDF) tells the person everything and
// who looked without naming staff, the history tab, and searches logged by fingerprint only.

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;

let t: TTestApp;
let own: TWorld;
let other: TWorld;
const s = {} as Record<'admin' | 'social_worker' | 'job_consultant' | 'social_worker_other', TestSession>;

async function login(email: string): Promise<TestSession> {
  const session = new TestSession(t.app);
  expect((await session.login(email, TEST_PASSWORD)).statusCode).toBe(200);
  return session;
}

beforeAll(async () => {
  t = await createTestApp({ start: '2026-11-24T09:00:00Z' });
  own = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  s.admin = await login(own.users.admin.email);
  s.social_worker = await login(own.users.social_worker.email);
  s.job_consultant = await login(own.users.job_consultant.email);
  s.social_worker_other = await login(other.users.social_worker.email);
});
afterAll(async () => t.close());

/** A marker that exists nowhere else: letters only, so no other value can contain it by chance. */
const marker = (prefix: string) =>
  `${prefix}${Array.from({ length: 10 }, () => String.fromCharCode(97 + randomInt(26))).join('')}`;

/**
 * Every row of every table outside PostgreSQL's own schemas (public, pgboss, drizzle…) as text:
 * `t::text` renders bytea as hex, jsonb and arrays as written.
 */
async function dumpDatabase(pool: pg.Pool): Promise<string> {
  const { rows: tables } = await pool.query<{ schema: string; name: string }>(
    `select table_schema as schema, table_name as name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
     order by 1, 2`,
  );
  expect(tables.map((r) => `${r.schema}.${r.name}`)).toEqual(
    expect.arrayContaining(['public.residents', 'public.audit_events', 'pgboss.job']),
  );
  const parts: string[] = [];
  for (const { schema, name } of tables) {
    const ident = `"${schema.replace(/"/g, '""')}"."${name.replace(/"/g, '""')}"`;
    const { rows } = await pool.query<{ row: string }>(`select t::text as row from ${ident} t`);
    parts.push(`== ${schema}.${name}`, ...rows.map((r) => r.row));
  }
  return parts.join('\n');
}

const screening = (remark: string | null = null) => ({
  screenedOn: '2026-11-20',
  motivation: 4,
  barriers: ['transport'],
  hoursPossible: 25,
  earlierWork: 'under_1_year',
  danishLevel: 3,
  healthLimits: 'none',
  remark,
});

describe('erasure', () => {
  it('leaves none of the person’s identifiers in any table, and keeps the anonymised row for statistics', async () => {
    const m = {
      firstName: marker('Fornavn'),
      lastName: marker('Efternavn'),
      email: `${marker('post')}@eksempel.dk`,
      phone: `2${String(randomInt(10_000_000)).padStart(7, '0')}`,
      jobcenterRef: marker('REF'),
      skill: marker('Kompetence'),
      experience: marker('Erfaring'),
      employer: marker('Arbejdsgiver'),
      witness: marker('Vidne'),
      note: marker('Notat'),
      remark: marker('Bemaerkning'),
      cvFileName: `${marker('cvfil')}.pdf`,
      cv: marker('CVINDHOLD'),
      proposalNote: marker('Forslagsnotat'),
      interviewNote: marker('Samtalenotat'),
      interviewOutcomeNote: marker('Samtaleudfald'),
      declineText: marker('Afslagstekst'),
      hireNote: marker('Ansaettelsesnotat'),
      endNote: marker('Slutnotat'),
      checkInNote: marker('Opfoelgningsnotat'),
      actionTaken: marker('Handling'),
      escalationReason: marker('Eskalering'),
      resolution: marker('Loesning'),
    };
    // The job consultant registers the person (the jobcenter side), with every field filled.
    const created = await s.job_consultant.post('/api/residents', {
      firstName: m.firstName,
      lastName: m.lastName,
      birthDate: '1990-03-14',
      phone: m.phone,
      email: m.email,
      postalCode: '8800',
      housingAreaId: own.area.id,
      benefitGroup: 'kontanthjaelp',
      jobcenterCategory: 'jobparat',
      occupationIds: ['toemrer'],
      skills: [m.skill],
      experiences: [{ title: m.experience, employer: m.employer, fromYear: 2015, toYear: 2019 }],
      educationLevel: 'grundskole',
      danishLevel: 4,
      driverLicences: ['B'],
      hoursPerWeek: 30,
      supportNeeds: ['transport', 'health'],
      healthNeedConsent: true,
      gender: 'woman',
      responsibleJobConsultantId: own.users.job_consultant.id,
      consents: [
        {
          scope: 'sharing',
          textVersion: '2026-1',
          givenOn: '2026-11-01',
          method: 'verbal_witnessed',
          witnessName: m.witness,
        },
      ],
    });
    expect(created.statusCode).toBe(201);
    const id: string = created.json().id;
    await t.deps.db.update(residents).set({ jobcenterRef: m.jobcenterRef }).where(eq(residents.id, id));
    const jc = s.job_consultant;
    expect((await jc.post(`/api/residents/${id}/notes`, { text: `Samtale med ${m.note}.` })).statusCode).toBe(
      201,
    );
    expect((await jc.post(`/api/residents/${id}/screenings`, screening(m.remark))).statusCode).toBe(201);
    // The CV and a jobcenter list waiting for confirmation, both holding the person.
    await t.deps.db.insert(residentCvs).values({
      residentId: id,
      fileName: m.cvFileName,
      mediaType: 'application/pdf',
      sizeBytes: 100,
      sha256: 'a'.repeat(64),
      content: Buffer.from(`%PDF-1.7 ${m.cv} ${m.firstName}`),
      uploadedAt: t.clock.now(),
    });
    const [pending] = await t.deps.db
      .insert(residentImports)
      .values({
        jobcenterId: own.jobcenter.id,
        createdAt: t.clock.now(),
        updatedAt: t.clock.now(),
        fileName: 'borgere.csv',
        fileKind: 'csv',
        fileSha256: 'b'.repeat(64),
        fileContent: Buffer.from(`ref;fornavn;efternavn\n${m.jobcenterRef};${m.firstName};${m.lastName}\n`),
        status: 'validated',
      })
      .returning();
    // A proposal under way and a plan line: the note and the reasons quote the person.
    const opening = await buildOpening(t.deps.db, {
      partnershipId: own.partnership.id,
      companyId: own.company.id,
    });
    const snapshot = {
      score: 0.8,
      components: [{ component: 'skills', value: 1, weight: 0.1, reason: `Har ${m.skill}` }],
      reasons: [`Har ${m.skill}`],
    };
    const [proposal] = await t.deps.db
      .insert(proposals)
      .values({
        partnershipId: own.partnership.id,
        openingId: opening.id,
        residentId: id,
        companyId: own.company.id,
        occupationId: opening.occupationId,
        score: 0.8,
        scoreSnapshot: snapshot,
        note: m.proposalNote,
        interviewNote: m.interviewNote,
        interviewOutcome: 'negative',
        interviewOutcomeNote: m.interviewOutcomeNote,
        companyDeclineReason: 'other',
        companyDeclineText: m.declineText,
        proposedAt: t.clock.now(),
        createdAt: t.clock.now(),
        updatedAt: t.clock.now(),
      })
      .returning();
    const [plan] = await t.deps.db
      .insert(allocations)
      .values({
        partnershipId: own.partnership.id,
        settings: {},
        openingCount: 1,
        candidateCount: 1,
        totalScore: 0.8,
        createdAt: t.clock.now(),
      })
      .returning();
    await t.deps.db.insert(allocationLines).values({
      allocationId: plan!.id,
      openingId: opening.id,
      residentId: id,
      score: 0.8,
      scoreSnapshot: snapshot,
    });

    // A placement (issue 6) with the words about the person: the hire's and the end's notes, a
    // check-in's notes and action, an escalation's reason and resolution; and a check-in to come.
    const placement = await buildPlacement(t.deps.db, {
      partnershipId: own.partnership.id,
      companyId: own.company.id,
      openingId: opening.id,
      residentId: id,
      startDate: '2026-10-01',
      note: m.hireNote,
      endNote: m.endNote,
    });
    const checkIn = await buildFollowUp(t.deps.db, {
      placementId: placement.id,
      key: 'week_1',
      dueDate: '2026-10-08',
      state: 'done',
      recordedAt: t.clock.now(),
      contactedWith: 'resident',
      status: 'at_risk',
      notes: m.checkInNote,
      actionTaken: m.actionTaken,
    });
    const planned = await buildFollowUp(t.deps.db, {
      placementId: placement.id,
      key: 'month_6',
      dueDate: '2027-04-01',
      measures: 'retention_6',
    });
    await t.deps.db.insert(escalations).values([
      {
        placementId: placement.id,
        source: 'check_in',
        followUpId: checkIn.id,
        reason: m.escalationReason,
        openedAt: t.clock.now(),
        resolvedAt: t.clock.now(),
        resolution: m.resolution,
      },
      { placementId: placement.id, source: 'company', reason: 'Udebliver', openedAt: t.clock.now() },
    ]);

    // Reads, searches (by name and by e-mail), an export and the history: all audit-logged.
    expect((await jc.get(`/api/residents/${id}`)).statusCode).toBe(200);
    expect((await jc.get(`/api/residents?q=${encodeURIComponent(m.firstName)}`)).json().total).toBe(1);
    expect(
      (await jc.get(`/api/residents?q=${encodeURIComponent(`${m.firstName} ${m.lastName}`)}`)).statusCode,
    ).toBe(200);
    expect((await jc.get(`/api/residents/${id}/notes`)).statusCode).toBe(200);
    expect((await jc.get(`/api/residents/${id}/screenings`)).statusCode).toBe(200);
    const exported = await jc.get(`/api/residents/${id}/export?format=json`);
    expect(exported.statusCode).toBe(200);
    // The access report tells the person about the proposal and why the match pointed at them.
    expect(exported.json().proposals).toEqual([
      expect.objectContaining({
        opening: opening.title,
        company: own.company.name,
        status: { code: 'awaiting_resident', label: 'Afventer beboeren' },
        reasons: [`Har ${m.skill}`],
        note: m.proposalNote,
        interviewNote: m.interviewNote,
        interviewOutcome: { code: 'negative', label: 'Gik ikke godt' },
        interviewOutcomeNote: m.interviewOutcomeNote,
        companyDecline: { reason: { code: 'other', label: 'Andet' }, text: m.declineText },
      }),
    ]);
    // … and about the placement, its follow-up with the notes, and the escalations.
    expect(exported.json().placements).toEqual([
      expect.objectContaining({
        company: own.company.name,
        opening: opening.title,
        status: { code: 'active', label: 'I gang' },
        startDate: '2026-10-01',
        note: m.hireNote,
        endNote: m.endNote,
        followUps: [
          expect.objectContaining({
            checkIn: '1 uge',
            dueDate: '2026-10-08',
            state: { code: 'done', label: 'Gennemført' },
            status: { code: 'at_risk', label: 'I risiko' },
            notes: m.checkInNote,
            actionTaken: m.actionTaken,
          }),
          expect.objectContaining({ checkIn: '6 måneder', state: { code: 'planned', label: 'Planlagt' } }),
        ],
        escalations: [
          expect.objectContaining({ reason: m.escalationReason, resolution: m.resolution }),
          expect.objectContaining({ source: { code: 'company', label: 'Virksomheden' }, resolvedAt: null }),
        ],
      }),
    ]);
    const pdf = await jc.get(`/api/residents/${id}/export?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect((await jc.get(`/api/residents/${id}/history`)).statusCode).toBe(200);
    expect(
      (await s.admin.get(`/api/audit-events?searched=${encodeURIComponent(m.lastName)}`)).statusCode,
    ).toBe(200);

    const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');
    const texts = Object.values(m);
    const before = (await dumpDatabase(t.deps.pool)).toLowerCase();
    // The dump sees them before the erasure (so the test below can fail), the CV as hex.
    for (const v of texts.filter((x) => x !== m.cv)) expect(before, v).toContain(v.toLowerCase());
    expect(before).toContain(hex(m.cv));

    // A wrong name, or a reason that names the person, erases nothing.
    const wrong = await jc.post(`/api/residents/${id}/erase`, { confirmName: m.firstName });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toHaveProperty('confirmName');
    const naming = await jc.post(`/api/residents/${id}/erase`, {
      confirmName: `${m.firstName} ${m.lastName}`,
      reason: `Anmodning fra ${m.lastName.toUpperCase()}`,
    });
    expect(naming.statusCode).toBe(400);
    expect(naming.json().error.fields).toHaveProperty('reason');

    const erased = await jc.post(`/api/residents/${id}/erase`, {
      confirmName: `  ${m.firstName.toUpperCase()}   ${m.lastName} `,
      reason: 'Borgerens anmodning af 24.11.2026',
    });
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toEqual({
      id,
      anonymisedAt: '2026-11-24T09:00:00.000Z',
      anonymisedReason: 'erasure',
    });

    const after = (await dumpDatabase(t.deps.pool)).toLowerCase();
    const left = texts.filter((v) => after.includes(v.toLowerCase()));
    expect(left).toEqual([]);
    expect(after).not.toContain(hex(m.cv));
    expect(after).not.toContain(hex(m.firstName));

    // The proposal stays as a number, withdrawn; the plan line is gone.
    const [kept] = await t.deps.db.select().from(proposals).where(eq(proposals.id, proposal!.id));
    expect(kept).toMatchObject({ status: 'withdrawn', note: null, score: 0.8 });
    expect(kept!.scoreSnapshot).toEqual({
      score: 0.8,
      components: [{ component: 'skills', value: 1, weight: 0.1 }],
      reasons: [],
    });
    expect(await t.deps.db.select().from(allocationLines).where(eq(allocationLines.residentId, id))).toEqual(
      [],
    );
    // The placement stays as a number (clause fulfilment, retention); the words are gone, the
    // coming check-in is cancelled, and the open escalation is closed.
    const [keptPlacement] = await t.deps.db.select().from(placements).where(eq(placements.id, placement.id));
    expect(keptPlacement).toMatchObject({ residentId: id, status: 'active', note: null, endNote: null });
    const checkIns = await t.deps.db
      .select()
      .from(followUps)
      .where(eq(followUps.placementId, placement.id))
      .orderBy(asc(followUps.dueDate));
    expect(checkIns.map((f) => [f.id, f.state, f.status, f.notes, f.actionTaken])).toEqual([
      [checkIn.id, 'done', 'at_risk', null, null],
      [planned.id, 'cancelled', null, null, null],
    ]);
    const alarms = await t.deps.db
      .select()
      .from(escalations)
      .where(eq(escalations.placementId, placement.id))
      .orderBy(asc(escalations.source));
    expect(alarms.map((e) => [e.source, e.reason, e.resolution, e.resolvedAt !== null])).toEqual([
      ['check_in', '(slettet)', '(slettet)', true],
      ['company', '(slettet)', '(slettet)', true],
    ]);
    const [keptProposal] = await t.deps.db.select().from(proposals).where(eq(proposals.id, proposal!.id));
    expect(keptProposal).toMatchObject({
      interviewNote: null,
      interviewOutcome: 'negative',
      interviewOutcomeNote: null,
      companyDeclineText: null,
    });

    // What stays: the anonymised row with its statistics, the consent's dates, the screening's group.
    const [row] = await t.deps.db.select().from(residents).where(eq(residents.id, id));
    expect(row).toMatchObject({
      firstName: 'Anonymiseret',
      lastName: 'person',
      birthDate: '1990-07-01',
      phone: null,
      email: null,
      jobcenterRef: null,
      skills: [],
      experiences: [],
      supportNeeds: [],
      gender: null,
      healthNeedConsent: false,
      responsibleJobConsultantId: null,
      status: 'closed',
      municipalityId: own.municipality.id,
      housingAreaId: own.area.id,
      benefitGroup: 'kontanthjaelp',
      educationLevel: 'grundskole',
      occupationIds: ['toemrer'],
      registeredByJobcenterId: own.jobcenter.id,
      anonymisedReason: 'erasure',
    });
    const consents = await t.deps.db
      .select()
      .from(residentConsents)
      .where(eq(residentConsents.residentId, id));
    expect(consents.map((c) => [c.scope, c.givenOn, c.method, c.witnessName])).toEqual([
      ['sharing', '2026-11-01', 'verbal_witnessed', null],
    ]);
    const screenings = await t.deps.db
      .select()
      .from(residentScreenings)
      .where(eq(residentScreenings.residentId, id));
    expect(screenings.map((x) => [x.targetGroup, x.remark])).toEqual([[screenings[0]!.targetGroup, null]]);
    const [dropped] = await t.deps.db
      .select()
      .from(residentImports)
      .where(eq(residentImports.id, pending!.id));
    expect(dropped).toMatchObject({ status: 'discarded', fileContent: null });

    // The erasure is logged by who, with the reason; the searches only as fingerprints.
    const [event] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'erase'), eq(auditEvents.entityId, id)));
    expect(event).toMatchObject({
      userId: own.users.job_consultant.id,
      entityType: 'resident',
      details: { reason: 'erasure', basis: 'own_side', note: 'Borgerens anmodning af 24.11.2026' },
    });
  });

  it('makes the person gone: 404 on every route, out of every list, and a second erasure finds nobody', async () => {
    const r = await buildResident(t.deps.db, {
      municipalityId: own.municipality.id,
      housingAreaId: own.area.id,
      registeredByPlanId: own.plan.id,
      firstName: 'Væk',
      lastName: 'Igen',
    });
    await buildConsent(t.deps.db, { residentId: r.id, scope: 'sharing' });
    const sw = s.social_worker;
    const listed = async () =>
      ((await sw.get('/api/residents?pageSize=200')).json().items as { id: string }[]).map((x) => x.id);
    expect(await listed()).toContain(r.id);
    expect((await sw.post(`/api/residents/${r.id}/erase`, { confirmName: 'Væk Igen' })).statusCode).toBe(200);
    expect(await listed()).not.toContain(r.id);
    expect(
      (await s.admin.get('/api/residents?pageSize=200')).json().items.map((x: { id: string }) => x.id),
    ).not.toContain(r.id);
    for (const path of ['', '/consents', '/notes', '/screenings', '/history', '/export?format=json']) {
      expect((await sw.get(`/api/residents/${r.id}${path}`)).statusCode, path).toBe(404);
    }
    expect((await sw.patch(`/api/residents/${r.id}`, { status: 'paused' })).statusCode).toBe(404);
    expect((await sw.post(`/api/residents/${r.id}/notes`, { text: 'Efter sletning' })).statusCode).toBe(404);
    expect((await sw.post(`/api/residents/${r.id}/screenings`, screening())).statusCode).toBe(404);
    expect(
      (
        await sw.post(`/api/residents/${r.id}/consents`, {
          scope: 'matching',
          textVersion: '2026-1',
          givenOn: '2026-11-01',
          method: 'paper',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await s.admin.post(`/api/residents/${r.id}/erase`, { confirmName: 'Anonymiseret person' })).statusCode,
    ).toBe(404);
  });

  it('is for the side that holds the person and the secretariat; the other side is refused', async () => {
    const r = await buildResident(t.deps.db, {
      municipalityId: own.municipality.id,
      housingAreaId: own.area.id,
      registeredByPlanId: own.plan.id,
      firstName: 'Ret',
      lastName: 'Spørgsmål',
    });
    await buildConsent(t.deps.db, { residentId: r.id, scope: 'sharing' });
    const body = { confirmName: 'Ret Spørgsmål' };
    // The job consultant sees the person through consent (a), but does not hold them.
    expect((await s.job_consultant.post(`/api/residents/${r.id}/erase`, body)).statusCode).toBe(403);
    expect((await s.social_worker_other.post(`/api/residents/${r.id}/erase`, body)).statusCode).toBe(404);
    const denied = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'denied'), eq(auditEvents.entityId, r.id)));
    expect(denied.map((d) => d.details)).toEqual([
      { action: 'erase', reason: 'not_rights_handler' },
      { action: 'erase', reason: 'no_access' },
    ]);
    // The secretariat handles a request for a person it may not otherwise see (no consent).
    const hidden = await buildResident(t.deps.db, {
      municipalityId: other.municipality.id,
      registeredByPlanId: other.plan.id,
      firstName: 'Uden',
      lastName: 'Samtykke',
    });
    expect((await s.admin.get(`/api/residents/${hidden.id}`)).statusCode).toBe(404);
    const res = await s.admin.post(`/api/residents/${hidden.id}/erase`, { confirmName: 'uden samtykke' });
    expect(res.statusCode).toBe(200);
    const [event] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'erase'), eq(auditEvents.entityId, hidden.id)));
    expect(event!.details).toEqual({ reason: 'erasure', basis: 'administration' });
  });
});

describe('the access export', () => {
  let id: string;
  beforeAll(async () => {
    const created = await s.social_worker.post('/api/residents', {
      firstName: 'Åse',
      lastName: 'Ærø-Østergård',
      birthDate: '1988-02-29',
      phone: '40404040',
      email: 'aase@eksempel.dk',
      postalCode: '8800',
      housingAreaId: own.area.id,
      occupationIds: ['toemrer'],
      skills: ['Truckcertifikat'],
      consents: [{ scope: 'sharing', textVersion: '2026-1', givenOn: '2026-11-01', method: 'paper' }],
    });
    expect(created.statusCode).toBe(201);
    id = created.json().id;
    await s.social_worker.post(`/api/residents/${id}/notes`, {
      text: 'Første samtale om arbejde i byggeriet.',
    });
    await s.job_consultant.get(`/api/residents/${id}`);
    await s.job_consultant.post(`/api/residents/${id}/screenings`, screening('Klar til småjob'));
  });

  it('gives everything as JSON with every access by date, purpose and organisation, no staff names or ids', async () => {
    const res = await s.social_worker.get(`/api/residents/${id}/export?format=json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toContain(`jobbro-indsigt-2026-11-24-${id.slice(0, 8)}.json`);
    expect(res.headers['cache-control']).toBe('no-store');
    const doc = res.json();
    expect(doc).toMatchObject({
      schemaVersion: 1,
      generatedAtText: '24.11.2026 10.00',
      person: {
        id,
        firstName: 'Åse',
        lastName: 'Ærø-Østergård',
        phone: '+4540404040',
        email: 'aase@eksempel.dk',
        birthDate: '1988-02-29',
        housingArea: own.area.name,
        municipality: own.municipality.name,
        status: { code: 'active', label: 'Aktiv' },
      },
      registration: { side: { code: 'housing' }, organisation: own.plan.name },
      work: {
        occupations: [{ code: 'toemrer', label: expect.stringMatching(/^Tømrer/) }],
        skills: ['Truckcertifikat'],
      },
      consents: [
        {
          scope: { code: 'sharing' },
          textVersion: '2026-1',
          title: 'Samtykke til deling mellem jobcenter og boligsocial helhedsplan',
          givenOn: '2026-11-01',
          active: true,
        },
      ],
      screenings: [
        { screenedOn: '2026-11-20', remark: 'Klar til småjob', targetGroup: { code: expect.any(Number) } },
      ],
      notes: [{ text: 'Første samtale om arbejde i byggeriet.' }],
      cv: null,
    });
    const purposes = doc.accesses.map((a: { purpose: { code: string } }) => a.purpose.code);
    expect(purposes).toEqual(
      expect.arrayContaining(['registration', 'consent_given', 'note_written', 'profile_read', 'screening']),
    );
    expect(purposes).not.toContain('denied');
    const consultantRead = doc.accesses.find(
      (a: { purpose: { code: string }; organisation: string }) =>
        a.purpose.code === 'profile_read' && a.organisation.startsWith('Jobkonsulent'),
    );
    expect(consultantRead).toMatchObject({
      atText: '24.11.2026 10.00',
      purpose: { label: 'Opslag i profilen' },
      organisation: `Jobkonsulent, ${own.jobcenter.name}`,
    });
    expect(doc.accesses[0].organisation).toBe(`Boligsocial medarbejder, ${own.plan.name}`);
    // Never who: no staff name, e-mail or id anywhere in the document.
    const text = res.body;
    for (const u of [own.users.social_worker, own.users.job_consultant]) {
      expect(text).not.toContain(u.name);
      expect(text).not.toContain(u.email);
      expect(text).not.toContain(u.id);
    }
    const [logged] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'export'), eq(auditEvents.entityId, id)));
    expect(logged).toMatchObject({ userId: own.users.social_worker.id, details: { format: 'json' } });
  });

  it('gives a readable PDF with embedded fonts that carry æ, ø and å', async () => {
    const res = await s.social_worker.get(`/api/residents/${id}/export?format=pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('.pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-8).toString('latin1')).toContain('%%EOF');
    expect(pdf.length).toBeGreaterThan(10_000);
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Roboto-Regular/);
    expect(raw).toMatch(/\/Count [1-9]/);
    // The text maps back to Unicode: the fonts' ToUnicode maps hold æ (U+00E6), ø (U+00F8), å (U+00E5).
    const streams: string[] = [];
    for (const match of raw.matchAll(/stream\r?\n/g)) {
      const start = match.index + match[0].length;
      const end = raw.indexOf('endstream', start);
      try {
        streams.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
      } catch {
        // Not every stream is deflated (fonts may be stored raw); those hold no text maps.
      }
    }
    const maps = streams
      .filter((x) => x.includes('begincmap'))
      .join('\n')
      .toLowerCase();
    for (const code of ['00e6', '00f8', '00e5', '00c6', '00d8', '00c5'])
      expect(maps, code).toContain(`<${code}>`);
    const exports = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'export'), eq(auditEvents.entityId, id)));
    expect(exports.map((e) => e.details)).toContainEqual({ format: 'pdf' });
  });

  it('is refused to the other side (403), another partnership (404) and given to the secretariat', async () => {
    expect((await s.job_consultant.get(`/api/residents/${id}/export`)).statusCode).toBe(403);
    expect((await s.social_worker_other.get(`/api/residents/${id}/export`)).statusCode).toBe(404);
    expect((await s.admin.get(`/api/residents/${id}/export?format=json`)).statusCode).toBe(200);
    const bad = await s.admin.get(`/api/residents/${id}/export?format=docx`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('format');
  });
});

describe('the history tab', () => {
  it('shows who did what, newest first, paged, with names and organisations, to professionals', async () => {
    const created = await s.social_worker.post('/api/residents', {
      firstName: 'Historie',
      lastName: 'Hansen',
      birthDate: '1975-06-01',
      postalCode: '8800',
      housingAreaId: own.area.id,
      consents: [{ scope: 'sharing', textVersion: '2026-1', givenOn: '2026-11-01', method: 'paper' }],
    });
    const id: string = created.json().id;
    await s.job_consultant.get(`/api/residents/${id}`);
    await s.social_worker.patch(`/api/residents/${id}`, { status: 'paused' });
    await s.social_worker_other.get(`/api/residents/${id}`); // refused: shown as such

    const page = await s.social_worker.get(`/api/residents/${id}/history?pageSize=3`);
    expect(page.statusCode).toBe(200);
    const body = page.json();
    // create, consent, read (after create), consultant's read, update, read, denial, this history read
    expect(body.total).toBeGreaterThanOrEqual(6);
    expect(body.items).toHaveLength(3);
    expect(body.items[0]).toMatchObject({
      purpose: 'history_read',
      userName: own.users.social_worker.name,
      organisation: `Boligsocial medarbejder, ${own.plan.name}`,
    });
    expect(body.items[1]).toMatchObject({ purpose: 'denied', userName: other.users.social_worker.name });
    expect(body.items[2]).toMatchObject({ purpose: 'profile_update', action: 'update' });
    const all = (await s.social_worker.get(`/api/residents/${id}/history?pageSize=50`)).json().items;
    expect(all.at(-1)).toMatchObject({ purpose: 'registration' });
    expect(all.map((e: { purpose: string }) => e.purpose)).toContain('consent_given');
    expect(
      all.some((e: { organisation: string }) => e.organisation === `Jobkonsulent, ${own.jobcenter.name}`),
    ).toBe(true);

    // The consultant (professional view through consent (a)) sees it; the secretariat too.
    expect((await s.job_consultant.get(`/api/residents/${id}/history`)).statusCode).toBe(200);
    expect((await s.admin.get(`/api/residents/${id}/history`)).statusCode).toBe(200);
    expect((await s.social_worker_other.get(`/api/residents/${id}/history`)).statusCode).toBe(404);
    // The profile says who may handle the rights requests.
    expect((await s.social_worker.get(`/api/residents/${id}`)).json().mayHandleRights).toBe(true);
    expect((await s.job_consultant.get(`/api/residents/${id}`)).json().mayHandleRights).toBe(false);
    expect((await s.admin.get(`/api/residents/${id}`)).json().mayHandleRights).toBe(true);
  });
});

describe('proposals, placements and follow-ups in the access report', () => {
  it('lists the proposal, the company’s look at the profile, the hire and the check-in, and nothing about another person', async () => {
    const company = await login(own.users.company_contact.email);
    const jc = s.job_consultant;
    const opening = await buildOpening(t.deps.db, {
      partnershipId: own.partnership.id,
      companyId: own.company.id,
      type: 'full_time',
      startDate: '2027-01-04',
      minAge: 18,
      positions: 2,
      status: 'referred',
      createdAt: t.clock.now(),
    });
    // Two carpenters the jobcenter registered, with consent to share and to be proposed (b).
    const person = async (lastName: string) => {
      const r = await buildResident(t.deps.db, {
        municipalityId: own.municipality.id,
        housingAreaId: own.area.id,
        registeredByJobcenterId: own.jobcenter.id,
        lastName,
        occupationIds: ['toemrer'],
        hoursPerWeek: 37,
        availableDay: true,
      });
      await buildConsent(t.deps.db, { residentId: r.id, scope: 'sharing' });
      await buildConsent(t.deps.db, { residentId: r.id, scope: 'matching' });
      return r;
    };
    const me = await person('Forløbsen');
    const someoneElse = await person('Andensen');
    // Each is proposed, says yes, is sent to the company, and the company opens the proposal.
    const proposalIds: string[] = [];
    for (const r of [me, someoneElse]) {
      const made = await jc.post('/api/proposals', { openingId: opening.id, residentId: r.id });
      expect(made.statusCode).toBe(201);
      const id: string = made.json().id;
      for (const to of ['resident_agreed', 'sent_to_company']) {
        expect((await jc.post(`/api/proposals/${id}/transitions`, { to })).statusCode).toBe(200);
      }
      expect((await company.get(`/api/company/proposals/${id}`)).statusCode).toBe(200);
      proposalIds.push(id);
    }
    // The company hires the person; the job consultant reads the placement and records the first check-in.
    const hired = await company.post(`/api/company/proposals/${proposalIds[0]}/hire`, {
      startDate: '2026-12-01',
      hoursPerWeek: 37,
      type: 'full_time',
      wageSubsidy: 'none',
    });
    expect(hired.statusCode).toBe(200);
    const placementId: string = hired.json().placementId;
    expect((await jc.get(`/api/placements/${placementId}`)).statusCode).toBe(200);
    const [weekOne] = await t.deps.db
      .select()
      .from(followUps)
      .where(and(eq(followUps.placementId, placementId), eq(followUps.key, 'week_1')));
    const checkIn = await jc.post(`/api/follow-ups/${weekOne!.id}/check-in`, {
      contactedWith: 'resident',
      status: 'going_well',
    });
    expect(checkIn.statusCode).toBe(200);
    // The other person's proposal is read by the job consultant too: about them, not about me.
    expect((await jc.get(`/api/proposals/${proposalIds[1]}`)).statusCode).toBe(200);

    const res = await jc.get(`/api/residents/${me.id}/export?format=json`);
    expect(res.statusCode).toBe(200);
    const accesses: { purpose: { code: string; label: string }; organisation: string }[] =
      res.json().accesses;
    const consultant = `Jobkonsulent, ${own.jobcenter.name}`;
    const theCompany = `Virksomhed, ${own.company.name}`;
    const seen = accesses.map((a) => [a.purpose.code, a.purpose.label, a.organisation]);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['proposal_made', 'Foreslået til et job', consultant],
        ['proposal_updated', 'Forslag opdateret', consultant],
        ['proposal_sent', 'Forslag sendt til virksomheden', consultant],
        ['company_viewed', 'Virksomheden så kandidatprofilen', theCompany],
        ['placement_created', 'Ansættelse registreret', theCompany],
        ['placement_read', 'Ansættelse læst', consultant],
        ['follow_up_recorded', 'Opfølgning registreret', consultant],
      ]),
    );
    // Once each: the other person's proposal, the company's look at it and its read are not mine.
    const times = (code: string) => accesses.filter((a) => a.purpose.code === code).length;
    expect([times('proposal_made'), times('proposal_sent'), times('company_viewed')]).toEqual([1, 1, 1]);
    expect(times('proposal_read')).toBe(0);
    // The order follows the events: proposed, sent, seen by the company, hired, followed up.
    const order = [
      'proposal_made',
      'proposal_sent',
      'company_viewed',
      'placement_created',
      'follow_up_recorded',
    ];
    const at = order.map((code) => accesses.findIndex((a) => a.purpose.code === code));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    // The company is named, its contact person never.
    const contact = own.users.company_contact;
    for (const v of [contact.name, contact.email, contact.id]) expect(res.body).not.toContain(v);
    // The other person's report has their own proposal, not the hire or the check-in.
    const theirs = (await jc.get(`/api/residents/${someoneElse.id}/export?format=json`)).json().accesses as {
      purpose: { code: string };
    }[];
    const theirCodes = theirs.map((a) => a.purpose.code);
    expect(theirCodes).toEqual(expect.arrayContaining(['proposal_made', 'company_viewed', 'proposal_read']));
    expect(theirCodes).not.toContain('placement_created');
    expect(theirCodes).not.toContain('follow_up_recorded');

    // The history tab shows the same events with names, the company as its organisation.
    const history = (await jc.get(`/api/residents/${me.id}/history?pageSize=100`)).json().items as {
      purpose: string;
      userName: string | null;
      organisation: string;
    }[];
    expect(history.find((e) => e.purpose === 'company_viewed')).toMatchObject({
      userName: own.users.company_contact.name,
      organisation: theCompany,
    });
    expect(history.map((e) => e.purpose)).toEqual(
      expect.arrayContaining(['proposal_made', 'placement_created', 'follow_up_recorded']),
    );
    // … and the PDF is made with them.
    expect((await jc.get(`/api/residents/${me.id}/export?format=pdf`)).statusCode).toBe(200);
  });
});

describe('searches in the audit log', () => {
  it('keep only a keyed fingerprint of the typed text, which an admin can check a text against', async () => {
    const sw = s.social_worker;
    await buildResident(t.deps.db, {
      municipalityId: own.municipality.id,
      housingAreaId: own.area.id,
      registeredByPlanId: own.plan.id,
      firstName: 'Søgbar',
      lastName: 'Gråbølle',
    });
    expect(
      (await sw.get(`/api/residents?q=${encodeURIComponent('Gråbølle')}&status=active`)).json().total,
    ).toBe(1);
    const events = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'search'), eq(auditEvents.userId, own.users.social_worker.id)));
    const logged = events.at(-1)!;
    expect(JSON.stringify(logged.details).toLowerCase()).not.toContain('gråbølle');
    const secret = t.deps.config.sessionSecret;
    expect(logged.details).toMatchObject({
      criteria: {
        q: { fingerprint: searchFingerprint(secret, 'Gråbølle').fingerprint, length: 8 },
        status: 'active',
      },
      resultCount: 1,
    });
    // Another key gives another fingerprint: without the secret the log reveals nothing.
    expect(
      searchFingerprint('another-secret-that-is-long-enough-0123456789', 'Gråbølle').fingerprint,
    ).not.toBe(searchFingerprint(secret, 'Gråbølle').fingerprint);

    // "Was this text searched?" — case and spaces aside, the whole text.
    const found = await s.admin.get(`/api/audit-events?searched=${encodeURIComponent('  GRÅBØLLE ')}`);
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((e: { id: string }) => e.id)).toContain(logged.id.toString());
    expect(
      (await s.admin.get(`/api/audit-events?searched=${encodeURIComponent('Gråbøl')}`)).json().total,
    ).toBe(0);
    // The admin's own check is logged by fingerprint too.
    const admins = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'audit_log'), eq(auditEvents.userId, own.users.admin.id)));
    expect(admins.map((e) => e.details?.criteria)).toContainEqual({
      searched: searchFingerprint(secret, 'gråbølle'),
    });
  });
});
