import type { TListQuery, TPage } from '@domain/common.schema.ts';
import {
  canTransition,
  isFinalStatus,
  OPENING_STATUS_LABEL_DA,
  type TOpening,
  type TOpeningDetail,
  type TOpeningInput,
  type TOpeningListItem,
  type TOpeningStatus,
  ZOpeningFields,
  ZOpeningInput,
} from '@domain/opening.schema.ts';
import { OPENING_TYPE_INFO } from '@domain/opening-types.ts';
import type { TActor, TResource } from '@domain/policy.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  companyPartnerships,
  housingAreas,
  openingReferrals,
  openingStatusChanges,
  openings,
  partnerships,
} from '@server/db/schema/index.ts';
import { findCompany } from '@server/modules/companies/companies.repository.ts';
import {
  createNotificationsService,
  type TPendingMails,
} from '@server/modules/notifications/notifications.service.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError, fieldsFromIssues } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { TRequestContext } from '@server/platform/http/request-context.ts';
import { authorize } from '@server/platform/policy.ts';
import { and, eq } from 'drizzle-orm';
import { presentOpening, presentOpeningDetail, presentOpeningListItem } from './openings.presenter.ts';
import {
  findOpening,
  listOpenings,
  referralRecipients,
  referralsOf,
  statusHistory,
  type TOpeningFilters,
  type TOpeningRow,
} from './openings.repository.ts';

function resourceOf(r: TOpeningRow): Extract<TResource, { kind: 'opening' }> {
  return {
    kind: 'opening',
    id: r.row.id,
    partnershipId: r.row.partnershipId,
    municipalityId: r.municipalityId,
    companyId: r.row.companyId,
    housingOrganisationId: r.row.housingOrganisationId,
  };
}

const invalid = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', undefined, { [field]: message });

/**
 * Openings and the instant dual referral (seed 001): creating an opening notifies the job
 * consultant(s) and housing social worker(s) of its partnership in the same transaction.
 */
export function createOpeningsService(deps: TAppDeps) {
  const { db, clock } = deps;
  const notifications = createNotificationsService(deps);

  async function load(tx: TDbOrTx, id: string): Promise<TOpeningRow> {
    const row = await findOpening(tx, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  /** The opening's partnership: given, else the creator's, else the company's only one. */
  async function resolvePartnership(tx: TDbOrTx, actor: TActor, input: TOpeningInput) {
    const linked = await tx
      .select({ id: partnerships.id, municipalityId: partnerships.municipalityId })
      .from(companyPartnerships)
      .innerJoin(partnerships, eq(partnerships.id, companyPartnerships.partnershipId))
      .where(eq(companyPartnerships.companyId, input.companyId));
    const own = actor.memberships.map((m) => m.partnershipId).filter((p): p is string => p !== null);
    const ownMunicipalities = actor.memberships
      .map((m) => m.municipalityId)
      .filter((p): p is string => p !== null);
    const candidates = input.partnershipId
      ? linked.filter((p) => p.id === input.partnershipId)
      : linked.filter((p) => own.includes(p.id) || ownMunicipalities.includes(p.municipalityId));
    const chosen =
      candidates.length === 1
        ? candidates[0]
        : !input.partnershipId && linked.length === 1
          ? linked[0]
          : undefined;
    if (!chosen) {
      throw invalid(
        'partnershipId',
        input.partnershipId
          ? 'Virksomheden er ikke tilknyttet det valgte partnerskab.'
          : 'Vælg hvilket partnerskab jobåbningen hører til.',
      );
    }
    return chosen;
  }

  async function recordStatus(
    tx: TDbOrTx,
    ctx: TRequestContext,
    openingId: string,
    from: TOpeningStatus | null,
    to: TOpeningStatus,
    note: string | null,
  ) {
    await tx.insert(openingStatusChanges).values({
      openingId,
      fromStatus: from,
      toStatus: to,
      byUserId: ctx.actor?.userId ?? null,
      at: clock.now(),
      note,
    });
  }

  return {
    async list(
      ctx: TRequestContext,
      query: TListQuery,
      filters: TOpeningFilters,
    ): Promise<TPage<TOpeningListItem>> {
      const page = await listOpenings(db, ctx.actor!, query, filters);
      return { ...page, items: page.items.map(presentOpeningListItem) };
    },

    /** The opening with its referrals and history; the company's contact person is personal data. */
    async get(ctx: TRequestContext, id: string): Promise<TOpeningDetail> {
      const row = await load(db, id);
      await authorize(db, ctx, 'read', resourceOf(row));
      await recordAudit(db, ctx, { action: 'read', entityType: 'opening', entityId: id });
      return presentOpeningDetail(row, await referralsOf(db, id), await statusHistory(db, id));
    },

    async create(ctx: TRequestContext, body: unknown): Promise<TOpeningDetail> {
      const input = ZOpeningInput.parse(body);
      const actor = ctx.actor!;
      const company = await findCompany(db, input.companyId);
      if (!company) throw invalid('companyId', 'Ukendt virksomhed.');
      const now = clock.now();
      const { id, pending } = await db.transaction(async (tx) => {
        const partnership = await resolvePartnership(tx, actor, input);
        let housingOrganisationId: string | null = null;
        if (input.housingAreaId) {
          const [area] = await tx.select().from(housingAreas).where(eq(housingAreas.id, input.housingAreaId));
          if (!area || area.municipalityId !== partnership.municipalityId) {
            throw invalid('housingAreaId', 'Boligområdet hører ikke til partnerskabets kommune.');
          }
          housingOrganisationId = area.housingOrganisationId;
        }
        housingOrganisationId ??=
          actor.memberships.find((m) => m.role === 'housing_staff' && m.partnershipId === partnership.id)
            ?.scopeId ?? null;
        const resource = {
          kind: 'opening' as const,
          partnershipId: partnership.id,
          municipalityId: partnership.municipalityId,
          companyId: input.companyId,
          housingOrganisationId,
        };
        await authorize(db, ctx, 'create', resource);

        const info = OPENING_TYPE_INFO[input.type];
        const { partnershipId: _p, ...fields } = input;
        const [created] = await tx
          .insert(openings)
          .values({
            ...fields,
            partnershipId: partnership.id,
            housingOrganisationId,
            minAge: input.minAge ?? info.minAge,
            maxAge: input.maxAge ?? info.maxAge,
            status: 'new',
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: openings.id });
        const openingId = created!.id;
        await recordStatus(tx, ctx, openingId, null, 'new', null);
        await recordAudit(tx, ctx, { action: 'create', entityType: 'opening', entityId: openingId });

        // The referral goes out in the same transaction: an opening never exists unreferred
        // because a mail server was slow.
        const recipients = await referralRecipients(tx, partnership, input.housingAreaId);
        let pendingMails: TPendingMails = { mailIds: [] };
        if (recipients.length > 0) {
          pendingMails = await notifications.notify(tx, {
            recipientIds: recipients.map((r) => r.userId),
            params: {
              kind: 'opening_referred',
              openingTitle: input.title,
              companyName: company.name,
              openingTypeLabel: info.labelDa,
              positions: input.positions,
              workplace: `${input.postalCode} ${input.city}`,
              startDate: input.startDate,
            },
            link: `/openings/${openingId}`,
            entity: { type: 'opening', id: openingId },
          });
          const sent = await notifications.forEntity(tx, 'opening', openingId);
          for (const r of recipients) {
            const n = sent.find((s) => s.userId === r.userId);
            await tx
              .insert(openingReferrals)
              .values({
                openingId,
                userId: r.userId,
                role: r.role,
                notifiedAt: now,
                notificationId: n?.id ?? null,
                mailId: n?.mailId ?? null,
              })
              .onConflictDoNothing();
          }
          await tx
            .update(openings)
            .set({ status: 'referred', referredAt: now })
            .where(eq(openings.id, openingId));
          await recordStatus(
            tx,
            ctx,
            openingId,
            'new',
            'referred',
            'Henvist automatisk til jobkonsulent og boligsocial medarbejder.',
          );
        }
        return { id: openingId, pending: pendingMails };
      });
      await notifications.dispatch(pending);
      const row = await load(db, id);
      return presentOpeningDetail(row, await referralsOf(db, id), await statusHistory(db, id));
    },

    /** Partial update, validated as a whole; a closed opening is not edited any more. */
    async update(ctx: TRequestContext, id: string, patch: Record<string, unknown>): Promise<TOpening> {
      await db.transaction(async (tx) => {
        const current = await load(tx, id);
        await authorize(db, ctx, 'update', resourceOf(current));
        if (isFinalStatus(current.row.status))
          throw new AppError('CONFLICT', 'En afsluttet jobåbning kan ikke ændres.');
        const keys = Object.keys(ZOpeningFields.shape) as (keyof typeof current.row)[];
        const merged = ZOpeningInput.safeParse({
          ...Object.fromEntries(keys.map((k) => [k, current.row[k]])),
          ...patch,
          companyId: current.row.companyId,
          partnershipId: current.row.partnershipId,
        });
        if (!merged.success)
          throw new AppError('VALIDATION_FAILED', undefined, fieldsFromIssues(merged.error.issues));
        const { partnershipId: _p, companyId: _c, housingAreaId: _a, ...fields } = merged.data;
        const info = OPENING_TYPE_INFO[fields.type];
        await tx
          .update(openings)
          .set({
            ...fields,
            minAge: fields.minAge ?? info.minAge,
            maxAge: fields.maxAge ?? info.maxAge,
            updatedAt: clock.now(),
          })
          .where(eq(openings.id, id));
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'opening',
          entityId: id,
          details: { fields: Object.keys(patch) },
        });
      });
      return presentOpening(await load(db, id));
    },

    async changeStatus(
      ctx: TRequestContext,
      id: string,
      to: TOpeningStatus,
      note: string | null,
    ): Promise<TOpeningDetail> {
      await db.transaction(async (tx) => {
        const current = await load(tx, id);
        await authorize(db, ctx, 'update', resourceOf(current));
        const from = current.row.status;
        if (!canTransition(from, to)) {
          throw new AppError(
            'CONFLICT',
            `Status kan ikke skifte fra "${OPENING_STATUS_LABEL_DA[from]}" til "${OPENING_STATUS_LABEL_DA[to]}".`,
            { status: 'Ikke tilladt fra den nuværende status.' },
          );
        }
        const updated = await tx
          .update(openings)
          .set({ status: to, updatedAt: clock.now() })
          .where(and(eq(openings.id, id), eq(openings.status, from)))
          .returning({ id: openings.id });
        if (updated.length === 0)
          throw new AppError('CONFLICT', 'Jobåbningen blev ændret samtidig. Prøv igen.');
        await recordStatus(tx, ctx, id, from, to, note);
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'opening',
          entityId: id,
          details: { status: { from, to } },
        });
      });
      const row = await load(db, id);
      return presentOpeningDetail(row, await referralsOf(db, id), await statusHistory(db, id));
    },
  };
}
