import { ZIdParams } from '@domain/common.schema.ts';
import {
  ZCandidatesQuery,
  ZMatchingWeights,
  ZOpeningCandidates,
  ZResidentOpenings,
  ZWeightsPreview,
  ZWeightsQuery,
  ZWeightsUpdate,
} from '@domain/matching/matching.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createMatchingService } from './matching.service.ts';

export function registerMatchingRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createMatchingService(deps);
  const tags = ['Matching'];

  r.get(
    '/api/openings/:id/candidates',
    {
      config: { access: { subject: 'candidates', action: 'read' } },
      schema: {
        tags,
        params: ZIdParams,
        querystring: ZCandidatesQuery,
        response: { 200: ZOpeningCandidates },
      },
    },
    async (request) => service.candidates(request.ctx, request.params.id, request.query),
  );

  r.get(
    '/api/residents/:id/openings',
    {
      config: { access: { subject: 'candidates', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: ZResidentOpenings } },
    },
    async (request) => service.openingsForResident(request.ctx, request.params.id),
  );

  r.get(
    '/api/matching/weights',
    {
      config: { access: { subject: 'matching_settings', action: 'read' } },
      schema: { tags, querystring: ZWeightsQuery, response: { 200: ZMatchingWeights } },
    },
    async (request) => service.weights(request.ctx, request.query.partnershipId),
  );

  r.put(
    '/api/matching/weights',
    {
      config: { access: { subject: 'matching_settings', action: 'update' } },
      schema: { tags, body: ZWeightsUpdate, response: { 200: ZMatchingWeights } },
    },
    async (request) => service.saveWeights(request.ctx, request.body),
  );

  r.post(
    '/api/matching/weights/preview',
    {
      config: { access: { subject: 'matching_settings', action: 'update' } },
      schema: { tags, body: ZWeightsUpdate, response: { 200: ZWeightsPreview } },
    },
    async (request) => service.preview(request.ctx, request.body),
  );
}
