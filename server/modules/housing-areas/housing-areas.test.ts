import { auditEvents } from '@server/db/schema/index.ts';
import {
  buildHousingArea,
  buildHousingOrganisation,
  buildMunicipality,
  buildUser,
  TEST_PASSWORD,
} from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TTestApp;
let admin: TestSession;
beforeAll(async () => {
  t = await createTestApp();
  const user = await buildUser(t.deps.db, { role: 'admin' });
  admin = new TestSession(t.app);
  await admin.login(user.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

describe('housing areas', () => {
  it('creates an area, audit-logs it, and answers with the joined names', async () => {
    const org = await buildHousingOrganisation(t.deps.db, { name: 'Boligselskabet Viborg' });
    const muni = await buildMunicipality(t.deps.db, { name: 'Viborg Kommune' });
    const res = await admin.post('/api/housing-areas', {
      name: 'Houlkærvænget',
      housingOrganisationId: org.id,
      municipalityId: muni.id,
      postalCode: '8800',
      residentsCount: '1400',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Houlkærvænget',
      housingOrganisationName: 'Boligselskabet Viborg',
      municipalityName: 'Viborg Kommune',
      residentsCount: 1400,
      socialHousingPlanId: null,
    });
    const [event] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'create'), eq(auditEvents.entityId, res.json().id)));
    expect(event).toMatchObject({ entityType: 'housing_area' });
  });

  it('gives Danish field errors and stores nothing for bad input', async () => {
    const before = (await admin.get('/api/housing-areas')).json().total;
    const res = await admin.post('/api/housing-areas', {
      name: '  ',
      housingOrganisationId: 'nej',
      postalCode: '880',
      residentsCount: -3,
    });
    expect(res.statusCode).toBe(400);
    const { fields } = res.json().error;
    expect(fields.name).toBe('Skal udfyldes.');
    expect(fields.postalCode).toBe('Postnummer skal være 4 cifre.');
    expect(fields.residentsCount).toBe('Kan ikke være negativt.');
    expect(fields).toHaveProperty('housingOrganisationId');
    expect((await admin.get('/api/housing-areas')).json().total).toBe(before);
  });

  it('answers an unknown organisation with 400 or 409, never 500', async () => {
    const muni = await buildMunicipality(t.deps.db);
    const res = await admin.post('/api/housing-areas', {
      name: 'Spøgelsesparken',
      housingOrganisationId: '00000000-0000-4000-8000-000000000000',
      municipalityId: muni.id,
      postalCode: '8800',
      residentsCount: 1,
    });
    expect([400, 409]).toContain(res.statusCode);
  });

  it('finds "Houlkærvænget" from "houlkær" and sorts with Danish collation', async () => {
    const org = await buildHousingOrganisation(t.deps.db, { name: 'Sorteringsselskabet' });
    for (const name of ['Åparken', 'Ærtebjerg', 'Zinkparken', 'Østervang', 'Aalykke']) {
      await buildHousingArea(t.deps.db, { name, housingOrganisationId: org.id });
    }
    const found = await admin.get('/api/housing-areas?q=houlk%C3%A6r');
    expect(found.json().items.map((a: { name: string }) => a.name)).toEqual(['Houlkærvænget']);
    const upper = await admin.get('/api/housing-areas?q=HOULK%C3%86R');
    expect(upper.json().total).toBe(1);
    const sorted = await admin.get(`/api/housing-areas?housingOrganisationId=${org.id}&sort=name`);
    // Danish: Z < Æ < Ø < Å, and "Aa" sorts as Å.
    expect(sorted.json().items.map((a: { name: string }) => a.name)).toEqual([
      'Zinkparken',
      'Ærtebjerg',
      'Østervang',
      'Aalykke',
      'Åparken',
    ]);
    const desc = await admin.get(
      `/api/housing-areas?housingOrganisationId=${org.id}&sort=name&dir=desc&pageSize=2&page=2`,
    );
    expect(desc.json()).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(desc.json().items.map((a: { name: string }) => a.name)).toEqual(['Østervang', 'Ærtebjerg']);
    const beyond = await admin.get(`/api/housing-areas?housingOrganisationId=${org.id}&page=9`);
    expect(beyond.json()).toMatchObject({ items: [], total: 5 });
  });

  it('refuses an unknown sort key with 400', async () => {
    const res = await admin.get('/api/housing-areas?sort=password');
    expect(res.statusCode).toBe(400);
  });

  it('updates part of an area and checks the merged result', async () => {
    const area = await buildHousingArea(t.deps.db, { residentsCount: 10 });
    const res = await admin.patch(`/api/housing-areas/${area.id}`, { residentsCount: 99 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ residentsCount: 99, name: area.name });
    const bad = await admin.patch(`/api/housing-areas/${area.id}`, { postalCode: 'abcd' });
    expect(bad.statusCode).toBe(400);
    const missing = await admin.patch('/api/housing-areas/00000000-0000-4000-8000-000000000000', {
      residentsCount: 1,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('refuses to delete an organisation that still has areas (409) and deletes an area', async () => {
    const area = await buildHousingArea(t.deps.db);
    const inUse = await admin.delete(`/api/housing-organisations/${area.housingOrganisationId}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe('IN_USE');
    expect((await admin.delete(`/api/housing-areas/${area.id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/housing-areas/${area.id}`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/housing-organisations/${area.housingOrganisationId}`)).statusCode).toBe(
      200,
    );
  });
});

describe('other reference data', () => {
  it('validates CVR numbers on housing organisations with modulus 11', async () => {
    const partnership = (await admin.get('/api/partnerships')).json();
    const p = partnership.items[0] ?? (await buildHousingOrganisation(t.deps.db));
    const partnershipId = p.partnershipId ?? p.id;
    const bad = await admin.post('/api/housing-organisations', {
      name: 'Forkert CVR',
      partnershipId,
      cvr: '12345678',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.cvr).toContain('Ugyldigt CVR-nummer');
  });

  it('checks that a social housing plan ends after it starts', async () => {
    const org = await buildHousingOrganisation(t.deps.db);
    const res = await admin.post('/api/social-housing-plans', {
      name: 'Baglæns plan',
      partnershipId: org.partnershipId,
      periodStart: '2025-01-01',
      periodEnd: '2024-01-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.periodEnd).toBe('Slutdatoen skal ligge efter startdatoen.');
  });

  it('normalises jobcenter phone numbers to +45', async () => {
    const muni = await buildMunicipality(t.deps.db);
    const res = await admin.post('/api/jobcenters', {
      name: 'Jobcenter Test',
      municipalityId: muni.id,
      phone: '87 87 40 49',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().phone).toBe('+4587874049');
    const bad = await admin.post('/api/jobcenters', {
      name: 'Jobcenter Test 2',
      municipalityId: muni.id,
      phone: '123',
    });
    expect(bad.json().error.fields.phone).toContain('8 cifre');
  });
});
