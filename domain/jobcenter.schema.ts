import { z } from 'zod';
import { ZOptionalEmail, ZOptionalPhone, ZOptionalText, ZRequiredText, ZUuid } from './common.schema.ts';

/** A municipal jobcenter; it has authority (myndighed) over the unemployed in its municipality. */
export const ZJobcenterInput = z.object({
  name: ZRequiredText(150),
  municipalityId: ZUuid,
  email: ZOptionalEmail,
  phone: ZOptionalPhone,
  address: ZOptionalText(200),
});
export const ZJobcenter = z.object({
  id: ZUuid,
  name: z.string(),
  municipalityId: ZUuid,
  municipalityName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
});
export type TJobcenterInput = z.infer<typeof ZJobcenterInput>;
export type TJobcenter = z.infer<typeof ZJobcenter>;
export const JOBCENTER_SORTS = ['name', 'municipalityName'] as const;
