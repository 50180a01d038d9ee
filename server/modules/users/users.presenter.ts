import type { TUser } from '@domain/user.schema.ts';
import type { TResolvedMembership } from '@server/platform/auth/actor.repository.ts';
import { presentMembership } from '@server/platform/auth/actor.repository.ts';
import type { TUserRow } from './users.repository.ts';

/** The only shape a user account leaves the server in: never the password hash. */
export function presentUser(row: TUserRow, resolved: TResolvedMembership[]): TUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    status: row.status,
    locale: row.locale,
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    memberships: resolved.map(presentMembership),
  };
}
