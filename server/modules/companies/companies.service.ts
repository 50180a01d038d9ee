import type {
  TCompanyContact,
  TCompanyContactInput,
  TCompanyCreate,
  TCompanyDetail,
  TCompanyImportFile,
  TCompanyImportResult,
  TCompanyImportRow,
  TCompanyInput,
  TCompanyListQuery,
  TCompanyNoteInput,
  TCompanyPage,
  TCompanyStatusChange,
  TCompanyUpdate,
} from '@domain/company.schema.ts';
import type { TCompanyImportField } from '@domain/company-import.ts';
import { can, isAdmin, type TActor, type TResource } from '@domain/policy.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { authorize } from '@server/platform/policy.ts';
import {
  presentCompany,
  presentCompanyDetail,
  presentContact,
  seesInternalNotes,
} from './companies.presenter.ts';
import {
  companyScope,
  deleteCompany,
  deleteContact,
  existingPartnershipIds,
  findCompaniesByCvr,
  findCompany,
  findContact,
  insertCompany,
  insertContact,
  insertNote,
  insertStatusChange,
  linkPartnerships,
  listCompanies,
  listContacts,
  listNotes,
  partnershipsOf,
  replacePartnerships,
  statusHistory,
  type TCompanyPartnershipRow,
  type TCompanyRow,
  updateCompany,
  updateContact,
} from './companies.repository.ts';
import { parseCompanyFile, type TValidatedRow, validateRow } from './companies-import.ts';

const CVR_TAKEN = 'Der findes allerede en virksomhed med dette CVR-nummer.';
const COMPARED_FIELDS = [
  'name',
  'address',
  'postalCode',
  'city',
  'industry',
  'db07Code',
  'sizeBand',
  'website',
] as const satisfies readonly (keyof TCompanyInput)[];

function companyResource(id: string, partnerships: TCompanyPartnershipRow[]): TResource {
  return {
    kind: 'company',
    id,
    partnershipIds: partnerships.map((p) => p.id),
    municipalityIds: partnerships.map((p) => p.municipalityId),
  };
}

/** The partnerships of the actor's housing-staff memberships: where the companies it creates go. */
function staffPartnerships(actor: TActor | null): string[] {
  return (actor?.memberships ?? [])
    .filter((m) => m.role === 'housing_staff' && m.partnershipId)
    .map((m) => m.partnershipId as string);
}

/** The companies register: list, company page, edits with status history, contacts, notes, import. */
export function createCompaniesService(deps: TAppDeps) {
  const { db, clock } = deps;

  async function load(tx: TDbOrTx, id: string) {
    const row = await findCompany(tx, id);
    if (!row) throw new AppError('NOT_FOUND');
    const partnerships = (await partnershipsOf(tx, [id])).get(id) ?? [];
    return { row, partnerships, resource: companyResource(id, partnerships) };
  }

  /** Loads the company and checks the actor may take the action on it. */
  async function loadAuthorized(ctx: TRequestContext, action: 'read' | 'update' | 'delete', id: string) {
    const found = await load(db, id);
    await authorize(db, ctx, action, found.resource);
    return found;
  }

  /** Status and notes are the partnership's working notes: not for a company's own contact. */
  async function requireStaff(ctx: TRequestContext, id: string): Promise<void> {
    const actor = requireActor(ctx);
    if (seesInternalNotes(actor)) return;
    await recordAudit(db, ctx, {
      action: 'denied',
      entityType: 'company',
      entityId: id,
      details: { action: 'update', reason: 'staff only' },
    });
    throw new AppError('FORBIDDEN');
  }

  async function checkPartnerships(ids: string[]): Promise<void> {
    const found = await existingPartnershipIds(db, ids);
    if (found.length !== new Set(ids).size) {
      throw new AppError('VALIDATION_FAILED', undefined, {
        partnershipIds: 'Et af de valgte partnerskaber findes ikke.',
      });
    }
  }

  async function cvrTaken(tx: TDbOrTx, cvr: string, exceptId?: string): Promise<void> {
    const [existing] = await findCompaniesByCvr(tx, [cvr]);
    if (existing && existing.id !== exceptId) {
      throw new AppError('CONFLICT', CVR_TAKEN, { cvr: CVR_TAKEN });
    }
  }

  async function detail(ctx: TRequestContext, tx: TDbOrTx, id: string): Promise<TCompanyDetail> {
    const { row, partnerships } = await load(tx, id);
    return presentCompanyDetail(
      requireActor(ctx),
      row,
      partnerships,
      await listContacts(tx, id),
      await statusHistory(tx, id),
      await listNotes(tx, id),
    );
  }

  /** What confirm would do with each valid row; rows the actor may not change become errors. */
  async function plan(ctx: TRequestContext, file: TCompanyImportFile) {
    const actor = requireActor(ctx);
    let linkTo: string[];
    if (isAdmin(actor)) {
      linkTo = file.partnershipId ? [file.partnershipId] : [];
    } else {
      linkTo = staffPartnerships(actor).slice(0, 1);
      if (file.partnershipId && !linkTo.includes(file.partnershipId)) {
        throw new AppError('VALIDATION_FAILED', undefined, {
          partnershipId: 'Du kan kun importere til dit eget partnerskab.',
        });
      }
    }
    await checkPartnerships(linkTo);
    const parsed = await parseCompanyFile(file.fileName, Buffer.from(file.contentBase64, 'base64'));
    const validated = parsed.rows.map((r) => validateRow(parsed.fields, r));
    const seen = new Map<string, number>();
    for (const v of validated) {
      if (!v.input) continue;
      const first = seen.get(v.input.cvr);
      if (first !== undefined) {
        v.errors.cvr = `CVR-nummeret står også i række ${first}.`;
        v.input = null;
      } else {
        seen.set(v.input.cvr, v.row);
      }
    }
    const existing = new Map(
      (await findCompaniesByCvr(db, [...seen.keys()])).map((c) => [c.cvr, c] as const),
    );
    const links = await partnershipsOf(
      db,
      [...existing.values()].map((c) => c.id),
    );
    const planned: { v: TValidatedRow; action: TCompanyImportRow['action']; current?: TCompanyRow }[] = [];
    for (const v of validated) {
      if (!v.input) {
        planned.push({ v, action: null });
        continue;
      }
      const current = existing.get(v.input.cvr);
      if (!current) {
        if (!can(actor, 'create', { kind: 'company', partnershipIds: linkTo })) {
          v.errors.cvr = 'Du kan ikke oprette virksomheder.';
          planned.push({ v, action: null });
        } else {
          planned.push({ v, action: 'create' });
        }
        continue;
      }
      const currentLinks = links.get(current.id) ?? [];
      if (!can(actor, 'update', companyResource(current.id, currentLinks))) {
        v.errors.cvr = 'Virksomheden findes allerede uden for dit partnerskab.';
        planned.push({ v, action: null });
        continue;
      }
      const input = v.input;
      const changed =
        COMPARED_FIELDS.some((f) => f in input && (input[f] ?? null) !== (current[f] ?? null)) ||
        (v.status !== null && v.status !== current.status) ||
        linkTo.some((p) => !currentLinks.some((l) => l.id === p));
      planned.push({ v, action: changed ? 'update' : 'unchanged', current });
    }
    return { parsed, planned, linkTo };
  }

  function result(
    file: TCompanyImportFile,
    fields: TCompanyImportField[],
    planned: { v: TValidatedRow; action: TCompanyImportRow['action'] }[],
    stored: boolean,
  ): TCompanyImportResult {
    const rows: TCompanyImportRow[] = planned.map(({ v, action }) => ({
      row: v.row,
      values: Object.fromEntries(fields.map((f) => [f, v.values[f] ?? null])),
      errors: v.errors,
      action,
    }));
    const count = (a: TCompanyImportRow['action']) => rows.filter((r) => r.action === a).length;
    return {
      fileName: file.fileName,
      columns: fields,
      rows,
      counts: {
        total: rows.length,
        create: count('create'),
        update: count('update'),
        unchanged: count('unchanged'),
        invalid: count(null),
      },
      stored,
    };
  }

  return {
    /** Filtered to the companies the actor may see; an empty scope is an empty list, not a 403. */
    async list(ctx: TRequestContext, query: TCompanyListQuery): Promise<TCompanyPage> {
      const actor = requireActor(ctx);
      await authorize(db, ctx, 'list', { kind: 'company' });
      const { q, sort, dir, page, pageSize, limit: rawLimit, offset: rawOffset, ...filters } = query;
      const byRange = rawLimit !== undefined || rawOffset !== undefined;
      const limit = byRange ? (rawLimit ?? pageSize) : pageSize;
      const offset = byRange ? (rawOffset ?? 0) : (page - 1) * pageSize;
      const { rows, total } = await listCompanies(
        db,
        { q, sort, dir, limit, offset },
        filters,
        companyScope(db, actor),
      );
      const links = await partnershipsOf(
        db,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((r) => presentCompany(r, links.get(r.id) ?? [])),
        total,
        page: Math.floor(offset / limit) + 1,
        pageSize: limit,
        limit,
        offset,
      };
    },

    /** The company page; its contacts are personal data, so the read is audit-logged. */
    async get(ctx: TRequestContext, id: string): Promise<TCompanyDetail> {
      await loadAuthorized(ctx, 'read', id);
      const company = await detail(ctx, db, id);
      await recordAudit(db, ctx, { action: 'read', entityType: 'company', entityId: id });
      return company;
    },

    /** Housing staff's new companies work in their partnership; the first status starts the history. */
    async create(ctx: TRequestContext, input: TCompanyCreate): Promise<TCompanyDetail> {
      const actor = requireActor(ctx);
      const { status, partnershipIds: requested, ...facts } = input;
      const partnershipIds = isAdmin(actor) ? [...new Set(requested)] : staffPartnerships(actor).slice(0, 1);
      await authorize(db, ctx, 'create', { kind: 'company', partnershipIds });
      await checkPartnerships(partnershipIds);
      const id = await db.transaction(async (tx) => {
        await cvrTaken(tx, facts.cvr);
        const now = clock.now();
        const newId = await insertCompany(tx, { ...facts, status }, now);
        await linkPartnerships(tx, newId, partnershipIds);
        await insertStatusChange(tx, {
          companyId: newId,
          fromStatus: null,
          toStatus: status,
          changedBy: actor.userId,
          changedAt: now,
          note: null,
        });
        await recordAudit(tx, ctx, { action: 'create', entityType: 'company', entityId: newId });
        return newId;
      });
      return detail(ctx, db, id);
    },

    async update(ctx: TRequestContext, id: string, input: TCompanyUpdate): Promise<TCompanyDetail> {
      const actor = requireActor(ctx);
      await loadAuthorized(ctx, 'update', id);
      const { partnershipIds, ...facts } = input;
      if (partnershipIds !== undefined) {
        if (!isAdmin(actor)) {
          throw new AppError('VALIDATION_FAILED', undefined, {
            partnershipIds: 'Kun sekretariatet kan ændre en virksomheds partnerskaber.',
          });
        }
        await checkPartnerships(partnershipIds);
      }
      await db.transaction(async (tx) => {
        if (facts.cvr) await cvrTaken(tx, facts.cvr, id);
        await updateCompany(tx, id, facts, clock.now());
        if (partnershipIds !== undefined) await replacePartnerships(tx, id, [...new Set(partnershipIds)]);
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'company',
          entityId: id,
          details: { fields: Object.keys(input) },
        });
      });
      return detail(ctx, db, id);
    },

    /** Admin only; a company still referred to (e.g. by a company contact's login) answers 409 IN_USE. */
    async remove(ctx: TRequestContext, id: string): Promise<void> {
      await loadAuthorized(ctx, 'delete', id);
      await db.transaction(async (tx) => {
        await deleteCompany(tx, id);
        await recordAudit(tx, ctx, { action: 'delete', entityType: 'company', entityId: id });
      });
    },

    /** Moves the relationship on and records who, when and why in the history. */
    async changeStatus(
      ctx: TRequestContext,
      id: string,
      input: TCompanyStatusChange,
    ): Promise<TCompanyDetail> {
      const actor = requireActor(ctx);
      await loadAuthorized(ctx, 'update', id);
      await requireStaff(ctx, id);
      await db.transaction(async (tx) => {
        const { row } = await load(tx, id);
        if (row.status === input.status) {
          throw new AppError('VALIDATION_FAILED', undefined, {
            status: 'Virksomheden har allerede denne status.',
          });
        }
        const now = clock.now();
        await updateCompany(tx, id, { status: input.status }, now);
        await insertStatusChange(tx, {
          companyId: id,
          fromStatus: row.status,
          toStatus: input.status,
          changedBy: actor.userId,
          changedAt: now,
          note: input.note,
        });
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'company',
          entityId: id,
          details: { status: { from: row.status, to: input.status } },
        });
      });
      return detail(ctx, db, id);
    },

    async addNote(ctx: TRequestContext, id: string, input: TCompanyNoteInput): Promise<TCompanyDetail> {
      const actor = requireActor(ctx);
      await loadAuthorized(ctx, 'update', id);
      await requireStaff(ctx, id);
      await db.transaction(async (tx) => {
        const noteId = await insertNote(tx, {
          companyId: id,
          text: input.text,
          authorId: actor.userId,
          createdAt: clock.now(),
        });
        await recordAudit(tx, ctx, {
          action: 'create',
          entityType: 'company_note',
          entityId: noteId,
          details: { companyId: id },
        });
      });
      return detail(ctx, db, id);
    },

    async listContacts(ctx: TRequestContext, id: string): Promise<TCompanyContact[]> {
      await loadAuthorized(ctx, 'read', id);
      const contacts = await listContacts(db, id);
      await recordAudit(db, ctx, {
        action: 'read',
        entityType: 'company_contact',
        details: { companyId: id, resultCount: contacts.length },
      });
      return contacts.map(presentContact);
    },

    async addContact(
      ctx: TRequestContext,
      id: string,
      input: TCompanyContactInput,
    ): Promise<TCompanyContact> {
      await loadAuthorized(ctx, 'update', id);
      return db.transaction(async (tx) => {
        const contactId = await insertContact(tx, id, input, clock.now());
        await recordAudit(tx, ctx, {
          action: 'create',
          entityType: 'company_contact',
          entityId: contactId,
          details: { companyId: id },
        });
        return presentContact((await findContact(tx, id, contactId))!);
      });
    },

    async updateContact(
      ctx: TRequestContext,
      id: string,
      contactId: string,
      input: TCompanyContactInput,
    ): Promise<TCompanyContact> {
      await loadAuthorized(ctx, 'update', id);
      return db.transaction(async (tx) => {
        if (!(await findContact(tx, id, contactId))) throw new AppError('NOT_FOUND');
        await updateContact(tx, contactId, input, clock.now());
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'company_contact',
          entityId: contactId,
          details: { companyId: id, fields: Object.keys(input) },
        });
        return presentContact((await findContact(tx, id, contactId))!);
      });
    },

    async removeContact(ctx: TRequestContext, id: string, contactId: string): Promise<void> {
      await loadAuthorized(ctx, 'update', id);
      await db.transaction(async (tx) => {
        if (!(await findContact(tx, id, contactId))) throw new AppError('NOT_FOUND');
        await deleteContact(tx, contactId);
        await recordAudit(tx, ctx, {
          action: 'delete',
          entityType: 'company_contact',
          entityId: contactId,
          details: { companyId: id },
        });
      });
    },

    /** Parses and checks the file; stores nothing. */
    async importPreview(ctx: TRequestContext, file: TCompanyImportFile): Promise<TCompanyImportResult> {
      await authorize(db, ctx, 'create', { kind: 'company' });
      const { parsed, planned } = await plan(ctx, file);
      return result(file, parsed.fields, planned, false);
    },

    /**
     * Parses the same file again and stores every valid row in one transaction, upserting on CVR.
     * Invalid rows are skipped and reported; importing the same file twice changes nothing.
     */
    async importConfirm(ctx: TRequestContext, file: TCompanyImportFile): Promise<TCompanyImportResult> {
      const actor = requireActor(ctx);
      await authorize(db, ctx, 'create', { kind: 'company' });
      const { parsed, planned, linkTo } = await plan(ctx, file);
      await db.transaction(async (tx) => {
        const now = clock.now();
        for (const { v, action, current } of planned) {
          if (!v.input || (action !== 'create' && action !== 'update')) continue;
          if (action === 'create') {
            const status = v.status ?? 'prospect';
            const id = await insertCompany(tx, { ...emptyFacts(), ...v.input, status }, now);
            await linkPartnerships(tx, id, linkTo);
            await insertStatusChange(tx, {
              companyId: id,
              fromStatus: null,
              toStatus: status,
              changedBy: actor.userId,
              changedAt: now,
              note: `Importeret fra ${file.fileName}`,
            });
            await recordAudit(tx, ctx, {
              action: 'create',
              entityType: 'company',
              entityId: id,
              details: { import: file.fileName, row: v.row },
            });
          } else if (current) {
            const { cvr: _cvr, ...facts } = v.input;
            const status = v.status ?? current.status;
            await updateCompany(tx, current.id, { ...facts, status }, now);
            await linkPartnerships(tx, current.id, linkTo);
            if (status !== current.status) {
              await insertStatusChange(tx, {
                companyId: current.id,
                fromStatus: current.status,
                toStatus: status,
                changedBy: actor.userId,
                changedAt: now,
                note: `Importeret fra ${file.fileName}`,
              });
            }
            await recordAudit(tx, ctx, {
              action: 'update',
              entityType: 'company',
              entityId: current.id,
              details: { import: file.fileName, row: v.row, fields: Object.keys(facts) },
            });
          }
        }
      });
      return result(file, parsed.fields, planned, true);
    },
  };
}

function emptyFacts(): Omit<TCompanyInput, 'cvr' | 'name'> {
  return {
    address: null,
    postalCode: null,
    city: null,
    industry: null,
    db07Code: null,
    sizeBand: null,
    website: null,
  };
}
