import type { TMe } from '@domain/auth.schema.ts';
import { can, type TAction, type TActor, type TResource } from '@domain/policy.ts';

/**
 * The policy actor for the signed-in user. The client does not know the municipality or
 * partnership a scope implies, so it asks "on some instance" questions only; the server decides.
 */
export function actorFromMe(me: TMe): TActor {
  return {
    userId: me.user.id,
    memberships: me.memberships.map((m) => ({
      role: m.role,
      scopeType: m.scopeType,
      scopeId: m.scopeId,
      municipalityId: null,
      partnershipId: null,
    })),
  };
}

export function meCan(me: TMe | null | undefined, action: TAction, resource: TResource): boolean {
  return me ? can(actorFromMe(me), action, resource) : false;
}

export function isAdminMe(me: TMe | null | undefined): boolean {
  return !!me && me.memberships.some((m) => m.role === 'admin');
}
