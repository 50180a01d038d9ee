import type { TPage } from '@domain/common.schema.ts';
import { residentAccess } from '@domain/resident-access.ts';
import {
  confirmsFullName,
  mentionsPerson,
  RETENTION_NOTICE_MONTHS,
  type TErasedResident,
  type TResidentErase,
  type TResidentHistoryEvent,
  type TRetentionPage,
} from '@domain/resident-rights.schema.ts';
import { addMonths, danishDate, daysBetween } from '@domain/time.ts';
import { cvMetaOf } from '@server/modules/residents/cv.repository.ts';
import { residentGate } from '@server/modules/residents/residents.policy.ts';
import {
  consentState,
  consentsOf,
  findResident,
  notesOf,
  scopeOf,
  screeningsOf,
} from '@server/modules/residents/residents.repository.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { loadMemberships } from '@server/platform/auth/actor.repository.ts';
import { AppError, fieldError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { authorize } from '@server/platform/policy.ts';
import { erasedRefFingerprint } from '@server/platform/search-fingerprint.ts';
import { renderAccessReportPdf } from './resident-rights.pdf.ts';
import {
  buildResidentExport,
  presentHistoryEvent,
  type TResidentExport,
} from './resident-rights.presenter.ts';
import {
  anonymiseResident,
  dueForAnonymisation,
  importsByIds,
  placementsOf,
  placeNames,
  proposalsOf,
  residentAccessEvents,
  residentEntityIds,
  residentEventsPage,
  retentionDuePage,
  type TEventRow,
} from './resident-rights.repository.ts';

export const RETENTION_JOB = 'residents.retention';
const RETENTION_BATCH = 200;

/** The organisations of the users behind some events (their memberships now). */
async function membershipsOf(deps: Pick<TAppDeps, 'db'>, events: TEventRow[]) {
  const ids = [...new Set(events.map((e) => e.userId).filter((u): u is string => u !== null))];
  return loadMemberships(deps.db, ids);
}

/**
 * The data subject's rights (issue 4 item 5): the access export as JSON or PDF, the erasure, the
 * person's history, and the retention rule. Export and erasure are handled by the side that holds
 * the person or the secretariat (mayHandleRightsRequest), whatever the consents say; every one
 * of them is audit-logged, a refusal too.
 */
export function createResidentRightsService(deps: TAppDeps) {
  const { db, clock, config } = deps;
  const { today, denied } = residentGate(deps);

  /** The person for a rights request: 404 when they do not exist for the actor, 403 when only seen. */
  async function forRightsRequest(ctx: TRequestContext, id: string, action: string) {
    const actor = requireActor(ctx);
    const resident = await findResident(db, id);
    if (!resident) {
      await denied(ctx, id, action, 'not_found');
      throw new AppError('NOT_FOUND');
    }
    const consents = await consentsOf(db, [id]);
    const access = residentAccess(actor, scopeOf(resident), consents.map(consentState), today());
    if (!access.handlesRights) {
      await denied(ctx, id, action, access.view ? 'not_rights_handler' : 'no_access');
      throw new AppError(access.view ? 'FORBIDDEN' : 'NOT_FOUND');
    }
    return { resident, consents, access };
  }

  async function buildExport(id: string, resident: Awaited<ReturnType<typeof forRightsRequest>>['resident']) {
    const now = clock.now();
    const entityIds = await residentEntityIds(db, id);
    const [consents, screenings, notes, cv, places, events, proposals, placements] = await Promise.all([
      consentsOf(db, [id]),
      screeningsOf(db, id),
      notesOf(db, id),
      cvMetaOf(db, id),
      placeNames(db, resident.row),
      residentAccessEvents(db, entityIds),
      proposalsOf(db, id),
      placementsOf(db, id),
    ]);
    // A list import names itself on the events it wrote about the person (details.importId).
    const importIds = [
      ...new Set(events.map((e) => e.details?.importId).filter((v): v is string => typeof v === 'string')),
    ];
    return buildResidentExport({
      resident,
      consents,
      screenings,
      notes,
      cv,
      proposals,
      placements,
      places,
      imports: await importsByIds(db, importIds),
      events,
      memberships: await membershipsOf(deps, events),
      now,
      today: danishDate(now),
    });
  }

  return {
    /**
     * Everything Jobbro holds about the person, with every access to it (date, purpose,
     * organisation; no staff names), as JSON or a PDF. The export itself is logged.
     */
    async export(
      ctx: TRequestContext,
      id: string,
      format: 'json' | 'pdf',
    ): Promise<{ json: TResidentExport; pdf: Buffer | null }> {
      const { resident } = await forRightsRequest(ctx, id, 'export');
      const json = await buildExport(id, resident);
      const pdf = format === 'pdf' ? await renderAccessReportPdf(json) : null;
      await recordAudit(db, ctx, {
        action: 'export',
        entityType: 'resident',
        entityId: id,
        details: { format },
      });
      return { json, pdf };
    },

    /**
     * Erases the person (GDPR art. 17): anonymised in place, irreversibly, in one transaction
     * with its audit event. The typed full name must match; a reason naming the person is refused,
     * since the audit log keeps it for good.
     */
    async erase(ctx: TRequestContext, id: string, body: TResidentErase): Promise<TErasedResident> {
      const { resident, access } = await forRightsRequest(ctx, id, 'erase');
      const p = resident.row;
      if (!confirmsFullName(body.confirmName, p.firstName, p.lastName)) {
        throw fieldError(
          'confirmName',
          'Navnet passer ikke. Skriv personens fulde navn, som det står i profilen.',
        );
      }
      if (body.reason && mentionsPerson(body.reason, p)) {
        throw fieldError('reason', 'Begrundelsen må ikke indeholde personens navn eller kontaktoplysninger.');
      }
      const now = clock.now();
      const erased = await db.transaction(async (tx) => {
        const done = await anonymiseResident(tx, id, 'erasure', now, (ref) =>
          erasedRefFingerprint(deps.config.sessionSecret, ref),
        );
        if (!done) throw new AppError('NOT_FOUND');
        await recordAudit(tx, ctx, {
          action: 'erase',
          entityType: 'resident',
          entityId: id,
          details: {
            reason: 'erasure',
            basis: access.view ? access.basis : 'administration',
            ...(body.reason ? { note: body.reason } : {}),
          },
        });
        return done;
      });
      return {
        id: erased.id,
        anonymisedAt: erased.anonymisedAt.toISOString(),
        anonymisedReason: erased.anonymisedReason,
      };
    },

    /**
     * The person's audit trail, newest first, with staff names (professionals inside Jobbro):
     * for the professional view and for whoever handles the person's rights. The read is logged.
     */
    async history(
      ctx: TRequestContext,
      id: string,
      query: { page: number; pageSize: number },
    ): Promise<TPage<TResidentHistoryEvent>> {
      const actor = requireActor(ctx);
      const resident = await findResident(db, id);
      const access = resident
        ? residentAccess(actor, scopeOf(resident), (await consentsOf(db, [id])).map(consentState), today())
        : null;
      if (!access || !(access.view === 'professional' || access.handlesRights)) {
        await denied(
          ctx,
          id,
          'read',
          access?.view ? 'no_history_view' : resident ? 'no_access' : 'not_found',
        );
        throw new AppError(access?.view ? 'FORBIDDEN' : 'NOT_FOUND');
      }
      await recordAudit(db, ctx, {
        action: 'read',
        entityType: 'resident',
        entityId: id,
        details: { basis: access.view ? access.basis : 'administration', part: 'history' },
      });
      const page = await residentEventsPage(db, await residentEntityIds(db, id), query);
      const memberships = await membershipsOf(deps, page.items);
      return { ...page, items: page.items.map((e) => presentHistoryEvent(e, memberships)) };
    },

    /**
     * Who the retention rule anonymises within the next month (overdue first), for the
     * secretariat; the route admits admins only. The look-up is logged as a search.
     */
    async retentionList(
      ctx: TRequestContext,
      query: { page: number; pageSize: number },
    ): Promise<TRetentionPage> {
      await authorize(db, ctx, 'list', { kind: 'resident_retention' });
      const day = today();
      const until = addMonths(day, RETENTION_NOTICE_MONTHS);
      const months = config.residentRetentionMonths;
      const page = await retentionDuePage(db, months, until, query);
      await recordAudit(db, ctx, {
        action: 'search',
        entityType: 'resident',
        details: { criteria: { retentionDueBy: until, months }, resultCount: page.total },
      });
      return {
        ...page,
        months,
        items: page.items.map((r) => ({
          ...r,
          lastActivityAt: r.lastActivityAt.toISOString(),
          daysLeft: Math.max(0, daysBetween(day, r.dueOn)),
        })),
      };
    },
  };
}

/**
 * The nightly retention job: anonymises everyone whose last activity is N months old (the
 * Copenhagen day), each in its own transaction with an audit event by the system. Idempotent:
 * an anonymised person is never picked again. Returns how many were anonymised.
 */
export async function runResidentRetention(deps: Pick<TAppDeps, 'db' | 'clock' | 'config'>): Promise<number> {
  const now = deps.clock.now();
  const day = danishDate(now);
  const ctx: TRequestContext = {
    actor: null,
    requestId: `job:${RETENTION_JOB}`,
    ip: null,
    clock: deps.clock,
  };
  let count = 0;
  for (;;) {
    const ids = await dueForAnonymisation(deps.db, deps.config.residentRetentionMonths, day, RETENTION_BATCH);
    for (const id of ids) {
      const done = await deps.db.transaction(async (tx) => {
        const erased = await anonymiseResident(tx, id, 'retention', now);
        if (!erased) return false;
        await recordAudit(tx, ctx, {
          action: 'erase',
          entityType: 'resident',
          entityId: id,
          details: { reason: 'retention', months: deps.config.residentRetentionMonths },
        });
        return true;
      });
      if (done) count++;
    }
    if (ids.length < RETENTION_BATCH) return count;
  }
}
