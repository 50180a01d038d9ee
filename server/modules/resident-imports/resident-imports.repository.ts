import type { TResidentImportListQuery } from '@domain/resident-import.schema.ts';
import type {
  TExistingResident,
  TImportArea,
  TImportedValues,
  TImportMapping,
} from '@domain/resident-import.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  housingAreas,
  jobcenters,
  residentImportMappings,
  residentImports,
  residents,
  users,
} from '@server/db/schema/index.ts';
import { fetchPage, orderFor, searchAny, totalCount } from '@server/platform/crud/list-query.ts';
import { and, eq, getTableColumns, inArray, isNotNull, lt, notInArray, type SQL, sql } from 'drizzle-orm';

// Drizzle queries of the jobcenter list import. The bulk writes use unnest() over one array per
// column, so a batch of thousands of people is one statement with a dozen parameters.

export type TImportRow = typeof residentImports.$inferSelect;

/** Every column but the file itself (up to 40 MB): what status polls and lists read. */
const { fileContent: _content, ...withoutFile } = getTableColumns(residentImports);
const columns = {
  ...withoutFile,
  hasFile: sql<boolean>`(${residentImports.fileContent} is not null)`,
  jobcenterName: jobcenters.name,
  createdByName: users.name,
};
export type TImportListRow = Omit<TImportRow, 'fileContent'> & {
  hasFile: boolean;
  jobcenterName: string;
  createdByName: string | null;
};

export async function findJobcenter(db: TDbOrTx, id: string) {
  const [row] = await db
    .select({ id: jobcenters.id, name: jobcenters.name, municipalityId: jobcenters.municipalityId })
    .from(jobcenters)
    .where(eq(jobcenters.id, id));
  return row;
}

export async function rememberedMapping(db: TDbOrTx, jobcenterId: string): Promise<TImportMapping | null> {
  const [row] = await db
    .select({ mapping: residentImportMappings.mapping })
    .from(residentImportMappings)
    .where(eq(residentImportMappings.jobcenterId, jobcenterId));
  return row?.mapping ?? null;
}

export async function rememberMapping(
  db: TDbOrTx,
  jobcenterId: string,
  mapping: TImportMapping,
  userId: string,
  now: Date,
): Promise<void> {
  await db
    .insert(residentImportMappings)
    .values({ jobcenterId, mapping, updatedBy: userId, updatedAt: now })
    .onConflictDoUpdate({
      target: residentImportMappings.jobcenterId,
      set: { mapping, updatedBy: userId, updatedAt: now },
    });
}

export async function insertImport(
  db: TDbOrTx,
  values: typeof residentImports.$inferInsert,
): Promise<string> {
  const [row] = await db.insert(residentImports).values(values).returning({ id: residentImports.id });
  return row!.id;
}

export async function findImport(db: TDbOrTx, id: string): Promise<TImportListRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(residentImports)
    .innerJoin(jobcenters, eq(jobcenters.id, residentImports.jobcenterId))
    .leftJoin(users, eq(users.id, residentImports.createdBy))
    .where(eq(residentImports.id, id));
  return row;
}

/** The stored file and what reading it needs. */
export async function importFile(db: TDbOrTx, id: string) {
  const [row] = await db
    .select({
      fileContent: residentImports.fileContent,
      fileKind: residentImports.fileKind,
      columns: residentImports.columns,
      mapping: residentImports.mapping,
      status: residentImports.status,
      jobcenterId: residentImports.jobcenterId,
      summary: residentImports.summary,
    })
    .from(residentImports)
    .where(eq(residentImports.id, id));
  return row;
}

/** Updates an import, only while it is in one of `fromStatuses`; false when it was not. */
export async function updateImport(
  db: TDbOrTx,
  id: string,
  patch: Partial<typeof residentImports.$inferInsert>,
  fromStatuses?: readonly TImportRow['status'][],
  extra?: SQL,
): Promise<boolean> {
  const rows = await db
    .update(residentImports)
    .set(patch)
    .where(
      and(
        eq(residentImports.id, id),
        fromStatuses ? inArray(residentImports.status, [...fromStatuses]) : undefined,
        extra,
      ),
    )
    .returning({ id: residentImports.id });
  return rows.length > 0;
}

/** Progress only: no updated_at, so it never reads as a user's step. */
export async function setProgress(
  db: TDbOrTx,
  id: string,
  processedRows: number,
  status: TImportRow['status'],
) {
  await db
    .update(residentImports)
    .set({ processedRows })
    .where(and(eq(residentImports.id, id), eq(residentImports.status, status)));
}

/** A page of imports of the given jobcenters (all jobcenters for null), newest first by default. */
export function listImports(db: TDbOrTx, jobcenterIds: string[] | null, query: TResidentImportListQuery) {
  const where = and(
    jobcenterIds ? inArray(residentImports.jobcenterId, jobcenterIds) : undefined,
    query.jobcenterId ? eq(residentImports.jobcenterId, query.jobcenterId) : undefined,
    searchAny(query.q, [residentImports.fileName]),
  );
  const sortKey = query.sort ?? 'createdAt';
  const [primary, tieBreaker] = orderFor(
    { sort: sortKey, dir: query.sort ? query.dir : 'desc' },
    {
      createdAt: { column: residentImports.createdAt },
      fileName: { column: residentImports.fileName, text: true },
      status: { column: residentImports.status },
    },
    'createdAt',
    residentImports.id,
  );
  return fetchPage(query, (limit, offset) =>
    db
      .select({ ...columns, total: totalCount })
      .from(residentImports)
      .innerJoin(jobcenters, eq(jobcenters.id, residentImports.jobcenterId))
      .leftJoin(users, eq(users.id, residentImports.createdBy))
      .where(where)
      .orderBy(primary!, tieBreaker!)
      .limit(limit)
      .offset(offset),
  );
}

/** The housing areas of a municipality, for deriving a person's area. */
export async function areasOf(db: TDbOrTx, municipalityId: string): Promise<TImportArea[]> {
  return db
    .select({ id: housingAreas.id, name: housingAreas.name, postalCode: housingAreas.postalCode })
    .from(housingAreas)
    .where(eq(housingAreas.municipalityId, municipalityId));
}

/** Every person the jobcenter registered (its lists and its consultants), as the plan compares them. */
export async function existingOf(db: TDbOrTx, jobcenterId: string): Promise<TExistingResident[]> {
  const rows = await db
    .select({
      id: residents.id,
      jobcenterRef: residents.jobcenterRef,
      firstName: residents.firstName,
      lastName: residents.lastName,
      birthDate: residents.birthDate,
      postalCode: residents.postalCode,
      housingAreaId: residents.housingAreaId,
      phone: residents.phone,
      email: residents.email,
      benefitGroup: residents.benefitGroup,
      jobcenterCategory: residents.jobcenterCategory,
      status: residents.status,
      municipalityId: residents.municipalityId,
      anonymisedAt: residents.anonymisedAt,
    })
    .from(residents)
    .where(eq(residents.registeredByJobcenterId, jobcenterId));
  return rows.map(({ anonymisedAt, ...r }) => ({ ...r, anonymised: anonymisedAt !== null }));
}

/** Fingerprints of the references of people the jobcenter had who asked to be erased. */
export async function erasedRefFingerprintsOf(db: TDbOrTx, jobcenterId: string): Promise<Set<string>> {
  const rows = await db
    .select({ fingerprint: residents.erasedRefFingerprint })
    .from(residents)
    .where(
      and(eq(residents.registeredByJobcenterId, jobcenterId), isNotNull(residents.erasedRefFingerprint)),
    );
  return new Set(rows.map((r) => r.fingerprint!));
}

const arr = (values: readonly unknown[]) => sql.param(values);

/** Inserts new people (ids chosen by the caller), registered by the jobcenter. */
export async function insertResidents(
  tx: TDbOrTx,
  rows: readonly { id: string; values: TImportedValues }[],
  common: { jobcenterId: string; userId: string | null; now: Date },
): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof TImportedValues>(k: K) => arr(rows.map((r) => r.values[k]));
  await tx.execute(sql`
    insert into residents (id, municipality_id, housing_area_id, registered_by_side, registered_by_jobcenter_id,
      jobcenter_ref, first_name, last_name, birth_date, phone, email, postal_code, status, benefit_group,
      jobcenter_category, last_activity_at, created_by, created_at, updated_at)
    select u.id, u.municipality_id, u.housing_area_id, 'jobcenter', ${common.jobcenterId},
      u.ref, u.first_name, u.last_name, u.birth_date, u.phone, u.email, u.postal_code, u.status, u.benefit_group,
      u.jobcenter_category, ${common.now}, ${common.userId}, ${common.now}, ${common.now}
    from unnest(${arr(rows.map((r) => r.id))}::uuid[], ${col('municipalityId')}::uuid[],
      ${col('housingAreaId')}::uuid[], ${col('jobcenterRef')}::text[], ${col('firstName')}::text[],
      ${col('lastName')}::text[], ${col('birthDate')}::date[], ${col('phone')}::text[], ${col('email')}::text[],
      ${col('postalCode')}::text[], ${col('status')}::text[], ${col('benefitGroup')}::text[],
      ${col('jobcenterCategory')}::text[])
      as u(id, municipality_id, housing_area_id, ref, first_name, last_name, birth_date, phone, email,
        postal_code, status, benefit_group, jobcenter_category)`);
}

/** Writes the planned values over existing people; the import only ever touches these columns. */
export async function updateResidents(
  tx: TDbOrTx,
  rows: readonly { id: string; values: TImportedValues }[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof TImportedValues>(k: K) => arr(rows.map((r) => r.values[k]));
  await tx.execute(sql`
    update residents r set
      municipality_id = u.municipality_id, housing_area_id = u.housing_area_id, first_name = u.first_name,
      last_name = u.last_name, birth_date = u.birth_date, phone = u.phone, email = u.email,
      postal_code = u.postal_code, status = u.status, benefit_group = u.benefit_group,
      jobcenter_category = u.jobcenter_category, last_activity_at = ${now}, updated_at = ${now}
    from unnest(${arr(rows.map((r) => r.id))}::uuid[], ${col('municipalityId')}::uuid[],
      ${col('housingAreaId')}::uuid[], ${col('firstName')}::text[], ${col('lastName')}::text[],
      ${col('birthDate')}::date[], ${col('phone')}::text[], ${col('email')}::text[], ${col('postalCode')}::text[],
      ${col('status')}::text[], ${col('benefitGroup')}::text[], ${col('jobcenterCategory')}::text[])
      as u(id, municipality_id, housing_area_id, first_name, last_name, birth_date, phone, email, postal_code,
        status, benefit_group, jobcenter_category)
    where r.id = u.id`);
}

/**
 * People on the new list whose facts did not change: the jobcenter still works with them, so the
 * retention clock restarts (last_activity_at). Nothing else changes, so no audit event and no
 * updated_at.
 */
export async function markStillListed(tx: TDbOrTx, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(sql`update residents set last_activity_at = ${now}
    where id = any(${arr(ids)}::uuid[]) and last_activity_at < ${now}`);
}

/** One audit event per person, in the same transaction as the write it records. */
export async function insertAuditEvents(
  tx: TDbOrTx,
  ids: readonly string[],
  event: {
    action: 'create' | 'update';
    userId: string | null;
    requestId: string | null;
    ip: string | null;
    details: Record<string, unknown>;
    at: Date;
  },
): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(sql`
    insert into audit_events (at, user_id, action, entity_type, entity_id, request_id, ip, details)
    select ${event.at}, ${event.userId}, ${event.action}, 'resident', u.id, ${event.requestId},
      ${event.ip}::inet, ${JSON.stringify(event.details)}::jsonb
    from unnest(${arr(ids)}::text[]) as u(id)`);
}

/** Serialises the storing of one jobcenter's lists (two confirmations at once wait in line). */
export async function lockJobcenter(tx: TDbOrTx, jobcenterId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(74206004, hashtext(${jobcenterId}))`);
}

/**
 * Retention: a file not stored within 24 hours is dropped (the import stays, discarded); an
 * import older than 12 months is deleted.
 */
export async function purgeImports(db: TDbOrTx, fileBefore: Date, rowBefore: Date): Promise<void> {
  await db
    .update(residentImports)
    .set({
      fileContent: null,
      status: 'discarded',
      failureMessage: 'Filen blev slettet, fordi listen ikke blev gemt inden for 24 timer.',
    })
    .where(
      and(
        isNotNull(residentImports.fileContent),
        lt(residentImports.createdAt, fileBefore),
        notInArray(residentImports.status, ['stored', 'storing']),
      ),
    );
  // A list confirmed a day ago and still storing lost its worker for good: drop the file too.
  await db
    .update(residentImports)
    .set({ fileContent: null, status: 'failed', failureMessage: 'Listen blev ikke gemt. Upload den igen.' })
    .where(
      and(
        isNotNull(residentImports.fileContent),
        lt(residentImports.updatedAt, fileBefore),
        eq(residentImports.status, 'storing'),
      ),
    );
  await db.delete(residentImports).where(lt(residentImports.createdAt, rowBefore));
}
