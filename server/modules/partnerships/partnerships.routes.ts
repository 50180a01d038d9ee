import { PARTNERSHIP_SORTS, ZPartnership, ZPartnershipInput } from '@domain/partnership.schema.ts';
import { registerReferenceResource } from '@server/platform/crud/reference-routes.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { partnershipsRepository } from './partnerships.repository.ts';

export function registerPartnershipRoutes(app: FastifyInstance, deps: TAppDeps): void {
  registerReferenceResource(app, deps, {
    subject: 'partnership',
    path: '/api/partnerships',
    tag: 'Partnerskaber',
    output: ZPartnership,
    fields: ZPartnershipInput,
    input: ZPartnershipInput,
    filters: z.object({}),
    sorts: PARTNERSHIP_SORTS,
    repository: partnershipsRepository,
    resourceOf: (p) => ({ kind: 'partnership', id: p.id, municipalityId: p.municipalityId }),
  });
}
