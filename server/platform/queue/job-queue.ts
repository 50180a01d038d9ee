import { PgBoss } from 'pg-boss';

// Background work (mail, purges, later reminders) runs on pg-boss: jobs live in PostgreSQL,
// survive restarts, and any number of stateless app servers share them.

export interface TJobQueue {
  send(name: string, data: object): Promise<void>;
  stop(): Promise<void>;
}

export interface TJobDefinition {
  name: string;
  handler: (data: Record<string, unknown>) => Promise<void>;
  /** Cron in Europe/Copenhagen time (DOMAIN.md: schedule in Danish time). */
  cron?: string;
}

export async function startJobQueue(
  connectionString: string,
  jobs: TJobDefinition[],
  options: { work: boolean; onError: (err: unknown) => void; retryDelaySeconds?: number },
): Promise<TJobQueue> {
  const boss = new PgBoss({
    connectionString,
    schema: 'pgboss',
    max: 4,
    schedule: options.work,
    supervise: options.work,
  });
  boss.on('error', options.onError);
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name, {
      retryLimit: 5,
      retryDelay: options.retryDelaySeconds ?? 30,
      retryBackoff: true,
    });
    if (!options.work) continue;
    // Polled every second: a notification's e-mail reaches SMTP within seconds (issue 3's target).
    await boss.work<Record<string, unknown>>(job.name, { pollingIntervalSeconds: 1 }, async (batch) => {
      for (const j of batch) await job.handler(j.data ?? {});
    });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'Europe/Copenhagen' });
  }
  return {
    async send(name, data) {
      await boss.send(name, data);
    },
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}
