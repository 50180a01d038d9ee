import { z } from 'zod';
import { ZIsoDate, ZOptionalText, ZRequiredText, ZUuid } from './common.schema.ts';

/** A boligsocial helhedsplan: an area-based social plan, usually for a 4-year period. */
export const ZSocialHousingPlanFields = z.object({
  name: ZRequiredText(150),
  partnershipId: ZUuid,
  periodStart: ZIsoDate,
  periodEnd: ZIsoDate,
  description: ZOptionalText(2000),
});
export const ZSocialHousingPlanInput = ZSocialHousingPlanFields.refine((p) => p.periodEnd > p.periodStart, {
  error: 'Slutdatoen skal ligge efter startdatoen.',
  path: ['periodEnd'],
});
export const ZSocialHousingPlan = z.object({
  id: ZUuid,
  name: z.string(),
  partnershipId: ZUuid,
  partnershipName: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  description: z.string().nullable(),
  areaCount: z.number().int(),
});
export type TSocialHousingPlanInput = z.infer<typeof ZSocialHousingPlanInput>;
export type TSocialHousingPlan = z.infer<typeof ZSocialHousingPlan>;
export const SOCIAL_HOUSING_PLAN_SORTS = ['name', 'partnershipName', 'periodStart', 'periodEnd'] as const;
