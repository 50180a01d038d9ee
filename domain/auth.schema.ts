import { z } from 'zod';
import { ZEmail, ZUuid } from './common.schema.ts';
import { ROLES, SCOPE_TYPES } from './roles.ts';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const ZLoginRequest = z.object({
  email: ZEmail,
  password: z
    .string({ error: 'Skal udfyldes.' })
    .min(1, { error: 'Skal udfyldes.' })
    .max(PASSWORD_MAX_LENGTH),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

/** A new password as the user types it; the server also rejects the 10,000 most common. */
export const ZNewPassword = z
  .string({ error: 'Skal udfyldes.' })
  .min(PASSWORD_MIN_LENGTH, { error: `Adgangskoden skal være mindst ${PASSWORD_MIN_LENGTH} tegn.` })
  .max(PASSWORD_MAX_LENGTH, { error: `Højst ${PASSWORD_MAX_LENGTH} tegn.` });

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1, { error: 'Skal udfyldes.' }).max(PASSWORD_MAX_LENGTH),
  newPassword: ZNewPassword,
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

export const ZAcceptInvitationRequest = z.object({
  token: z.string().min(20).max(200),
  password: ZNewPassword,
});
export type TAcceptInvitationRequest = z.infer<typeof ZAcceptInvitationRequest>;

export const ZInvitationInfo = z.object({ email: z.string(), name: z.string() });

export const ZMeMembership = z.object({
  id: ZUuid,
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: ZUuid.nullable(),
  /** Human name of the scope, e.g. "Boligselskabet Viborg". */
  scopeName: z.string().nullable(),
});
export type TMeMembership = z.infer<typeof ZMeMembership>;

export const ZMe = z.object({
  user: z.object({
    id: ZUuid,
    email: z.string(),
    name: z.string(),
    locale: z.enum(['da', 'en']),
  }),
  memberships: z.array(ZMeMembership),
  roles: z.array(z.enum(ROLES)),
  csrfToken: z.string(),
  demo: z.boolean(),
});
export type TMe = z.infer<typeof ZMe>;
