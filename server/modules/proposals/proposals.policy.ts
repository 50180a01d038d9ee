import type { TActor } from '@domain/policy.ts';

// Who works with a partnership's proposals and plans: its social workers (their plan's
// partnership) and job consultants (their jobcenter's municipality). The person in a proposal is
// checked on top of this by residentAccess (the professional view).

export interface TPartnershipRef {
  partnershipId: string;
  municipalityId: string;
}

/** The professional roles the actor holds in the partnership ('job_consultant', 'social_worker'). */
export function professionalRolesIn(
  actor: TActor,
  p: TPartnershipRef,
): ('job_consultant' | 'social_worker')[] {
  const roles: ('job_consultant' | 'social_worker')[] = [];
  if (actor.memberships.some((m) => m.role === 'job_consultant' && m.municipalityId === p.municipalityId))
    roles.push('job_consultant');
  if (actor.memberships.some((m) => m.role === 'social_worker' && m.partnershipId === p.partnershipId))
    roles.push('social_worker');
  return roles;
}

/** Proposals are made by the two professional roles only (the secretariat does not match people). */
export function isProfessional(actor: TActor): boolean {
  return actor.memberships.some(
    (m) => (m.role === 'job_consultant' || m.role === 'social_worker') && m.scopeId !== null,
  );
}
