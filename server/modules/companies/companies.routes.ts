import { ZIdParams, ZOk } from '@domain/common.schema.ts';
import {
  ZCompanyContact,
  ZCompanyContactInput,
  ZCompanyCreate,
  ZCompanyDetail,
  ZCompanyImportFile,
  ZCompanyImportResult,
  ZCompanyListQuery,
  ZCompanyNoteInput,
  ZCompanyPage,
  ZCompanyStatusChange,
  ZCompanyUpdate,
} from '@domain/company.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createCompaniesService } from './companies.service.ts';

/** A base64 CSV/XLSX of up to ~5 MB travels in JSON; the rest of the API keeps the 1 MB limit. */
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

export function registerCompanyRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createCompaniesService(deps);
  const tags = ['Virksomheder'];
  const contactTags = ['Virksomheder – kontaktpersoner'];
  const importTags = ['Virksomheder – import'];
  const ContactParams = ZIdParams.extend({ contactId: z.uuid() });

  r.get(
    '/api/companies',
    {
      config: { access: { subject: 'company', action: 'list' } },
      schema: { tags, querystring: ZCompanyListQuery, response: { 200: ZCompanyPage } },
    },
    async (request) => service.list(request.ctx, request.query),
  );

  r.get(
    '/api/companies/:id',
    {
      config: { access: { subject: 'company', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: ZCompanyDetail } },
    },
    async (request) => service.get(request.ctx, request.params.id),
  );

  r.post(
    '/api/companies',
    {
      config: { access: { subject: 'company', action: 'create' } },
      schema: { tags, body: ZCompanyCreate, response: { 201: ZCompanyDetail } },
    },
    async (request, reply) => {
      const company = await service.create(request.ctx, request.body);
      reply.code(201);
      return company;
    },
  );

  r.patch(
    '/api/companies/:id',
    {
      config: { access: { subject: 'company', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZCompanyUpdate, response: { 200: ZCompanyDetail } },
    },
    async (request) => service.update(request.ctx, request.params.id, request.body),
  );

  r.delete(
    '/api/companies/:id',
    {
      config: { access: { subject: 'company', action: 'delete' } },
      schema: { tags, params: ZIdParams, response: { 200: ZOk } },
    },
    async (request) => {
      await service.remove(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/companies/:id/status',
    {
      config: { access: { subject: 'company', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZCompanyStatusChange, response: { 200: ZCompanyDetail } },
    },
    async (request) => service.changeStatus(request.ctx, request.params.id, request.body),
  );

  r.post(
    '/api/companies/:id/notes',
    {
      config: { access: { subject: 'company', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZCompanyNoteInput, response: { 201: ZCompanyDetail } },
    },
    async (request, reply) => {
      const company = await service.addNote(request.ctx, request.params.id, request.body);
      reply.code(201);
      return company;
    },
  );

  r.get(
    '/api/companies/:id/contacts',
    {
      config: { access: { subject: 'company', action: 'read' } },
      schema: { tags: contactTags, params: ZIdParams, response: { 200: z.array(ZCompanyContact) } },
    },
    async (request) => service.listContacts(request.ctx, request.params.id),
  );

  r.post(
    '/api/companies/:id/contacts',
    {
      config: { access: { subject: 'company', action: 'update' } },
      schema: {
        tags: contactTags,
        params: ZIdParams,
        body: ZCompanyContactInput,
        response: { 201: ZCompanyContact },
      },
    },
    async (request, reply) => {
      const contact = await service.addContact(request.ctx, request.params.id, request.body);
      reply.code(201);
      return contact;
    },
  );

  r.patch(
    '/api/companies/:id/contacts/:contactId',
    {
      config: { access: { subject: 'company', action: 'update' } },
      schema: {
        tags: contactTags,
        params: ContactParams,
        body: ZCompanyContactInput,
        response: { 200: ZCompanyContact },
      },
    },
    async (request) =>
      service.updateContact(request.ctx, request.params.id, request.params.contactId, request.body),
  );

  r.delete(
    '/api/companies/:id/contacts/:contactId',
    {
      config: { access: { subject: 'company', action: 'update' } },
      schema: { tags: contactTags, params: ContactParams, response: { 200: ZOk } },
    },
    async (request) => {
      await service.removeContact(request.ctx, request.params.id, request.params.contactId);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/companies/import/preview',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { access: { subject: 'company', action: 'create' } },
      schema: { tags: importTags, body: ZCompanyImportFile, response: { 200: ZCompanyImportResult } },
    },
    async (request) => service.importPreview(request.ctx, request.body),
  );

  r.post(
    '/api/companies/import/confirm',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { access: { subject: 'company', action: 'create' } },
      schema: { tags: importTags, body: ZCompanyImportFile, response: { 200: ZCompanyImportResult } },
    },
    async (request) => service.importConfirm(request.ctx, request.body),
  );
}
