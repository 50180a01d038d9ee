import {
  allocations,
  followUpDigests,
  invitations,
  mailOutbox,
  notifications,
} from '@server/db/schema/index.ts';
import { sendFollowUpDigests } from '@server/modules/follow-ups/follow-up-digest.ts';
import { sendDueDialogueReminders } from '@server/modules/job-dialogues/job-dialogues.service.ts';
import { purgeIndexChanges } from '@server/modules/matching/match-data.repository.ts';
import { purgeReportRuns, reportJobs } from '@server/modules/reports/reports.service.ts';
import {
  purgeResidentImports,
  residentImportJobs,
} from '@server/modules/resident-imports/resident-imports.service.ts';
import {
  RETENTION_JOB,
  runResidentRetention,
} from '@server/modules/resident-rights/resident-rights.service.ts';
import { notifyClausesBehind } from '@server/modules/social-clauses/social-clauses.service.ts';
import { and, inArray, lt } from 'drizzle-orm';
import { purgeOldAttempts } from '../auth/login-throttle.ts';
import { purgeExpiredSessions } from '../auth/sessions.ts';
import type { TAppDeps } from '../http/deps.ts';
import { MAIL_DELIVER_JOB, MAIL_SWEEP_JOB } from '../mail/mailer.ts';
import type { TJobDefinition } from './job-queue.ts';

export const PURGE_JOB = 'purge.expired';
export const DIALOGUE_REMINDERS_JOB = 'job_dialogues.reminders';
export const CLAUSES_BEHIND_JOB = 'social_clauses.behind';
export const FOLLOW_UP_DIGEST_JOB = 'follow_ups.digest';

const DAY_MS = 24 * 60 * 60_000;

/** Deletes what has outlived its retention (server/db/data-classification.ts says how long). */
export async function purgeExpiredData(deps: Pick<TAppDeps, 'db' | 'clock' | 'config'>): Promise<void> {
  const now = deps.clock.now();
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  await purgeExpiredSessions(
    deps.db,
    {
      secret: deps.config.sessionSecret,
      idleMs: deps.config.sessionIdleMs,
      absoluteMs: deps.config.sessionAbsoluteMs,
    },
    now,
  );
  await purgeOldAttempts(deps.db, ago(1));
  await deps.db.delete(notifications).where(lt(notifications.createdAt, ago(365)));
  await deps.db
    .delete(mailOutbox)
    .where(and(lt(mailOutbox.createdAt, ago(90)), inArray(mailOutbox.status, ['sent', 'failed', 'outbox'])));
  await deps.db.delete(invitations).where(lt(invitations.expiresAt, ago(30)));
  // Jobcenter lists: the file after 24 hours unless stored, the import after 12 months.
  await purgeResidentImports(deps);
  // Partnership reports: the run and its file 24 hours after it was asked for.
  await purgeReportRuns(deps);
  // The match index feed is read within seconds; a server idle for longer rebuilds anyway.
  await purgeIndexChanges(deps.db, ago(1));
  // Allocation plans are decided within days; the proposals made from them stay.
  await deps.db.delete(allocations).where(lt(allocations.createdAt, ago(90)));
  // The digest ledger only has to outlive the day it guards.
  await deps.db.delete(followUpDigests).where(lt(followUpDigests.createdAt, ago(90)));
}

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
      // A "later" dialogue reminds its holder from 07:00 Danish time on the day; a quarter-hourly
      // run catches the morning and any day the server was down.
      name: DIALOGUE_REMINDERS_JOB,
      cron: '*/15 * * * *',
      handler: async () => {
        await sendDueDialogueReminders({ ...deps, queue: deps.queue() });
      },
    },
    {
      // One follow-up digest per job consultant and Danish day, from 07:00 (quarter-hourly, so a
      // server down at 07:00 sends it when it is back; the ledger keeps it to one a day).
      name: FOLLOW_UP_DIGEST_JOB,
      cron: '*/15 * * * *',
      handler: async () => {
        await sendFollowUpDigests({ ...deps, queue: deps.queue() });
      },
    },
    {
      name: CLAUSES_BEHIND_JOB,
      cron: '0 7 * * *',
      handler: async () => {
        await notifyClausesBehind({ ...deps, queue: deps.queue() });
      },
    },
    {
      // Residents without activity for N months are anonymised (issue 4); at night, Danish time.
      name: RETENTION_JOB,
      cron: '30 2 * * *',
      handler: async () => {
        await runResidentRetention(deps);
      },
    },
    {
      name: PURGE_JOB,
      cron: '17 * * * *',
      handler: async () => {
        await purgeExpiredData(deps);
      },
    },
    // The jobcenter list import's dry run and store.
    ...residentImportJobs(deps),
    // Partnership reports, built section by section with progress.
    ...reportJobs(deps),
  ];
}
