import { ZIdParams } from '@domain/common.schema.ts';
import {
  ZReferralCandidate,
  ZReferralContact,
  ZReferralContactsUpdate,
} from '@domain/referral-contact.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createReferralContactsService } from './referral-contacts.service.ts';

export function registerReferralContactRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createReferralContactsService(deps);
  const tags = ['Jobåbninger'];

  r.get(
    '/api/partnerships/:id/referral-contacts',
    {
      config: { access: { subject: 'referral_contacts', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: z.array(ZReferralContact) } },
    },
    async (request) => service.get(request.ctx, request.params.id),
  );

  r.get(
    '/api/partnerships/:id/referral-candidates',
    {
      config: { access: { subject: 'referral_contacts', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: z.array(ZReferralCandidate) } },
    },
    async (request) => service.candidates(request.ctx, request.params.id),
  );

  r.put(
    '/api/partnerships/:id/referral-contacts',
    {
      config: { access: { subject: 'referral_contacts', action: 'update' } },
      schema: {
        tags,
        params: ZIdParams,
        body: ZReferralContactsUpdate,
        response: { 200: z.array(ZReferralContact) },
      },
    },
    async (request) => service.replace(request.ctx, request.params.id, request.body),
  );
}
