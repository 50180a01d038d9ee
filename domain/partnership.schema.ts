import { z } from 'zod';
import { ZIsoDate, ZOptionalText, ZRequiredText, ZUuid } from './common.schema.ts';

/** A city partnership for jobs in social housing areas: one per municipality. */
export const ZPartnershipInput = z.object({
  name: ZRequiredText(150),
  municipalityId: ZUuid,
  description: ZOptionalText(2000),
  startDate: ZIsoDate.nullish().transform((v) => v ?? null),
});
export const ZPartnership = z.object({
  id: ZUuid,
  name: z.string(),
  municipalityId: ZUuid,
  municipalityName: z.string(),
  description: z.string().nullable(),
  startDate: z.string().nullable(),
});
export type TPartnershipInput = z.infer<typeof ZPartnershipInput>;
export type TPartnership = z.infer<typeof ZPartnership>;
export const PARTNERSHIP_SORTS = ['name', 'municipalityName', 'startDate'] as const;
