import {
  HOUSING_ORGANISATION_SORTS,
  ZHousingOrganisation,
  ZHousingOrganisationInput,
} from '@domain/housing-organisation.schema.ts';
import { registerReferenceResource } from '@server/platform/crud/reference-routes.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { housingOrganisationsRepository } from './housing-organisations.repository.ts';

export function registerHousingOrganisationRoutes(app: FastifyInstance, deps: TAppDeps): void {
  registerReferenceResource(app, deps, {
    subject: 'housing_organisation',
    path: '/api/housing-organisations',
    tag: 'Boligorganisationer',
    output: ZHousingOrganisation,
    fields: ZHousingOrganisationInput,
    input: ZHousingOrganisationInput,
    filters: z.object({ partnershipId: z.uuid().optional() }),
    sorts: HOUSING_ORGANISATION_SORTS,
    repository: housingOrganisationsRepository,
    resourceOf: (o) => ({ kind: 'housing_organisation', id: o.id, partnershipId: o.partnershipId }),
  });
}
