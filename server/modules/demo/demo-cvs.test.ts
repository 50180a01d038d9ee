import { createHash } from 'node:crypto';
import { isConsentActive } from '@domain/consent.schema.ts';
import { danishDate } from '@domain/time.ts';
import { residentConsents, residentCvs, residents, systemSettings } from '@server/db/schema/index.ts';
import { renderPdf } from '@server/platform/pdf.ts';
import { createTestApp, TestSession } from '@server/test/setup.ts';
import { eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { expect, it } from 'vitest';
import { demoCvDocument, loadDemoCvs } from './demo-cvs.ts';
import { DEMO_PASSWORD, loadDemoData } from './demo-data.ts';

it('gives about one in five demo residents with consent a PDF CV, also to older demo data', async () => {
  const t = await createTestApp({ config: { demo: true } });
  const db = t.deps.db;
  await loadDemoData(db);
  const today = danishDate(new Date());
  const people = await db.select().from(residents);
  const consents = await db.select().from(residentConsents);
  const withConsent = new Set(consents.filter((c) => isConsentActive(c, today)).map((c) => c.residentId));
  const cvs = await db.select().from(residentCvs);
  expect(cvs.every((c) => withConsent.has(c.residentId))).toBe(true);
  const share = cvs.length / withConsent.size;
  expect(share).toBeGreaterThan(0.1);
  expect(share).toBeLessThan(0.3);

  // Each is a real one-page PDF made from the person's profile, the same bytes as a fresh render.
  for (const cv of cvs.slice(0, 5)) {
    const person = people.find((p) => p.id === cv.residentId)!;
    expect(await fileTypeFromBuffer(cv.content)).toEqual({ ext: 'pdf', mime: 'application/pdf' });
    expect(cv).toMatchObject({
      fileName: `CV ${person.firstName} ${person.lastName}.pdf`,
      mediaType: 'application/pdf',
      sizeBytes: cv.content.length,
      sha256: createHash('sha256').update(cv.content).digest('hex'),
    });
    expect((await renderPdf(demoCvDocument(person))).equals(cv.content)).toBe(true);
    expect(cv.content.toString('latin1')).toContain('/Count 1');
  }

  // The demo social worker finds a CV among their own people and downloads it.
  const sara = new TestSession(t.app);
  await sara.login('boligsocial@jobbro.test', DEMO_PASSWORD);
  const own = (await sara.get('/api/residents?pageSize=200')).json().items as { id: string }[];
  const withCv = own.find((r) => cvs.some((c) => c.residentId === r.id));
  expect(withCv).toBeDefined();
  const profile = (await sara.get(`/api/residents/${withCv!.id}`)).json();
  expect(profile.cv).toMatchObject({
    mediaType: 'application/pdf',
    uploadedByName: expect.stringMatching(/^(Sara Socialrådgiver|Jens Jobkonsulent)$/),
  });
  const download = await sara.get(`/api/residents/${withCv!.id}/cv`);
  expect(download.statusCode).toBe(200);
  expect(download.headers['content-type']).toBe('application/pdf');

  // A data dir from before the CVs: no CVs, no marker. The next start adds them, once.
  await db.delete(residentCvs);
  await db.delete(systemSettings).where(eq(systemSettings.key, 'demo_cvs_version'));
  expect(await loadDemoData(db)).toBe(false);
  const again = await db.select({ id: residentCvs.residentId }).from(residentCvs);
  expect(again.map((c) => c.id).sort()).toEqual(cvs.map((c) => c.residentId).sort());
  expect(await loadDemoCvs(db)).toBe(false);
  await t.close();
});
