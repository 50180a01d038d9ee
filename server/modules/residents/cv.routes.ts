import { ZIdParams, ZOk } from '@domain/common.schema.ts';
import { CV_MESSAGES, MAX_CV_BYTES, ZResidentCv } from '@domain/resident-cv.schema.ts';
import { fieldError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { sendDownload } from '@server/platform/http/download.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createCvService, type TUploadedFile } from './cv.service.ts';

// A resident's CV (issue 4 item 1): PUT uploads (multipart, field "file", at most 5 MB), GET
// downloads, DELETE removes. Route level as every resident route; the person decides the rest.

/**
 * The one file of a multipart request, read up to the CV limit. Past the limit the stream is
 * drained and `truncated` set, so the service answers with a Danish message at the field
 * instead of a bare 413.
 */
async function readCvFile(request: FastifyRequest): Promise<TUploadedFile | null> {
  if (!request.isMultipart()) throw fieldError('file', CV_MESSAGES.missing);
  const part = await request.file({ limits: { fileSize: MAX_CV_BYTES }, throwFileSizeLimit: false });
  if (!part) return null;
  if (part.fieldname !== 'file') {
    await part.toBuffer();
    throw fieldError('file', CV_MESSAGES.missing);
  }
  const content = await part.toBuffer();
  return { fileName: part.filename, content, truncated: part.file.truncated };
}

export function registerResidentCvRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createCvService(deps);
  const tags = ['Beboere'];

  r.put(
    '/api/residents/:id/cv',
    {
      config: { access: { subject: 'resident', action: 'update' } },
      schema: {
        tags,
        params: ZIdParams,
        consumes: ['multipart/form-data'],
        description: 'Upload (or replace) the CV: multipart/form-data with one file in the field "file".',
        response: { 200: ZResidentCv },
      },
    },
    async (request) => service.upload(request.ctx, request.params.id, () => readCvFile(request)),
  );

  r.get(
    '/api/residents/:id/cv',
    {
      config: { access: { subject: 'resident', action: 'read' } },
      schema: { tags, params: ZIdParams, description: 'Download the CV (PDF or DOCX) as an attachment.' },
    },
    async (request, reply) => sendDownload(reply, await service.download(request.ctx, request.params.id)),
  );

  r.delete(
    '/api/residents/:id/cv',
    {
      config: { access: { subject: 'resident', action: 'update' } },
      schema: { tags, params: ZIdParams, response: { 200: ZOk } },
    },
    async (request) => {
      await service.remove(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );
}
