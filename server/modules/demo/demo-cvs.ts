import { createHash } from 'node:crypto';
import { isConsentActive } from '@domain/consent.schema.ts';
import { findOccupation } from '@domain/occupations.ts';
import { DANISH_LEVEL_LABEL_DA, EDUCATION_LEVEL_LABEL_DA } from '@domain/resident.schema.ts';
import { danishDate } from '@domain/time.ts';
import type { TDb } from '@server/db/client.ts';
import { residentConsents, residentCvs, residents, systemSettings } from '@server/db/schema/index.ts';
import { renderPdf } from '@server/platform/pdf.ts';
import { and, eq, isNull, notExists, sql } from 'drizzle-orm';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

// Demo CVs (issue 4 item 1, "some with CVs"): about one in five demo residents with an active
// consent get a one-page PDF CV made from their fictional profile. The choice and the bytes are
// the same on every machine (a hash of the person's seeded data, a fixed PDF date), and the CVs
// have their own marker, so demo data dirs from before get them too.

const CVS_MARKER = 'demo_cvs_version';
const CVS_VERSION = 1;
/** A fixed creation date in the PDF's metadata: the same bytes on every load. */
const PDF_DATE = new Date('2026-01-01T00:00:00Z');

type TResidentRow = typeof residents.$inferSelect;

/** One in five, decided by the person's seeded data (not by a random id). */
export function getsDemoCv(p: Pick<TResidentRow, 'firstName' | 'lastName' | 'phone'>): boolean {
  const digest = createHash('sha256')
    .update(`${p.firstName}|${p.lastName}|${p.phone ?? ''}`)
    .digest();
  return digest[0]! % 5 === 0;
}

function section(title: string, body: Content): Content[] {
  return [{ text: title, style: 'h2' }, body];
}

/** The one-page CV of a fictional demo person. */
export function demoCvDocument(p: TResidentRow): TDocumentDefinitions {
  const name = `${p.firstName} ${p.lastName}`;
  const occupations = p.occupationIds.map((id) => findOccupation(id)?.titleDa ?? id);
  const experiences: Content = p.experiences.length
    ? {
        ul: p.experiences.map((e) => ({
          text: [
            { text: e.title, bold: true },
            e.employer ? `, ${e.employer}` : '',
            e.fromYear ? ` (${e.fromYear}–${e.toYear ?? ''})` : '',
          ],
        })),
      }
    : { text: 'Ingen erhvervserfaring endnu – klar til at lære.', italics: true };
  return {
    info: { title: `CV – ${name}`, author: 'Jobbro demodata', creationDate: PDF_DATE },
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 22, bold: true, margin: [0, 0, 0, 2] },
      h2: { fontSize: 13, bold: true, margin: [0, 14, 0, 4], color: '#1f4e79' },
      note: { fontSize: 9, italics: true, color: '#555555' },
    },
    content: [
      { text: name, style: 'h1' },
      { text: 'Curriculum vitae · fiktiv person i Jobbros demodata', style: 'note' },
      ...section('Kontakt', {
        text: [p.phone ?? '', p.email ? `  ·  ${p.email}` : '', `  ·  ${p.postalCode}`].join(''),
      }),
      ...section('Jobønsker', occupations.length ? { ol: occupations } : { text: 'Åben for forslag.' }),
      ...section('Erhvervserfaring', experiences),
      ...section('Kompetencer', { text: p.skills.length ? p.skills.join(', ') : 'Mødestabil og lærenem.' }),
      ...section('Uddannelse og sprog', {
        ul: [
          EDUCATION_LEVEL_LABEL_DA[p.educationLevel],
          p.danishLevel
            ? `Dansk: ${DANISH_LEVEL_LABEL_DA[p.danishLevel as 1 | 2 | 3 | 4 | 5]}`
            : 'Dansk: ikke oplyst',
          p.driverLicences.length ? `Kørekort: ${p.driverLicences.join(', ')}` : 'Intet kørekort',
        ],
      }),
    ],
  };
}

/** Loads the demo CVs once (own marker); returns whether it did. */
export async function loadDemoCvs(db: TDb, now: Date = new Date()): Promise<boolean> {
  const [marker] = await db.select().from(systemSettings).where(eq(systemSettings.key, CVS_MARKER));
  if (marker) return false;
  const today = danishDate(now);
  const people = await db
    .select()
    .from(residents)
    .where(
      and(
        isNull(residents.anonymisedAt),
        notExists(db.select().from(residentCvs).where(eq(residentCvs.residentId, residents.id))),
      ),
    );
  const consents = await db.select().from(residentConsents);
  const withConsent = new Set(consents.filter((c) => isConsentActive(c, today)).map((c) => c.residentId));
  const chosen = people.filter((p) => withConsent.has(p.id) && getsDemoCv(p));
  // Rendered before the transaction, all at once: about 50 small PDFs take well under a second.
  const files = await Promise.all(chosen.map((p) => renderPdf(demoCvDocument(p))));
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(74206008)`);
    const [again] = await tx.select().from(systemSettings).where(eq(systemSettings.key, CVS_MARKER));
    if (again) return false;
    const rows = chosen.map((p, i) => {
      const content = files[i]!;
      const uploadedAt = new Date(Math.min(p.createdAt.getTime() + 2 * 86_400_000, now.getTime()));
      return {
        residentId: p.id,
        fileName: `CV ${p.firstName} ${p.lastName}.pdf`,
        mediaType: 'application/pdf',
        sizeBytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
        uploadedBy: p.createdBy,
        uploadedAt,
      };
    });
    if (rows.length > 0) await tx.insert(residentCvs).values(rows).onConflictDoNothing();
    await tx.insert(systemSettings).values({ key: CVS_MARKER, value: CVS_VERSION });
    return true;
  });
}
