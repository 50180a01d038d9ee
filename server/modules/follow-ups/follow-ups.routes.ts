import { ZIdParams, ZPage, ZUuid } from '@domain/common.schema.ts';
import {
  ZCheckIn,
  ZFollowUp,
  ZFollowUpCreate,
  ZFollowUpListQuery,
  ZFollowUpReschedule,
  ZFollowUpSettingsView,
} from '@domain/placement.schema.ts';
import { ZFollowUpSettings } from '@domain/rules/follow-up-schedule.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createFollowUpsService } from './follow-ups.service.ts';

const ZPartnershipParams = z.object({ partnershipId: ZUuid });

export function registerFollowUpRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createFollowUpsService(deps);
  const tags = ['Opfølgning'];

  // The settings first: "/api/follow-ups/settings/…" must not be read as a follow-up's id.
  r.get(
    '/api/follow-ups/settings/:partnershipId',
    {
      config: { access: { subject: 'follow_up_settings', action: 'read' } },
      schema: { tags, params: ZPartnershipParams, response: { 200: ZFollowUpSettingsView } },
    },
    async (request) => service.settings(request.ctx, request.params.partnershipId),
  );

  r.put(
    '/api/follow-ups/settings/:partnershipId',
    {
      config: { access: { subject: 'follow_up_settings', action: 'update' } },
      schema: {
        tags,
        params: ZPartnershipParams,
        body: ZFollowUpSettings,
        response: { 200: ZFollowUpSettingsView },
      },
    },
    async (request) => service.saveSettings(request.ctx, request.params.partnershipId, request.body),
  );

  r.get(
    '/api/follow-ups',
    {
      config: { access: { subject: 'follow_up', action: 'list' } },
      schema: { tags, querystring: ZFollowUpListQuery, response: { 200: ZPage(ZFollowUp) } },
    },
    async (request) => service.list(request.ctx, request.query),
  );

  r.post(
    '/api/follow-ups',
    {
      config: { access: { subject: 'follow_up', action: 'create' } },
      schema: { tags, body: ZFollowUpCreate, response: { 201: ZFollowUp } },
    },
    async (request, reply) => {
      const created = await service.create(request.ctx, request.body);
      reply.code(201);
      return created;
    },
  );

  r.get(
    '/api/follow-ups/:id',
    {
      config: { access: { subject: 'follow_up', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: ZFollowUp } },
    },
    async (request) => service.get(request.ctx, request.params.id),
  );

  r.post(
    '/api/follow-ups/:id/check-in',
    {
      config: { access: { subject: 'follow_up', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZCheckIn, response: { 200: ZFollowUp } },
    },
    async (request) => service.checkIn(request.ctx, request.params.id, request.body),
  );

  r.post(
    '/api/follow-ups/:id/reschedule',
    {
      config: { access: { subject: 'follow_up', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZFollowUpReschedule, response: { 200: ZFollowUp } },
    },
    async (request) => service.reschedule(request.ctx, request.params.id, request.body.dueDate),
  );
}
