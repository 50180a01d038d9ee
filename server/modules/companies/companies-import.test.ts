import { auditEvents, companies, companyPartnerships } from '@server/db/schema/index.ts';
import { detectDelimiter } from '@server/platform/spreadsheet.ts';
import { buildPartnershipWorld, buildUser, nextCvr, TEST_PASSWORD } from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TTestApp;
let admin: TestSession;
let staff: TestSession;
let world: Awaited<ReturnType<typeof buildPartnershipWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildPartnershipWorld(t.deps.db);
  admin = new TestSession(t.app);
  await admin.login((await buildUser(t.deps.db, { role: 'admin' })).email, TEST_PASSWORD);
  staff = new TestSession(t.app);
  await staff.login(world.users.housing_staff.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

const csvFile = (text: string, bom = false) => ({
  fileName: 'virksomheder.csv',
  contentBase64: Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf8').toString('base64'),
});

async function xlsxFile(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Virksomheder');
  for (const r of rows) sheet.addRow(r);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: 'virksomheder.xlsx', contentBase64: buffer.toString('base64') };
}

async function countByCvr(cvrs: string[]): Promise<number> {
  return (await t.deps.db.select().from(companies).where(inArray(companies.cvr, cvrs))).length;
}

describe('company import', () => {
  it('detects ; and , as delimiters', () => {
    expect(detectDelimiter('CVR;Navn;By\n1;2;3')).toBe(';');
    expect(detectDelimiter('\uFEFFcvr,name,city')).toBe(',');
  });

  it('previews a CSV (;, BOM) with per-row errors and stores nothing; confirm stores only the valid rows', async () => {
    const [a, b] = [nextCvr(), nextCvr()];
    const file = csvFile(
      [
        'CVR;Navn;Adresse;Postnummer;By;Branche;DB07;Størrelse;Hjemmeside;Status',
        `${a};Fiktiv Anlæg ApS;Skovvej 1;8800;Viborg;Anlægsgartner;813000;10-49 ansatte;www.anlaeg.example;Kontaktet`,
        `${b};Fiktiv Maler I/S;;8600;Silkeborg;Maler;;7;;`,
        '12345678;Forkert CVR A/S;;880;Randers;;12;mange;;måske',
        `${a};Dublet ApS;;8800;Viborg;;;;;`,
        ';;;;;;;;;',
      ].join('\r\n'),
      true,
    );
    const preview = await staff.post('/api/companies/import/preview', file);
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p.stored).toBe(false);
    expect(p.counts).toEqual({ total: 4, create: 2, update: 0, unchanged: 0, invalid: 2 });
    expect(p.rows[0]).toMatchObject({ row: 2, action: 'create', errors: {} });
    expect(p.rows[0].values).toMatchObject({ cvr: a, name: 'Fiktiv Anlæg ApS', sizeBand: '10-49 ansatte' });
    expect(p.rows[2]).toMatchObject({ row: 4, action: null });
    expect(p.rows[2].errors).toMatchObject({
      cvr: 'Ugyldigt CVR-nummer (8 cifre med gyldigt kontrolciffer).',
      postalCode: 'Postnummer skal være 4 cifre.',
      db07Code: 'DB07-branchekode skal være 6 cifre.',
    });
    expect(p.rows[2].errors.sizeBand).toContain('Ukendt størrelse');
    expect(p.rows[2].errors.status).toContain('Ukendt status');
    expect(p.rows[3].errors.cvr).toBe('CVR-nummeret står også i række 2.');
    expect(await countByCvr([a, b])).toBe(0);

    const confirm = await staff.post('/api/companies/import/confirm', file);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json()).toMatchObject({ stored: true, counts: { create: 2, invalid: 2 } });
    const stored = await t.deps.db
      .select()
      .from(companies)
      .where(inArray(companies.cvr, [a, b]));
    expect(stored).toHaveLength(2);
    expect(stored.find((c) => c.cvr === a)).toMatchObject({
      name: 'Fiktiv Anlæg ApS',
      sizeBand: '10-49',
      website: 'https://www.anlaeg.example',
      status: 'contacted',
      db07Code: '813000',
    });
    expect(stored.find((c) => c.cvr === b)).toMatchObject({ sizeBand: '1-9', status: 'prospect' });
    // Staff's imports go to their partnership, with an audit event per company.
    const links = await t.deps.db
      .select()
      .from(companyPartnerships)
      .where(
        inArray(
          companyPartnerships.companyId,
          stored.map((c) => c.id),
        ),
      );
    expect(links.map((l) => l.partnershipId)).toEqual([world.partnership.id, world.partnership.id]);
    const events = await t.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'create'),
          inArray(
            auditEvents.entityId,
            stored.map((c) => c.id),
          ),
        ),
      );
    expect(events).toHaveLength(2);

    // Importing the same file again changes nothing.
    const again = await staff.post('/api/companies/import/confirm', file);
    expect(again.json().counts).toEqual({ total: 4, create: 0, update: 0, unchanged: 2, invalid: 2 });
    const after = await t.deps.db
      .select()
      .from(companies)
      .where(inArray(companies.cvr, [a, b]));
    expect(after.map((c) => c.updatedAt.toISOString()).sort()).toEqual(
      stored.map((c) => c.updatedAt.toISOString()).sort(),
    );
  });

  it('imports XLSX with English headers and updates only the columns the file has', async () => {
    const [a, b] = [nextCvr(), nextCvr()];
    await admin.post('/api/companies', {
      cvr: a,
      name: 'Gammelt Navn ApS',
      industry: 'Revision',
      partnershipIds: [world.partnership.id],
    });
    const file = await xlsxFile([
      ['CVR', 'Name', 'City', 'Size', 'Website'],
      [Number(a), 'Nyt Navn ApS', 'Randers', '50-249', 'https://revisor.example'],
      [b, 'Fiktiv Kantine A/S', 'Randers', 300, ''],
    ]);
    const preview = await admin.post('/api/companies/import/preview', file);
    expect(preview.statusCode).toBe(200);
    expect(preview.json().columns).toEqual(['cvr', 'name', 'city', 'sizeBand', 'website']);
    expect(preview.json().rows.map((r: { action: string }) => r.action)).toEqual(['update', 'create']);
    expect(await countByCvr([b])).toBe(0);

    const confirm = await admin.post('/api/companies/import/confirm', file);
    expect(confirm.json().counts).toMatchObject({ create: 1, update: 1, invalid: 0 });
    const [updated] = await t.deps.db.select().from(companies).where(eq(companies.cvr, a));
    expect(updated).toMatchObject({
      name: 'Nyt Navn ApS',
      city: 'Randers',
      industry: 'Revision',
      sizeBand: '50-249',
    });
    const [created] = await t.deps.db.select().from(companies).where(eq(companies.cvr, b));
    expect(created).toMatchObject({ sizeBand: '250+', website: null });
    const again = await admin.post('/api/companies/import/confirm', file);
    expect(again.json().counts).toMatchObject({ create: 0, update: 0, unchanged: 2 });
  });

  it('refuses a file without CVR and name columns, a broken XLSX and a wrong type with 400', async () => {
    const noCvr = await admin.post('/api/companies/import/preview', csvFile('Navn,By\nFirma,Viborg\n'));
    expect(noCvr.statusCode).toBe(400);
    expect(noCvr.json().error.fields.file).toContain('CVR');
    const broken = await admin.post('/api/companies/import/preview', {
      fileName: 'x.xlsx',
      contentBase64: Buffer.from('not a workbook').toString('base64'),
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.fields.file).toContain('XLSX');
    const pdf = await admin.post('/api/companies/import/preview', {
      fileName: 'x.pdf',
      contentBase64: 'AA==',
    });
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.fields.fileName).toBe('Filen skal være CSV eller XLSX.');
  });

  it('does not let housing staff take over a company of another partnership by import', async () => {
    const other = await buildPartnershipWorld(t.deps.db);
    const file = csvFile(`cvr,navn\n${other.company.cvr},Overtaget ApS\n`);
    const res = await staff.post('/api/companies/import/confirm', file);
    expect(res.json().rows[0]).toMatchObject({ action: null });
    expect(res.json().rows[0].errors.cvr).toBe('Virksomheden findes allerede uden for dit partnerskab.');
    const [row] = await t.deps.db.select().from(companies).where(eq(companies.id, other.company.id));
    expect(row!.name).toBe(other.company.name);
  });
});
