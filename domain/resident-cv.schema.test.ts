import { describe, expect, it } from 'vitest';
import {
  CV_ACCEPT,
  CV_MEDIA_TYPES,
  CV_MESSAGES,
  checkCvFile,
  cleanCvFileName,
  cvClientProblem,
  extensionOf,
  MAX_CV_BYTES,
} from './resident-cv.schema.ts';

const PDF = CV_MEDIA_TYPES.pdf;
const DOCX = CV_MEDIA_TYPES.docx;
const file = (fileName: string, detectedMediaType: string | undefined, sizeBytes = 1000, truncated = false) =>
  checkCvFile({ fileName, sizeBytes, truncated, detectedMediaType });

describe('checkCvFile', () => {
  it('accepts a PDF or DOCX whose content and extension agree, whatever the case of the extension', () => {
    expect(file('cv.pdf', PDF)).toEqual({ ok: true, mediaType: PDF, fileName: 'cv.pdf' });
    expect(file('Mit CV.DOCX', DOCX)).toEqual({ ok: true, mediaType: DOCX, fileName: 'Mit CV.DOCX' });
    expect(file('cv.pdf', PDF, MAX_CV_BYTES).ok).toBe(true);
  });

  it('refuses a type by content: an executable, a .doc, a macro-enabled .docm, unknown content', () => {
    const wrong = { ok: false, message: CV_MESSAGES.wrongType };
    expect(file('cv.pdf', 'application/x-msdownload')).toEqual(wrong);
    expect(file('cv.doc', 'application/x-cfb')).toEqual(wrong);
    expect(file('cv.docm', 'application/vnd.ms-word.document.macroenabled.12')).toEqual(wrong);
    expect(file('cv.docx', 'application/vnd.ms-word.document.macroenabled.12')).toEqual(wrong);
    expect(file('cv.pdf', undefined)).toEqual(wrong);
  });

  it('refuses a name that disagrees with the content, or has no extension', () => {
    expect(file('cv.docx', PDF).ok).toBe(false);
    expect(file('cv.pdf', DOCX).ok).toBe(false);
    expect(file('cv', PDF).ok).toBe(false);
    expect(file('.pdf', PDF).ok).toBe(false);
  });

  it('refuses an empty file as no PDF/DOCX and an oversize one as too large', () => {
    expect(file('cv.pdf', undefined, 0)).toEqual({ ok: false, message: CV_MESSAGES.wrongType });
    expect(file('cv.pdf', PDF, MAX_CV_BYTES + 1)).toEqual({ ok: false, message: CV_MESSAGES.tooLarge });
    // The reader stopped at the limit: too large, whatever was read.
    expect(file('cv.pdf', PDF, MAX_CV_BYTES, true)).toEqual({ ok: false, message: CV_MESSAGES.tooLarge });
  });

  it('keeps only the last segment of a path and drops control characters', () => {
    expect(file('C:\\Users\\amina\\cv.pdf', PDF)).toMatchObject({ ok: true, fileName: 'cv.pdf' });
    expect(cleanCvFileName('../../etc/cv\u0000\u0007.pdf')).toBe('cv.pdf');
    expect(file(`${'a'.repeat(300)}.pdf`, PDF)).toEqual({ ok: false, message: CV_MESSAGES.nameTooLong });
  });
});

describe('the client-side check', () => {
  it('catches a wrong extension, an empty and an oversize file before the upload', () => {
    expect(cvClientProblem('cv.pdf', 2000)).toBeNull();
    expect(cvClientProblem('cv.docx', MAX_CV_BYTES)).toBeNull();
    expect(cvClientProblem('cv.doc', 2000)).toBe(CV_MESSAGES.wrongType);
    expect(cvClientProblem('cv.pdf', 0)).toBe(CV_MESSAGES.wrongType);
    expect(cvClientProblem('cv.pdf', MAX_CV_BYTES + 1)).toBe(CV_MESSAGES.tooLarge);
  });

  it('offers exactly the two types in the file picker', () => {
    expect(CV_ACCEPT.split(',').sort()).toEqual(['.docx', '.pdf', DOCX, PDF].sort());
    expect(extensionOf('a.b/Cv.PDF')).toBe('pdf');
  });
});
