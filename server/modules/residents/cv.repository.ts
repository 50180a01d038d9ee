import type { TDbOrTx } from '@server/db/client.ts';
import { residentCvs, users } from '@server/db/schema/index.ts';
import { eq } from 'drizzle-orm';

// A resident's CV in PostgreSQL (resident_cvs: one per person, replaced by a new upload). The
// content is read only for a download; everything else reads the metadata.

/** The CV's metadata with the uploader's name; undefined when the person has none. */
export async function cvMetaOf(db: TDbOrTx, residentId: string) {
  const [row] = await db
    .select({
      fileName: residentCvs.fileName,
      mediaType: residentCvs.mediaType,
      sizeBytes: residentCvs.sizeBytes,
      uploadedAt: residentCvs.uploadedAt,
      uploadedByName: users.name,
    })
    .from(residentCvs)
    .leftJoin(users, eq(users.id, residentCvs.uploadedBy))
    .where(eq(residentCvs.residentId, residentId));
  return row;
}
export type TCvMetaRow = NonNullable<Awaited<ReturnType<typeof cvMetaOf>>>;

/** The stored file itself, for a download. */
export async function cvFileOf(db: TDbOrTx, residentId: string) {
  const [row] = await db
    .select({
      fileName: residentCvs.fileName,
      mediaType: residentCvs.mediaType,
      content: residentCvs.content,
    })
    .from(residentCvs)
    .where(eq(residentCvs.residentId, residentId));
  return row;
}

/** Stores the person's CV, replacing any earlier one. */
export async function putCv(tx: TDbOrTx, values: typeof residentCvs.$inferInsert): Promise<void> {
  const { residentId: _id, ...rest } = values;
  await tx
    .insert(residentCvs)
    .values(values)
    .onConflictDoUpdate({ target: residentCvs.residentId, set: rest });
}

/** Removes the person's CV; whether there was one. */
export async function deleteCv(tx: TDbOrTx, residentId: string): Promise<boolean> {
  const deleted = await tx
    .delete(residentCvs)
    .where(eq(residentCvs.residentId, residentId))
    .returning({ id: residentCvs.residentId });
  return deleted.length > 0;
}
