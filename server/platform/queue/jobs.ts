import { purgeOldAttempts } from '../auth/login-throttle.ts';
import { purgeExpiredSessions } from '../auth/sessions.ts';
import type { TAppDeps } from '../http/deps.ts';
import { MAIL_DELIVER_JOB, MAIL_SWEEP_JOB } from '../mail/mailer.ts';
import type { TJobDefinition } from './job-queue.ts';

export const PURGE_JOB = 'purge.sessions';

/** The platform's background jobs; feature modules add theirs here as they arrive. */
export function platformJobs(
  deps: Omit<TAppDeps, 'queue'> & { queue: () => TAppDeps['queue'] },
): TJobDefinition[] {
  return [
    {
      name: MAIL_DELIVER_JOB,
      handler: async (data) => deps.mailer.deliver(deps.db, String(data.id)),
    },
    {
      name: MAIL_SWEEP_JOB,
      cron: '*/5 * * * *',
      handler: async () => {
        for (const id of await deps.mailer.findStale(deps.db, 2 * 60_000))
          await deps.queue().send(MAIL_DELIVER_JOB, { id });
      },
    },
    {
      name: PURGE_JOB,
      cron: '17 * * * *',
      handler: async () => {
        const now = deps.clock.now();
        await purgeExpiredSessions(
          deps.db,
          {
            secret: deps.config.sessionSecret,
            idleMs: deps.config.sessionIdleMs,
            absoluteMs: deps.config.sessionAbsoluteMs,
          },
          now,
        );
        await purgeOldAttempts(deps.db, new Date(now.getTime() - 24 * 60 * 60_000));
      },
    },
  ];
}
