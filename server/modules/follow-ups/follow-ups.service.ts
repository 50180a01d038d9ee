import type { TPage } from '@domain/common.schema.ts';
import {
  CHECK_IN_STATUS_LABEL_DA,
  type TCheckIn,
  type TFollowUp,
  type TFollowUpCreate,
  type TFollowUpListQuery,
  type TFollowUpSettingsView,
} from '@domain/placement.schema.ts';
import {
  checkInLabelDa,
  DEFAULT_FOLLOW_UP_SCHEDULES,
  type TCheckInMeasure,
  type TFollowUpSettings,
  ZFollowUpSettings,
} from '@domain/rules/follow-up-schedule.ts';
import { danishDate, formatDanishDate } from '@domain/time.ts';
import { followUps } from '@server/db/schema/index.ts';
import { openEscalationInTx } from '@server/modules/escalations/escalations.service.ts';
import { findPartnership } from '@server/modules/matching/matching.repository.ts';
import {
  createNotificationsService,
  type TPendingMails,
} from '@server/modules/notifications/notifications.service.ts';
import { professionalRolesIn } from '@server/modules/proposals/proposals.policy.ts';
import { residentGate } from '@server/modules/residents/residents.policy.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError, fieldError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { authorize } from '@server/platform/policy.ts';
import { auditedCriteria } from '@server/platform/search-fingerprint.ts';
import { and, eq } from 'drizzle-orm';
import { presentFollowUp } from './follow-ups.presenter.ts';
import {
  findFollowUp,
  findPlacementForFollowUp,
  listFollowUps,
  loadFollowUpSettings,
  lockFollowUp,
  upsertFollowUpSettings,
} from './follow-ups.repository.ts';

const RETENTION_REQUIRED = 'Vælg, hvor personen er nu: i job, i uddannelse, hverken eller ukendt.';
const TRIAL_REQUIRED = 'Vælg, hvad praktikken førte til: job, uddannelse eller andet.';
const NOT_MEASURED = 'Denne opfølgning måler ikke et udfald. Lad feltet være tomt.';

/**
 * Which outcome fields a check-in must and may carry: a retention outcome at 6 and 12 months,
 * a trial outcome at the end of a trial, neither elsewhere. Field → Danish message, or {}.
 */
export function outcomeErrors(measures: TCheckInMeasure | null, input: TCheckIn): Record<string, string> {
  const fields: Record<string, string> = {};
  const retention = measures === 'retention_6' || measures === 'retention_12';
  const trial = measures === 'trial_outcome';
  if (retention && !input.retentionOutcome) fields.retentionOutcome = RETENTION_REQUIRED;
  if (trial && !input.trialOutcome) fields.trialOutcome = TRIAL_REQUIRED;
  if (!retention && input.retentionOutcome) fields.retentionOutcome = NOT_MEASURED;
  if (!trial && input.trialOutcome) fields.trialOutcome = NOT_MEASURED;
  return fields;
}

/** A check-in is never dated before the placement started (400 at the date field). */
function requireNotBeforeStart(dueDate: string, startDate: string): void {
  if (dueDate < startDate) {
    throw fieldError(
      'dueDate',
      `Datoen kan ikke ligge før ansættelsens start (${formatDanishDate(startDate)}).`,
    );
  }
}

/**
 * Follow-ups after a hire (efterværn, issue 6 item 3): "Mine opfølgninger", check-ins with their
 * outcome, moving a check-in, an extra one, and each partnership's schedules. Casework of the
 * two professional roles on the people they see professionally; a follow-up of anyone else does
 * not exist for the actor (404, audit-logged) and nothing is changed.
 */
export function createFollowUpsService(deps: TAppDeps) {
  const { db, clock } = deps;
  const gate = residentGate(deps);
  const notifications = createNotificationsService(deps);
  const today = () => danishDate(clock.now());

  async function deny(ctx: TRequestContext, details: Record<string, unknown>, entityId?: string) {
    await recordAudit(db, ctx, { action: 'denied', entityType: 'follow_up', entityId, details });
  }

  /**
   * Refuses (404, audit-logged) unless the actor sees the person professionally; a placement
   * recorded without a person is checked by its partnership instead.
   */
  async function checkScope(
    ctx: TRequestContext,
    ref: { residentId: string | null; partnershipId: string | null; municipalityId: string | null },
    action: string,
    entityId: string,
  ): Promise<void> {
    const actor = requireActor(ctx);
    if (ref.residentId) {
      try {
        await gate.seeAsProfessional(ctx, ref.residentId, `follow_up.${action}`);
        return;
      } catch (err) {
        await deny(ctx, { action, reason: 'no_access' }, entityId);
        throw err;
      }
    }
    const inPartnership =
      ref.partnershipId !== null &&
      ref.municipalityId !== null &&
      professionalRolesIn(actor, { partnershipId: ref.partnershipId, municipalityId: ref.municipalityId })
        .length > 0;
    if (!inPartnership) {
      await deny(ctx, { action, reason: 'no_access' }, entityId);
      throw new AppError('NOT_FOUND');
    }
  }

  /** The follow-up, if the actor may work with it (else 404, audit-logged). */
  async function load(ctx: TRequestContext, id: string, action: string) {
    const row = await findFollowUp(db, id);
    if (!row) {
      await deny(ctx, { action, reason: 'not_found' }, id);
      throw new AppError('NOT_FOUND');
    }
    await checkScope(ctx, row, action, id);
    return row;
  }

  async function present(id: string): Promise<TFollowUp> {
    const row = await findFollowUp(db, id);
    if (!row) throw new AppError('NOT_FOUND');
    return presentFollowUp(row, today());
  }

  function notPlanned(state: 'done' | 'cancelled'): AppError {
    return new AppError(
      'CONFLICT',
      state === 'done' ? 'Opfølgningen er allerede registreret.' : 'Opfølgningen er aflyst.',
    );
  }

  async function partnershipOrThrow(ctx: TRequestContext, id: string, action: 'read' | 'update') {
    const p = await findPartnership(db, id);
    if (!p) throw new AppError('NOT_FOUND', 'Partnerskabet findes ikke.');
    await authorize(db, ctx, action, {
      kind: 'follow_up_settings',
      partnershipId: p.id,
      municipalityId: p.municipalityId,
    });
    return p;
  }

  async function settingsView(partnershipId: string): Promise<TFollowUpSettingsView> {
    const stored = await loadFollowUpSettings(db, partnershipId);
    // A stored value that no longer parses (a schema change) falls back to the defaults, as a hire does.
    const settings = (stored && ZFollowUpSettings.safeParse(stored.settings).data) || { schedules: {} };
    return {
      partnershipId,
      settings,
      defaults: Object.fromEntries(
        Object.entries(DEFAULT_FOLLOW_UP_SCHEDULES).map(([type, specs]) => [
          type,
          specs.map((s) => ({ ...s })),
        ]),
      ) as TFollowUpSettingsView['defaults'],
      updatedAt: stored?.updatedAt.toISOString() ?? null,
      updatedByName: stored?.updatedByName ?? null,
    };
  }

  return {
    /** "Mine opfølgninger" (scope 'mine') or every follow-up of the actor's people; the search is logged. */
    async list(ctx: TRequestContext, query: TFollowUpListQuery): Promise<TPage<TFollowUp>> {
      const actor = requireActor(ctx);
      const day = today();
      const page = await listFollowUps(db, actor, day, query);
      await recordAudit(db, ctx, {
        action: 'search',
        entityType: 'follow_up',
        details: {
          criteria: auditedCriteria(deps.config.sessionSecret, {
            q: query.q,
            scope: query.scope,
            state: query.state,
            due: query.due || undefined,
            placementId: query.placementId,
          }),
          resultCount: page.total,
        },
      });
      return { ...page, items: page.items.map((r) => presentFollowUp(r, day)) };
    },

    async get(ctx: TRequestContext, id: string): Promise<TFollowUp> {
      const row = await load(ctx, id, 'read');
      await recordAudit(db, ctx, {
        action: 'read',
        entityType: 'follow_up',
        entityId: id,
        details: { residentId: row.residentId, placementId: row.row.placementId },
      });
      return presentFollowUp(row, today());
    },

    /**
     * Records a check-in (also before its due date): whom they spoke to, how it goes, notes, the
     * action taken and, where the check-in measures one, the outcome. "At risk" opens an
     * escalation, which tells the job consultant and the social worker at once (in-app + e-mail).
     * One transaction; a check-in already recorded or cancelled answers 409.
     */
    async checkIn(ctx: TRequestContext, id: string, input: TCheckIn): Promise<TFollowUp> {
      const actor = requireActor(ctx);
      const current = await load(ctx, id, 'check_in');
      if (current.row.state !== 'planned') throw notPlanned(current.row.state);
      const fields = outcomeErrors(current.row.measures, input);
      if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', undefined, fields);

      const pending: TPendingMails = await db.transaction(async (tx) => {
        const locked = await lockFollowUp(tx, id);
        if (!locked) throw new AppError('NOT_FOUND');
        if (locked.state !== 'planned') throw notPlanned(locked.state);
        const now = clock.now();
        await tx
          .update(followUps)
          .set({
            state: 'done',
            recordedAt: now,
            recordedBy: actor.userId,
            contactedWith: input.contactedWith,
            status: input.status,
            notes: input.notes,
            actionTaken: input.actionTaken,
            retentionOutcome: input.retentionOutcome,
            trialOutcome: input.trialOutcome,
            updatedAt: now,
          })
          .where(eq(followUps.id, id));
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'follow_up',
          entityId: id,
          details: {
            residentId: current.residentId,
            placementId: current.row.placementId,
            key: current.row.key,
            status: input.status,
            retentionOutcome: input.retentionOutcome ?? undefined,
            trialOutcome: input.trialOutcome ?? undefined,
            early: current.row.dueDate > today() || undefined,
          },
        });
        if (input.status !== 'at_risk') return { mailIds: [] };
        const label = checkInLabelDa(current.row.key);
        const opened = await openEscalationInTx(tx, deps, ctx, {
          placementId: current.row.placementId,
          source: 'check_in',
          followUpId: id,
          reason: input.actionTaken
            ? `Opfølgning "${label}": ${CHECK_IN_STATUS_LABEL_DA.at_risk}. Handling: ${input.actionTaken}`
            : `Opfølgning "${label}": ${CHECK_IN_STATUS_LABEL_DA.at_risk}.`,
        });
        return opened.pending;
      });
      await notifications.dispatch(pending);
      return present(id);
    },

    /** Moves a planned check-in to another day, not before the placement started. */
    async reschedule(ctx: TRequestContext, id: string, dueDate: string): Promise<TFollowUp> {
      const current = await load(ctx, id, 'reschedule');
      if (current.row.state !== 'planned') throw notPlanned(current.row.state);
      requireNotBeforeStart(dueDate, current.placementStartDate);
      await db.transaction(async (tx) => {
        const moved = await tx
          .update(followUps)
          .set({ dueDate, updatedAt: clock.now() })
          .where(and(eq(followUps.id, id), eq(followUps.state, 'planned')))
          .returning({ id: followUps.id });
        if (moved.length === 0)
          throw new AppError('CONFLICT', 'Opfølgningen blev ændret samtidig. Prøv igen.');
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'follow_up',
          entityId: id,
          details: {
            residentId: current.residentId,
            placementId: current.row.placementId,
            dueDate: { from: current.row.dueDate, to: dueDate },
          },
        });
      });
      return present(id);
    },

    /** An extra check-in on a placement, for its follow-up owner (else the actor). */
    async create(ctx: TRequestContext, input: TFollowUpCreate): Promise<TFollowUp> {
      const actor = requireActor(ctx);
      const placement = await findPlacementForFollowUp(db, input.placementId);
      if (!placement) {
        await deny(ctx, { action: 'create', placementId: input.placementId, reason: 'not_found' });
        throw new AppError('NOT_FOUND', 'Ansættelsen findes ikke, eller du har ikke adgang til den.');
      }
      await checkScope(ctx, placement, 'create', input.placementId);
      requireNotBeforeStart(input.dueDate, placement.startDate);
      const id = await db.transaction(async (tx) => {
        const now = clock.now();
        const [created] = await tx
          .insert(followUps)
          .values({
            placementId: placement.id,
            key: 'extra',
            dueDate: input.dueDate,
            measures: null,
            state: 'planned',
            assignedTo: placement.followUpOwnerId ?? actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: followUps.id });
        await recordAudit(tx, ctx, {
          action: 'create',
          entityType: 'follow_up',
          entityId: created!.id,
          details: { residentId: placement.residentId, placementId: placement.id, dueDate: input.dueDate },
        });
        return created!.id;
      });
      return present(id);
    },

    /** A partnership's schedules and the defaults (its professionals read, the secretariat too). */
    async settings(ctx: TRequestContext, partnershipId: string): Promise<TFollowUpSettingsView> {
      const p = await partnershipOrThrow(ctx, partnershipId, 'read');
      return settingsView(p.id);
    },

    /** Saves a partnership's schedules (the secretariat); a type left out keeps the default. */
    async saveSettings(
      ctx: TRequestContext,
      partnershipId: string,
      settings: TFollowUpSettings,
    ): Promise<TFollowUpSettingsView> {
      const actor = requireActor(ctx);
      const p = await partnershipOrThrow(ctx, partnershipId, 'update');
      const before = await loadFollowUpSettings(db, p.id);
      await db.transaction(async (tx) => {
        await upsertFollowUpSettings(tx, p.id, settings, actor.userId, clock.now());
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'follow_up_settings',
          entityId: p.id,
          details: { from: before?.settings ?? null, to: settings },
        });
      });
      return settingsView(p.id);
    },
  };
}
export type TFollowUpsService = ReturnType<typeof createFollowUpsService>;
