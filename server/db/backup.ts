import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

// Logical backups in pg_dump's plain, data-only format: a COPY block per table in foreign-key
// order plus sequence positions. Any psql can load such a file into a migrated database, and
// `npm run restore` does so itself. We write it ourselves because no pg_dump binary ships with
// the embedded PostgreSQL, and Debian's pg_dump (15) refuses to dump a newer server (18).

/** Tables in an order where every referenced table comes before the tables referencing it. */
export async function tablesInDependencyOrder(client: pg.PoolClient | pg.Client): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
  );
  const { rows: deps } = await client.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent from pg_constraint k
     join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
     join pg_namespace n on n.oid = c.relnamespace
     where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`,
  );
  const ordered: string[] = [];
  const remaining = new Set(tables.map((t) => t.name));
  while (remaining.size > 0) {
    const ready = [...remaining].filter((t) => deps.every((d) => d.child !== t || !remaining.has(d.parent)));
    if (ready.length === 0) throw new Error(`Circular foreign keys among: ${[...remaining].join(', ')}`);
    for (const t of ready) {
      ordered.push(t);
      remaining.delete(t);
    }
  }
  return ordered;
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Tables that are not data but a moment's bookkeeping, left out of backups: the match index's
 * change feed (read within seconds, and rebuilt from the data at start-up). Restoring the data
 * writes it anew through its triggers, so restoring it too would only collide.
 */
const TRANSIENT_TABLES: ReadonlySet<string> = new Set(['match_index_changes']);
const TRANSIENT_SEQUENCES: ReadonlySet<string> = new Set(['match_index_changes_id_seq']);

/**
 * Tables a trigger fills while the rows they depend on are restored: the residents' case history
 * is written anew (at registration) as each resident row comes back. The backup holds the real
 * history, so the restore clears what the trigger just wrote before copying it in.
 */
const TRIGGER_FILLED_TABLES: ReadonlySet<string> = new Set(['resident_case_changes']);

/** The tables a backup holds, in dependency order. */
async function backedUpTables(client: pg.PoolClient | pg.Client): Promise<string[]> {
  return (await tablesInDependencyOrder(client)).filter((t) => !TRANSIENT_TABLES.has(t));
}

export interface TBackupSummary {
  file: string;
  tables: Record<string, number>;
}

/** Writes a consistent snapshot (one REPEATABLE READ transaction) of all public tables. */
export async function writeBackup(pool: pg.Pool, file: string, note: string): Promise<TBackupSummary> {
  const client = await pool.connect();
  const out = createWriteStream(file, { mode: 0o600 });
  const tables: Record<string, number> = {};
  try {
    await client.query('begin isolation level repeatable read read only');
    out.write(
      `-- Jobbro backup (${note})\n-- Restore: npm run restore -- <this file>  (or psql into a migrated, empty database)\n`,
    );
    out.write("SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n\n");
    for (const table of await backedUpTables(client)) {
      const { rows: cols } = await client.query<{ name: string }>(
        `select column_name as name from information_schema.columns
         where table_schema = 'public' and table_name = $1 order by ordinal_position`,
        [table],
      );
      const columnList = cols.map((c) => ident(c.name)).join(', ');
      const { rows } = await client.query<{ n: string }>(`select count(*) as n from public.${ident(table)}`);
      tables[table] = Number(rows[0]!.n);
      if (TRIGGER_FILLED_TABLES.has(table)) out.write(`DELETE FROM public.${ident(table)};\n`);
      out.write(`COPY public.${ident(table)} (${columnList}) FROM stdin;\n`);
      const stream = client.query(copyTo(`COPY public.${ident(table)} (${columnList}) TO STDOUT`));
      for await (const chunk of stream) {
        if (!out.write(chunk)) await once(out, 'drain');
      }
      out.write('\\.\n\n');
    }
    const { rows: seqs } = await client.query<{ name: string; last: string | null; called: boolean }>(
      `select sequencename as name, last_value as last, last_value is not null as called from pg_sequences where schemaname = 'public'`,
    );
    for (const s of seqs) {
      if (s.last !== null && !TRANSIENT_SEQUENCES.has(s.name))
        out.write(`SELECT pg_catalog.setval('public.${ident(s.name)}', ${s.last}, true);\n`);
    }
    await client.query('commit');
  } finally {
    client.release();
    out.end();
    await once(out, 'finish');
  }
  return { file, tables };
}

/** True when the database has no rows in any public table except the migration bookkeeping. */
export async function isEmptyDatabase(pool: pg.Pool): Promise<boolean> {
  const client = await pool.connect();
  try {
    for (const table of await backedUpTables(client)) {
      const { rowCount } = await client.query(`select 1 from public.${ident(table)} limit 1`);
      if (rowCount) return false;
    }
    return true;
  } finally {
    client.release();
  }
}

/** Loads a backup file into a migrated, empty database in one transaction (all or nothing). */
export async function restoreBackup(pool: pg.Pool, file: string): Promise<Record<string, number>> {
  const client = await pool.connect();
  const counts: Record<string, number> = {};
  try {
    await client.query('begin');
    // Created only now: readline drops lines that arrive before iteration starts.
    const lines = createInterface({
      input: createReadStream(file, 'utf8'),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    const next = lines[Symbol.asyncIterator]();
    // The rows of one COPY block, streamed; a file that ends inside a block aborts the COPY.
    async function* rowsOf(table: string) {
      for (;;) {
        const { value, done } = await next.next();
        if (done) throw new Error('The backup file ends inside a COPY block: it is truncated.');
        if (value === '\\.') return;
        counts[table] = (counts[table] ?? 0) + 1;
        yield `${value}\n`;
      }
    }
    for (;;) {
      const { value: line, done } = await next.next();
      if (done) break;
      const start = line.match(/^COPY public\."([^"]+)" \((.*)\) FROM stdin;$/);
      if (start) {
        const table = start[1]!;
        counts[table] = 0;
        await pipeline(
          Readable.from(rowsOf(table)),
          client.query(copyFrom(`COPY public.${ident(table)} (${start[2]}) FROM STDIN`)),
        );
      } else if (/^SELECT pg_catalog\.setval\(/.test(line)) {
        await client.query(line);
      } else {
        // What a trigger wrote while the rows before came back (only tables that are so filled).
        const clear = line.match(/^DELETE FROM public\."([^"]+)";$/);
        if (clear && TRIGGER_FILLED_TABLES.has(clear[1]!)) await client.query(line);
      }
    }
    await client.query('commit');
    return counts;
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
