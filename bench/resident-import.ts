import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fictionalJobcenterList, toCsv } from '@domain/resident-import.sample.ts';
import { danishDate } from '@domain/time.ts';
import { loadConfig } from '@server/config.ts';
import { openDatabase } from '@server/db/runtime.ts';
import { housingAreas, jobcenters, residents, users } from '@server/db/schema/index.ts';
import { loadDemoData } from '@server/modules/demo/demo-data.ts';
import { MatchIndexService } from '@server/modules/matching/match-index.service.ts';
import {
  createResidentImportsService,
  readStoredTable,
  runStore,
  runValidation,
} from '@server/modules/resident-imports/resident-imports.service.ts';
import { loadMemberships, toActor } from '@server/platform/auth/actor.repository.ts';
import { systemClock } from '@server/platform/clock.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { TRequestContext } from '@server/platform/http/request-context.ts';
import { Mailer } from '@server/platform/mail/mailer.ts';
import { readSpreadsheet, writeCsv } from '@server/platform/spreadsheet.ts';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';

// npm run bench:import — issue 4 item 4's target: a 100,000-row jobcenter list validated and
// stored in at most 15 s on this machine. Starts a throw-away embedded PostgreSQL (fsync on) with
// the demo data, generates 100,000 fictional people (fixed seed) as Jobcenter Viborg's CSV, and
// runs the real steps as jobkonsulent@jobbro.test: upload, dry run (the validation job) and store
// (the store job, which re-reads and re-checks the file inside its one transaction). Then the same
// file once more, which must change nothing, and an XLSX list for comparison. Prints figures;
// asserts nothing. BENCH_ROWS=n for another size.

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const TARGET_MS = 15_000;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jobbro-bench-import-'));
const config = { ...loadConfig({ JOBBRO_DATA_DIR: dataDir }), queue: false };
const database = await openDatabase(config, { info: () => {}, warn: console.error });
await loadDemoData(database.db);
const mailer = new Mailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, clock: systemClock });
// The jobs are run here directly (timed), so nothing is queued.
const deps: TAppDeps = {
  config,
  db: database.db,
  pool: database.pool,
  clock: systemClock,
  mailer,
  queue: { send: async () => {}, stop: async () => {} },
  matchIndex: new MatchIndexService(database.db, systemClock),
};

/** Who imports for which jobcenter, and the areas its people live in. */
async function target(email: string, jobcenterName: string) {
  const [user] = await database.db.select().from(users).where(eq(users.email, email));
  const actor = toActor(user!.id, (await loadMemberships(database.db, [user!.id])).get(user!.id) ?? []);
  const ctx: TRequestContext = { actor, requestId: 'bench', ip: '127.0.0.1', clock: systemClock };
  const [jobcenter] = await database.db.select().from(jobcenters).where(eq(jobcenters.name, jobcenterName));
  const areas = await database.db
    .select({ name: housingAreas.name, postalCode: housingAreas.postalCode })
    .from(housingAreas)
    .where(eq(housingAreas.municipalityId, jobcenter!.municipalityId));
  return { actor, ctx, jobcenter: jobcenter!, areas };
}
type TTarget = Awaited<ReturnType<typeof target>>;
const viborg = await target('jobkonsulent@jobbro.test', 'Jobcenter Viborg');
// The XLSX comparison goes to another jobcenter (imported by the secretariat), so it starts from
// the same few existing people as the first CSV import does.
const silkeborg = await target('admin@jobbro.test', 'Jobcenter Silkeborg');
const service = createResidentImportsService(deps);

const csvList = Buffer.from(
  toCsv(fictionalJobcenterList({ rows: ROWS, seed: 4_2026, areas: viborg.areas, refPrefix: 'VIB' })),
  'utf8',
);
/** The same kind of list as an Excel workbook, for the XLSX figures. */
async function xlsxList(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Ledige');
  for (const row of fictionalJobcenterList({
    rows: ROWS,
    seed: 5_2026,
    areas: silkeborg.areas,
    refPrefix: 'SIL',
  }))
    sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const fmt = (ms: number) => `${Math.round(ms).toLocaleString('da-DK').padStart(7)} ms`;
const line = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);

async function round(label: string, kind: 'csv' | 'xlsx', content: Buffer, to: TTarget) {
  const { ctx, actor, jobcenter } = to;
  const t0 = performance.now();
  const parsed = await readSpreadsheet(kind, content);
  const parseMs = performance.now() - t0;
  // What the dry run and the store read: the file itself, or an XLSX's cells kept as CSV.
  const kept = kind === 'xlsx' ? writeCsv(parsed) : content;
  const t0b = performance.now();
  await readStoredTable(kind, kept);
  const storedParseMs = performance.now() - t0b;

  const t1 = performance.now();
  const up = await service.upload(ctx, {
    fileName: `ledige.${kind}`,
    content,
    truncated: false,
    jobcenterId: jobcenter.id,
  });
  await service.saveMapping(ctx, up.import.id, up.import.mapping);
  const uploadMs = performance.now() - t1;

  const t2 = performance.now();
  await runValidation(deps, up.import.id);
  const dryRunMs = performance.now() - t2;
  const checked = await service.get(ctx, up.import.id);

  await service.confirm(ctx, up.import.id);
  const t3 = performance.now();
  await runStore(deps, { importId: up.import.id, userId: actor.userId, requestId: 'bench', ip: '127.0.0.1' });
  const storeMs = performance.now() - t3;
  const stored = await service.get(ctx, up.import.id);
  if (stored.status !== 'stored') throw new Error(`not stored: ${stored.status} ${stored.failureMessage}`);

  const total = uploadMs + dryRunMs + storeMs;
  const s = stored.summary;
  console.log(`\n${label}`);
  line(
    'rows in the file',
    `${(parsed.length - 1).toLocaleString('da-DK')} (${(content.length / 1e6).toFixed(1)} MB ${kind.toUpperCase()})`,
  );
  line(`parse (${kind.toUpperCase()} → rows, alone)`, fmt(parseMs));
  line('upload (type check, header, keep the file)', fmt(uploadMs));
  line('dry run: parse + validate + compare', fmt(dryRunMs));
  line('  of which reading the kept file', fmt(storedParseMs));
  line('  of which validate + compare', fmt(dryRunMs - storedParseMs));
  line('store: re-check + write + audit, one tx', fmt(storeMs));
  line('total (upload + dry run + store)', fmt(total));
  line('rows/s', Math.round(ROWS / (total / 1000)).toLocaleString('da-DK'));
  line(
    'dry run said',
    `${checked.summary.new} new, ${checked.summary.updated} updated, ${checked.summary.unchanged} unchanged, ${checked.summary.errorRows} errors, ${checked.summary.warningRows} with warnings`,
  );
  line('stored', `${s.storedNew} new, ${s.storedUpdated} updated, ${s.storedUnchanged} unchanged`);
  line(`target ≤ ${TARGET_MS / 1000} s (validated and stored)`, total <= TARGET_MS ? 'MET' : 'NOT MET');
  return total;
}

console.log(
  `Jobbro jobcenter list import: ${ROWS.toLocaleString('da-DK')} fictional people per list, ${danishDate(new Date())} (Node ${process.version}, ${os.cpus().length} cores)`,
);
await round('First import, CSV, Jobcenter Viborg (everybody new):', 'csv', csvList, viborg);
await round('Same file again (nobody changes):', 'csv', csvList, viborg);
await round('XLSX for comparison, Jobcenter Silkeborg (everybody new):', 'xlsx', await xlsxList(), silkeborg);
const [n] = await database.db
  .select({ n: count() })
  .from(residents)
  .where(eq(residents.registeredByJobcenterId, viborg.jobcenter.id));
console.log(`\n  residents registered by Jobcenter Viborg: ${n!.n.toLocaleString('da-DK')}`);

mailer.close();
await database.shutdown();
rmSync(dataDir, { recursive: true, force: true });
