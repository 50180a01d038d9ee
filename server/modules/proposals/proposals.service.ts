import type { TPage } from '@domain/common.schema.ts';
import { exclusionsFor } from '@domain/matching/hard-filters.ts';
import { scorePair, scoreSnapshotOf } from '@domain/matching/match.ts';
import { pairKey, type TMatchContext } from '@domain/matching/match-inputs.ts';
import { OPENING_STATUS_LABEL_DA } from '@domain/opening.schema.ts';
import {
  PROPOSAL_STATUS_LABEL_DA,
  proposalTransitionSide,
  type TProposalCreate,
  type TProposalDetail,
  type TProposalListItem,
  type TProposalListQuery,
  type TProposalSource,
  type TProposalStatus,
} from '@domain/proposal.schema.ts';
import { danishDate } from '@domain/time.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { openings, proposalStatusChanges, proposals, users } from '@server/db/schema/index.ts';
import { companyContactIds } from '@server/modules/company-portal/company-portal.repository.ts';
import {
  loadAreaNames,
  loadMatchOpenings,
  loadMatchResidents,
  loadMatchSettings,
  MATCHABLE_OPENING_STATUSES,
  proposedOpeningIds,
  recentDeclines,
} from '@server/modules/matching/match-data.repository.ts';
import {
  createNotificationsService,
  type TPendingMails,
} from '@server/modules/notifications/notifications.service.ts';
import { findOpening, type TOpeningRow } from '@server/modules/openings/openings.repository.ts';
import { advanceOpeningStatus } from '@server/modules/openings/openings.service.ts';
import { residentGate } from '@server/modules/residents/residents.policy.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { auditedCriteria } from '@server/platform/search-fingerprint.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { caseContacts, type TCaseRole } from './case-contacts.ts';
import { isProfessional, professionalRolesIn } from './proposals.policy.ts';
import { presentProposalDetail, presentProposalListItem } from './proposals.presenter.ts';
import { findProposal, listProposals, lockPair, proposalHistory } from './proposals.repository.ts';

/** Where a proposal comes from: one at a time, or a line of an allocation plan. */
export interface TProposalOrigin {
  source: TProposalSource;
  allocationLineId: string | null;
}

const OPENING_NOT_FOUND = 'Jobåbningen findes ikke, eller du har ikke adgang til den.';

/** "Har ikke givet samtykke …; Er 15 år …." from the failing hard filters. */
function exclusionMessage(messages: string[]): string {
  return `Beboeren kan ikke foreslås: ${messages.map((m) => m.replace(/\.$/, '')).join('; ')}.`;
}

/**
 * Proposals (issue 5 item 5): a job consultant or social worker puts a resident forward for an
 * opening, after the hard filters and the limits are checked again on fresh data in the same
 * transaction; the resident's yes is recorded before anything reaches the company.
 */
export function createProposalsService(deps: TAppDeps) {
  const { db, clock } = deps;
  const gate = residentGate(deps);
  const notifications = createNotificationsService(deps);
  const today = () => danishDate(clock.now());

  async function deny(ctx: TRequestContext, details: Record<string, unknown>, entityId?: string) {
    await recordAudit(db, ctx, { action: 'denied', entityType: 'proposal', entityId, details });
  }

  /** The opening, if the actor works with its partnership as a professional (else 404, logged). */
  async function openingFor(tx: TDbOrTx, ctx: TRequestContext, openingId: string) {
    const actor = requireActor(ctx);
    const opening = await findOpening(tx, openingId);
    const roles = opening
      ? professionalRolesIn(actor, {
          partnershipId: opening.row.partnershipId,
          municipalityId: opening.municipalityId,
        })
      : [];
    if (!opening || roles.length === 0) {
      await deny(ctx, { action: 'create', openingId, reason: opening ? 'no_access' : 'not_found' });
      throw new AppError('NOT_FOUND', OPENING_NOT_FOUND);
    }
    return { opening, roles };
  }

  /** Who on the other professional side hears of a proposal (see caseContacts), never the proposer. */
  async function otherSide(
    tx: TDbOrTx,
    actorId: string,
    opening: TOpeningRow,
    roles: TCaseRole[],
    responsible: Record<TCaseRole, string | null>,
  ): Promise<string[]> {
    const wanted = (['social_worker', 'job_consultant'] as const).filter(
      (r) => !roles.includes(r) || roles.length === 2,
    );
    const contacts = await caseContacts(
      tx,
      {
        id: opening.row.id,
        partnershipId: opening.row.partnershipId,
        municipalityId: opening.municipalityId,
      },
      responsible,
      wanted,
    );
    return [...new Set(wanted.flatMap((r) => contacts[r]))].filter((id) => id !== actorId);
  }

  /**
   * Proposes the resident for the opening inside the caller's transaction: the checks, the
   * proposal with its score snapshot and first history row, the opening's time to first proposal
   * and status, the audit event and the in-app notice to the other side. An allocation plan's
   * accepted line comes through here too, so a line that has gone stale is refused the same way.
   */
  async function proposeInTx(
    tx: TDbOrTx,
    ctx: TRequestContext,
    input: TProposalCreate,
    origin: TProposalOrigin,
  ): Promise<{ id: string; pending: TPendingMails }> {
    const actor = requireActor(ctx);
    if (!isProfessional(actor)) {
      await deny(ctx, { action: 'create', reason: 'not_professional' });
      throw new AppError('FORBIDDEN');
    }
    const { opening, roles } = await openingFor(tx, ctx, input.openingId);
    const seen = await gate.seeAsProfessional(ctx, input.residentId, 'propose');
    const status = opening.row.status;
    if (!MATCHABLE_OPENING_STATUSES.includes(status)) {
      throw new AppError(
        'CONFLICT',
        `Jobåbningen søger ikke kandidater (status "${OPENING_STATUS_LABEL_DA[status]}").`,
      );
    }
    await lockPair(tx, input.openingId, input.residentId);

    // Fresh data, read after the locks: the index may be a request behind, the database is not.
    const day = today();
    const [matchOpening] = await loadMatchOpenings(tx, [input.openingId]);
    const [matchResident] = await loadMatchResidents(tx, day, [input.residentId]);
    if (!matchOpening || !matchResident) throw new AppError('NOT_FOUND');
    const settings = await loadMatchSettings(tx, opening.row.partnershipId);
    const context: TMatchContext = {
      today: day,
      settings,
      proposedPairs: new Set(
        (await proposedOpeningIds(tx, input.residentId)).map((o) => pairKey(input.residentId, o)),
      ),
      declines: await recentDeclines(tx, day, settings.declineQuarantineMonths, {
        residentId: input.residentId,
      }),
      areaNames: await loadAreaNames(tx),
    };
    const exclusions = exclusionsFor(matchResident.match, matchOpening.match, context);
    if (exclusions.some((e) => e.code === 'already_proposed')) throw new AppError('ALREADY_PROPOSED');
    if (exclusions.length > 0) {
      throw new AppError('MATCH_EXCLUDED', exclusionMessage(exclusions.map((e) => e.message)));
    }
    const k = settings.maxActiveProposalsPerResident;
    const n = settings.maxActiveProposalsPerOpening;
    if (matchResident.match.activeProposals >= k) {
      throw new AppError(
        'PROPOSAL_LIMIT',
        `Beboeren har allerede ${matchResident.match.activeProposals} aktive forslag – højst ${k} ad gangen.`,
      );
    }
    if (matchOpening.match.activeProposals >= n) {
      throw new AppError(
        'PROPOSAL_LIMIT',
        `Jobåbningen har allerede ${matchOpening.match.activeProposals} aktive forslag – højst ${n} ad gangen.`,
      );
    }

    const match = scorePair(matchResident.match, matchOpening.match, context);
    const snapshot = scoreSnapshotOf(match);
    const now = clock.now();
    const [created] = await tx
      .insert(proposals)
      .values({
        partnershipId: opening.row.partnershipId,
        openingId: input.openingId,
        residentId: input.residentId,
        companyId: opening.row.companyId,
        occupationId: opening.row.occupationId,
        status: 'awaiting_resident',
        source: origin.source,
        allocationLineId: origin.allocationLineId,
        score: match.score,
        scoreSnapshot: snapshot,
        note: input.note ?? null,
        proposedBy: actor.userId,
        proposedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: proposals.id });
    const id = created!.id;
    await tx.insert(proposalStatusChanges).values({
      proposalId: id,
      fromStatus: null,
      toStatus: 'awaiting_resident',
      byUserId: actor.userId,
      at: now,
      note: input.note ?? null,
    });

    // Time to first proposal (issue 5 item 5), and the opening moves on to "proposals".
    await tx
      .update(openings)
      .set({ firstProposalAt: now })
      .where(and(eq(openings.id, input.openingId), isNull(openings.firstProposalAt)));
    await advanceOpeningStatus(
      tx,
      ctx,
      input.openingId,
      status,
      'proposals',
      'Første kandidat er foreslået.',
    );

    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'proposal',
      entityId: id,
      details: {
        residentId: input.residentId,
        openingId: input.openingId,
        source: origin.source,
        score: Math.round(match.score * 1000) / 1000,
      },
    });

    const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
    const recipients = await otherSide(tx, actor.userId, opening, roles, {
      social_worker: seen.resident.row.responsibleSocialWorkerId,
      job_consultant: seen.resident.row.responsibleJobConsultantId,
    });
    const pending = await notifications.notify(tx, {
      recipientIds: recipients,
      params: {
        kind: 'proposal_made',
        openingTitle: opening.row.title,
        companyName: opening.companyName,
        proposedByName: me?.name ?? '',
      },
      link: `/proposals/${id}`,
      entity: { type: 'proposal', id },
      email: false,
    });
    return { id, pending };
  }

  /** The proposal, if the actor sees its person professionally and works with its partnership. */
  async function load(ctx: TRequestContext, id: string, action: string) {
    const actor = requireActor(ctx);
    const row = await findProposal(db, id);
    const ref = row && { partnershipId: row.row.partnershipId, municipalityId: row.municipalityId };
    if (!row || !ref || professionalRolesIn(actor, ref).length === 0) {
      await deny(ctx, { action, reason: row ? 'no_access' : 'not_found' }, id);
      throw new AppError('NOT_FOUND');
    }
    await gate.seeAsProfessional(ctx, row.row.residentId, action);
    return row;
  }

  async function detail(id: string): Promise<TProposalDetail> {
    const row = await findProposal(db, id);
    if (!row) throw new AppError('NOT_FOUND');
    return presentProposalDetail(row, await proposalHistory(db, id));
  }

  return {
    proposeInTx,

    async create(ctx: TRequestContext, input: TProposalCreate): Promise<TProposalDetail> {
      const { id, pending } = await db.transaction((tx) =>
        proposeInTx(tx, ctx, input, { source: 'manual', allocationLineId: null }),
      );
      await notifications.dispatch(pending);
      return detail(id);
    },

    /** The proposals of the people the actor sees professionally; the search is logged. */
    async list(ctx: TRequestContext, query: TProposalListQuery): Promise<TPage<TProposalListItem>> {
      const actor = requireActor(ctx);
      const { openingId, residentId, status, active } = query;
      const page = await listProposals(db, actor, today(), query, { openingId, residentId, status, active });
      await recordAudit(db, ctx, {
        action: 'search',
        entityType: 'proposal',
        details: {
          criteria: auditedCriteria(deps.config.sessionSecret, {
            q: query.q,
            openingId,
            residentId,
            status,
            active,
          }),
          resultCount: page.total,
        },
      });
      return { ...page, items: page.items.map(presentProposalListItem) };
    },

    async get(ctx: TRequestContext, id: string): Promise<TProposalDetail> {
      const row = await load(ctx, id, 'read');
      await recordAudit(db, ctx, {
        action: 'read',
        entityType: 'proposal',
        entityId: id,
        details: { residentId: row.row.residentId },
      });
      return presentProposalDetail(row, await proposalHistory(db, id));
    },

    /**
     * Moves the proposal along the professional side of the table: the resident's yes or no,
     * "send to company" (only after a yes, and only while consent (b) holds), withdraw. An
     * invalid move changes nothing and answers 409.
     */
    async transition(
      ctx: TRequestContext,
      id: string,
      to: TProposalStatus,
      note: string | null,
    ): Promise<TProposalDetail> {
      const actor = requireActor(ctx);
      const current = await load(ctx, id, 'update');
      const from = current.row.status;
      if (proposalTransitionSide(from, to) !== 'professional') {
        throw new AppError(
          'CONFLICT',
          `Forslaget kan ikke skifte fra "${PROPOSAL_STATUS_LABEL_DA[from]}" til "${PROPOSAL_STATUS_LABEL_DA[to]}".`,
          { to: 'Ikke tilladt fra den nuværende status.' },
        );
      }
      const pending = await db.transaction(async (tx) => {
        if (to === 'sent_to_company') {
          // The company may see the profile only with an active consent (b) on the day.
          const [person] = await loadMatchResidents(tx, today(), [current.row.residentId]);
          if (!person?.match.consentToMatch) {
            throw new AppError(
              'MATCH_EXCLUDED',
              'Kan ikke sendes: Beboeren har ikke et gyldigt samtykke til at blive foreslået til virksomheder.',
            );
          }
        }
        const now = clock.now();
        const answered = to === 'resident_agreed' || to === 'resident_declined';
        const updated = await tx
          .update(proposals)
          .set({
            status: to,
            updatedAt: now,
            ...(answered ? { residentAnsweredAt: now, residentAnswerRecordedBy: actor.userId } : {}),
            ...(to === 'sent_to_company' ? { sentToCompanyAt: now, sentBy: actor.userId } : {}),
            ...(to === 'resident_declined' || to === 'withdrawn' ? { closedAt: now, closeNote: note } : {}),
          })
          .where(and(eq(proposals.id, id), eq(proposals.status, from)))
          .returning({ id: proposals.id });
        if (updated.length === 0)
          throw new AppError('CONFLICT', 'Forslaget blev ændret samtidig. Prøv igen.');
        await tx
          .insert(proposalStatusChanges)
          .values({ proposalId: id, fromStatus: from, toStatus: to, byUserId: actor.userId, at: now, note });
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'proposal',
          entityId: id,
          details: { residentId: current.row.residentId, status: { from, to } },
        });
        if (to !== 'sent_to_company') return { mailIds: [] };
        // The company's contacts hear at once that a candidate is waiting for them (issue 6).
        return notifications.notify(tx, {
          recipientIds: await companyContactIds(tx, current.row.companyId),
          params: { kind: 'proposal_sent_to_company', openingTitle: current.openingTitle },
          link: `/company/proposals/${id}`,
          entity: { type: 'proposal', id },
        });
      });
      await notifications.dispatch(pending);
      return detail(id);
    },
  };
}
export type TProposalsService = ReturnType<typeof createProposalsService>;
