import { JOBCENTER_SORTS, ZJobcenter, ZJobcenterInput } from '@domain/jobcenter.schema.ts';
import { registerReferenceResource } from '@server/platform/crud/reference-routes.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { jobcentersRepository } from './jobcenters.repository.ts';

export function registerJobcenterRoutes(app: FastifyInstance, deps: TAppDeps): void {
  registerReferenceResource(app, deps, {
    subject: 'jobcenter',
    path: '/api/jobcenters',
    tag: 'Jobcentre',
    output: ZJobcenter,
    fields: ZJobcenterInput,
    input: ZJobcenterInput,
    filters: z.object({ municipalityId: z.uuid().optional() }),
    sorts: JOBCENTER_SORTS,
    repository: jobcentersRepository,
    resourceOf: (j) => ({ kind: 'jobcenter', id: j.id, municipalityId: j.municipalityId }),
  });
}
