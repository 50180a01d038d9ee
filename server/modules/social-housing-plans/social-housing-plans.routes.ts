import {
  SOCIAL_HOUSING_PLAN_SORTS,
  ZSocialHousingPlan,
  ZSocialHousingPlanFields,
  ZSocialHousingPlanInput,
} from '@domain/social-housing-plan.schema.ts';
import { registerReferenceResource } from '@server/platform/crud/reference-routes.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { socialHousingPlansRepository } from './social-housing-plans.repository.ts';

export function registerSocialHousingPlanRoutes(app: FastifyInstance, deps: TAppDeps): void {
  registerReferenceResource(app, deps, {
    subject: 'social_housing_plan',
    path: '/api/social-housing-plans',
    tag: 'Boligsociale helhedsplaner',
    output: ZSocialHousingPlan,
    fields: ZSocialHousingPlanFields,
    input: ZSocialHousingPlanInput,
    filters: z.object({ partnershipId: z.uuid().optional() }),
    sorts: SOCIAL_HOUSING_PLAN_SORTS,
    repository: socialHousingPlansRepository,
    resourceOf: (p) => ({ kind: 'social_housing_plan', id: p.id, partnershipId: p.partnershipId }),
  });
}
