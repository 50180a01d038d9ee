import type { TRole, TScopeType } from './roles.ts';

// The one policy engine: `can(actor, action, resource)`. Pure, so the server enforces it in
// services and the client uses it to show only the actions a user may take. Every scope check
// compares ids the server resolved from the database; nothing here trusts client input.

export type TAction = 'list' | 'read' | 'create' | 'update' | 'delete' | 'export';

/** A membership as the policy sees it, with the ids its scope implies. */
export interface TActorMembership {
  role: TRole;
  scopeType: TScopeType;
  scopeId: string | null;
  /** Municipality of a jobcenter scope or of a partnership scope. */
  municipalityId: string | null;
  /** Partnership of a housing-organisation or social-housing-plan scope, or the partnership itself. */
  partnershipId: string | null;
}

export interface TActor {
  userId: string;
  memberships: TActorMembership[];
}

export type TResource =
  | { kind: 'municipality'; id?: string }
  | { kind: 'partnership'; id?: string; municipalityId?: string }
  | { kind: 'housing_organisation'; id?: string; partnershipId?: string }
  | {
      kind: 'housing_area';
      id?: string;
      housingOrganisationId?: string;
      socialHousingPlanId?: string | null;
      municipalityId?: string;
    }
  | { kind: 'jobcenter'; id?: string; municipalityId?: string }
  | { kind: 'social_housing_plan'; id?: string; partnershipId?: string }
  | { kind: 'user'; id?: string }
  | { kind: 'audit_log' }
  | { kind: 'mail_outbox' };

export type TResourceKind = TResource['kind'];

const STAFF_ROLES: readonly TRole[] = ['housing_staff', 'social_worker', 'job_consultant', 'steering'];

function has(actor: TActor, role: TRole): TActorMembership[] {
  return actor.memberships.filter((m) => m.role === role);
}

export function isAdmin(actor: TActor): boolean {
  return actor.memberships.some((m) => m.role === 'admin');
}

/** Reference data (organisations, areas, plans, jobcenters) is not personal data: all staff read it. */
function isStaff(actor: TActor): boolean {
  return actor.memberships.some((m) => STAFF_ROLES.includes(m.role));
}

/**
 * Whether the actor may take the action on the resource. With a resource that carries no
 * instance attributes (e.g. `{ kind: 'housing_area' }`) it answers "on some instance",
 * which is what routes check before the service loads the instance.
 */
export function can(actor: TActor, action: TAction, resource: TResource): boolean {
  if (isAdmin(actor)) return true;
  switch (resource.kind) {
    case 'municipality':
    case 'partnership':
      return (action === 'list' || action === 'read') && isStaff(actor);
    case 'housing_organisation':
      if (action === 'list' || action === 'read') return isStaff(actor);
      if (action !== 'update') return false;
      return has(actor, 'housing_staff').some((m) => resource.id === undefined || m.scopeId === resource.id);
    case 'housing_area':
      if (action === 'list' || action === 'read') return isStaff(actor);
      if (action !== 'update') return false;
      // The organisation owning the area and the social plan working in it keep its facts current.
      return (
        has(actor, 'housing_staff').some(
          (m) => resource.id === undefined || m.scopeId === resource.housingOrganisationId,
        ) ||
        has(actor, 'social_worker').some(
          (m) =>
            resource.id === undefined || (m.scopeId !== null && m.scopeId === resource.socialHousingPlanId),
        )
      );
    case 'jobcenter':
      if (action === 'list' || action === 'read') return isStaff(actor);
      if (action !== 'update') return false;
      return has(actor, 'job_consultant').some((m) => resource.id === undefined || m.scopeId === resource.id);
    case 'social_housing_plan':
      if (action === 'list' || action === 'read') return isStaff(actor);
      if (action !== 'update') return false;
      return has(actor, 'social_worker').some((m) => resource.id === undefined || m.scopeId === resource.id);
    case 'user':
    case 'audit_log':
    case 'mail_outbox':
      return false;
    default: {
      const exhaustive: never = resource;
      return exhaustive;
    }
  }
}
