import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '@server/app.ts';
import { loadConfig } from '@server/config.ts';
import { openDatabase } from '@server/db/runtime.ts';
import { DEMO_PASSWORD, loadDemoData } from '@server/modules/demo/demo-data.ts';
import { MatchIndexService } from '@server/modules/matching/match-index.service.ts';
import { systemClock } from '@server/platform/clock.ts';
import { Mailer } from '@server/platform/mail/mailer.ts';
import { startJobQueue, type TJobQueue } from '@server/platform/queue/job-queue.ts';
import { platformJobs } from '@server/platform/queue/jobs.ts';
import { startSmtpReceiver } from '@server/test/smtp.ts';

// npm run bench:referral — issue 3's target: an opening reaches the job consultant and the
// housing social worker in under 5 s, e-mails handed to SMTP included. Starts Jobbro on a
// throw-away embedded PostgreSQL with the demo data, the real pg-boss queue and a real local SMTP
// receiver, registers openings through the API as bolig@jobbro.test and prints, per opening, the
// time until the referral is recorded (HTTP 201) and until both e-mails arrived at SMTP.

const SEQUENTIAL = 20;
const BURST = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
function report(name: string, values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  console.log(
    `${name.padEnd(46)} p50 ${percentile(s, 50).toFixed(0).padStart(5)} ms   p95 ${percentile(s, 95).toFixed(0).padStart(5)} ms   max ${s.at(-1)!.toFixed(0).padStart(5)} ms`,
  );
}

const smtp = await startSmtpReceiver();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jobbro-bench-referral-'));
const config = { ...loadConfig({ JOBBRO_DATA_DIR: dataDir, SMTP_URL: smtp.url }), queue: true };
const database = await openDatabase(config, { info: () => {}, warn: console.error });
await loadDemoData(database.db);
const mailer = new Mailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, clock: systemClock });
const matchIndex = new MatchIndexService(database.db, systemClock);
const base = { config, db: database.db, pool: database.pool, clock: systemClock, mailer, matchIndex };
let queue: TJobQueue | undefined;
queue = await startJobQueue(database.url, platformJobs({ ...base, queue: () => queue! }), {
  work: true,
  onError: (err) => console.error(err),
});
const app = await buildApp({ ...base, queue });
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as { port: number };
const url = `http://127.0.0.1:${port}`;

const login = await fetch(`${url}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'bolig@jobbro.test', password: DEMO_PASSWORD }),
});
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const { csrfToken } = (await login.json()) as { csrfToken: string };
const companies = (await (await fetch(`${url}/api/companies?q=Houlk`, { headers: { cookie } })).json()) as {
  items: { id: string }[];
};
const companyId = companies.items[0]!.id;

let n = 0;
async function referOne(): Promise<{ recorded: number; mailed: number }> {
  const title = `Benchmark-jobåbning ${++n}`;
  const t0 = performance.now();
  const mails = Promise.all(
    ['jobkonsulent@jobbro.test', 'boligsocial@jobbro.test'].map((to) =>
      smtp.waitFor((m) => m.to === to && m.subject.includes(title), 30_000),
    ),
  );
  const res = await fetch(`${url}/api/openings`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({
      companyId,
      type: 'full_time',
      title,
      occupationId: 'toemrer',
      hoursPerWeek: 37,
      startDate: '2027-03-01',
      positions: 1,
      postalCode: '8800',
      city: 'Viborg',
    }),
  });
  if (res.status !== 201) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  const recorded = performance.now() - t0;
  await mails;
  return { recorded, mailed: performance.now() - t0 };
}

console.log(
  `Jobbro time to referral: ${SEQUENTIAL} openings one by one, then ${BURST} at once (target < 5000 ms)`,
);
const one: { recorded: number; mailed: number }[] = [];
for (let i = 0; i < SEQUENTIAL; i++) one.push(await referOne());
report(
  'one by one: referral recorded (HTTP 201)',
  one.map((r) => r.recorded),
);
report(
  'one by one: both e-mails received by SMTP',
  one.map((r) => r.mailed),
);
const burst = await Promise.all(Array.from({ length: BURST }, () => referOne()));
report(
  `${BURST} at once: referral recorded (HTTP 201)`,
  burst.map((r) => r.recorded),
);
report(
  `${BURST} at once: both e-mails received by SMTP`,
  burst.map((r) => r.mailed),
);

await app.close();
await queue.stop();
mailer.close();
await database.shutdown();
await smtp.close();
rmSync(dataDir, { recursive: true, force: true });
