import type { TDbOrTx } from '@server/db/client.ts';
import { openingReferrals } from '@server/db/schema/index.ts';
import { roleHolders } from '@server/modules/openings/openings.repository.ts';
import { and, eq } from 'drizzle-orm';

export type TCaseRole = 'job_consultant' | 'social_worker';

/** The opening a case is about, as far as finding its people goes. */
export interface TCaseOpening {
  id: string;
  partnershipId: string;
  municipalityId: string;
}

/**
 * Who works a person's case for an opening, per role: the person's responsible job consultant or
 * social worker, else the people the opening was referred to in that role, else every holder of
 * the role in the partnership. Proposals, hires and escalations all tell the same people.
 */
export async function caseContacts(
  tx: TDbOrTx,
  opening: TCaseOpening,
  responsible: Record<TCaseRole, string | null>,
  roles: readonly TCaseRole[] = ['job_consultant', 'social_worker'],
): Promise<Record<TCaseRole, string[]>> {
  const out: Record<TCaseRole, string[]> = { job_consultant: [], social_worker: [] };
  for (const role of roles) {
    const own = responsible[role];
    if (own) {
      out[role] = [own];
      continue;
    }
    const referred = await tx
      .select({ userId: openingReferrals.userId })
      .from(openingReferrals)
      .where(and(eq(openingReferrals.openingId, opening.id), eq(openingReferrals.role, role)));
    out[role] = referred.length
      ? referred.map((r) => r.userId)
      : await roleHolders(tx, { id: opening.partnershipId, municipalityId: opening.municipalityId }, role);
  }
  return out;
}
