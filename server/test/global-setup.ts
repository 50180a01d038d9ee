import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectDatabase, ensureDatabase } from '@server/db/client.ts';
import { startEmbeddedPostgres, type TEmbeddedDatabase } from '@server/db/embedded.ts';
import { runMigrations } from '@server/db/migrate.ts';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import type { TestProject } from 'vitest/node';

// One PostgreSQL per test run: the embedded one, or the server in TEST_DATABASE_URL (CI runs
// the suite a second time against Debian's PostgreSQL 15). A migrated template database is
// cloned per test file (CREATE DATABASE … TEMPLATE), so files run in parallel from a clean state.

export const TEMPLATE_DB = 'jobbro_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

let embedded: TEmbeddedDatabase | undefined;
let dataDir: string | undefined;

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'jobbro-test-pg-'));
    embedded = await startEmbeddedPostgres(dataDir, {
      info: () => {},
      warn: (m) => process.stderr.write(`${m}\n`),
    });
    adminUrl = embedded.adminUrl;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DB}`);
  await admin.end();
  await ensureDatabase(adminUrl, TEMPLATE_DB);
  const templateUrl = withDatabase(adminUrl, TEMPLATE_DB);
  const database = connectDatabase(templateUrl, 2);
  await runMigrations(database);
  await database.close();
  // The queue's schema goes into the template too, so each test database starts with it.
  const boss = new PgBoss({
    connectionString: templateUrl,
    schema: 'pgboss',
    supervise: false,
    schedule: false,
  });
  await boss.start();
  await boss.stop({ graceful: false, close: true });
  project.provide('pgAdminUrl', adminUrl);

  return async () => {
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
