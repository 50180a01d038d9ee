import type { TMeMembership } from '@domain/auth.schema.ts';
import type { TActor, TActorMembership } from '@domain/policy.ts';
import { ROLE_SCOPE } from '@domain/roles.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  companies,
  housingOrganisations,
  jobcenters,
  memberships,
  partnerships,
  socialHousingPlans,
} from '@server/db/schema/index.ts';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

export type TResolvedMembership = TMeMembership & Pick<TActorMembership, 'municipalityId' | 'partnershipId'>;

const steeringPartnership = alias(partnerships, 'steering_partnership');
const orgPartnership = alias(partnerships, 'org_partnership');

/** Memberships of the given users with their scope's name and the ids the policy needs. */
export async function loadMemberships(
  db: TDbOrTx,
  userIds: string[],
): Promise<Map<string, TResolvedMembership[]>> {
  const byUser = new Map<string, TResolvedMembership[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({
      id: memberships.id,
      userId: memberships.userId,
      role: memberships.role,
      housingOrganisationId: memberships.housingOrganisationId,
      socialHousingPlanId: memberships.socialHousingPlanId,
      jobcenterId: memberships.jobcenterId,
      partnershipId: memberships.partnershipId,
      companyId: memberships.companyId,
      orgName: housingOrganisations.name,
      orgPartnershipId: housingOrganisations.partnershipId,
      orgMunicipalityId: orgPartnership.municipalityId,
      planName: socialHousingPlans.name,
      planPartnershipId: socialHousingPlans.partnershipId,
      jobcenterName: jobcenters.name,
      jobcenterMunicipalityId: jobcenters.municipalityId,
      steeringName: steeringPartnership.name,
      steeringMunicipalityId: steeringPartnership.municipalityId,
      companyName: companies.name,
    })
    .from(memberships)
    .leftJoin(housingOrganisations, eq(housingOrganisations.id, memberships.housingOrganisationId))
    .leftJoin(orgPartnership, eq(orgPartnership.id, housingOrganisations.partnershipId))
    .leftJoin(socialHousingPlans, eq(socialHousingPlans.id, memberships.socialHousingPlanId))
    .leftJoin(jobcenters, eq(jobcenters.id, memberships.jobcenterId))
    .leftJoin(steeringPartnership, eq(steeringPartnership.id, memberships.partnershipId))
    .leftJoin(companies, eq(companies.id, memberships.companyId))
    .where(inArray(memberships.userId, userIds))
    .orderBy(asc(memberships.role), asc(sql`${memberships.createdAt}`));

  for (const r of rows) {
    const scopeType = ROLE_SCOPE[r.role];
    const resolved: TResolvedMembership = {
      id: r.id,
      role: r.role,
      scopeType,
      scopeId:
        r.housingOrganisationId ?? r.socialHousingPlanId ?? r.jobcenterId ?? r.partnershipId ?? r.companyId,
      scopeName: r.orgName ?? r.planName ?? r.jobcenterName ?? r.steeringName ?? r.companyName ?? null,
      municipalityId: r.orgMunicipalityId ?? r.jobcenterMunicipalityId ?? r.steeringMunicipalityId ?? null,
      partnershipId: r.orgPartnershipId ?? r.planPartnershipId ?? r.partnershipId ?? null,
    };
    const list = byUser.get(r.userId) ?? [];
    list.push(resolved);
    byUser.set(r.userId, list);
  }
  return byUser;
}

export function toActor(userId: string, resolved: TResolvedMembership[]): TActor {
  return {
    userId,
    memberships: resolved.map((m) => ({
      role: m.role,
      scopeType: m.scopeType,
      scopeId: m.scopeId,
      municipalityId: m.municipalityId,
      partnershipId: m.partnershipId,
    })),
  };
}

export function presentMembership(m: TResolvedMembership): TMeMembership {
  return { id: m.id, role: m.role, scopeType: m.scopeType, scopeId: m.scopeId, scopeName: m.scopeName };
}
