import { z } from 'zod';
import { ZPostalCode, ZRequiredText, ZUuid } from './common.schema.ts';

/** A housing area (boligområde / afdeling) of one organisation in one municipality. */
export const ZHousingAreaInput = z.object({
  name: ZRequiredText(150),
  housingOrganisationId: ZUuid,
  municipalityId: ZUuid,
  postalCode: ZPostalCode,
  residentsCount: z.coerce
    .number({ error: 'Skal være et tal.' })
    .int({ error: 'Skal være et helt tal.' })
    .min(0, { error: 'Kan ikke være negativt.' })
    .max(100_000, { error: 'Højst 100.000.' }),
  socialHousingPlanId: ZUuid.nullish().transform((v) => v ?? null),
  isFictional: z.boolean().default(false),
});
export const ZHousingArea = z.object({
  id: ZUuid,
  name: z.string(),
  housingOrganisationId: ZUuid,
  housingOrganisationName: z.string(),
  municipalityId: ZUuid,
  municipalityName: z.string(),
  postalCode: z.string(),
  residentsCount: z.number().int(),
  socialHousingPlanId: ZUuid.nullable(),
  socialHousingPlanName: z.string().nullable(),
  isFictional: z.boolean(),
});
export type THousingAreaInput = z.infer<typeof ZHousingAreaInput>;
export type THousingArea = z.infer<typeof ZHousingArea>;
export const HOUSING_AREA_SORTS = [
  'name',
  'housingOrganisationName',
  'municipalityName',
  'postalCode',
  'residentsCount',
] as const;
