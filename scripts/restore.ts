import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '@server/config.ts';
import { isEmptyDatabase, restoreBackup } from '@server/db/backup.ts';
import { connectDatabase, ensureDatabase } from '@server/db/client.ts';
import { runMigrations } from '@server/db/migrate.ts';
import { EMBEDDED_DB_NAME, openDatabase } from '@server/db/runtime.ts';
import pg from 'pg';

// npm run restore -- <file>: loads a backup made by `npm run backup`.
// Embedded: restores into a new database and swaps it in; the old one is kept, renamed.
// DATABASE_URL: the target must be migrated and empty (a restore never mixes two datasets).
async function main() {
  const file = process.argv[2];
  if (!file || !existsSync(file)) throw new Error('Usage: npm run restore -- <backup file>');
  const config = loadConfig();
  const log = { info: (m: string) => console.log(m), warn: (m: string) => console.error(m) };

  if (config.databaseUrl) {
    const db = await openDatabase(config, log);
    try {
      if (!(await isEmptyDatabase(db.pool))) {
        throw new Error('DATABASE_URL points at a database with data. Restore into a new, empty database.');
      }
      const counts = await restoreBackup(db.pool, path.resolve(file));
      console.log(`Restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows.`);
    } finally {
      await db.shutdown();
    }
    return;
  }

  const db = await openDatabase(config, log, { migrate: false });
  const embedded = db.embedded!;
  await db.close();
  try {
    const stamp = Date.now();
    const staging = `jobbro_restore_${stamp}`;
    await ensureDatabase(embedded.adminUrl, staging);
    const target = connectDatabase(embedded.urlFor(staging), 2);
    try {
      await runMigrations(target);
      const counts = await restoreBackup(target.pool, path.resolve(file));
      console.log(`Restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows.`);
    } finally {
      await target.close();
    }
    const admin = new pg.Client({ connectionString: embedded.adminUrl });
    await admin.connect();
    await admin.query(`alter database ${EMBEDDED_DB_NAME} rename to jobbro_before_restore_${stamp}`);
    await admin.query(`alter database ${staging} rename to ${EMBEDDED_DB_NAME}`);
    await admin.end();
    console.log(`The previous database is kept as jobbro_before_restore_${stamp}.`);
  } finally {
    await embedded.stop();
  }
}

main().catch((err) => {
  console.error(
    err instanceof ConfigError
      ? err.message
      : `Restore failed: ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exit(1);
});
