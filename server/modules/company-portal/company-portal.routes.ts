import { ZIdParams, ZPage } from '@domain/common.schema.ts';
import {
  ZCompanyDecline,
  ZCompanyOpening,
  ZCompanyOpeningListQuery,
  ZCompanyProposal,
  ZCompanyProposalListQuery,
  ZHire,
  ZInterviewInvite,
  ZInterviewOutcome,
} from '@domain/placement.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createCompanyPortalService } from './company-portal.service.ts';

/** The company portal (issue 6 item 1): company contacts, for their own company only. */
export function registerCompanyPortalRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createCompanyPortalService(deps);
  const tags = ['Virksomhedsportal'];
  const read = { access: { subject: 'company_portal', action: 'read' } } as const;
  const update = { access: { subject: 'company_portal', action: 'update' } } as const;

  r.get(
    '/api/company/openings',
    {
      config: { access: { subject: 'company_portal', action: 'list' } },
      schema: { tags, querystring: ZCompanyOpeningListQuery, response: { 200: ZPage(ZCompanyOpening) } },
    },
    async (request) => service.openings(request.ctx, request.query),
  );

  r.get(
    '/api/company/proposals',
    {
      config: { access: { subject: 'company_portal', action: 'list' } },
      schema: { tags, querystring: ZCompanyProposalListQuery, response: { 200: ZPage(ZCompanyProposal) } },
    },
    async (request) => service.list(request.ctx, request.query),
  );

  r.get(
    '/api/company/proposals/:id',
    { config: read, schema: { tags, params: ZIdParams, response: { 200: ZCompanyProposal } } },
    async (request) => service.get(request.ctx, request.params.id),
  );

  r.post(
    '/api/company/proposals/:id/interview',
    {
      config: update,
      schema: { tags, params: ZIdParams, body: ZInterviewInvite, response: { 200: ZCompanyProposal } },
    },
    async (request) => service.invite(request.ctx, request.params.id, request.body),
  );

  r.post(
    '/api/company/proposals/:id/interview-outcome',
    {
      config: update,
      schema: { tags, params: ZIdParams, body: ZInterviewOutcome, response: { 200: ZCompanyProposal } },
    },
    async (request) => service.recordOutcome(request.ctx, request.params.id, request.body),
  );

  r.post(
    '/api/company/proposals/:id/decline',
    {
      config: update,
      schema: { tags, params: ZIdParams, body: ZCompanyDecline, response: { 200: ZCompanyProposal } },
    },
    async (request) => service.decline(request.ctx, request.params.id, request.body),
  );

  r.post(
    '/api/company/proposals/:id/hire',
    {
      config: update,
      schema: { tags, params: ZIdParams, body: ZHire, response: { 200: ZCompanyProposal } },
    },
    async (request) => service.hire(request.ctx, request.params.id, request.body),
  );
}
