import { MAX_CV_BYTES } from '@domain/resident-cv.schema.ts';
import { auditEvents, residentCvs, residents } from '@server/db/schema/index.ts';
import { attachmentDisposition } from '@server/platform/http/download.ts';
import { buildConsent, buildPartnershipWorld, buildResident, TEST_PASSWORD } from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { legacyDoc, multipartFile, tinyDocx, tinyPdf, windowsExe } from '@server/test/uploads.ts';
import { and, count, eq, gte } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// A resident's CV through the API on a real PostgreSQL: PDF and DOCX accepted by their content,
// everything else refused at the field with nothing stored, the download's headers and bytes,
// who may upload/download/delete, and the audit trail.

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;
type TRoleName = keyof TWorld['users'];

const START = '2026-11-24T09:00:00Z';
const WRONG_TYPE = 'Filen skal være en PDF eller et Word-dokument (DOCX).';
const TOO_LARGE = 'Filen er større end 5 MB.';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let t: TTestApp;
let own: TWorld;
let other: TWorld;
const s = {} as Record<TRoleName | 'social_worker_other', TestSession>;

async function login(email: string): Promise<TestSession> {
  const session = new TestSession(t.app);
  expect((await session.login(email, TEST_PASSWORD)).statusCode).toBe(200);
  return session;
}

beforeAll(async () => {
  // The clock moves days ahead: sessions must outlive that.
  const year = 365 * 24 * 60 * 60_000;
  t = await createTestApp({ start: START, config: { sessionIdleMs: year, sessionAbsoluteMs: year } });
  own = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  for (const role of Object.keys(own.users) as TRoleName[]) s[role] = await login(own.users[role].email);
  s.social_worker_other = await login(other.users.social_worker.email);
});
afterAll(async () => t.close());
beforeEach(() => t.clock.set(START));

/** A person registered by the own world's social housing plan, living in its area. */
async function housingResident(consents: ('sharing' | 'matching')[] = []) {
  const r = await buildResident(t.deps.db, {
    municipalityId: own.municipality.id,
    housingAreaId: own.area.id,
    registeredByPlanId: own.plan.id,
  });
  for (const scope of consents) await buildConsent(t.deps.db, { residentId: r.id, scope });
  return r;
}

function upload(session: TestSession, residentId: string, fileName: string, content: Buffer, field?: string) {
  const body = multipartFile(fileName, content, { field });
  return session.request({
    method: 'PUT',
    url: `/api/residents/${residentId}/cv`,
    payload: body.payload,
    headers: body.headers,
  });
}

async function storedCv(residentId: string) {
  const [row] = await t.deps.db.select().from(residentCvs).where(eq(residentCvs.residentId, residentId));
  return row;
}

async function cvCount() {
  const [row] = await t.deps.db.select({ n: count() }).from(residentCvs);
  return row!.n;
}

describe('uploading a CV', () => {
  it('accepts a PDF, shows it in the profile and gives back the very same bytes with safe headers', async () => {
    const r = await housingResident();
    const pdf = tinyPdf('Amina Testesen');
    const name = 'CV – Åse Ørsted (2026).pdf';
    t.clock.set('2026-11-25T08:30:00Z');
    const res = await upload(s.social_worker, r.id, name, pdf);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      fileName: name,
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
      uploadedAt: '2026-11-25T08:30:00.000Z',
      uploadedByName: own.users.social_worker.name,
    });
    const stored = await storedCv(r.id);
    expect(stored!.content.equals(pdf)).toBe(true);
    expect(stored!.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Working with the person counts as activity (retention).
    const [person] = await t.deps.db.select().from(residents).where(eq(residents.id, r.id));
    expect(person!.lastActivityAt.toISOString()).toBe('2026-11-25T08:30:00.000Z');

    const profile = (await s.social_worker.get(`/api/residents/${r.id}`)).json();
    expect(profile.cv).toEqual(res.json());

    const download = await s.social_worker.get(`/api/residents/${r.id}/cv`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': attachmentDisposition(name),
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
      'cache-control': 'no-store',
    });
    // The exact name for modern browsers (RFC 5987), an ASCII fallback for the rest.
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="CV _ Ase _rsted (2026).pdf"; filename*=UTF-8''CV%20%E2%80%93%20%C3%85se%20%C3%98rsted%20%282026%29.pdf`,
    );
  });

  it('accepts a DOCX and replaces the earlier CV (one per person)', async () => {
    const r = await housingResident();
    expect((await upload(s.social_worker, r.id, 'cv.pdf', tinyPdf())).statusCode).toBe(200);
    const docx = await tinyDocx('Erfaring: rengøring');
    const res = await upload(s.social_worker, r.id, 'Mit CV.DOCX', docx);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ fileName: 'Mit CV.DOCX', mediaType: DOCX, sizeBytes: docx.length });
    const rows = await t.deps.db.select().from(residentCvs).where(eq(residentCvs.residentId, r.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.content.equals(docx)).toBe(true);
    const download = await s.social_worker.get(`/api/residents/${r.id}/cv`);
    expect(download.headers['content-type']).toBe(DOCX);
    expect(download.rawPayload.equals(docx)).toBe(true);
  });

  const BAD: [string, string, () => Buffer | Promise<Buffer>, string][] = [
    ['a text file', 'cv.txt', () => Buffer.from('Mit CV\nErfaring: lager\n'), WRONG_TYPE],
    ['an .exe renamed .pdf', 'cv.pdf', windowsExe, WRONG_TYPE],
    ['a legacy Word .doc', 'cv.doc', legacyDoc, WRONG_TYPE],
    ['a legacy Word .doc renamed .docx', 'cv.docx', legacyDoc, WRONG_TYPE],
    ['a macro-enabled .docm', 'cv.docm', () => tinyDocx('x', { macroEnabled: true }), WRONG_TYPE],
    ['a .docm renamed .docx', 'cv.docx', () => tinyDocx('x', { macroEnabled: true }), WRONG_TYPE],
    ['a PDF named .docx (the extension must agree)', 'cv.docx', () => tinyPdf(), WRONG_TYPE],
    ['a PDF without an extension', 'cv', () => tinyPdf(), WRONG_TYPE],
    ['an empty file', 'cv.pdf', () => Buffer.alloc(0), WRONG_TYPE],
    [
      'a PDF of 5 MB + 1 byte',
      'cv.pdf',
      () => Buffer.concat([tinyPdf(), Buffer.alloc(MAX_CV_BYTES + 1 - tinyPdf().length, 0x20)]),
      TOO_LARGE,
    ],
  ];
  for (const [what, fileName, content, message] of BAD) {
    it(`refuses ${what} with a Danish message at the field and stores nothing`, async () => {
      const r = await housingResident();
      // A CV already there stays as it was.
      const earlier = tinyPdf('Tidligere');
      expect((await upload(s.social_worker, r.id, 'tidligere.pdf', earlier)).statusCode).toBe(200);
      const before = await cvCount();
      const res = await upload(s.social_worker, r.id, fileName, await content());
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        error: { code: 'VALIDATION_FAILED', message: expect.any(String), fields: { file: message } },
      });
      expect(await cvCount()).toBe(before);
      const stored = await storedCv(r.id);
      expect(stored).toMatchObject({ fileName: 'tidligere.pdf', mediaType: 'application/pdf' });
      expect(stored!.content.equals(earlier)).toBe(true);
    });
  }

  it('accepts exactly 5 MB', async () => {
    const r = await housingResident();
    const pdf = Buffer.concat([tinyPdf(), Buffer.alloc(MAX_CV_BYTES - tinyPdf().length, 0x20)]);
    const res = await upload(s.social_worker, r.id, 'stort.pdf', pdf);
    expect(res.statusCode).toBe(200);
    expect(res.json().sizeBytes).toBe(MAX_CV_BYTES);
  });

  it('asks for a file when none is sent, or when it is not in the field "file"', async () => {
    const r = await housingResident();
    const json = await s.social_worker.request({
      method: 'PUT',
      url: `/api/residents/${r.id}/cv`,
      payload: {},
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.fields).toEqual({ file: 'Vælg en fil.' });
    const wrongField = await upload(s.social_worker, r.id, 'cv.pdf', tinyPdf(), 'attachment');
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().error.fields).toEqual({ file: 'Vælg en fil.' });
    expect(await storedCv(r.id)).toBeUndefined();
  });

  it('refuses an upload without the CSRF header', async () => {
    const r = await housingResident();
    const body = multipartFile('cv.pdf', tinyPdf());
    const res = await s.social_worker.request({
      method: 'PUT',
      url: `/api/residents/${r.id}/cv`,
      payload: body.payload,
      headers: body.headers,
      csrf: false,
    });
    expect(res.statusCode).toBe(403);
    expect(await storedCv(r.id)).toBeUndefined();
  });
});

describe('who may upload, download and delete', () => {
  it('follows the person: own side and consent (a) yes; the other side without (a), the secretariat and the other roles no', async () => {
    const none = await housingResident();
    const shared = await housingResident(['sharing', 'matching']);
    const statuses = async (residentId: string) => {
      const got: Record<string, [number, number, number]> = {};
      for (const [name, session] of Object.entries(s)) {
        const put = await upload(session, residentId, 'cv.pdf', tinyPdf(name));
        const get = await session.get(`/api/residents/${residentId}/cv`);
        got[name] = [put.statusCode, get.statusCode, 0];
        if (put.statusCode !== 200) {
          // A refusal says nothing about the person or the file.
          expect(Object.keys(put.json())).toEqual(['error']);
          expect(get.headers['content-type']).toMatch(/^application\/json/);
        }
      }
      // Deleting last: each role tries once more after the others uploaded.
      for (const [name, session] of Object.entries(s)) {
        const before = await storedCv(residentId);
        const del = await session.delete(`/api/residents/${residentId}/cv`);
        got[name]![2] = del.statusCode;
        if (del.statusCode === 200) {
          expect(await storedCv(residentId)).toBeUndefined();
          // Put it back for the next role.
          await upload(s.social_worker, residentId, 'cv.pdf', before!.content);
        }
      }
      return got;
    };
    const refused: [number, number, number] = [403, 403, 403];
    expect(await statuses(none.id)).toEqual({
      admin: [404, 404, 404],
      housing_staff: refused,
      social_worker: [200, 200, 200],
      // The jobcenter side without consent (a): the person does not exist for it.
      job_consultant: [404, 404, 404],
      company_contact: refused,
      steering: refused,
      social_worker_other: [404, 404, 404],
    });
    expect(await statuses(shared.id)).toEqual({
      // The administrative view: read only, and no CV.
      admin: [403, 403, 403],
      housing_staff: refused,
      social_worker: [200, 200, 200],
      job_consultant: [200, 200, 200],
      // Consent (b) does not give a company the CV (it is not proposed here either).
      company_contact: refused,
      steering: refused,
      social_worker_other: [404, 404, 404],
    });
    const admin = (await s.admin.get(`/api/residents/${shared.id}`)).json();
    expect(admin.view).toBe('administrative');
    expect(admin).not.toHaveProperty('cv');
  });

  it('answers 404 with a Danish message when there is no CV to download or delete', async () => {
    const r = await housingResident();
    const get = await s.social_worker.get(`/api/residents/${r.id}/cv`);
    expect(get.statusCode).toBe(404);
    expect(get.json().error).toEqual({ code: 'NOT_FOUND', message: 'Beboeren har ikke et CV.' });
    expect((await s.social_worker.delete(`/api/residents/${r.id}/cv`)).statusCode).toBe(404);
    expect((await s.social_worker.get(`/api/residents/${r.id}`)).json().cv).toBeNull();
  });
});

describe('the audit log', () => {
  it('records the upload, the download and the deletion, without the file name', async () => {
    t.clock.set('2027-03-01T10:00:00Z'); // after every other test's events
    const since = t.clock.now();
    const r = await housingResident(['sharing']);
    const pdf = tinyPdf();
    await upload(s.job_consultant, r.id, 'Hemmeligt navn.pdf', pdf);
    await s.job_consultant.get(`/api/residents/${r.id}/cv`);
    await s.job_consultant.delete(`/api/residents/${r.id}/cv`);
    await s.social_worker_other.get(`/api/residents/${r.id}/cv`);
    const events = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, r.id), gte(auditEvents.at, since)))
      .orderBy(auditEvents.id);
    expect(events.map((e) => [e.userId, e.action, e.entityType, e.details])).toEqual([
      [own.users.job_consultant.id, 'update', 'resident', { cv: 'uploaded', sizeBytes: pdf.length }],
      [own.users.job_consultant.id, 'read', 'resident', { basis: 'consent_sharing', cv: true }],
      [own.users.job_consultant.id, 'update', 'resident', { cv: 'deleted' }],
      [other.users.social_worker.id, 'denied', 'resident', { action: 'read', reason: 'no_access' }],
    ]);
    expect(JSON.stringify(events.map((e) => e.details))).not.toContain('Hemmeligt');
  });
});
