import { scopeIdsOf, type TActor } from '@domain/policy.ts';
import { residentAccess } from '@domain/resident-access.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  consentState,
  consentsOf,
  findResident,
  scopeOf,
  type TResidentRow,
} from '@server/modules/residents/residents.repository.ts';

// Who sees a placement, and how (issue 6 item 2). Two views, decided per request:
// - professional: the social worker or job consultant who sees the person professionally today
//   (residentAccess, the same rule as residentScope in a list): everything, notes included;
// - company: a contact of the placement's company: its own record, the person's first name only
//   while consent (b) holds, the follow-up dates and never a note.
// Anyone else: the placement does not exist for them (404, audit-logged by the caller).

export type TPlacementView = 'professional' | 'company';

/** The actor's company ids (company contacts). */
export function companyIdsOf(actor: TActor): string[] {
  return scopeIdsOf(actor).companyIds;
}

/** The person, if the actor sees them in the professional view today (never an anonymised one). */
export async function professionalResident(
  db: TDbOrTx,
  actor: TActor,
  residentId: string | null,
  today: string,
): Promise<TResidentRow | null> {
  if (!residentId) return null;
  const resident = await findResident(db, residentId);
  if (!resident) return null;
  const consents = await consentsOf(db, [residentId]);
  const access = residentAccess(actor, scopeOf(resident), consents.map(consentState), today);
  return access.view === 'professional' ? resident : null;
}

/** How the actor sees a placement of this person and company; null: not at all. */
export async function placementViewOf(
  db: TDbOrTx,
  actor: TActor,
  placement: { residentId: string | null; companyId: string },
  today: string,
): Promise<TPlacementView | null> {
  if (await professionalResident(db, actor, placement.residentId, today)) return 'professional';
  if (companyIdsOf(actor).includes(placement.companyId)) return 'company';
  return null;
}
