import { z } from 'zod';
import { ZEmail, ZRequiredText, ZUuid } from './common.schema.ts';
import { ROLES, SCOPE_TYPES } from './roles.ts';

export const USER_STATUSES = ['invited', 'active', 'disabled'] as const;
export type TUserStatus = (typeof USER_STATUSES)[number];

/** A membership gives a user one role within one scope (DOMAIN.md roles). */
export const ZMembershipInput = z.object({
  role: z.enum(ROLES, { error: 'Vælg en rolle.' }),
  /** Id of the scope entity; null only for admin (global) and a company contact not yet linked. */
  scopeId: ZUuid.nullish().transform((v) => v ?? null),
});
export type TMembershipInput = z.infer<typeof ZMembershipInput>;

export const ZMembership = z.object({
  id: ZUuid,
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: ZUuid.nullable(),
  scopeName: z.string().nullable(),
});
export type TMembership = z.infer<typeof ZMembership>;

export const ZUserInvite = z.object({
  email: ZEmail,
  name: ZRequiredText(150),
  locale: z.enum(['da', 'en']).default('da'),
  memberships: z.array(ZMembershipInput).max(20).default([]),
});
export type TUserInvite = z.infer<typeof ZUserInvite>;

export const ZUserUpdate = z.object({
  name: ZRequiredText(150).optional(),
  locale: z.enum(['da', 'en']).optional(),
  /** Disabling a user ends all their sessions at once. */
  status: z.enum(['active', 'disabled']).optional(),
});
export type TUserUpdate = z.infer<typeof ZUserUpdate>;

export const ZUser = z.object({
  id: ZUuid,
  email: z.string(),
  name: z.string(),
  status: z.enum(USER_STATUSES),
  locale: z.enum(['da', 'en']),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  memberships: z.array(ZMembership),
});
export type TUser = z.infer<typeof ZUser>;
export const USER_SORTS = ['name', 'email', 'status', 'createdAt', 'lastLoginAt'] as const;
export const ZUserListQuery = z.object({
  role: z.enum(ROLES).optional(),
  status: z.enum(USER_STATUSES).optional(),
});
