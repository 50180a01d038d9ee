import { z } from 'zod';
import { ZUuid } from './common.schema.ts';

/** Who receives a partnership's new openings, per role, optionally for one area. */
export const REFERRAL_ROLES = ['job_consultant', 'social_worker'] as const;

export const ZReferralContactInput = z.object({
  userId: ZUuid,
  role: z.enum(REFERRAL_ROLES, { error: 'Vælg jobkonsulent eller boligsocial medarbejder.' }),
  housingAreaId: ZUuid.nullish().transform((v) => v ?? null),
});

export const ZReferralContactsUpdate = z.object({
  contacts: z.array(ZReferralContactInput).max(100, { error: 'Højst 100 kontakter.' }),
});
export type TReferralContactsUpdate = z.infer<typeof ZReferralContactsUpdate>;

export const ZReferralContact = z.object({
  id: ZUuid,
  userId: ZUuid,
  userName: z.string(),
  role: z.enum(REFERRAL_ROLES),
  housingAreaId: ZUuid.nullable(),
  housingAreaName: z.string().nullable(),
});
export type TReferralContact = z.infer<typeof ZReferralContact>;

/** Someone who may be chosen as a referral contact: an active holder of the role in the partnership. */
export const ZReferralCandidate = z.object({
  userId: ZUuid,
  name: z.string(),
  email: z.string(),
  role: z.enum(REFERRAL_ROLES),
});
export type TReferralCandidate = z.infer<typeof ZReferralCandidate>;
