import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '@server/app.ts';
import { loadConfig } from '@server/config.ts';
import { openDatabase } from '@server/db/runtime.ts';
import { housingAreas } from '@server/db/schema/index.ts';
import { DEMO_PASSWORD, loadDemoData } from '@server/modules/demo/demo-data.ts';
import { MatchIndexService } from '@server/modules/matching/match-index.service.ts';
import { systemClock } from '@server/platform/clock.ts';
import { Mailer } from '@server/platform/mail/mailer.ts';

// npm run bench: starts Jobbro on a throw-away embedded PostgreSQL with the demo data plus
// 5,000 extra housing areas, and prints throughput and latency percentiles for the endpoints
// every page hits (session check, a searched + sorted list). Figures, not assertions.

const CONCURRENCY = 10;
const REQUESTS = 2_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(name: string, url: string, headers: Record<string, string>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next++;
        const t0 = performance.now();
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(44)} ${String(Math.round(REQUESTS / seconds)).padStart(6)} req/s   p50 ${percentile(latencies, 50).toFixed(1)} ms   p95 ${percentile(latencies, 95).toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms`,
  );
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jobbro-bench-'));
const config = { ...loadConfig({ JOBBRO_DATA_DIR: dataDir }), queue: false };
const database = await openDatabase(config, { info: () => {}, warn: console.error });
await loadDemoData(database.db);
const [area] = await database.db.select().from(housingAreas).limit(1);
const extra = Array.from({ length: 5_000 }, (_, i) => ({
  name: `Benchområde ${i} ${['Æblehaven', 'Østergården', 'Ålykken', 'Houlkær'][i % 4]}`,
  housingOrganisationId: area!.housingOrganisationId,
  municipalityId: area!.municipalityId,
  postalCode: '8800',
  residentsCount: i,
}));
for (let i = 0; i < extra.length; i += 1000)
  await database.db.insert(housingAreas).values(extra.slice(i, i + 1000));

const mailer = new Mailer({ smtpUrl: undefined, from: config.mailFrom, clock: systemClock });
const queue = { send: async () => {}, stop: async () => {} };
const app = await buildApp({
  config,
  db: database.db,
  pool: database.pool,
  matchIndex: new MatchIndexService(database.db, systemClock),
  clock: systemClock,
  mailer,
  queue,
});
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as { port: number };
const base = `http://127.0.0.1:${port}`;
const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'admin@jobbro.test', password: DEMO_PASSWORD }),
});
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

console.log(
  `Jobbro bench: ${REQUESTS} requests per endpoint, concurrency ${CONCURRENCY}, 5,010 housing areas`,
);
await measure('GET /api/health', `${base}/api/health`, {});
await measure('GET /api/me (session + memberships)', `${base}/api/me`, { cookie });
await measure('GET /api/housing-areas (page 1, Danish sort)', `${base}/api/housing-areas?sort=name`, {
  cookie,
});
await measure('GET /api/housing-areas?q=houlk (search)', `${base}/api/housing-areas?q=houlk`, { cookie });

await app.close();
await database.shutdown();
rmSync(dataDir, { recursive: true, force: true });
