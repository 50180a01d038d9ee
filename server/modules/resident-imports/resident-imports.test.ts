import { randomUUID } from 'node:crypto';
import type { TResidentImport, TResidentImportUpload } from '@domain/resident-import.schema.ts';
import { auditEvents, residentImportMappings, residentImports, residents } from '@server/db/schema/index.ts';
import { anonymiseResident } from '@server/modules/resident-rights/resident-rights.repository.ts';
import { insertMembership } from '@server/modules/users/users.repository.ts';
import { purgeExpiredData } from '@server/platform/queue/jobs.ts';
import { erasedRefFingerprint } from '@server/platform/search-fingerprint.ts';
import {
  buildHousingArea,
  buildPartnershipWorld,
  buildResident,
  buildUser,
  TEST_PASSWORD,
} from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { tinyPdf } from '@server/test/uploads.ts';
import { and, asc, count, eq, inArray, max, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The jobcenter list import end to end on a real PostgreSQL with the real pg-boss worker: upload,
// mapping, dry run, confirm, store, report, purge — and who may do it.

let t: TTestApp;
let world: Awaited<ReturnType<typeof buildPartnershipWorld>>;
let other: Awaited<ReturnType<typeof buildPartnershipWorld>>;
let consultant: TestSession;
let otherConsultant: TestSession;
let admin: TestSession;
let worker: TestSession;
/** A second area of the world's municipality with its own postal code. */
let tingvej: { id: string };

const HEADER = [
  'Personreference',
  'Fornavn',
  'Efternavn',
  'Fødselsdato',
  'Postnummer',
  'Telefon',
  'Kategori',
];

function csv(rows: string[][], options: { bom?: boolean; delimiter?: string } = {}): Buffer {
  const d = options.delimiter ?? ';';
  const text = rows.map((r) => r.join(d)).join('\r\n');
  return Buffer.from(`${options.bom === false ? '' : '\uFEFF'}${text}\r\n`, 'utf8');
}

/** A multipart/form-data body with a file and text fields, as a browser's FormData sends it. */
function multipart(file: { name: string; content: Buffer } | null, fields: Record<string, string> = {}) {
  const boundary = `----jobbro${randomUUID().replace(/-/g, '')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function upload(s: TestSession, name: string, content: Buffer, fields: Record<string, string> = {}) {
  const body = multipart({ name, content }, fields);
  return s.request({ method: 'POST', url: '/api/imports/residents', ...body });
}

async function uploaded(s: TestSession, name: string, content: Buffer, fields: Record<string, string> = {}) {
  const res = await upload(s, name, content, fields);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as TResidentImportUpload;
}

/** Polls the import until the worker has moved it to one of `statuses`. */
async function settled(
  s: TestSession,
  id: string,
  statuses: TResidentImport['status'][],
): Promise<TResidentImport> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await s.get(`/api/imports/residents/${id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as TResidentImport;
    if (statuses.includes(body.status)) return body;
    if (Date.now() > deadline) throw new Error(`import ${id} stuck in ${body.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function dryRun(s: TestSession, id: string, mapping?: Record<string, string>) {
  const current = (await s.get(`/api/imports/residents/${id}`)).json() as TResidentImport;
  const res = await s.request({
    method: 'PUT',
    url: `/api/imports/residents/${id}/mapping`,
    payload: { mapping: mapping ?? current.mapping },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().status).toBe('validating');
  return settled(s, id, ['validated', 'failed']);
}

async function confirm(s: TestSession, id: string) {
  const res = await s.post(`/api/imports/residents/${id}/confirm`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().status).toBe('storing');
  return settled(s, id, ['stored', 'failed', 'validated']);
}

async function residentCount(jobcenterId = world.jobcenter.id) {
  const [row] = await t.deps.db
    .select({ n: count(), last: max(residents.updatedAt) })
    .from(residents)
    .where(eq(residents.registeredByJobcenterId, jobcenterId));
  return { n: row!.n, last: row!.last?.toISOString() ?? null };
}

async function importEvents(importId: string) {
  return t.deps.db.select().from(auditEvents).where(sql`${auditEvents.details}->>'importId' = ${importId}`);
}

/** n good rows: JC-<prefix>-1 … with birth dates in the 1980s, postal code 8830 (Tingvej). */
function goodRows(prefix: string, n: number, from = 1): string[][] {
  return Array.from({ length: n }, (_, i) => {
    const k = from + i;
    return [
      `JC-${prefix}-${k}`,
      `Fornavn${k}`,
      `Efternavn${prefix}${k}`,
      `${String((k % 28) + 1).padStart(2, '0')}.0${(k % 9) + 1}.198${k % 10}`,
      '8830',
      '',
      'Jobparat',
    ];
  });
}

async function login(email: string) {
  const s = new TestSession(t.app);
  expect((await s.login(email, TEST_PASSWORD)).statusCode).toBe(200);
  return s;
}

/** After the clock jumps past the session timeout: everybody logs in again. */
async function relogin() {
  consultant = await login(world.users.job_consultant.email);
  otherConsultant = await login(other.users.job_consultant.email);
  admin = await login(world.users.admin.email);
  worker = await login(world.users.social_worker.email);
}

beforeAll(async () => {
  t = await createTestApp({ queueWorker: true });
  world = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  tingvej = await buildHousingArea(t.deps.db, {
    name: 'Tingvej',
    postalCode: '8830',
    municipalityId: world.municipality.id,
    housingOrganisationId: world.organisation.id,
  });
  await relogin();
});
afterAll(async () => t.close());

describe('upload', () => {
  it('reads the header, proposes a mapping and answers three sample rows; stores nobody', async () => {
    const body = await uploaded(
      consultant,
      'liste.csv',
      csv([
        HEADER,
        ['JC-U-1', 'Amina', 'Hansen', '17.05.1990', '8830', '12345678', 'Jobparat'],
        ['', '', '', '', '', '', ''],
        ['JC-U-2', 'Bo', 'Jensen', '01.02.1985', '8830', '', ''],
        ['JC-U-3', 'Cem', 'Yilmaz', '03.04.1979', '8830', '', ''],
        ['JC-U-4', 'Dorte', 'Møller', '05.06.1970', '8830', '', ''],
      ]),
    );
    expect(body.mappingSource).toBe('automatic');
    expect(body.import).toMatchObject({
      status: 'uploaded',
      fileKind: 'csv',
      totalRows: 4,
      jobcenterId: world.jobcenter.id,
      columns: HEADER,
      hasFile: true,
      mapping: {
        jobcenterRef: 'Personreference',
        firstName: 'Fornavn',
        lastName: 'Efternavn',
        birthDate: 'Fødselsdato',
        postalCode: 'Postnummer',
        phone: 'Telefon',
        jobcenterCategory: 'Kategori',
      },
    });
    expect(body.sample.map((r) => r[0])).toEqual(['JC-U-1', 'JC-U-2', 'JC-U-3']);
    expect((await residentCount()).n).toBe(0);
    const [row] = await t.deps.db
      .select()
      .from(residentImports)
      .where(eq(residentImports.id, body.import.id));
    expect(row!.fileContent!.length).toBeGreaterThan(100);
    expect(row!.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const events = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.entityId, body.import.id));
    expect(events.map((e) => [e.action, e.entityType])).toEqual([['create', 'resident_import']]);
  });

  it('reads Windows-1252 CSV with commas and an XLSX with date cells', async () => {
    const latin = Buffer.from(
      'Sagsnr,Fornavn,Efternavn,Fødselsdato,Postnr\r\nJC-W-1,Søren,Ærø,01.01.1980,8830\r\n',
      'latin1',
    );
    const w = await uploaded(consultant, 'gammel.csv', latin);
    expect(w.import.columns).toEqual(['Sagsnr', 'Fornavn', 'Efternavn', 'Fødselsdato', 'Postnr']);
    expect(w.sample).toEqual([['JC-W-1', 'Søren', 'Ærø', '01.01.1980', '8830']]);
    expect(w.import.mapping.birthDate).toBe('Fødselsdato');

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ledige');
    sheet.addRow(['ID', 'Fornavn', 'Efternavn', 'Født', 'Postnummer']);
    sheet.addRow(['JC-X-1', 'Xenia', 'Lund', new Date(Date.UTC(1991, 2, 4)), 8830]);
    sheet.addRow([]);
    sheet.addRow(['JC-X-2', 'Yrsa; "Y"\nAnden linje', 'Lund', 'x', 8830]);
    const x = await uploaded(consultant, 'liste.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(x.import.fileKind).toBe('xlsx');
    expect(x.sample).toEqual([
      ['JC-X-1', 'Xenia', 'Lund', '1991-03-04', '8830'],
      ['JC-X-2', 'Yrsa; "Y"\nAnden linje', 'Lund', 'x', '8830'],
    ]);
    // The dry run reads the same cells (kept as CSV after the upload) with Excel's row numbers.
    const validated = await dryRun(consultant, x.import.id);
    expect(validated.summary).toMatchObject({ totalRows: 2, validRows: 1, errors: 1, new: 1 });
    expect(validated.issues.map((i) => [i.row, i.code])).toEqual([[4, 'invalid_date']]);
  });

  it('refuses files by content, size and shape with a Danish message at the file field', async () => {
    const cases: [string, Buffer, string][] = [
      ['cv.csv', tinyPdf(), 'Filen er hverken en CSV- eller en XLSX-fil'],
      ['liste.csv', Buffer.from([0, 1, 2, 3, 0, 0, 7]), 'Filen er hverken en CSV- eller en XLSX-fil'],
      ['tom.csv', Buffer.alloc(0), 'Filen er tom.'],
      ['kun-overskrift.csv', csv([HEADER]), 'Filen har ingen rækker under overskrifterne.'],
      [
        'dobbelt.csv',
        csv([
          ['ID', 'Navn', 'Navn'],
          ['1', 'a', 'b'],
        ]),
        'To kolonner har samme overskrift',
      ],
    ];
    for (const [name, content, message] of cases) {
      const res = await upload(consultant, name, content);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().error.fields.file, name).toContain(message);
    }
    const notMultipart = await consultant.post('/api/imports/residents', { file: 'x' });
    expect(notMultipart.statusCode).toBe(400);
    expect(notMultipart.json().error.fields.file).toBe('Vælg en fil (CSV eller XLSX).');
  });

  it('answers a file over 40 MB with a 400 at the file field, not a 413', async () => {
    const big = Buffer.alloc(40 * 1024 * 1024 + 10, 'a');
    const res = await upload(consultant, 'stor.csv', big);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.file).toBe('Filen er for stor – højst 40 MB.');
  });
});

describe('who imports', () => {
  it('lets only job consultants (own jobcenter) and the secretariat (any, chosen) import', async () => {
    const file = csv([HEADER, ...goodRows('who', 1)]);
    expect((await upload(worker, 'liste.csv', file)).statusCode).toBe(403);
    const staff = await login(world.users.housing_staff.email);
    expect((await upload(staff, 'liste.csv', file)).statusCode).toBe(403);
    const foreign = await upload(otherConsultant, 'liste.csv', file, { jobcenterId: world.jobcenter.id });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.message).toBe('Du kan kun importere lister for dit eget jobcenter.');

    const noChoice = await upload(admin, 'liste.csv', file);
    expect(noChoice.statusCode).toBe(400);
    expect(noChoice.json().error.fields).toEqual({ jobcenterId: 'Vælg jobcentret.' });
    const byAdmin = await uploaded(admin, 'liste.csv', file, { jobcenterId: other.jobcenter.id });
    expect(byAdmin.import.jobcenterId).toBe(other.jobcenter.id);

    // A consultant with two jobcenters chooses; the other consultant's imports stay invisible.
    const twoCentres = await buildUser(t.deps.db, { role: 'job_consultant', scopeId: world.jobcenter.id });
    await insertMembership(t.deps.db, twoCentres.id, { role: 'job_consultant', scopeId: other.jobcenter.id });
    const both = await login(twoCentres.email);
    expect((await upload(both, 'liste.csv', file)).json().error.fields.jobcenterId).toBe('Vælg jobcentret.');
    expect((await upload(both, 'liste.csv', file, { jobcenterId: other.jobcenter.id })).statusCode).toBe(201);

    const mine = await uploaded(consultant, 'min.csv', file);
    expect((await otherConsultant.get(`/api/imports/residents/${mine.import.id}`)).statusCode).toBe(404);
    expect((await otherConsultant.post(`/api/imports/residents/${mine.import.id}/discard`)).statusCode).toBe(
      404,
    );
    expect((await worker.get(`/api/imports/residents/${mine.import.id}`)).statusCode).toBe(403);
    const list = (await otherConsultant.get('/api/imports/residents?pageSize=200')).json();
    expect(list.items.every((i: TResidentImport) => i.jobcenterId === other.jobcenter.id)).toBe(true);
    expect(list.items.some((i: TResidentImport) => i.id === byAdmin.import.id)).toBe(true);
    const ownList = (await consultant.get('/api/imports/residents?pageSize=200')).json();
    expect(ownList.items.some((i: TResidentImport) => i.id === mine.import.id)).toBe(true);
    expect(ownList.items.some((i: TResidentImport) => i.id === byAdmin.import.id)).toBe(false);
  });
});

describe('dry run and store', () => {
  const TEN_BAD: [string[], string, string, string][] = [
    [
      ['', 'Anna', 'Bad', '01.01.1980', '8830', '', ''],
      'jobcenterRef',
      'required',
      'Personreferencen mangler – den er nøglen til personen.',
    ],
    [
      ['0101801234', 'Anna', 'Bad', '01.01.1980', '8830', '', ''],
      'jobcenterRef',
      'cpr',
      'Ligner et CPR-nummer – Jobbro gemmer aldrig CPR-numre. Brug jobcentrets egen personreference.',
    ],
    [['JC-B-3', '', 'Bad', '01.01.1980', '8830', '', ''], 'firstName', 'required', 'Fornavn mangler.'],
    [
      ['JC-B-4', 'Anna', 'Bad', '1980-31-01', '8830', '', ''],
      'birthDate',
      'invalid_date',
      'Fødselsdato kan ikke læses – skriv dd.mm.åååå.',
    ],
    [
      ['JC-B-5', 'Anna', 'Bad', '01.01.2027', '8830', '', ''],
      'birthDate',
      'birth_date_in_future',
      'Fødselsdatoen ligger i fremtiden.',
    ],
    [
      ['JC-B-6', 'Anna', 'Bad', '01.01.2020', '8830', '', ''],
      'birthDate',
      'too_young',
      'Personen skal være mindst 13 år.',
    ],
    [
      ['JC-B-7', 'Anna', 'Bad', '01.01.1980', '88300', '', ''],
      'postalCode',
      'invalid_postal_code',
      'Ukendt postnummer – et dansk postnummer er 4 cifre mellem 0800 og 9990.',
    ],
    [
      ['JC-T-1', 'Anna', 'Bad', '01.01.1980', '8830', '', ''],
      'jobcenterRef',
      'duplicate_ref',
      'Personreferencen står også i række 2 – kun den første række bruges.',
    ],
    [
      ['JC-B-9', 'Anna 010180-1234', 'Bad', '01.01.1980', '8830', '', ''],
      'firstName',
      'cpr',
      'Ligner et CPR-nummer – Jobbro gemmer aldrig CPR-numre.',
    ],
    [
      ['JC-B-10', 'Anna', 'B'.repeat(101), '01.01.1980', '8830', '', ''],
      'lastName',
      'too_long',
      'Efternavn er for langt (højst 100 tegn).',
    ],
  ];

  let tenBadFile: Buffer;
  let firstImportId: string;

  it('gives ten precise errors for ten bad rows of different kinds and stores nothing until confirmed', async () => {
    const good = goodRows('T', 20);
    tenBadFile = csv([HEADER, ...good.slice(0, 5), ...TEN_BAD.map((b) => b[0]), ...good.slice(5)]);
    const up = await uploaded(consultant, 'ti-fejl.csv', tenBadFile);
    firstImportId = up.import.id;
    const result = await dryRun(consultant, firstImportId);
    expect(result.summary).toMatchObject({
      totalRows: 30,
      validRows: 20,
      errorRows: 10,
      errors: 10,
      warnings: 0,
      new: 20,
      updated: 0,
      unchanged: 0,
    });
    expect(result.processedRows).toBe(30);
    const issues = (
      await consultant.get(`/api/imports/residents/${firstImportId}/issues?pageSize=50`)
    ).json();
    expect(issues.total).toBe(10);
    expect(
      issues.items.map((i: { row: number; field: string; code: string; message: string }) => [
        i.row,
        i.field,
        i.code,
        i.message,
      ]),
    ).toEqual(TEN_BAD.map(([, field, code, message], i) => [7 + i, field, code, message]));
    // Nothing from the file in the kept issues: no name, reference or date.
    const stored = JSON.stringify(
      (await t.deps.db.select().from(residentImports).where(eq(residentImports.id, firstImportId)))[0]!
        .issues,
    );
    for (const value of ['0101801234', '010180-1234', 'JC-B-4', 'Anna', '1980-31-01', '88300'])
      expect(stored).not.toContain(value);
    // Paging and filtering of the issues.
    const page2 = (
      await consultant.get(`/api/imports/residents/${firstImportId}/issues?pageSize=4&page=3`)
    ).json();
    expect(page2.items.map((i: { row: number }) => i.row)).toEqual([15, 16]);
    const warnings = (
      await consultant.get(`/api/imports/residents/${firstImportId}/issues?severity=warning`)
    ).json();
    expect(warnings.total).toBe(0);

    expect((await residentCount()).n).toBe(0);
  });

  it('stores the valid rows in one go on confirm, with an audit event each, and drops the file', async () => {
    const stored = await confirm(consultant, firstImportId);
    expect(stored.status).toBe('stored');
    expect(stored.summary).toMatchObject({
      storedNew: 20,
      storedUpdated: 0,
      storedUnchanged: 0,
      skippedRows: 10,
    });
    expect(stored.hasFile).toBe(false);
    expect(stored.storedAt).not.toBeNull();
    const people = await t.deps.db
      .select()
      .from(residents)
      .where(eq(residents.registeredByJobcenterId, world.jobcenter.id));
    expect(people).toHaveLength(20);
    const first = people.find((p) => p.jobcenterRef === 'JC-T-1')!;
    expect(first).toMatchObject({
      registeredBySide: 'jobcenter',
      municipalityId: world.municipality.id,
      housingAreaId: tingvej.id,
      firstName: 'Fornavn1',
      birthDate: '1981-02-02',
      postalCode: '8830',
      jobcenterCategory: 'jobparat',
      status: 'active',
      createdBy: world.users.job_consultant.id,
    });
    expect(first.lastActivityAt.toISOString()).toBe(t.clock.now().toISOString());
    const events = await importEvents(firstImportId);
    expect(events.filter((e) => e.entityType === 'resident' && e.action === 'create')).toHaveLength(20);
    expect(events.every((e) => e.userId === world.users.job_consultant.id)).toBe(true);
    const summary = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, firstImportId), eq(auditEvents.entityType, 'resident_import')))
      .orderBy(asc(auditEvents.id));
    expect(summary.map((e) => e.details?.step)).toEqual(['uploaded', 'mapping', 'confirmed', 'stored']);
    const [row] = await t.deps.db.select().from(residentImports).where(eq(residentImports.id, firstImportId));
    expect(row!.fileContent).toBeNull();
    // No consent is created: the housing side does not see them, the jobcenter's consultants do.
    const mine = (await consultant.get('/api/residents?q=EfternavnT1&pageSize=200')).json();
    expect(mine.items.map((r: { lastName: string }) => r.lastName)).toContain('EfternavnT1');
    expect((await worker.get('/api/residents?q=EfternavnT1')).json().total).toBe(0);
    // Stored imports cannot be confirmed again.
    expect((await consultant.post(`/api/imports/residents/${firstImportId}/confirm`)).statusCode).toBe(409);
  });

  it('re-importing the same file changes nothing', async () => {
    const before = await residentCount();
    const again = await uploaded(consultant, 'ti-fejl.csv', tenBadFile);
    expect(again.mappingSource).toBe('remembered');
    const result = await dryRun(consultant, again.import.id);
    expect(result.summary).toMatchObject({ validRows: 20, errorRows: 10, new: 0, updated: 0, unchanged: 20 });
    t.clock.advance(60_000);
    const stored = await confirm(consultant, again.import.id);
    expect(stored.summary).toMatchObject({ storedNew: 0, storedUpdated: 0, storedUnchanged: 20 });
    expect(await residentCount()).toEqual(before);
    const events = await importEvents(again.import.id);
    expect(events.filter((e) => e.entityType === 'resident')).toHaveLength(0);
    // Still on the jobcenter's list: the retention clock restarts, nothing else moves.
    const listed = await t.deps.db
      .select({ lastActivityAt: residents.lastActivityAt })
      .from(residents)
      .where(eq(residents.registeredByJobcenterId, world.jobcenter.id));
    expect(listed.filter((r) => r.lastActivityAt.getTime() === t.clock.now().getTime())).toHaveLength(20);
  });

  it('updates changed people, keeps what an empty cell leaves out and reports who is missing', async () => {
    const [p3] = await t.deps.db.select().from(residents).where(eq(residents.jobcenterRef, 'JC-T-3'));
    // A consultant recorded a phone number and a status in Jobbro; the list has neither.
    await t.deps.db
      .update(residents)
      .set({ phone: '+4587654321', status: 'in_job' })
      .where(eq(residents.id, p3!.id));
    const rows = goodRows('T', 18);
    rows[0]![6] = 'Aktivitetsparat';
    rows[1]![5] = '22 33 44 55';
    const next = [...rows, ...goodRows('N', 2)];
    const before = await residentCount();
    t.clock.advance(60_000);
    const up = await uploaded(consultant, 'uge-2.csv', csv([HEADER, ...next]));
    const result = await dryRun(consultant, up.import.id);
    expect(result.summary).toMatchObject({
      validRows: 20,
      new: 2,
      updated: 2,
      unchanged: 16,
      missingFromList: 2,
    });
    const stored = await confirm(consultant, up.import.id);
    expect(stored.summary).toMatchObject({ storedNew: 2, storedUpdated: 2 });
    expect((await residentCount()).n).toBe(before.n + 2);
    const byRef = async (ref: string) =>
      (await t.deps.db.select().from(residents).where(eq(residents.jobcenterRef, ref)))[0]!;
    expect((await byRef('JC-T-1')).jobcenterCategory).toBe('aktivitetsparat');
    expect((await byRef('JC-T-2')).phone).toBe('+4522334455');
    expect(await byRef('JC-T-3')).toMatchObject({ phone: '+4587654321', status: 'in_job' });
    expect((await byRef('JC-T-1')).updatedAt.toISOString()).toBe(t.clock.now().toISOString());
    expect((await byRef('JC-T-4')).updatedAt.toISOString()).toBe(before.last);
    // Nobody is deleted for being missing from the list.
    expect(await byRef('JC-T-20')).toBeDefined();
    const events = await importEvents(up.import.id);
    expect(events.filter((e) => e.action === 'update' && e.entityType === 'resident')).toHaveLength(2);
  });

  it('a failure in the middle of storing leaves the database as it was', async () => {
    const before = await residentCount();
    const [eventsBefore] = await t.deps.db.select({ n: count() }).from(auditEvents);
    // The store inserts the new people first, then updates the changed ones; the database
    // refuses one of the updates (a real trigger, no mock), after the inserts went through.
    await t.deps.db.execute(sql`
      create function refuse_import_row() returns trigger language plpgsql as $$
      begin
        if new.first_name = 'Fejlrække' then raise exception 'refused by test'; end if;
        return new;
      end $$;
      create trigger refuse_import_row before update on residents
        for each row execute function refuse_import_row();`);
    const rows = goodRows('T', 18);
    rows[9]![1] = 'Fejlrække';
    rows[3]![1] = 'Ændret';
    const up = await uploaded(consultant, 'fejler.csv', csv([HEADER, ...rows, ...goodRows('F', 5)]));
    const checked = await dryRun(consultant, up.import.id);
    // T-1's category goes back to Jobparat, T-4 and T-10 get new first names.
    expect(checked.summary).toMatchObject({ new: 5, updated: 3 });
    const failed = await confirm(consultant, up.import.id);
    expect(failed.status).toBe('failed');
    expect(failed.failureMessage).toBe(
      'Listen kunne ikke gemmes, og intet er ændret. Prøv at gemme igen – sker det igen, så kontakt sekretariatet.',
    );
    expect(failed.hasFile).toBe(true);
    expect(await residentCount()).toEqual(before);
    const people = await t.deps.db
      .select({ n: count() })
      .from(residents)
      .where(inArray(residents.jobcenterRef, ['JC-F-1', 'JC-F-5']));
    expect(people[0]!.n).toBe(0);
    expect(await importEvents(up.import.id)).toHaveLength(0);
    const [eventsAfter] = await t.deps.db.select({ n: count() }).from(auditEvents);
    // Only the steps around it (confirmed) were logged, never a person.
    expect(eventsAfter!.n - eventsBefore!.n).toBe(3);

    // Once the cause is gone, the same import can be stored.
    await t.deps.db.execute(
      sql`drop trigger refuse_import_row on residents; drop function refuse_import_row();`,
    );
    const stored = await confirm(consultant, up.import.id);
    expect(stored.status).toBe('stored');
    expect((await residentCount()).n).toBe(before.n + 5);
  });

  it('stores nothing when the check no longer matches the dry run (the day changed)', async () => {
    t.clock.set('2026-11-24T09:00:00Z');
    const rows = [...goodRows('D', 2), ['JC-D-3', 'Ny', 'Ung', '25.11.2013', '8830', '', '']];
    const up = await uploaded(consultant, 'dag.csv', csv([HEADER, ...rows]));
    const checked = await dryRun(consultant, up.import.id);
    expect(checked.summary).toMatchObject({ validRows: 2, errorRows: 1 });
    t.clock.set('2026-11-25T09:00:00Z');
    await relogin();
    const before = await residentCount();
    const result = await confirm(consultant, up.import.id);
    expect(result.status).toBe('validated');
    expect(result.failureMessage).toContain('Kontrollen gav et andet resultat end før');
    expect(result.summary).toMatchObject({ validRows: 3, errorRows: 0, new: 3 });
    expect(await residentCount()).toEqual(before);
    const stored = await confirm(consultant, up.import.id);
    expect(stored.summary).toMatchObject({ storedNew: 3 });
  });
});

describe('mapping', () => {
  it('remembers a hand-made mapping for the jobcenter and refuses an incomplete one', async () => {
    const header = ['Nøgle', 'Fornavn', 'Efternavn', 'Dato', 'Postnummer'];
    const file = csv([header, ['JC-M-1', 'Mia', 'Berg', '01.01.1990', '8830']]);
    const up = await uploaded(consultant, 'egen.csv', file);
    expect(up.mappingSource).toBe('automatic');
    expect(up.import.mapping.jobcenterRef).toBeUndefined();
    const incomplete = await consultant.request({
      method: 'PUT',
      url: `/api/imports/residents/${up.import.id}/mapping`,
      payload: { mapping: { ...up.import.mapping, birthDate: 'Dato', postalCode: 'Dato' } },
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.fields).toEqual({
      'mapping.jobcenterRef': 'Vælg den kolonne, der indeholder feltet.',
      'mapping.postalCode': 'Kolonnen er allerede valgt til fødselsdato.',
    });
    const mapping = { ...up.import.mapping, jobcenterRef: 'Nøgle', birthDate: 'Dato' };
    const checked = await dryRun(consultant, up.import.id, mapping);
    expect(checked.summary).toMatchObject({ validRows: 1 });
    const [remembered] = await t.deps.db
      .select()
      .from(residentImportMappings)
      .where(eq(residentImportMappings.jobcenterId, world.jobcenter.id));
    expect(remembered!.mapping).toEqual(mapping);
    const next = await uploaded(consultant, 'egen-2.csv', file);
    expect(next).toMatchObject({ mappingSource: 'remembered', import: { mapping } });
  });

  it('discarding drops the file; a discarded import goes no further', async () => {
    const up = await uploaded(consultant, 'kasser.csv', csv([HEADER, ...goodRows('K', 2)]));
    await dryRun(consultant, up.import.id);
    const res = await consultant.post(`/api/imports/residents/${up.import.id}/discard`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'discarded', hasFile: false });
    const [row] = await t.deps.db.select().from(residentImports).where(eq(residentImports.id, up.import.id));
    expect(row!.fileContent).toBeNull();
    const late = await consultant.post(`/api/imports/residents/${up.import.id}/confirm`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('Filen er ikke længere gemt. Upload den igen.');
  });
});

describe('report', () => {
  async function report(id: string) {
    const res = await consultant.get(`/api/imports/residents/${id}/report.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toContain('attachment;');
    expect(res.headers['cache-control']).toBe('no-store');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return workbook;
  }
  /** The sheet as rows of cell values, an empty cell as ''. */
  const values = (sheet: ExcelJS.Worksheet) =>
    sheet
      .getSheetValues()
      .slice(1)
      .map((r) =>
        Array.from({ length: sheet.columnCount }, (_, i) => (r as ExcelJS.CellValue[])[i + 1] ?? ''),
      );

  it('has a summary and every issue; with the person reference while the file is kept, never a CPR', async () => {
    const rows = [
      ['JC-R-1', 'Rita', 'Rapport', 'x', '8830', '', ''],
      ['0101801234', 'Rene', 'Rapport', '01.01.1980', '8830', '', ''],
      ['JC-R-3', 'Rasmus', 'Rapport', '01.01.1980', '8830', '1', ''],
    ];
    const up = await uploaded(consultant, 'rapport.csv', csv([HEADER, ...rows]));
    await dryRun(consultant, up.import.id);
    const workbook = await report(up.import.id);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Oversigt', 'Problemer']);
    const overview = values(workbook.getWorksheet('Oversigt')!);
    expect(overview).toContainEqual(['Fil', 'rapport.csv']);
    expect(overview).toContainEqual(['Rækker med fejl (springes over)', 2]);
    expect(values(workbook.getWorksheet('Problemer')!)).toEqual([
      ['Række', 'Kolonne i filen', 'Felt i Jobbro', 'Alvor', 'Besked', 'Personreference'],
      [2, 'Fødselsdato', 'Fødselsdato', 'Fejl', 'Fødselsdato kan ikke læses – skriv dd.mm.åååå.', 'JC-R-1'],
      [
        3,
        'Personreference',
        'Personreference',
        'Fejl',
        'Ligner et CPR-nummer – Jobbro gemmer aldrig CPR-numre. Brug jobcentrets egen personreference.',
        '',
      ],
      [
        4,
        'Telefon',
        'Telefon',
        'Advarsel',
        'Telefonnummeret kan ikke læses (8 cifre, evt. med +45) – feltet udfyldes ikke.',
        'JC-R-3',
      ],
    ]);
    const exports = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, up.import.id), eq(auditEvents.action, 'export')));
    expect(exports).toHaveLength(1);

    // Once stored (file dropped), the report names rows and columns only.
    await confirm(consultant, up.import.id);
    const after = values((await report(up.import.id)).getWorksheet('Problemer')!);
    expect(after[0]).toEqual(['Række', 'Kolonne i filen', 'Felt i Jobbro', 'Alvor', 'Besked']);
    expect(after).toHaveLength(4);
    expect((await otherConsultant.get(`/api/imports/residents/${up.import.id}/report.xlsx`)).statusCode).toBe(
      404,
    );
  });
});

describe('retention', () => {
  it('drops a file not stored within 24 hours and deletes imports after 12 months', async () => {
    t.clock.set('2026-12-01T09:00:00Z');
    await relogin();
    const waiting = await uploaded(consultant, 'venter.csv', csv([HEADER, ...goodRows('P', 1)]));
    const stored = await uploaded(consultant, 'gemt.csv', csv([HEADER, ...goodRows('P', 1, 5)]));
    await dryRun(consultant, stored.import.id);
    await confirm(consultant, stored.import.id);
    t.clock.advance(23 * 60 * 60_000);
    await purgeExpiredData(t.deps);
    await relogin();
    expect((await settled(consultant, waiting.import.id, ['uploaded'])).hasFile).toBe(true);
    t.clock.advance(2 * 60 * 60_000);
    await purgeExpiredData(t.deps);
    await relogin();
    const purged = await settled(consultant, waiting.import.id, ['discarded']);
    expect(purged.hasFile).toBe(false);
    expect(purged.failureMessage).toBe('Filen blev slettet, fordi listen ikke blev gemt inden for 24 timer.');
    expect((await consultant.get(`/api/imports/residents/${stored.import.id}`)).json().status).toBe('stored');

    t.clock.advance(366 * 24 * 60 * 60_000);
    await purgeExpiredData(t.deps);
    await relogin();
    const left = await t.deps.db
      .select({ id: residentImports.id })
      .from(residentImports)
      .where(inArray(residentImports.id, [waiting.import.id, stored.import.id]));
    expect(left).toEqual([]);
    // The people stay: the import record goes, not what it stored.
    expect(
      (await t.deps.db.select().from(residents).where(eq(residents.jobcenterRef, 'JC-P-5')))[0],
    ).toBeDefined();
  });
});

describe('people the jobcenter already has', () => {
  it('refuses to bring back a person erased on request; one anonymised for inactivity comes back as new', async () => {
    const gone = await buildResident(t.deps.db, {
      municipalityId: world.municipality.id,
      registeredByJobcenterId: world.jobcenter.id,
      jobcenterRef: 'JC-GONE-1',
    });
    const lapsed = await buildResident(t.deps.db, {
      municipalityId: world.municipality.id,
      registeredByJobcenterId: world.jobcenter.id,
      jobcenterRef: 'JC-LAPSED-1',
    });
    const now = t.clock.now();
    await t.deps.db.transaction(async (tx) => {
      await anonymiseResident(tx, gone.id, 'erasure', now, (ref) =>
        erasedRefFingerprint(t.deps.config.sessionSecret, ref),
      );
      await anonymiseResident(tx, lapsed.id, 'retention', now, (ref) =>
        erasedRefFingerprint(t.deps.config.sessionSecret, ref),
      );
    });
    // The reference itself is gone from the row; only its keyed fingerprint is left, after an erasure.
    const [goneRow] = await t.deps.db.select().from(residents).where(eq(residents.id, gone.id));
    expect(goneRow).toMatchObject({
      jobcenterRef: null,
      erasedRefFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const [lapsedRow] = await t.deps.db.select().from(residents).where(eq(residents.id, lapsed.id));
    expect(lapsedRow).toMatchObject({ jobcenterRef: null, erasedRefFingerprint: null });

    const up = await uploaded(
      consultant,
      'slettet.csv',
      csv([
        HEADER,
        ['JC-GONE-1', 'Ib', 'Igen', '01.01.1980', '8830', '', ''],
        ['JC-LAPSED-1', 'Åse', 'Tilbage', '01.02.1981', '8830', '', ''],
      ]),
    );
    const result = await dryRun(consultant, up.import.id);
    expect(result.issues.map((i) => [i.row, i.code])).toEqual([[2, 'erased']]);
    expect(result.summary).toMatchObject({ validRows: 1, errorRows: 1, new: 1 });
  });
});
