import type { TPage } from '@domain/common.schema.ts';
import {
  COMPANY_DECLINE_REASON_LABEL_DA,
  type TCompanyDecline,
  type TCompanyOpening,
  type TCompanyOpeningListQuery,
  type TCompanyProposal,
  type TCompanyProposalListQuery,
  type THire,
  type TInterviewInvite,
  type TInterviewOutcomeInput,
} from '@domain/placement.schema.ts';
import { scopeIdsOf } from '@domain/policy.ts';
import { PROPOSAL_STATUS_LABEL_DA, type TProposalStatus } from '@domain/proposal.schema.ts';
import { danishDate, danishLocalToUtc, formatDanishDate } from '@domain/time.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { proposalStatusChanges, proposals, residents } from '@server/db/schema/index.ts';
import type { TNotificationParams } from '@server/modules/notifications/notification-templates.ts';
import {
  createNotificationsService,
  type TPendingMails,
} from '@server/modules/notifications/notifications.service.ts';
import { findOpening } from '@server/modules/openings/openings.repository.ts';
import { advanceOpeningStatus } from '@server/modules/openings/openings.service.ts';
import { recordHireInTx } from '@server/modules/placements/placement-hire.ts';
import { caseContacts } from '@server/modules/proposals/case-contacts.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError, fieldError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { auditedCriteria } from '@server/platform/search-fingerprint.ts';
import { and, eq } from 'drizzle-orm';
import { presentCompanyOpening, presentCompanyProposal, showsCandidate } from './company-portal.presenter.ts';
import {
  findCompanyProposal,
  listCompanyOpenings,
  listCompanyProposals,
  type TCompanyProposalRow,
} from './company-portal.repository.ts';

type TCompanyAnswer = Extract<TNotificationParams, { kind: 'company_answered' }>;

/** What each company move is called in a refusal ("… kan ikke inviteres til samtale …"). */
const MOVE_DA = {
  invite: 'inviteres til samtale',
  record_interview: 'få registreret samtalens udfald',
  hire: 'ansættes',
  decline: 'få et nej',
} as const;
type TMove = keyof typeof MOVE_DA;

/** The statuses each move starts from (domain/proposal.schema.ts PROPOSAL_TRANSITIONS, company side). */
const MOVE_FROM: Record<TMove, readonly TProposalStatus[]> = {
  invite: ['sent_to_company', 'interview'],
  record_interview: ['interview'],
  hire: ['sent_to_company', 'interview'],
  decline: ['sent_to_company', 'interview'],
};

/**
 * The company portal (issue 6 item 1): a company contact sees its own openings with their
 * pipeline and the proposals sent to its company, with the candidate's consented fields only, and
 * answers them: an interview, its outcome, a hire, or a no. A proposal not sent to the contact's
 * company does not exist for it (404, audit-logged); a move from the wrong status changes nothing.
 */
export function createCompanyPortalService(deps: TAppDeps) {
  const { db, clock } = deps;
  const notifications = createNotificationsService(deps);
  const today = () => danishDate(clock.now());

  /** The companies the contact acts for (its company_contact memberships). */
  function companiesOf(ctx: TRequestContext): string[] {
    const ids = scopeIdsOf(requireActor(ctx)).companyIds;
    if (ids.length === 0) throw new AppError('FORBIDDEN');
    return ids;
  }

  async function deny(ctx: TRequestContext, id: string, action: string, reason: string) {
    await recordAudit(db, ctx, {
      action: 'denied',
      entityType: 'proposal',
      entityId: id,
      details: { action, reason, portal: 'company' },
    });
  }

  /** The proposal, if it was sent to one of the contact's companies; else 404 (logged). */
  async function load(tx: TDbOrTx, ctx: TRequestContext, id: string, action: string) {
    const row = await findCompanyProposal(tx, companiesOf(ctx), today(), id);
    if (!row) {
      const [exists] = await db
        .select({ companyId: proposals.companyId })
        .from(proposals)
        .where(eq(proposals.id, id));
      const mine = exists && companiesOf(ctx).includes(exists.companyId);
      await deny(ctx, id, action, !exists ? 'not_found' : mine ? 'not_sent_to_company' : 'other_company');
      throw new AppError('NOT_FOUND', 'Forslaget findes ikke, eller det er ikke sendt til jeres virksomhed.');
    }
    return row;
  }

  /** 409 unless the move may start from the proposal's status; the message names the status. */
  function requireFrom(row: TCompanyProposalRow, move: TMove) {
    const status = row.row.status;
    if (!MOVE_FROM[move].includes(status)) {
      throw new AppError(
        'CONFLICT',
        `Kandidaten kan ikke ${MOVE_DA[move]}, når forslaget har status "${PROPOSAL_STATUS_LABEL_DA[status]}".`,
      );
    }
  }

  /**
   * Tells the company's answer to the proposer and the person's responsible job consultant and
   * social worker (else the opening's, else the partnership's).
   */
  async function tellProfessionals(
    tx: TDbOrTx,
    ctx: TRequestContext,
    row: TCompanyProposalRow,
    answer: TCompanyAnswer['answer'],
    interview?: Pick<TCompanyAnswer, 'interviewDate' | 'interviewTime'>,
  ): Promise<TPendingMails> {
    const opening = await findOpening(tx, row.row.openingId);
    if (!opening) return { mailIds: [] };
    const [person] = await tx
      .select({
        social_worker: residents.responsibleSocialWorkerId,
        job_consultant: residents.responsibleJobConsultantId,
      })
      .from(residents)
      .where(eq(residents.id, row.row.residentId));
    const contacts = await caseContacts(
      tx,
      {
        id: opening.row.id,
        partnershipId: opening.row.partnershipId,
        municipalityId: opening.municipalityId,
      },
      person ?? { social_worker: null, job_consultant: null },
    );
    const actorId = requireActor(ctx).userId;
    const recipients = [row.row.proposedBy, ...contacts.job_consultant, ...contacts.social_worker].filter(
      (u): u is string => u !== null && u !== actorId,
    );
    return notifications.notify(tx, {
      recipientIds: recipients,
      params: {
        kind: 'company_answered',
        openingTitle: row.openingTitle,
        companyName: opening.companyName,
        answer,
        ...interview,
      },
      link: `/proposals/${row.row.id}`,
      entity: { type: 'proposal', id: row.row.id },
    });
  }

  /** Moves the proposal's status (only from the status read), with its history row. */
  async function moveStatus(
    tx: TDbOrTx,
    ctx: TRequestContext,
    row: TCompanyProposalRow,
    to: TProposalStatus,
    set: Partial<typeof proposals.$inferInsert>,
    note: string | null,
  ) {
    const now = clock.now();
    const from = row.row.status;
    const updated = await tx
      .update(proposals)
      .set({ ...set, status: to, updatedAt: now })
      .where(and(eq(proposals.id, row.row.id), eq(proposals.status, from)))
      .returning({ id: proposals.id });
    if (updated.length === 0) throw new AppError('CONFLICT', 'Forslaget blev ændret samtidig. Prøv igen.');
    await tx.insert(proposalStatusChanges).values({
      proposalId: row.row.id,
      fromStatus: from,
      toStatus: to,
      byUserId: requireActor(ctx).userId,
      at: now,
      note,
    });
  }

  async function detail(ctx: TRequestContext, id: string): Promise<TCompanyProposal> {
    return presentCompanyProposal(await load(db, ctx, id, 'read'));
  }

  /** Runs a company move in one transaction, then hands its mails to the queue. */
  async function act(
    ctx: TRequestContext,
    id: string,
    move: TMove,
    work: (tx: TDbOrTx, row: TCompanyProposalRow) => Promise<TPendingMails>,
  ): Promise<TCompanyProposal> {
    const pending = await db.transaction(async (tx) => {
      const row = await load(tx, ctx, id, move);
      requireFrom(row, move);
      return work(tx, row);
    });
    await notifications.dispatch(pending);
    return detail(ctx, id);
  }

  return {
    /** The company's own openings with how far their proposals have come. */
    async openings(ctx: TRequestContext, query: TCompanyOpeningListQuery): Promise<TPage<TCompanyOpening>> {
      const page = await listCompanyOpenings(db, companiesOf(ctx), query);
      return { ...page, items: page.items.map(presentCompanyOpening) };
    },

    /** The proposals sent to the company; the people shown are logged by id. */
    async list(ctx: TRequestContext, query: TCompanyProposalListQuery): Promise<TPage<TCompanyProposal>> {
      const page = await listCompanyProposals(db, companiesOf(ctx), today(), query);
      const shown = page.items.filter(showsCandidate).map((r) => r.row.residentId);
      await recordAudit(db, ctx, {
        action: 'search',
        entityType: 'proposal',
        details: {
          portal: 'company',
          criteria: auditedCriteria(deps.config.sessionSecret, {
            q: query.q,
            openingId: query.openingId,
            status: query.status,
          }),
          resultCount: page.total,
          residentIds: shown,
        },
      });
      return { ...page, items: page.items.map(presentCompanyProposal) };
    },

    async get(ctx: TRequestContext, id: string): Promise<TCompanyProposal> {
      const row = await load(db, ctx, id, 'read');
      await recordAudit(db, ctx, {
        action: 'read',
        entityType: 'proposal',
        entityId: id,
        details: { portal: 'company', residentId: row.row.residentId, candidateShown: showsCandidate(row) },
      });
      return presentCompanyProposal(row);
    },

    /**
     * Invites the candidate to an interview at a Danish date and time (stored as the UTC instant),
     * or moves the time of one already agreed. The opening moves on to "interviewing".
     */
    invite(ctx: TRequestContext, id: string, input: TInterviewInvite): Promise<TCompanyProposal> {
      return act(ctx, id, 'invite', async (tx, row) => {
        if (!showsCandidate(row)) {
          throw new AppError(
            'CONFLICT',
            'Kandidaten kan ikke inviteres: Beboeren har ikke længere samtykke til at blive vist for virksomheder.',
          );
        }
        if (input.date < today()) throw fieldError('date', 'Datoen for samtalen ligger i fortiden.');
        const at = danishLocalToUtc(input.date, input.time);
        const when = `${formatDanishDate(input.date)} kl. ${input.time.replace(':', '.')}`;
        const moved = row.row.status === 'interview';
        await moveStatus(
          tx,
          ctx,
          row,
          'interview',
          {
            interviewAt: at,
            interviewLocation: input.location,
            interviewNote: input.note,
            // A new time is a new interview: its outcome is still to come.
            interviewOutcome: null,
            interviewOutcomeNote: null,
          },
          moved ? `Samtalen er flyttet til ${when}.` : `Inviteret til samtale ${when}.`,
        );
        const opening = await findOpening(tx, row.row.openingId);
        if (opening) {
          await advanceOpeningStatus(
            tx,
            ctx,
            opening.row.id,
            opening.row.status,
            'interviewing',
            'Virksomheden har inviteret en kandidat til samtale.',
          );
        }
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'proposal',
          entityId: id,
          details: {
            residentId: row.row.residentId,
            status: { from: row.row.status, to: 'interview' },
            interviewAt: at.toISOString(),
          },
        });
        return tellProfessionals(tx, ctx, row, 'interview', {
          interviewDate: input.date,
          interviewTime: input.time,
        });
      });
    },

    /** How the interview went (the status stays "interview" until a hire or a no). */
    recordOutcome(
      ctx: TRequestContext,
      id: string,
      input: TInterviewOutcomeInput,
    ): Promise<TCompanyProposal> {
      return act(ctx, id, 'record_interview', async (tx, row) => {
        const updated = await tx
          .update(proposals)
          .set({ interviewOutcome: input.outcome, interviewOutcomeNote: input.note, updatedAt: clock.now() })
          .where(and(eq(proposals.id, id), eq(proposals.status, 'interview')))
          .returning({ id: proposals.id });
        if (updated.length === 0)
          throw new AppError('CONFLICT', 'Forslaget blev ændret samtidig. Prøv igen.');
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'proposal',
          entityId: id,
          details: { residentId: row.row.residentId, interviewOutcome: input.outcome },
        });
        return tellProfessionals(tx, ctx, row, 'interview_outcome');
      });
    },

    /** The company's no, with a structured reason: it feeds the matching rule on recent declines. */
    decline(ctx: TRequestContext, id: string, input: TCompanyDecline): Promise<TCompanyProposal> {
      return act(ctx, id, 'decline', async (tx, row) => {
        const now = clock.now();
        const label = COMPANY_DECLINE_REASON_LABEL_DA[input.reason];
        await moveStatus(
          tx,
          ctx,
          row,
          'company_declined',
          {
            companyDeclinedAt: now,
            companyDeclineReason: input.reason,
            companyDeclineText: input.text,
            closedAt: now,
          },
          input.text ? `${label}: ${input.text}` : label,
        );
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'proposal',
          entityId: id,
          details: {
            residentId: row.row.residentId,
            status: { from: row.row.status, to: 'company_declined' },
            reason: input.reason,
          },
        });
        return tellProfessionals(tx, ctx, row, 'declined');
      });
    },

    /**
     * The hire: the placement, its follow-up plan and every status that follows, in one
     * transaction (placement-hire.ts); the job consultant and social worker are told.
     */
    hire(ctx: TRequestContext, id: string, input: THire): Promise<TCompanyProposal> {
      return act(ctx, id, 'hire', async (tx, row) => {
        const { pending } = await recordHireInTx(tx, deps, ctx, {
          openingId: row.row.openingId,
          residentId: row.row.residentId,
          proposalId: row.row.id,
          hire: input,
        });
        return pending;
      });
    },
  };
}
export type TCompanyPortalService = ReturnType<typeof createCompanyPortalService>;
