import { parseForm } from '@client/components/form-errors.ts';
import { MAX_CV_BYTES } from '@domain/resident-cv.schema.ts';
import { describe, expect, it } from 'vitest';
import { cvTypeKey, ZCvUpload } from './resident-cv.ts';

const file = (name: string, size: number) => new File([new Uint8Array(size)], name);

describe('the CV upload form', () => {
  it('takes a PDF or DOCX of at most 5 MB', () => {
    expect(parseForm(ZCvUpload, { file: file('cv.pdf', 2048) }).ok).toBe(true);
    expect(parseForm(ZCvUpload, { file: file('Mit CV.docx', MAX_CV_BYTES) }).ok).toBe(true);
  });

  it('says at the field what is wrong before anything is sent', () => {
    const errors = (v: unknown) => {
      const r = parseForm(ZCvUpload, v);
      return r.ok ? {} : r.errors;
    };
    expect(errors({ file: null })).toEqual({ file: 'Vælg en fil.' });
    expect(errors({ file: file('cv.doc', 2048) })).toEqual({
      file: 'Filen skal være en PDF eller et Word-dokument (DOCX).',
    });
    expect(errors({ file: file('cv.pdf', 0) })).toEqual({
      file: 'Filen skal være en PDF eller et Word-dokument (DOCX).',
    });
    expect(errors({ file: file('cv.pdf', MAX_CV_BYTES + 1) })).toEqual({ file: 'Filen er større end 5 MB.' });
  });

  it('names the stored type', () => {
    expect(cvTypeKey('application/pdf')).toBe('pdf');
    expect(cvTypeKey('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('docx');
  });
});
