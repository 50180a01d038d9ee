import { createHash } from 'node:crypto';
import { CV_MESSAGES, checkCvFile, type TResidentCv } from '@domain/resident-cv.schema.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError, fieldError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { fileTypeFromBuffer } from 'file-type';
import { presentCv } from './cv.presenter.ts';
import { cvFileOf, cvMetaOf, deleteCv, putCv } from './cv.repository.ts';
import { residentGate } from './residents.policy.ts';
import { touchResidentActivity } from './residents.repository.ts';

/** An uploaded file as the route read it (at most the limit plus nothing: `truncated` says so). */
export interface TUploadedFile {
  fileName: string;
  content: Buffer;
  truncated: boolean;
}

const NO_CV = 'Beboeren har ikke et CV.';

/**
 * A resident's CV (issue 4 item 1): the professionals who may change the person upload, replace
 * and delete it; the professional view downloads it. The administrative view and companies never
 * reach it (a company's candidate view under consent (b) does not include the CV). Each upload,
 * download and deletion is audit-logged, without the file's name or content.
 */
export function createCvService(deps: TAppDeps) {
  const { db, clock } = deps;
  const { seeToEdit, seeAsProfessional } = residentGate(deps);

  return {
    /**
     * Stores the uploaded file as the person's CV, replacing any earlier one; 400 at `file` (and
     * nothing stored) if it is missing, too large or not a PDF/DOCX by its content and name.
     */
    async upload(
      ctx: TRequestContext,
      id: string,
      read: () => Promise<TUploadedFile | null>,
    ): Promise<TResidentCv> {
      const actor = requireActor(ctx);
      await seeToEdit(ctx, id, 'update');
      // Read only once the person is known to be the actor's to change.
      const file = await read();
      if (!file) throw fieldError('file', CV_MESSAGES.missing);
      const detected = file.truncated ? undefined : await fileTypeFromBuffer(file.content);
      const checked = checkCvFile({
        fileName: file.fileName,
        sizeBytes: file.content.length,
        truncated: file.truncated,
        detectedMediaType: detected?.mime,
      });
      if (!checked.ok) throw fieldError('file', checked.message);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await putCv(tx, {
          residentId: id,
          fileName: checked.fileName,
          mediaType: checked.mediaType,
          sizeBytes: file.content.length,
          sha256: createHash('sha256').update(file.content).digest('hex'),
          content: file.content,
          uploadedBy: actor.userId,
          uploadedAt: now,
        });
        await touchResidentActivity(tx, id, now);
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'resident',
          entityId: id,
          details: { cv: 'uploaded', sizeBytes: file.content.length },
        });
      });
      return presentCv((await cvMetaOf(db, id))!);
    },

    /** The stored file, for the professional view only; the read is logged. */
    async download(ctx: TRequestContext, id: string) {
      const seen = await seeAsProfessional(ctx, id, 'read');
      const file = await cvFileOf(db, id);
      if (!file) throw new AppError('NOT_FOUND', NO_CV);
      await recordAudit(db, ctx, {
        action: 'read',
        entityType: 'resident',
        entityId: id,
        details: { basis: seen.access.basis, cv: true },
      });
      return file;
    },

    /** Deletes the person's CV (the structured profile stays). */
    async remove(ctx: TRequestContext, id: string): Promise<void> {
      await seeToEdit(ctx, id, 'update');
      const now = clock.now();
      const removed = await db.transaction(async (tx) => {
        if (!(await deleteCv(tx, id))) return false;
        await touchResidentActivity(tx, id, now);
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'resident',
          entityId: id,
          details: { cv: 'deleted' },
        });
        return true;
      });
      if (!removed) throw new AppError('NOT_FOUND', NO_CV);
    },
  };
}
