import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type TConfig } from './config.ts';
import { openDatabase } from './db/runtime.ts';
import { DEMO_PASSWORD, DEMO_USERS, loadDemoData } from './modules/demo/demo-data.ts';
import { MatchIndexService } from './modules/matching/match-index.service.ts';
import { OffsetClock, systemClock } from './platform/clock.ts';
import type { TAppDeps } from './platform/http/deps.ts';
import { requestLogSerializers } from './platform/http/log-serializers.ts';
import { Mailer } from './platform/mail/mailer.ts';
import { startJobQueue, type TJobQueue } from './platform/queue/job-queue.ts';
import { platformJobs } from './platform/queue/jobs.ts';

// Start-up: config → database (embedded or DATABASE_URL) → migrations → demo data → queue →
// HTTP. SIGINT/SIGTERM stop in the reverse order, letting requests in flight finish.

const say = (msg: string) => process.stdout.write(`${msg}\n`);

async function main(): Promise<void> {
  let config: TConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }

  const log = { info: say, warn: (m: string) => process.stderr.write(`${m}\n`) };
  const database = await openDatabase(config, log);
  if (config.demo && (await loadDemoData(database.db))) say('Loaded the Danish demo data.');

  const clock = config.testClock ? new OffsetClock() : systemClock;
  if (config.testClock) say('Test clock on: admins may move the clock forward (POST /api/demo/clock).');
  const mailer = new Mailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, clock });
  let queue: TJobQueue | undefined;
  const matchIndex = new MatchIndexService(database.db, clock);
  const base = { config, db: database.db, pool: database.pool, clock, mailer, matchIndex };
  queue = await startJobQueue(database.url, platformJobs({ ...base, queue: () => queue! }), {
    work: config.queue,
    onError: (err) => log.warn(`queue: ${err instanceof Error ? err.message : String(err)}`),
  });
  const deps: TAppDeps = { ...base, queue };
  // Built before the first request (issue 5: the index is built at start-up).
  await matchIndex.refresh();
  say(`Match index built: ${matchIndex.residentCount()} residents, ${matchIndex.openingCount()} openings.`);

  const app = await buildApp(deps, {
    serveClient: true,
    logger: {
      level: config.logLevel,
      // Request logs carry method, URL (query values dropped), status and request id; never
      // cookies, bodies or what someone searched for.
      serializers: requestLogSerializers,
      redact: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
    },
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: shutting down.`);
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    try {
      await app.close();
      await queue?.stop();
      mailer.close();
      await database.shutdown();
      say('Jobbro stopped.');
      process.exit(0);
    } catch (err) {
      log.warn(`shutdown failed: ${String(err)}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  say('');
  say(`Jobbro kører på http://localhost:${port}  (API-dokumentation: http://localhost:${port}/api/docs)`);
  say(
    config.databaseUrl ? 'Database: DATABASE_URL' : `Database: indlejret PostgreSQL i ${config.dataDir}/pg`,
  );
  if (config.demo) {
    say(`Demo-logins (adgangskode ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) say(`  ${u.email.padEnd(26)} ${u.label}`);
    if (!config.smtpUrl) say('Uden SMTP_URL lander mails i udbakken (Admin → Udbakke).');
  }
}

main().catch((err) => {
  process.stderr.write(`Jobbro could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
