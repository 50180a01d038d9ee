import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const ZBool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { error: 'must be true or false' })
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const ZMinutes = z.coerce.number({ error: 'must be a number' }).int().positive();

// Every setting Jobbro reads from the environment, validated once at start-up (README has
// the table). A bad value stops start-up with one line that names the variable.
const ZEnv = z.object({
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  JOBBRO_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  PUBLIC_URL: z.url({ error: 'must be an absolute http(s) URL', protocol: /^https?$/ }).optional(),
  SESSION_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { error: 'must be an smtp:// or smtps:// URL' })
    .optional(),
  MAIL_FROM: z.string().min(3).default('Jobbro <no-reply@jobbro.test>'),
  JOBBRO_DEMO: ZBool.optional(),
  SESSION_IDLE_MINUTES: ZMinutes.default(30),
  SESSION_ABSOLUTE_MINUTES: ZMinutes.default(12 * 60),
  LOGIN_LIMIT_PER_IP: ZMinutes.default(30),
  LOGIN_LIMIT_PER_ACCOUNT: ZMinutes.default(5),
  LOGIN_LIMIT_WINDOW_MINUTES: ZMinutes.default(15),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JOBBRO_QUEUE: ZBool.default(true),
  TRUST_PROXY: ZBool.default(false),
  /** Tests and demos only: admins may move Jobbro's clock forward (refused without demo mode). */
  JOBBRO_TEST_CLOCK: ZBool.default(false),
  RESIDENT_RETENTION_MONTHS: z.coerce
    .number({ error: 'must be a number of months' })
    .int()
    .min(1, { error: 'must be at least 1 month' })
    .max(120, { error: 'must be at most 120 months' })
    .default(24),
});

export interface TConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  /** True behind https: cookies get Secure and the __Host- prefix. */
  secureCookies: boolean;
  sessionSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  demo: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  loginLimitPerIp: number;
  loginLimitPerAccount: number;
  loginLimitWindowMs: number;
  logLevel: string;
  /** Run the background queue worker in this process. */
  queue: boolean;
  /** Behind a reverse proxy: take the client IP from X-Forwarded-For. */
  trustProxy: boolean;
  /** Months without activity before a resident is anonymised by the retention job (issue 4). */
  residentRetentionMonths: number;
  /** Admins may move the clock forward (POST /api/demo/clock): end-to-end tests of 12-month follow-ups. */
  testClock: boolean;
}

export class ConfigError extends Error {}

/** Reads and validates the environment. Throws ConfigError with one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(
      `Invalid configuration: ${name} ${issue.message} (got ${JSON.stringify(raw[name])})`,
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.JOBBRO_DATA_DIR);
  const embedded = !e.DATABASE_URL;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  let sessionSecret = e.SESSION_SECRET;
  if (!sessionSecret) {
    if (!embedded)
      throw new ConfigError('Invalid configuration: SESSION_SECRET is required when DATABASE_URL is set');
    sessionSecret = readOrCreateSecret(dataDir);
  }
  const demo = e.JOBBRO_DEMO ?? embedded;
  if (e.JOBBRO_TEST_CLOCK && !demo)
    throw new ConfigError(
      'Invalid configuration: JOBBRO_TEST_CLOCK is only allowed in demo mode (JOBBRO_DEMO)',
    );
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    sessionSecret,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    demo,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_MINUTES * 60_000,
    loginLimitPerIp: e.LOGIN_LIMIT_PER_IP,
    loginLimitPerAccount: e.LOGIN_LIMIT_PER_ACCOUNT,
    loginLimitWindowMs: e.LOGIN_LIMIT_WINDOW_MINUTES * 60_000,
    logLevel: e.LOG_LEVEL,
    queue: e.JOBBRO_QUEUE,
    trustProxy: e.TRUST_PROXY,
    residentRetentionMonths: e.RESIDENT_RETENTION_MONTHS,
    testClock: e.JOBBRO_TEST_CLOCK,
  };
}

/** In embedded mode the secret is generated once and kept beside the database. */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
