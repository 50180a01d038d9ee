import { z } from 'zod';
import {
  optionalField,
  ZOptionalText,
  ZOptionalUrl,
  ZPostalCode,
  ZRequiredText,
  ZUuid,
} from './common.schema.ts';
import { isValidCvr } from './rules/cvr.ts';

export const ZCvr = z
  .string()
  .trim()
  .refine(isValidCvr, { error: 'Ugyldigt CVR-nummer (8 cifre med gyldigt kontrolciffer).' });

/** A housing organisation (boligorganisation) working in one partnership. */
export const ZHousingOrganisationInput = z.object({
  name: ZRequiredText(150),
  partnershipId: ZUuid,
  cvr: optionalField(ZCvr),
  address: ZOptionalText(200),
  postalCode: optionalField(ZPostalCode),
  city: ZOptionalText(100),
  website: ZOptionalUrl,
  /** Demo organisations that do not exist in reality are marked so nobody mistakes them. */
  isFictional: z.boolean().default(false),
});
export const ZHousingOrganisation = z.object({
  id: ZUuid,
  name: z.string(),
  partnershipId: ZUuid,
  partnershipName: z.string(),
  cvr: z.string().nullable(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  website: z.string().nullable(),
  isFictional: z.boolean(),
  areaCount: z.number().int(),
});
export type THousingOrganisationInput = z.infer<typeof ZHousingOrganisationInput>;
export type THousingOrganisation = z.infer<typeof ZHousingOrganisation>;
export const HOUSING_ORGANISATION_SORTS = ['name', 'partnershipName', 'city', 'areaCount'] as const;
