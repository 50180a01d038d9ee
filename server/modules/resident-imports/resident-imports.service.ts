import { createHash, randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { type TPage, ZUuid } from '@domain/common.schema.ts';
import type {
  TImportIssueDto,
  TImportIssueQuery,
  TImportSummaryDto,
  TResidentImport,
  TResidentImportListQuery,
  TResidentImportUpload,
} from '@domain/resident-import.schema.ts';
import {
  columnNames,
  countDataRows,
  createImportPlanner,
  importJobcenterIds,
  MAX_IMPORT_ROWS,
  mappingProblems,
  mayImportFor,
  proposeMapping,
  RESIDENT_IMPORT_FIELDS,
  rowsOf,
  type TImportIssue,
  type TImportMapping,
  type TImportPlan,
} from '@domain/resident-import.ts';
import { containsCprLike } from '@domain/rules/cpr.ts';
import { danishDate } from '@domain/time.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { residentImports } from '@server/db/schema/index.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError, fieldError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import type { TJobDefinition } from '@server/platform/queue/job-queue.ts';
import { erasedRefFingerprint } from '@server/platform/search-fingerprint.ts';
import {
  detectSpreadsheetKind,
  readCsv,
  readSpreadsheet,
  type TSpreadsheetKind,
  writeCsv,
} from '@server/platform/spreadsheet.ts';
import { sql } from 'drizzle-orm';
import { buildReport, presentImport } from './resident-imports.presenter.ts';
import {
  areasOf,
  erasedRefFingerprintsOf,
  existingOf,
  findImport,
  findJobcenter,
  importFile,
  insertAuditEvents,
  insertImport,
  insertResidents,
  listImports,
  lockJobcenter,
  markStillListed,
  purgeImports,
  rememberedMapping,
  rememberMapping,
  setProgress,
  type TImportListRow,
  updateImport,
  updateResidents,
} from './resident-imports.repository.ts';

// The jobcenter list import (issue 4 item 4; seed 002, Aabenraa). Stateless between steps: the
// file waits in resident_imports, and the dry run and the store run as pg-boss jobs on any app
// server. The store re-reads the stored bytes and re-plans inside one transaction, so what is
// written is exactly what the dry run showed, or nothing.

export const VALIDATE_JOB = 'resident_imports.validate';
export const STORE_JOB = 'resident_imports.store';

/** Progress is written (and the event loop let go) every this many rows. */
const PROGRESS_EVERY = 2_000;
/** People per INSERT / UPDATE statement. */
const STORE_BATCH = 5_000;
/** Issues beyond this many are counted in the summary but not kept. */
const MAX_KEPT_ISSUES = 50_000;
const SAMPLE_ROWS = 3;

const STEP_ALLOWED: Record<'mapping' | 'confirm' | 'discard', readonly TImportListRow['status'][]> = {
  mapping: ['uploaded', 'validated', 'failed'],
  confirm: ['validated', 'failed'],
  discard: ['uploaded', 'validated', 'failed'],
};

export interface TUpload {
  fileName: string | null;
  content: Buffer | null;
  /** The upload hit the size limit: the content is cut off. */
  truncated: boolean;
  jobcenterId: string | null;
}

/** What a job needs of the request that started it, for the audit log. */
interface TJobOrigin {
  importId: string;
  userId: string | null;
  requestId: string | null;
  ip: string | null;
}

type TDeps = Pick<TAppDeps, 'db' | 'clock' | 'config'>;

/** A store whose re-check disagrees with the dry run rolls back with the fresh plan. */
class DryRunChanged extends Error {
  constructor(readonly plan: TImportPlan) {
    super('dry run changed');
  }
}

function keptIssues(plan: TImportPlan): { issues: TImportIssue[]; summary: TImportSummaryDto } {
  const issues = plan.issues.slice(0, MAX_KEPT_ISSUES);
  return { issues, summary: { ...plan.summary, issuesKept: issues.length } };
}

/**
 * Reads the stored file and plans it against the jobcenter's people as they are in `db` (a
 * transaction while storing), reporting progress every PROGRESS_EVERY rows.
 */
/**
 * The stored table: an uploaded CSV as it came; an XLSX as the cells of its first sheet, written
 * as CSV at upload (Excel's format is read once, not at every step: a 100,000-row workbook takes
 * some 3 s to read, the CSV 0.5 s, and the cells are the same).
 */
export async function readStoredTable(kind: TSpreadsheetKind, content: Buffer): Promise<string[][]> {
  return kind === 'xlsx' ? readCsv(content, { delimiter: ';' }) : readSpreadsheet('csv', content);
}

async function planStored(
  deps: TDeps,
  db: TDbOrTx,
  file: { fileKind: TSpreadsheetKind; fileContent: Buffer; columns: string[]; mapping: TImportMapping },
  jobcenterId: string,
  onProgress: (rows: number) => Promise<void>,
): Promise<TImportPlan> {
  const table = await readStoredTable(file.fileKind, file.fileContent);
  const rows = rowsOf(table, file.columns, file.mapping);
  const jobcenter = await findJobcenter(db, jobcenterId);
  if (!jobcenter) throw new AppError('NOT_FOUND');
  const planner = createImportPlanner({
    today: danishDate(deps.clock.now()),
    municipalityId: jobcenter.municipalityId,
    areas: await areasOf(db, jobcenter.municipalityId),
    existing: await existingOf(db, jobcenterId),
    erasedRefs: {
      fingerprints: await erasedRefFingerprintsOf(db, jobcenterId),
      fingerprint: (ref) => erasedRefFingerprint(deps.config.sessionSecret, ref),
    },
  });
  for (let i = 0; i < rows.length; i++) {
    planner.add(rows[i]!);
    if ((i + 1) % PROGRESS_EVERY === 0 && i + 1 < rows.length) {
      await onProgress(i + 1);
      await yieldToEventLoop();
    }
  }
  return planner.finish();
}

/**
 * The dry run (a job): validates every row, plans new / updated / unchanged and keeps the
 * summary and the issues. Idempotent: it runs only while the import is validating with the
 * mapping it started with, so a newer mapping's run wins.
 */
export async function runValidation(deps: TDeps, importId: string): Promise<void> {
  const file = await importFile(deps.db, importId);
  if (file?.status !== 'validating' || !file.fileContent) return;
  const sameMapping = sql`${residentImports.mapping} = ${JSON.stringify(file.mapping)}::jsonb`;
  let plan: TImportPlan;
  try {
    plan = await planStored(
      deps,
      deps.db,
      { ...file, fileContent: file.fileContent, mapping: file.mapping as TImportMapping },
      file.jobcenterId,
      (rows) => setProgress(deps.db, importId, rows, 'validating'),
    );
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    await updateImport(
      deps.db,
      importId,
      { status: 'failed', failureMessage: err.message, updatedAt: deps.clock.now() },
      ['validating'],
      sameMapping,
    );
    return;
  }
  const { issues, summary } = keptIssues(plan);
  await updateImport(
    deps.db,
    importId,
    {
      status: 'validated',
      processedRows: plan.summary.totalRows,
      summary,
      issues,
      failureMessage: null,
      updatedAt: deps.clock.now(),
    },
    ['validating'],
    sameMapping,
  );
}

export interface TStoreOptions {
  /** People per statement (tests use a small one to fail between batches). */
  batchSize?: number;
}

/**
 * Stores a confirmed list (a job): re-reads the stored file, re-plans it inside one transaction
 * under the jobcenter's lock, checks that the dry run still holds, writes new and changed people
 * with an audit event each and one summary event, then drops the file. Any failure rolls the
 * whole list back and says so on the import. Idempotent: only an import that is storing is run.
 */
export async function runStore(deps: TDeps, origin: TJobOrigin, options: TStoreOptions = {}): Promise<void> {
  const { db, clock } = deps;
  const id = origin.importId;
  const file = await importFile(db, id);
  if (file?.status !== 'storing' || !file.fileContent) return;
  const dryRun = file.summary as TImportSummaryDto;
  const batchSize = options.batchSize ?? STORE_BATCH;
  const ctx: TRequestContext = {
    actor: null,
    requestId: origin.requestId ?? randomUUID(),
    ip: origin.ip,
    clock,
  };
  const now = clock.now();
  try {
    await db.transaction(async (tx) => {
      await lockJobcenter(tx, file.jobcenterId);
      const plan = await planStored(
        deps,
        tx,
        { ...file, fileContent: file.fileContent!, mapping: file.mapping as TImportMapping },
        file.jobcenterId,
        async () => {},
      );
      const s = plan.summary;
      if (
        s.totalRows !== dryRun.totalRows ||
        s.validRows !== dryRun.validRows ||
        s.errorRows !== dryRun.errorRows ||
        s.warningRows !== dryRun.warningRows
      ) {
        throw new DryRunChanged(plan);
      }
      const creates = plan.rows
        .filter((r) => r.action === 'new')
        .map((r) => ({ id: randomUUID(), values: r.values }));
      const updates = plan.rows
        .filter((r) => r.action === 'updated')
        .map((r) => ({ id: r.residentId!, values: r.values }));
      const event = {
        userId: origin.userId,
        requestId: ctx.requestId,
        ip: origin.ip,
        details: { importId: id },
        at: now,
      };
      let written = 0;
      for (const [kind, list] of [
        ['create', creates],
        ['update', updates],
      ] as const) {
        for (let i = 0; i < list.length; i += batchSize) {
          const batch = list.slice(i, i + batchSize);
          if (kind === 'create') {
            await insertResidents(tx, batch, { jobcenterId: file.jobcenterId, userId: origin.userId, now });
          } else {
            await updateResidents(tx, batch, now);
          }
          await insertAuditEvents(
            tx,
            batch.map((b) => b.id),
            { ...event, action: kind },
          );
          written += batch.length;
          // Outside the transaction, so the wizard sees it while the list is being written.
          await setProgress(db, id, written, 'storing');
        }
      }
      await markStillListed(
        tx,
        plan.rows.filter((r) => r.action === 'unchanged').map((r) => r.residentId!),
        now,
      );
      const { issues, summary } = keptIssues(plan);
      const result = {
        ...summary,
        storedNew: creates.length,
        storedUpdated: updates.length,
        storedUnchanged: s.unchanged,
        skippedRows: s.errorRows,
      };
      await recordAudit(tx, ctx, {
        action: 'create',
        entityType: 'resident_import',
        entityId: id,
        userId: origin.userId,
        details: {
          step: 'stored',
          created: creates.length,
          updated: updates.length,
          unchanged: s.unchanged,
          skipped: s.errorRows,
        },
      });
      const stored = await updateImport(
        tx,
        id,
        {
          status: 'stored',
          storedAt: now,
          fileContent: null,
          processedRows: written,
          summary: result,
          issues,
          failureMessage: null,
          updatedAt: now,
        },
        ['storing'],
      );
      if (!stored) throw new Error('the import left the storing state while it was stored');
    });
  } catch (err) {
    if (err instanceof DryRunChanged) {
      const { issues, summary } = keptIssues(err.plan);
      await updateImport(
        db,
        id,
        {
          status: 'validated',
          processedRows: err.plan.summary.totalRows,
          summary,
          issues,
          failureMessage:
            'Kontrollen gav et andet resultat end før (fx fordi datoen er skiftet, eller boligområder er ændret). Intet er gemt. Se resultatet igen, og gem på ny.',
          updatedAt: clock.now(),
        },
        ['storing'],
      );
      return;
    }
    await updateImport(
      db,
      id,
      {
        status: 'failed',
        processedRows: 0,
        failureMessage:
          'Listen kunne ikke gemmes, og intet er ændret. Prøv at gemme igen – sker det igen, så kontakt sekretariatet.',
        updatedAt: clock.now(),
      },
      ['storing'],
    );
    console.error(`resident import ${id} failed to store:`, err instanceof Error ? err.message : err);
  }
}

/** The import's background jobs (registered in platformJobs). */
export function residentImportJobs(deps: TDeps): TJobDefinition[] {
  return [
    { name: VALIDATE_JOB, handler: async (data) => runValidation(deps, String(data.importId)) },
    {
      name: STORE_JOB,
      handler: async (data) =>
        runStore(deps, {
          importId: String(data.importId),
          userId: typeof data.userId === 'string' ? data.userId : null,
          requestId: typeof data.requestId === 'string' ? data.requestId : null,
          ip: typeof data.ip === 'string' ? data.ip : null,
        }),
    },
  ];
}

/** Retention (purgeExpiredData): files after 24 hours unless stored, imports after 12 months. */
export async function purgeResidentImports(deps: TDeps): Promise<void> {
  const now = deps.clock.now().getTime();
  await purgeImports(deps.db, new Date(now - 24 * 60 * 60_000), new Date(now - 365 * 24 * 60 * 60_000));
}

/**
 * Upload → mapping → dry run → confirm → stored (or discarded). Job consultants import for their
 * own jobcenters, the secretariat for any; every step is audit-logged.
 */
export function createResidentImportsService(deps: TAppDeps) {
  const { db, clock, queue } = deps;

  /** 403 (logged) for anyone who imports for no jobcenter at all. */
  async function requireImporter(ctx: TRequestContext, action: string) {
    const actor = requireActor(ctx);
    const ids = importJobcenterIds(actor);
    if (ids !== 'all' && ids.length === 0) {
      await recordAudit(db, ctx, { action: 'denied', entityType: 'resident_import', details: { action } });
      throw new AppError(
        'FORBIDDEN',
        'Kun jobkonsulenter og sekretariatet importerer lister fra jobcentret.',
      );
    }
    return { actor, ids };
  }

  /** The import, if it is one of the actor's jobcenters'; 404 (logged) otherwise. */
  async function see(ctx: TRequestContext, id: string, action: string): Promise<TImportListRow> {
    const { actor } = await requireImporter(ctx, action);
    const row = await findImport(db, id);
    if (!row || !mayImportFor(actor, row.jobcenterId)) {
      await recordAudit(db, ctx, {
        action: 'denied',
        entityType: 'resident_import',
        entityId: id,
        details: { action, reason: row ? 'no_access' : 'not_found' },
      });
      throw new AppError('NOT_FOUND', 'Importen findes ikke, eller du har ikke adgang til den.');
    }
    return row;
  }

  async function current(id: string): Promise<TResidentImport> {
    return presentImport((await findImport(db, id))!);
  }

  function notNow(row: TImportListRow): AppError {
    const why: Record<TImportListRow['status'], string> = {
      uploaded: 'Vælg kolonnerne, og kør kontrollen først.',
      validating: 'Listen kontrolleres lige nu. Vent, til kontrollen er færdig.',
      validated: 'Listen er kontrolleret, men ikke gemt.',
      storing: 'Listen gemmes lige nu.',
      stored: 'Listen er allerede gemt.',
      failed: 'Importen er fejlet. Kør kontrollen igen.',
      discarded: 'Importen er kasseret. Upload filen igen.',
    };
    return new AppError(
      'CONFLICT',
      row.hasFile ? why[row.status] : 'Filen er ikke længere gemt. Upload den igen.',
    );
  }

  return {
    /** Reads the header of an uploaded list, keeps the file and proposes a column mapping. */
    async upload(ctx: TRequestContext, upload: TUpload): Promise<TResidentImportUpload> {
      const { actor, ids } = await requireImporter(ctx, 'create');
      let jobcenterId = upload.jobcenterId?.trim() || null;
      if (!jobcenterId) {
        if (ids === 'all' || ids.length !== 1) throw fieldError('jobcenterId', 'Vælg jobcentret.');
        jobcenterId = ids[0]!;
      }
      if (!ZUuid.safeParse(jobcenterId).success) throw fieldError('jobcenterId', 'Ugyldigt id.');
      if (!mayImportFor(actor, jobcenterId)) {
        await recordAudit(db, ctx, {
          action: 'denied',
          entityType: 'resident_import',
          details: { action: 'create', jobcenterId },
        });
        throw new AppError('FORBIDDEN', 'Du kan kun importere lister for dit eget jobcenter.');
      }
      const jobcenter = await findJobcenter(db, jobcenterId);
      if (!jobcenter) throw fieldError('jobcenterId', 'Jobcentret findes ikke.');

      const content = upload.content;
      if (!content || !upload.fileName) throw fieldError('file', 'Vælg en fil (CSV eller XLSX).');
      if (upload.truncated) throw fieldError('file', 'Filen er for stor – højst 40 MB.');
      if (content.length === 0) throw fieldError('file', 'Filen er tom.');
      const kind = await detectSpreadsheetKind(content);
      if (!kind) {
        throw fieldError(
          'file',
          'Filen er hverken en CSV- eller en XLSX-fil. Gem listen som CSV (semikolonsepareret) eller Excel-projektmappe (.xlsx).',
        );
      }
      const table = await readSpreadsheet(kind, content);
      const header = table[0];
      if (!header || header.every((h) => !h)) {
        throw fieldError('file', 'Filen er tom – første række skal være kolonneoverskrifter.');
      }
      const columns = columnNames(header);
      const twice = columns.find((c, i) => columns.indexOf(c) !== i);
      if (twice)
        throw fieldError('file', 'To kolonner har samme overskrift. Giv hver kolonne sit eget navn.');
      const totalRows = countDataRows(table);
      if (totalRows === 0) throw fieldError('file', 'Filen har ingen rækker under overskrifterne.');
      if (totalRows > MAX_IMPORT_ROWS) {
        throw fieldError(
          'file',
          `Filen har for mange rækker – højst ${MAX_IMPORT_ROWS.toLocaleString('da-DK')}.`,
        );
      }
      const proposal = proposeMapping(columns, await rememberedMapping(db, jobcenterId));

      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const importId = await insertImport(tx, {
          jobcenterId,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
          fileName: upload.fileName!.slice(0, 200),
          fileKind: kind,
          fileSha256: createHash('sha256').update(content).digest('hex'),
          fileContent: kind === 'xlsx' ? writeCsv(table) : content,
          columns,
          mapping: proposal.mapping,
          status: 'uploaded',
          totalRows,
        });
        await recordAudit(tx, ctx, {
          action: 'create',
          entityType: 'resident_import',
          entityId: importId,
          details: { step: 'uploaded', jobcenterId, rows: totalRows, fileKind: kind },
        });
        return importId;
      });
      const sample = table
        .slice(1)
        .filter((cells) => cells.some((c) => c))
        .slice(0, SAMPLE_ROWS)
        .map((cells) => columns.map((_, i) => cells[i] ?? ''));
      return { import: await current(id), mappingSource: proposal.source, sample };
    },

    /** The imports of the actor's jobcenters (the secretariat: all), newest first. */
    async list(ctx: TRequestContext, query: TResidentImportListQuery): Promise<TPage<TResidentImport>> {
      const { ids } = await requireImporter(ctx, 'list');
      const page = await listImports(db, ids === 'all' ? null : ids, query);
      return { ...page, items: page.items.map(presentImport) };
    },

    async get(ctx: TRequestContext, id: string): Promise<TResidentImport> {
      return presentImport(await see(ctx, id, 'read'));
    },

    /** A page of the kept issues, filtered by severity and text, sorted by row (default). */
    async issues(
      ctx: TRequestContext,
      id: string,
      query: TImportIssueQuery,
    ): Promise<TPage<TImportIssueDto>> {
      const row = await see(ctx, id, 'read');
      const term = query.q?.toLocaleLowerCase('da-DK');
      const all = (row.issues as TImportIssue[]).filter(
        (i) =>
          (!query.severity || i.severity === query.severity) &&
          (!term || i.message.toLocaleLowerCase('da-DK').includes(term) || String(i.row) === term),
      );
      const dir = query.dir === 'desc' ? -1 : 1;
      const sortKey = query.sort === 'severity' || query.sort === 'field' ? query.sort : 'row';
      const sorted = [...all].sort((a, b) => {
        const primary =
          sortKey === 'row'
            ? a.row - b.row
            : String(a[sortKey] ?? '').localeCompare(String(b[sortKey] ?? ''), 'da-DK');
        return primary !== 0 ? primary * dir : a.row - b.row;
      });
      const start = (query.page - 1) * query.pageSize;
      return {
        items: sorted.slice(start, start + query.pageSize),
        total: all.length,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /** Saves the column mapping, remembers it for the jobcenter's next list and starts the dry run. */
    async saveMapping(ctx: TRequestContext, id: string, input: TImportMapping): Promise<TResidentImport> {
      const actor = requireActor(ctx);
      const row = await see(ctx, id, 'update');
      if (!row.hasFile || !STEP_ALLOWED.mapping.includes(row.status)) throw notNow(row);
      const mapping: TImportMapping = {};
      for (const field of RESIDENT_IMPORT_FIELDS) {
        const column = input[field]?.trim();
        if (column) mapping[field] = column;
      }
      const problems = mappingProblems(mapping, row.columns);
      if (Object.keys(problems).length > 0) {
        throw new AppError(
          'VALIDATION_FAILED',
          'Vælg en kolonne til hvert af de krævede felter.',
          Object.fromEntries(Object.entries(problems).map(([f, m]) => [`mapping.${f}`, m])),
        );
      }
      const now = clock.now();
      await db.transaction(async (tx) => {
        const updated = await updateImport(
          tx,
          id,
          {
            mapping,
            status: 'validating',
            processedRows: 0,
            summary: {},
            issues: [],
            failureMessage: null,
            updatedAt: now,
          },
          STEP_ALLOWED.mapping,
        );
        if (!updated) throw notNow(row);
        await rememberMapping(tx, row.jobcenterId, mapping, actor.userId, now);
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'resident_import',
          entityId: id,
          details: { step: 'mapping', fields: Object.keys(mapping) },
        });
      });
      await queue.send(VALIDATE_JOB, { importId: id });
      return current(id);
    },

    /** Confirms a checked list: the store job writes it (or nothing). */
    async confirm(ctx: TRequestContext, id: string): Promise<TResidentImport> {
      const actor = requireActor(ctx);
      const row = await see(ctx, id, 'update');
      const summary = row.summary as TImportSummaryDto;
      if (!row.hasFile || !STEP_ALLOWED.confirm.includes(row.status) || summary.validRows === undefined) {
        throw notNow(row);
      }
      if (summary.validRows === 0)
        throw new AppError('CONFLICT', 'Ingen rækker kan gemmes. Ret fejlene i filen.');
      const now = clock.now();
      await db.transaction(async (tx) => {
        const updated = await updateImport(
          tx,
          id,
          { status: 'storing', processedRows: 0, failureMessage: null, updatedAt: now },
          STEP_ALLOWED.confirm,
        );
        if (!updated) throw notNow(row);
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'resident_import',
          entityId: id,
          details: { step: 'confirmed' },
        });
      });
      const origin: TJobOrigin = { importId: id, userId: actor.userId, requestId: ctx.requestId, ip: ctx.ip };
      await queue.send(STORE_JOB, { ...origin });
      return current(id);
    },

    /** Drops the file; the import stays in the list as discarded. */
    async discard(ctx: TRequestContext, id: string): Promise<TResidentImport> {
      const row = await see(ctx, id, 'update');
      if (!STEP_ALLOWED.discard.includes(row.status)) throw notNow(row);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const updated = await updateImport(
          tx,
          id,
          { status: 'discarded', fileContent: null, updatedAt: now },
          STEP_ALLOWED.discard,
        );
        if (!updated) throw notNow(row);
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'resident_import',
          entityId: id,
          details: { step: 'discarded' },
        });
      });
      return current(id);
    },

    /** The XLSX report, generated now; an export, so it is audit-logged. */
    async report(ctx: TRequestContext, id: string): Promise<{ fileName: string; content: Buffer }> {
      const row = await see(ctx, id, 'export');
      let refs: Map<number, string> | null = null;
      const file = row.hasFile ? await importFile(db, id) : undefined;
      const refColumn = (row.mapping as TImportMapping).jobcenterRef;
      if (file?.fileContent && refColumn) {
        const table = await readStoredTable(file.fileKind, file.fileContent);
        refs = new Map();
        for (const r of rowsOf(table, row.columns, { jobcenterRef: refColumn })) {
          const ref = r.cells.jobcenterRef ?? '';
          // Never a CPR number, not even back to the jobcenter that sent it.
          if (ref && !containsCprLike(ref)) refs.set(r.row, ref);
        }
      }
      const content = await buildReport(row, refs, clock.now());
      await recordAudit(db, ctx, {
        action: 'export',
        entityType: 'resident_import',
        entityId: id,
        details: { issues: row.issues.length, withReferences: refs !== null },
      });
      const base = row.fileName.replace(/\.[^.]*$/, '').replace(/[^\wæøåÆØÅ -]+/g, '_') || 'liste';
      return { fileName: `importrapport-${base}.xlsx`, content };
    },
  };
}
