import { HOUSING_AREA_SORTS, ZHousingArea, ZHousingAreaInput } from '@domain/housing-area.schema.ts';
import { registerReferenceResource } from '@server/platform/crud/reference-routes.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { housingAreasRepository } from './housing-areas.repository.ts';

export function registerHousingAreaRoutes(app: FastifyInstance, deps: TAppDeps): void {
  registerReferenceResource(app, deps, {
    subject: 'housing_area',
    path: '/api/housing-areas',
    tag: 'Boligområder',
    output: ZHousingArea,
    fields: ZHousingAreaInput,
    input: ZHousingAreaInput,
    filters: z.object({
      housingOrganisationId: z.uuid().optional(),
      municipalityId: z.uuid().optional(),
      socialHousingPlanId: z.uuid().optional(),
    }),
    sorts: HOUSING_AREA_SORTS,
    repository: housingAreasRepository,
    resourceOf: (a) => ({
      kind: 'housing_area',
      id: a.id,
      housingOrganisationId: a.housingOrganisationId,
      socialHousingPlanId: a.socialHousingPlanId,
      municipalityId: a.municipalityId,
    }),
  });
}
