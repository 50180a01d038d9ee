import { randomUUID } from 'node:crypto';
import { buildApp } from '@server/app.ts';
import { loadConfig, type TConfig } from '@server/config.ts';
import { connectDatabase, ensureDatabase, type TDatabase } from '@server/db/client.ts';
import { ManualClock } from '@server/platform/clock.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { Mailer } from '@server/platform/mail/mailer.ts';
import type { TJobQueue } from '@server/platform/queue/job-queue.ts';
import { startJobQueue } from '@server/platform/queue/job-queue.ts';
import { platformJobs } from '@server/platform/queue/jobs.ts';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { MatchIndexService } from '../modules/matching/match-index.service.ts';
import { TEMPLATE_DB, withDatabase } from './global-setup.ts';

export interface TTestApp {
  app: FastifyInstance;
  deps: TAppDeps;
  clock: ManualClock;
  database: TDatabase;
  databaseUrl: string;
  close(): Promise<void>;
}

/** A fresh database cloned from the migrated template. */
export async function createTestDatabase(): Promise<{ url: string; name: string }> {
  const adminUrl = inject('pgAdminUrl');
  const name = `jobbro_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await ensureDatabase(adminUrl, name, TEMPLATE_DB);
  return { url: withDatabase(adminUrl, name), name };
}

export async function dropTestDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

export function testConfig(overrides: Partial<TConfig> = {}): TConfig {
  return {
    ...loadConfig({
      DATABASE_URL: 'postgres://unused/unused',
      SESSION_SECRET: 'test-secret-that-is-long-enough-for-jobbro-0123456789',
      JOBBRO_DEMO: 'false',
      PUBLIC_URL: 'http://jobbro.test',
    }),
    ...overrides,
  };
}

/**
 * The whole app on its own database, with a ManualClock. `queueWorker` runs pg-boss workers
 * (for mail delivery tests); otherwise jobs are only enqueued.
 */
export async function createTestApp(
  options: { config?: Partial<TConfig>; queueWorker?: boolean; start?: string } = {},
): Promise<TTestApp> {
  const { url, name } = await createTestDatabase();
  const config = testConfig({ ...options.config, databaseUrl: url });
  const database = connectDatabase(url, 5);
  const clock = new ManualClock(options.start);
  const mailer = new Mailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, clock });
  const matchIndex = new MatchIndexService(database.db, clock);
  const base = { config, db: database.db, pool: database.pool, clock, mailer, matchIndex };
  let queue: TJobQueue | undefined;
  queue = await startJobQueue(url, platformJobs({ ...base, queue: () => queue! }), {
    work: options.queueWorker ?? false,
    onError: () => {},
    retryDelaySeconds: 1,
  });
  const deps: TAppDeps = { ...base, queue };
  const app = await buildApp(deps, { logger: process.env.DEBUG_LOG ? { level: 'error' } : false });
  await app.ready();
  return {
    app,
    deps,
    clock,
    database,
    databaseUrl: url,
    async close() {
      await app.close();
      await queue?.stop();
      mailer.close();
      await database.close();
      await dropTestDatabase(name);
    },
  };
}

/** A logged-in API client: keeps the session cookie and sends the CSRF token. */
export class TestSession {
  cookie = '';
  csrfToken = '';
  constructor(private readonly app: FastifyInstance) {}

  async login(email: string, password: string): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
    });
    if (res.statusCode === 200) {
      const setCookie = res.cookies.find((c) => c.name === 'jobbro_session');
      this.cookie = `jobbro_session=${setCookie!.value}`;
      this.csrfToken = res.json().csrfToken;
    }
    return res;
  }

  request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const { csrf = true, ...rest } = options;
    return this.app.inject({
      ...rest,
      headers: {
        ...(rest.headers ?? {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(csrf && this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
      },
    });
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: object) {
    return this.request({ method: 'POST', url, payload: payload ?? {} });
  }
  patch(url: string, payload: object) {
    return this.request({ method: 'PATCH', url, payload });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }
}
