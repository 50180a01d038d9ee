import { residentAccess, type TResidentAccess } from '@domain/resident-access.ts';
import { danishDate } from '@domain/time.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import {
  consentState,
  consentsOf,
  findResident,
  scopeOf,
  type TConsentRow,
  type TResidentRow,
} from './residents.repository.ts';

// Who may do what with one resident, decided per request by residentAccess() (domain/resident-
// access.ts) on the Copenhagen day, shared by every service of the residents module (profile,
// consents, notes, screenings, CV). A person the actor may not see answers 404, never 403, and
// every refusal is audit-logged.

export type TSeen = {
  resident: TResidentRow;
  consents: TConsentRow[];
  access: TResidentAccess & { view: NonNullable<TResidentAccess['view']> };
};

export function residentGate(deps: Pick<TAppDeps, 'db' | 'clock'>) {
  const { db, clock } = deps;
  const today = () => danishDate(clock.now());

  async function denied(ctx: TRequestContext, residentId: string, action: string, reason: string) {
    await recordAudit(db, ctx, {
      action: 'denied',
      entityType: 'resident',
      entityId: residentId,
      details: { action, reason },
    });
  }

  /** The person as the actor sees them today; 404 (audit-logged) when they do not exist for it. */
  async function see(ctx: TRequestContext, id: string, action: string): Promise<TSeen> {
    const actor = requireActor(ctx);
    const resident = await findResident(db, id);
    const consents = resident ? await consentsOf(db, [id]) : [];
    const access = resident
      ? residentAccess(actor, scopeOf(resident), consents.map(consentState), today())
      : null;
    if (!resident || !access?.view) {
      await denied(ctx, id, action, resident ? 'no_access' : 'not_found');
      throw new AppError('NOT_FOUND');
    }
    return { resident, consents, access: { ...access, view: access.view } };
  }

  /** As `see`, and the actor must be allowed to change the person (403 when only viewing). */
  async function seeToEdit(ctx: TRequestContext, id: string, action: string): Promise<TSeen> {
    const seen = await see(ctx, id, action);
    if (!seen.access.canEdit) {
      await denied(ctx, id, action, 'read_only');
      throw new AppError('FORBIDDEN');
    }
    return seen;
  }

  /** As `see`, and only in the professional view (case notes, screenings, the CV). */
  async function seeAsProfessional(ctx: TRequestContext, id: string, action: string): Promise<TSeen> {
    const seen = await see(ctx, id, action);
    if (seen.access.view !== 'professional') {
      await denied(ctx, id, action, 'not_professional');
      throw new AppError('FORBIDDEN');
    }
    return seen;
  }

  return { today, denied, see, seeToEdit, seeAsProfessional };
}
