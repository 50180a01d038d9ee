import type { TResidentCv } from '@domain/resident-cv.schema.ts';
import type { TCvMetaRow } from './cv.repository.ts';

/** The CV as the professional view shows it: what, how big, when and by whom; never the content. */
export function presentCv(row: TCvMetaRow): TResidentCv {
  return {
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    uploadedAt: row.uploadedAt.toISOString(),
    uploadedByName: row.uploadedByName,
  };
}
