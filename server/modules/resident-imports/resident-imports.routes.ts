import { ZIdParams, ZPage } from '@domain/common.schema.ts';
import {
  RESIDENT_IMPORT_MAX_BYTES,
  ZImportIssue,
  ZImportIssueQuery,
  ZImportMappingInput,
  ZResidentImport,
  ZResidentImportListQuery,
  ZResidentImportUpload,
} from '@domain/resident-import.schema.ts';
import type { FastifyMultipartBaseOptions } from '@fastify/multipart';
import { fieldError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { sendDownload } from '@server/platform/http/download.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createResidentImportsService, type TUpload } from './resident-imports.service.ts';

// The jobcenter list import, /api/imports/residents (issue 4 item 4). Route level: the roles that
// work with residents (domain/policy.ts); the service then allows job consultants for their own
// jobcenters and the secretariat for any.

const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The multipart upload: one file and, optionally, the jobcenter (in any order). */
async function readUpload(request: FastifyRequest): Promise<TUpload> {
  if (!request.isMultipart()) throw fieldError('file', 'Vælg en fil (CSV eller XLSX).');
  const upload: TUpload = { fileName: null, content: null, truncated: false, jobcenterId: null };
  // throwFileSizeLimit off: a file over the limit arrives cut off and marked, and gets a Danish
  // 400 at the field instead of a bare 413. (parts() honours the option; its type leaves it out.)
  const options: FastifyMultipartBaseOptions = {
    limits: { fileSize: RESIDENT_IMPORT_MAX_BYTES },
    throwFileSizeLimit: false,
  };
  for await (const part of request.parts(options as Parameters<FastifyRequest['parts']>[0])) {
    if (part.type === 'file') {
      upload.content = await part.toBuffer();
      upload.truncated = part.file.truncated;
      upload.fileName = part.filename || 'liste';
    } else if (part.fieldname === 'jobcenterId') {
      upload.jobcenterId = String(part.value ?? '');
    }
  }
  return upload;
}

export function registerResidentImportRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createResidentImportsService(deps);
  const tags = ['Beboere – import fra jobcenter'];
  const path = '/api/imports/residents';

  r.get(
    path,
    {
      config: { access: { subject: 'resident', action: 'list' } },
      schema: { tags, querystring: ZResidentImportListQuery, response: { 200: ZPage(ZResidentImport) } },
    },
    async (request) => service.list(request.ctx, request.query),
  );

  r.post(
    path,
    {
      config: { access: { subject: 'resident', action: 'create' } },
      schema: {
        tags,
        description: 'multipart/form-data: `file` (CSV or XLSX, at most 40 MB) and `jobcenterId`.',
        consumes: ['multipart/form-data'],
        response: { 201: ZResidentImportUpload },
      },
    },
    async (request, reply) => {
      const result = await service.upload(request.ctx, await readUpload(request));
      reply.code(201);
      return result;
    },
  );

  r.get(
    `${path}/:id`,
    {
      config: { access: { subject: 'resident', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: ZResidentImport } },
    },
    async (request) => service.get(request.ctx, request.params.id),
  );

  r.get(
    `${path}/:id/issues`,
    {
      config: { access: { subject: 'resident', action: 'read' } },
      schema: {
        tags,
        params: ZIdParams,
        querystring: ZImportIssueQuery,
        response: { 200: ZPage(ZImportIssue) },
      },
    },
    async (request) => service.issues(request.ctx, request.params.id, request.query),
  );

  r.put(
    `${path}/:id/mapping`,
    {
      config: { access: { subject: 'resident', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZImportMappingInput, response: { 200: ZResidentImport } },
    },
    async (request) => service.saveMapping(request.ctx, request.params.id, request.body.mapping),
  );

  r.post(
    `${path}/:id/confirm`,
    {
      config: { access: { subject: 'resident', action: 'update' } },
      schema: { tags, params: ZIdParams, response: { 200: ZResidentImport } },
    },
    async (request) => service.confirm(request.ctx, request.params.id),
  );

  r.post(
    `${path}/:id/discard`,
    {
      config: { access: { subject: 'resident', action: 'update' } },
      schema: { tags, params: ZIdParams, response: { 200: ZResidentImport } },
    },
    async (request) => service.discard(request.ctx, request.params.id),
  );

  r.get(
    `${path}/:id/report.xlsx`,
    {
      config: { access: { subject: 'resident', action: 'export' } },
      schema: { tags, params: ZIdParams, produces: [XLSX_MEDIA_TYPE] },
    },
    async (request, reply) => {
      const report = await service.report(request.ctx, request.params.id);
      return sendDownload(reply, { ...report, mediaType: XLSX_MEDIA_TYPE });
    },
  );
}
