import type { TConfig } from '@server/config.ts';
import type { TDb } from '@server/db/client.ts';
import type { MatchIndexService } from '@server/modules/matching/match-index.service.ts';
import type pg from 'pg';
import type { TClock } from '../clock.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { TJobQueue } from '../queue/job-queue.ts';

/** What the app's modules are built from; tests build it with a ManualClock and a test database. */
export interface TAppDeps {
  config: TConfig;
  db: TDb;
  pool: pg.Pool;
  clock: TClock;
  mailer: Mailer;
  queue: TJobQueue;
  /** This server's in-memory match index (issue 5): kept equal to the database by its change feed. */
  matchIndex: MatchIndexService;
}
