import { z } from 'zod';

// A resident's uploaded CV (issue 4 item 1): a PDF or a DOCX of at most 5 MB. The server decides
// the type from the file's content (the client's claim and the name alone prove nothing), and the
// name's extension must agree with it, so an .exe renamed .pdf or a macro-enabled .docm is refused.
// The client runs the same name and size checks first, so a wrong file is caught before upload.

export const MAX_CV_BYTES = 5 * 1024 * 1024;

/** The accepted types: extension → the media type the content must have. */
export const CV_MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
export type TCvExtension = keyof typeof CV_MEDIA_TYPES;
export type TCvMediaType = (typeof CV_MEDIA_TYPES)[TCvExtension];

/** For <input accept>: the extensions and their media types. */
export const CV_ACCEPT = [
  ...Object.keys(CV_MEDIA_TYPES).map((e) => `.${e}`),
  ...Object.values(CV_MEDIA_TYPES),
].join(',');

export const CV_MESSAGES = {
  missing: 'Vælg en fil.',
  tooLarge: 'Filen er større end 5 MB.',
  wrongType: 'Filen skal være en PDF eller et Word-dokument (DOCX).',
  nameTooLong: 'Filnavnet er for langt (højst 200 tegn).',
} as const;

const MAX_NAME = 200;

/** The extension of a file name, lower case, without the dot ('' when none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function isCvExtension(ext: string): ext is TCvExtension {
  return Object.hasOwn(CV_MEDIA_TYPES, ext);
}

/**
 * A file name safe to store and to show: the last path segment only, without control
 * characters, trimmed. Never used as a path: the file lives in the database.
 */
export function cleanCvFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

/** What the client can check before uploading: a name with .pdf/.docx and a size up to 5 MB. */
export function cvClientProblem(fileName: string, sizeBytes: number): string | null {
  if (!isCvExtension(extensionOf(fileName)) || sizeBytes === 0) return CV_MESSAGES.wrongType;
  if (sizeBytes > MAX_CV_BYTES) return CV_MESSAGES.tooLarge;
  return null;
}

/**
 * The server's decision on an uploaded file: `detectedMediaType` is what the content is (from its
 * magic bytes), undefined when unrecognised. Returns the message for the field `file`, or the
 * media type to store.
 */
export function checkCvFile(input: {
  fileName: string;
  sizeBytes: number;
  truncated: boolean;
  detectedMediaType: string | undefined;
}): { ok: true; mediaType: TCvMediaType; fileName: string } | { ok: false; message: string } {
  if (input.truncated || input.sizeBytes > MAX_CV_BYTES) return { ok: false, message: CV_MESSAGES.tooLarge };
  const fileName = cleanCvFileName(input.fileName);
  if (fileName.length > MAX_NAME) return { ok: false, message: CV_MESSAGES.nameTooLong };
  const ext = extensionOf(fileName);
  if (input.sizeBytes === 0 || !isCvExtension(ext) || CV_MEDIA_TYPES[ext] !== input.detectedMediaType) {
    return { ok: false, message: CV_MESSAGES.wrongType };
  }
  return { ok: true, mediaType: CV_MEDIA_TYPES[ext], fileName };
}

/** The stored CV as the professional view shows it (never the content). */
export const ZResidentCv = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  uploadedByName: z.string().nullable(),
});
export type TResidentCv = z.infer<typeof ZResidentCv>;
