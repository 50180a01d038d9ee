import { CV_MEDIA_TYPES, CV_MESSAGES, cvClientProblem } from '@domain/resident-cv.schema.ts';
import { z } from 'zod';

// The CV upload form's schema: a file is chosen, its name says PDF or DOCX and it is at most
// 5 MB. The server checks the content as well and has the last word (its message lands at the
// same field).

export const ZCvUpload = z
  .object({
    file: z.custom<File>((v) => typeof File !== 'undefined' && v instanceof File, {
      error: CV_MESSAGES.missing,
    }),
  })
  .superRefine((v, ctx) => {
    const problem = cvClientProblem(v.file.name, v.file.size);
    if (problem) ctx.addIssue({ code: 'custom', path: ['file'], message: problem });
  });

/** "PDF" or "Word (DOCX)" key for a stored media type. */
export function cvTypeKey(mediaType: string): 'pdf' | 'docx' {
  return mediaType === CV_MEDIA_TYPES.docx ? 'docx' : 'pdf';
}
