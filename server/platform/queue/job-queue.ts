import { PgBoss } from 'pg-boss';

// Background work (mail, purges, later reminders) runs on pg-boss: jobs live in PostgreSQL,
// survive restarts, and any number of stateless app servers share them.

export interface TJobQueue {
  send(name: string, data: object): Promise<void>;
  stop(): Promise<void>;
}

export interface TJobDefinition {
  name: string;
  /** Must be idempotent: jobs run at least once, and a batch with a failed job is retried whole. */
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
    // LISTEN/NOTIFY wakes a worker the moment a job is sent, so an opening's e-mails leave at
    // once instead of after the next poll; polling stays on as the backstop.
    useListenNotify: options.work,
  });
  boss.on('error', options.onError);
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name, {
      retryLimit: 5,
      retryDelay: options.retryDelaySeconds ?? 30,
      retryBackoff: true,
      notify: true,
    });
    if (!options.work) continue;
    // Batches of up to 10, run side by side and fetched back to back while they come full: a
    // burst of openings (two e-mails each) drains in seconds, not one job per poll. Every job of a
    // batch is tried; if any
    // failed the batch is retried, which is safe because handlers are idempotent (a sent mail is
    // not sent again).
    await boss.work<Record<string, unknown>>(
      job.name,
      { pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 5, batchSize: 10, burstWhenBatchFull: true },
      async (batch) => {
        const results = await Promise.allSettled(batch.map((j) => job.handler(j.data ?? {})));
        const failed = results.find((r) => r.status === 'rejected');
        if (failed) throw failed.reason;
      },
    );
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'Europe/Copenhagen' });
  }
  return {
    async send(name, data) {
      await boss.send(name, data);
    },
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}
