import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A Jobbro server for end-to-end tests: a free port, a throw-away data dir (its own embedded
// PostgreSQL with the demo data), and a clean shutdown afterwards. The client must already be
// built into dist/client (the e2e script runs `vite build` first). The shared server of an e2e run
// is started by global-setup; a test that must not share its server (e.g. one that moves the test
// clock) starts its own.

const HEALTH_TIMEOUT_MS = 90_000;

export interface TJobbroServer {
  baseUrl: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Waits until no process of the group is left (the embedded PostgreSQL outlives npx a moment). */
async function groupGone(pgid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Why the built client is not usable at baseUrl (index.html and its first script), or null. */
async function clientProblem(baseUrl: string): Promise<string | null> {
  const index = await fetch(`${baseUrl}/login`);
  const html = await index.text();
  if (index.status !== 200 || !html.includes('id="root"')) {
    return `GET /login answered ${index.status}; run \`vite build\` first?`;
  }
  const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
  if (!script) return 'index.html has no /assets/ script';
  const res = await fetch(`${baseUrl}${script}`);
  if (res.status !== 200) return `GET ${script} answered ${res.status}: ${(await res.text()).slice(0, 200)}`;
  return null;
}

/**
 * Starts `server/main.ts` in demo mode on a free port with its own data dir, waits until it is
 * healthy and serves the built client. `env` is added to (and overrides) the defaults.
 */
export async function startJobbroServer(options: { env?: NodeJS.ProcessEnv } = {}): Promise<TJobbroServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'jobbro-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn('npx', ['tsx', 'server/main.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      PORT: String(port),
      JOBBRO_DATA_DIR: dataDir,
      JOBBRO_DEMO: 'true',
      // The tests log in a few dozen times from one IP; the limit itself is tested elsewhere.
      LOGIN_LIMIT_PER_IP: '500',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group, so a hung server can be killed with everything it started.
    detached: true,
  });
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async () => {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      // To the whole group: npx does not pass SIGTERM on to the server it started.
      process.kill(-child.pid, 'SIGTERM');
      if (!(await exited(child, 20_000)) && child.pid) {
        process.kill(-child.pid, 'SIGKILL');
        await exited(child, 5_000);
      }
    }
    if (child.pid) await groupGone(child.pid, 10_000);
    // PostgreSQL may still be removing its files as it stops: retry a non-empty directory.
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };

  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The Jobbro server exited with code ${child.exitCode}:\n${output.join('')}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The Jobbro server did not become healthy within 90 s:\n${output.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }

  // Fail early and clearly when the server does not serve the built client.
  const problem = await clientProblem(baseUrl);
  if (problem) {
    await stop();
    throw new Error(`The Jobbro server does not serve the client: ${problem}`);
  }

  return { baseUrl, stop };
}
