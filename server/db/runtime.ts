import type { TConfig } from '@server/config.ts';
import { connectDatabase, ensureDatabase, type TDatabase } from './client.ts';
import { startEmbeddedPostgres, type TEmbeddedDatabase } from './embedded.ts';
import { runMigrations } from './migrate.ts';

export const EMBEDDED_DB_NAME = 'jobbro';

export interface TDatabaseRuntime extends TDatabase {
  url: string;
  embedded: TEmbeddedDatabase | null;
  /** Closes the pool, then stops the embedded server if there is one. */
  shutdown(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL; migrates unless told not to. */
export async function openDatabase(
  config: TConfig,
  log: { info(msg: string): void; warn(msg: string): void },
  options: { migrate?: boolean } = {},
): Promise<TDatabaseRuntime> {
  let embedded: TEmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(config.dataDir, log);
    await ensureDatabase(embedded.adminUrl, EMBEDDED_DB_NAME);
    url = embedded.urlFor(EMBEDDED_DB_NAME);
  }
  const database = connectDatabase(url);
  try {
    if (options.migrate !== false) await runMigrations(database);
  } catch (err) {
    await database.close();
    await embedded?.stop();
    throw err;
  }
  return {
    ...database,
    url,
    embedded,
    async shutdown() {
      await database.close();
      await embedded?.stop();
    },
  };
}
