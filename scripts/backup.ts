import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '@server/config.ts';
import { writeBackup } from '@server/db/backup.ts';
import { openDatabase } from '@server/db/runtime.ts';

// npm run backup [-- <file>]: a consistent logical dump into <data dir>/backups/.
// With the embedded database, stop Jobbro first (the data directory belongs to one process).
async function main() {
  const config = loadConfig();
  const log = { info: (m: string) => console.log(m), warn: (m: string) => console.error(m) };
  const db = await openDatabase(config, log);
  try {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
    const dir = path.join(config.dataDir, 'backups');
    mkdirSync(dir, { recursive: true });
    const file = path.resolve(process.argv[2] ?? path.join(dir, `jobbro-${stamp}.sql`));
    const summary = await writeBackup(db.pool, file, `created ${new Date().toISOString()}`);
    const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
    console.log(`Backup written: ${file} (${Object.keys(summary.tables).length} tables, ${rows} rows)`);
  } finally {
    await db.shutdown();
  }
}

main().catch((err) => {
  console.error(
    err instanceof ConfigError
      ? err.message
      : `Backup failed: ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exit(1);
});
