import { MUNICIPALITY_SORTS, ZMunicipality, ZMunicipalityInput } from '@domain/municipality.schema.ts';
import { registerReferenceResource } from '@server/platform/crud/reference-routes.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { municipalitiesRepository } from './municipalities.repository.ts';

export function registerMunicipalityRoutes(app: FastifyInstance, deps: TAppDeps): void {
  registerReferenceResource(app, deps, {
    subject: 'municipality',
    path: '/api/municipalities',
    tag: 'Kommuner',
    output: ZMunicipality,
    fields: ZMunicipalityInput,
    input: ZMunicipalityInput,
    filters: z.object({}),
    sorts: MUNICIPALITY_SORTS,
    repository: municipalitiesRepository,
    resourceOf: (m) => ({ kind: 'municipality', id: m.id }),
  });
}
