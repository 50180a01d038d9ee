import {
  type TAgreement,
  type TAgreementInput,
  type TAgreementListQuery,
  type TAgreementPage,
  type TAgreementPatch,
  ZAgreementInput,
} from '@domain/agreement.schema.ts';
import type { TResource } from '@domain/policy.ts';
import { danishDate } from '@domain/time.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { findCompany } from '@server/modules/companies/companies.repository.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError, fieldError, fieldsFromIssues } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { authorize } from '@server/platform/policy.ts';
import { presentAgreement } from './agreements.presenter.ts';
import {
  agreementScope,
  commitmentsOf,
  companyPartnershipIds,
  deleteAgreement,
  findAgreement,
  findOrganisations,
  insertAgreement,
  listAgreements,
  organisationsOf,
  replaceCommitments,
  replaceOrganisations,
  type TAgreementRow,
  type TAgreementValues,
  updateAgreement,
} from './agreements.repository.ts';

type TAgreementResource = Extract<TResource, { kind: 'agreement' }>;

const unique = <T>(values: T[]) => [...new Set(values)];

function valuesOf(input: TAgreementInput): TAgreementValues {
  return {
    companyId: input.companyId,
    title: input.title,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    signedOn: input.signedOn,
    note: input.note,
  };
}

/**
 * Partnership agreements (issue 3 item 4): a company's standing commitments to one or more
 * housing organisations. Shown on both sides: the organisations' staff manage them, the company
 * reads its own.
 */
export function createAgreementsService(deps: TAppDeps) {
  const { db, clock } = deps;
  const today = () => danishDate(clock.now());

  /**
   * The organisations as the policy sees them. Each must exist (a field error otherwise), and
   * the company must work in the partnership of every one of them.
   */
  async function checkedResource(
    tx: TDbOrTx,
    ctx: TRequestContext,
    action: 'create' | 'update',
    input: Pick<TAgreementInput, 'companyId' | 'housingOrganisationIds'>,
    id?: string,
  ): Promise<TAgreementResource> {
    const orgs = await findOrganisations(tx, input.housingOrganisationIds);
    if (orgs.length !== input.housingOrganisationIds.length) {
      throw fieldError('housingOrganisationIds', 'En af de valgte boligorganisationer findes ikke.');
    }
    const resource: TAgreementResource = {
      kind: 'agreement',
      id,
      companyId: input.companyId,
      housingOrganisationIds: input.housingOrganisationIds,
      partnershipIds: unique(orgs.map((o) => o.partnershipId)),
      municipalityIds: unique(orgs.map((o) => o.municipalityId)),
    };
    // Housing staff must keep at least one of their own organisations in the agreement.
    await authorize(db, ctx, action, resource);
    if (!(await findCompany(tx, input.companyId))) throw fieldError('companyId', 'Ukendt virksomhed.');
    const worksIn = await companyPartnershipIds(tx, input.companyId);
    if (!orgs.every((o) => worksIn.includes(o.partnershipId))) {
      throw fieldError(
        'companyId',
        'Virksomheden arbejder ikke i partnerskabet for alle de valgte boligorganisationer.',
      );
    }
    return resource;
  }

  async function load(tx: TDbOrTx, id: string) {
    const row = await findAgreement(tx, id);
    if (!row) throw new AppError('NOT_FOUND');
    const orgs = await organisationsOf(tx, [id]);
    const resource: TAgreementResource = {
      kind: 'agreement',
      id,
      companyId: row.companyId,
      housingOrganisationIds: orgs.map((o) => o.id),
      partnershipIds: unique(orgs.map((o) => o.partnershipId)),
      municipalityIds: unique(orgs.map((o) => o.municipalityId)),
    };
    return { row, orgs, resource };
  }

  async function present(tx: TDbOrTx, rows: TAgreementRow[]): Promise<TAgreement[]> {
    const ids = rows.map((r) => r.id);
    const orgs = await organisationsOf(tx, ids);
    const commitments = await commitmentsOf(tx, ids);
    const day = today();
    return rows.map((r) =>
      presentAgreement(
        r,
        orgs.filter((o) => o.agreementId === r.id),
        commitments.filter((c) => c.agreementId === r.id),
        day,
      ),
    );
  }

  async function detail(id: string): Promise<TAgreement> {
    const row = await findAgreement(db, id);
    if (!row) throw new AppError('NOT_FOUND');
    const [agreement] = await present(db, [row]);
    return agreement!;
  }

  return {
    /** Filtered to the agreements the actor may see; an empty scope is an empty list, not a 403. */
    async list(ctx: TRequestContext, query: TAgreementListQuery): Promise<TAgreementPage> {
      const actor = requireActor(ctx);
      await authorize(db, ctx, 'list', { kind: 'agreement' });
      const { q, sort, dir, page, pageSize, limit: rawLimit, offset: rawOffset, ...filters } = query;
      const byRange = rawLimit !== undefined || rawOffset !== undefined;
      const limit = byRange ? (rawLimit ?? pageSize) : pageSize;
      const offset = byRange ? (rawOffset ?? 0) : (page - 1) * pageSize;
      const { rows, total } = await listAgreements(
        db,
        { q, sort, dir, limit, offset },
        filters,
        agreementScope(db, actor),
        today(),
      );
      return {
        items: await present(db, rows),
        total,
        page: Math.floor(offset / limit) + 1,
        pageSize: limit,
        limit,
        offset,
      };
    },

    async get(ctx: TRequestContext, id: string): Promise<TAgreement> {
      const { resource } = await load(db, id);
      await authorize(db, ctx, 'read', resource);
      return detail(id);
    },

    async create(ctx: TRequestContext, body: unknown): Promise<TAgreement> {
      const actor = requireActor(ctx);
      const input = ZAgreementInput.parse(body);
      await checkedResource(db, ctx, 'create', input);
      const id = await db.transaction(async (tx) => {
        const newId = await insertAgreement(tx, valuesOf(input), actor.userId, clock.now());
        await replaceOrganisations(tx, newId, input.housingOrganisationIds);
        await replaceCommitments(tx, newId, input.commitments);
        await recordAudit(tx, ctx, { action: 'create', entityType: 'agreement', entityId: newId });
        return newId;
      });
      return detail(id);
    },

    /** Partial update, validated as a whole; commitments sent replace the old ones. */
    async update(ctx: TRequestContext, id: string, patch: TAgreementPatch): Promise<TAgreement> {
      const current = await load(db, id);
      await authorize(db, ctx, 'update', current.resource);
      const commitments = await commitmentsOf(db, [id]);
      const merged = ZAgreementInput.safeParse({
        companyId: current.row.companyId,
        housingOrganisationIds: current.orgs.map((o) => o.id),
        title: current.row.title,
        periodStart: current.row.periodStart,
        periodEnd: current.row.periodEnd,
        signedOn: current.row.signedOn,
        note: current.row.note,
        commitments: commitments.map(({ kind, quantity, per, note }) => ({ kind, quantity, per, note })),
        ...patch,
      });
      if (!merged.success)
        throw new AppError('VALIDATION_FAILED', undefined, fieldsFromIssues(merged.error.issues));
      const input = merged.data;
      const partiesChanged = patch.companyId !== undefined || patch.housingOrganisationIds !== undefined;
      // The agreement as it will be must still be the actor's to manage.
      if (partiesChanged) await checkedResource(db, ctx, 'update', input, id);
      await db.transaction(async (tx) => {
        await updateAgreement(tx, id, valuesOf(input), clock.now());
        if (patch.housingOrganisationIds !== undefined)
          await replaceOrganisations(tx, id, input.housingOrganisationIds);
        if (patch.commitments !== undefined) await replaceCommitments(tx, id, input.commitments);
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'agreement',
          entityId: id,
          details: { fields: Object.keys(patch) },
        });
      });
      return detail(id);
    },

    async remove(ctx: TRequestContext, id: string): Promise<void> {
      const { resource } = await load(db, id);
      await authorize(db, ctx, 'delete', resource);
      await db.transaction(async (tx) => {
        await deleteAgreement(tx, id);
        await recordAudit(tx, ctx, { action: 'delete', entityType: 'agreement', entityId: id });
      });
    },
  };
}
