import { ZIdParams, ZPage, ZUuid } from '@domain/common.schema.ts';
import { ZConsentInput } from '@domain/consent.schema.ts';
import {
  ZConsent,
  ZExpiringConsent,
  ZExpiringConsentsQuery,
  ZResident,
  ZResidentCreate,
  ZResidentListQuery,
  ZResidentNote,
  ZResidentNoteInput,
  ZResidentPatch,
  ZResponsibleStaff,
} from '@domain/resident.schema.ts';
import { ZScreening, ZScreeningDue, ZScreeningInput, ZScreeningsDueQuery } from '@domain/screening.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerResidentCvRoutes } from './cv.routes.ts';
import { createResidentsService } from './residents.service.ts';

// Residents, consents, screenings and case notes (issue 4). Route level: only the two professional
// roles and admins (domain/policy.ts); each person is then decided by residentAccess() in the service.

export function registerResidentRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createResidentsService(deps);
  const tags = ['Beboere'];
  const ZConsentParams = z.object({ id: ZUuid, consentId: ZUuid });
  // The CV (upload, download, delete) has its own routes and service (cv.routes.ts).
  registerResidentCvRoutes(app, deps);

  r.get(
    '/api/residents',
    {
      config: { access: { subject: 'resident', action: 'list' } },
      schema: { tags, querystring: ZResidentListQuery, response: { 200: ZPage(ZResident) } },
    },
    async (request) => service.list(request.ctx, request.query),
  );

  // Before /:id, so the static path is never read as an id.
  r.get(
    '/api/residents/consents/expiring',
    {
      config: { access: { subject: 'resident', action: 'list' } },
      schema: { tags, querystring: ZExpiringConsentsQuery, response: { 200: z.array(ZExpiringConsent) } },
    },
    async (request) => service.expiring(request.ctx, request.query.days),
  );

  r.get(
    '/api/residents/screenings/due',
    {
      config: { access: { subject: 'resident', action: 'list' } },
      schema: { tags, querystring: ZScreeningsDueQuery, response: { 200: z.array(ZScreeningDue) } },
    },
    async (request) => service.screeningsDue(request.ctx, request.query.days),
  );

  r.get(
    '/api/residents/responsible-staff',
    {
      config: { access: { subject: 'resident', action: 'list' } },
      schema: { tags, response: { 200: z.array(ZResponsibleStaff) } },
    },
    async (request) => service.responsibleStaff(request.ctx),
  );

  r.get(
    '/api/residents/:id',
    {
      config: { access: { subject: 'resident', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: ZResident } },
    },
    async (request) => service.get(request.ctx, request.params.id),
  );

  r.post(
    '/api/residents',
    {
      config: { access: { subject: 'resident', action: 'create' } },
      schema: { tags, body: ZResidentCreate, response: { 201: ZResident } },
    },
    async (request, reply) => {
      const created = await service.create(request.ctx, request.body);
      reply.code(201);
      return created;
    },
  );

  r.patch(
    '/api/residents/:id',
    {
      config: { access: { subject: 'resident', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZResidentPatch, response: { 200: ZResident } },
    },
    async (request) => service.update(request.ctx, request.params.id, request.body),
  );

  r.get(
    '/api/residents/:id/consents',
    {
      config: { access: { subject: 'resident', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: z.array(ZConsent) } },
    },
    async (request) => service.consents(request.ctx, request.params.id),
  );

  r.post(
    '/api/residents/:id/consents',
    {
      config: { access: { subject: 'resident', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZConsentInput, response: { 201: ZConsent } },
    },
    async (request, reply) => {
      const created = await service.addConsent(request.ctx, request.params.id, request.body);
      reply.code(201);
      return created;
    },
  );

  r.post(
    '/api/residents/:id/consents/:consentId/withdraw',
    {
      config: { access: { subject: 'resident', action: 'update' } },
      schema: { tags, params: ZConsentParams, response: { 200: ZConsent } },
    },
    async (request) => service.withdrawConsent(request.ctx, request.params.id, request.params.consentId),
  );

  r.get(
    '/api/residents/:id/notes',
    {
      config: { access: { subject: 'resident', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: z.array(ZResidentNote) } },
    },
    async (request) => service.notes(request.ctx, request.params.id),
  );

  r.post(
    '/api/residents/:id/notes',
    {
      config: { access: { subject: 'resident', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZResidentNoteInput, response: { 201: ZResidentNote } },
    },
    async (request, reply) => {
      const created = await service.addNote(
        request.ctx,
        request.params.id,
        request.body.text,
        request.body.kind,
      );
      reply.code(201);
      return created;
    },
  );

  r.get(
    '/api/residents/:id/screenings',
    {
      config: { access: { subject: 'resident', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: z.array(ZScreening) } },
    },
    async (request) => service.screenings(request.ctx, request.params.id),
  );

  r.post(
    '/api/residents/:id/screenings',
    {
      config: { access: { subject: 'resident', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZScreeningInput, response: { 201: ZScreening } },
    },
    async (request, reply) => {
      const created = await service.addScreening(request.ctx, request.params.id, request.body);
      reply.code(201);
      return created;
    },
  );
}
