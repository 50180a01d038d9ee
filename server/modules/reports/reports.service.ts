import type { TPage } from '@domain/common.schema.ts';
import { builtInIndicator, type TIndicatorUnit } from '@domain/indicator.schema.ts';
import { can, isAdmin, worksCasesOf } from '@domain/policy.ts';
import {
  activeCasesByYear,
  movementByBenefitGroup,
  periodInstants,
  yearlyActivity,
  yearWindows,
} from '@domain/reports/outcome-tables.ts';
import {
  REPORT_MEDIA_TYPES,
  REPORT_RUN_KEEP_HOURS,
  REPORT_STEP_PROGRESS,
  type TReportCreate,
  type TReportListQuery,
  type TReportPartnership,
  type TReportRun,
  type TReportStep,
} from '@domain/reports/report.schema.ts';
import {
  buildReportDocument,
  intoWorkOf,
  reportFileName,
  type TReportIndicatorValue,
} from '@domain/reports/report-document.ts';
import { danishDate } from '@domain/time.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { findPartnership } from '@server/modules/bias-report/bias-report.repository.ts';
import { kpiValues } from '@server/modules/dashboard/dashboard-figures.ts';
import { goalStatuses } from '@server/modules/goals/goal-status.ts';
import { customDefinitions, listValues } from '@server/modules/indicators/indicators.repository.ts';
import { allPartnerships } from '@server/modules/placements/retention.repository.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError, fieldError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { authorize } from '@server/platform/policy.ts';
import type { TJobDefinition } from '@server/platform/queue/job-queue.ts';
import { reportPdf } from './report-pdf.ts';
import { reportXlsx } from './report-xlsx.ts';
import { presentRun } from './reports.presenter.ts';
import {
  caseChanges,
  counsellingSessions,
  findRun,
  insertRun,
  listRuns,
  partnershipAreas,
  purgeRuns,
  runFile,
  type TRunRow,
  trialStarts,
  unfinishedRuns,
  updateRun,
} from './reports.repository.ts';

// Partnership reports (issue 7 item 5): one click per partnership and period gives a PDF or an
// XLSX computed from Jobbro's own records. The request stores a run and queues a job; the job
// builds the report section by section, recording its step and progress on the run (so any app
// server answers the progress poll), and stores the file, which only the requester downloads and
// which is deleted after 24 hours with the run. Aggregates only, suppressed for whoever asked.

export const REPORT_JOB = 'reports.build';
/** A user has at most this many reports being built at once. */
export const MAX_UNFINISHED_RUNS = 3;
const FAILURE_MESSAGE = 'Rapporten kunne ikke dannes. Prøv igen – sker det igen, så kontakt sekretariatet.';
const NOT_FOUND_MESSAGE = 'Rapporten findes ikke, eller du har ikke adgang til den.';

type TDeps = Pick<TAppDeps, 'db' | 'clock'>;

/** The run was deleted or finished elsewhere while the job ran: stop quietly. */
class RunGone extends Error {}

/** Every indicator value of the partnership's areas, every year, with the indicator's name and unit. */
async function indicatorValuesOf(db: TDbOrTx, partnershipId: string): Promise<TReportIndicatorValue[]> {
  const customs = await customDefinitions(db, [partnershipId]);
  const out: TReportIndicatorValue[] = [];
  for (let page = 1; ; page++) {
    const batch = await listValues(db, { partnershipId, page, pageSize: 500, dir: 'asc', sort: 'year' });
    for (const v of batch.items) {
      const own = customs.find((c) => c.key === v.indicator);
      const info: { nameDa: string; unit: TIndicatorUnit } = builtInIndicator(v.indicator) ??
        own ?? { nameDa: v.indicator, unit: 'number' };
      out.push({
        areaId: v.areaId,
        areaName: v.areaName,
        indicator: v.indicator,
        indicatorName: info.nameDa,
        unit: info.unit,
        year: v.year,
        value: v.value,
        municipalAverage: v.municipalAverage,
        source: v.source,
        note: v.note,
      });
    }
    if (page * batch.pageSize >= batch.total) return out;
  }
}

/**
 * Builds a report (the job): every section in turn, the step and progress written before each,
 * then the file. Idempotent: only a queued or running run is built (a retried job starts over),
 * and a run deleted meanwhile is left alone. A failure is recorded on the run in Danish.
 */
export async function runReport(deps: TDeps, runId: string): Promise<void> {
  const { db, clock } = deps;
  const run = await findRun(db, runId);
  if (!run || (run.status !== 'queued' && run.status !== 'running')) return;
  const step = async (key: TReportStep) => {
    const set = {
      status: 'running' as const,
      step: key,
      progress: REPORT_STEP_PROGRESS[key],
      updatedAt: clock.now(),
    };
    if (!(await updateRun(db, runId, set, ['queued', 'running']))) throw new RunGone();
  };
  try {
    await step('summary');
    const partnership = await findPartnership(db, run.partnershipId);
    if (!partnership) throw new Error(`report ${runId}: partnership ${run.partnershipId} not found`);
    const areas = await partnershipAreas(db, partnership.id);
    const areaIds = areas.map((a) => a.id);
    const generatedAt = clock.now();
    const today = danishDate(generatedAt);
    const { periodFrom: from, periodTo: to } = run;
    const scope = { partnershipIds: [partnership.id], today };

    await step('funnel');
    const kpis = await kpiValues(db, { ...scope, from, to });

    await step('indicators');
    const indicators = await indicatorValuesOf(db, partnership.id);

    await step('outcomes');
    const period = periodInstants(from, to);
    const windows = yearWindows(from, to);
    const changes = await caseChanges(db, areaIds, period.end);
    const movement = movementByBenefitGroup(changes, period, areaIds);
    // Into education and into work per year are the dashboard's own figures for that year.
    const outcomes = new Map<number, { intoEducation: number; intoWork: number }>();
    for (const w of windows) {
      const year = await kpiValues(db, { ...scope, from: w.from, to: w.to });
      outcomes.set(w.year, { intoEducation: year.into_education, intoWork: intoWorkOf(year) });
    }
    const activity = yearlyActivity({
      windows,
      sessions: await counsellingSessions(db, partnership.municipalityId, from, to),
      trials: await trialStarts(db, partnership.id, from, to),
      outcomes,
    });
    const residents = indicators
      .filter((v) => v.indicator === 'residents')
      .map((v) => ({ areaId: v.areaId, year: v.year, value: v.value }));
    const activeCases = activeCasesByYear(changes, windows, areaIds, residents);

    await step('goals');
    const goals = await goalStatuses(db, {
      partnershipId: partnership.id,
      today,
      suppress: run.suppressed,
      from,
      to,
    });

    await step('rendering');
    const doc = buildReportDocument({
      partnershipName: partnership.name,
      from,
      to,
      generatedAt,
      suppressed: run.suppressed,
      kpis,
      areas,
      indicators,
      movement,
      activity,
      activeCases,
      goals,
    });
    const content = run.format === 'pdf' ? await reportPdf(doc) : await reportXlsx(doc, generatedAt);

    await step('saving');
    const finished = await updateRun(
      db,
      runId,
      {
        status: 'done',
        step: 'done',
        progress: REPORT_STEP_PROGRESS.done,
        fileName: reportFileName(partnership.name, from, to, run.format),
        content,
        finishedAt: clock.now(),
        updatedAt: clock.now(),
      },
      ['running'],
    );
    if (!finished) throw new RunGone();
  } catch (err) {
    if (err instanceof RunGone) return;
    const now = clock.now();
    await updateRun(
      db,
      runId,
      { status: 'failed', failureMessage: FAILURE_MESSAGE, finishedAt: now, updatedAt: now },
      ['queued', 'running'],
    );
    // Rethrown for the queue's record; the retry finds the run failed and stops.
    throw err;
  }
}

export function reportJobs(deps: TDeps): TJobDefinition[] {
  return [{ name: REPORT_JOB, handler: async (data) => runReport(deps, String(data.runId)) }];
}

/** Retention (purgeExpiredData): runs, with their files, 24 hours after they were asked for. */
export async function purgeReportRuns(deps: TDeps): Promise<void> {
  await purgeRuns(deps.db, new Date(deps.clock.now().getTime() - REPORT_RUN_KEEP_HOURS * 3_600_000));
}

/** Asking for reports, following their progress and fetching the files. */
export function createReportsService(deps: TAppDeps) {
  const { db, clock, queue } = deps;

  /**
   * The run, if the actor asked for it (or, to follow its progress, is an admin) and may still see
   * its partnership's figures; 404 (logged) otherwise, so nobody learns of another's runs.
   */
  async function see(ctx: TRequestContext, id: string, action: 'read' | 'export'): Promise<TRunRow> {
    const actor = requireActor(ctx);
    const row = await findRun(db, id);
    const own = row?.requestedBy === actor.userId;
    const allowed =
      row !== undefined &&
      (own || (action === 'read' && isAdmin(actor))) &&
      can(actor, action, {
        kind: 'report',
        partnershipId: row.partnershipId,
        municipalityId: row.partnershipMunicipalityId,
      });
    if (!allowed) {
      await recordAudit(db, ctx, {
        action: 'denied',
        entityType: 'report',
        entityId: id,
        details: { action, reason: row ? 'no_access' : 'not_found' },
      });
      throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
    }
    return row;
  }

  return {
    /** Stores the run and queues its job; the answer carries its id to follow. */
    async create(ctx: TRequestContext, input: TReportCreate): Promise<TReportRun> {
      const actor = requireActor(ctx);
      const partnership = await findPartnership(db, input.partnershipId);
      if (!partnership) throw fieldError('partnershipId', 'Partnerskabet findes ikke.');
      await authorize(db, ctx, 'create', {
        kind: 'report',
        partnershipId: partnership.id,
        municipalityId: partnership.municipalityId,
      });
      if ((await unfinishedRuns(db, actor.userId)) >= MAX_UNFINISHED_RUNS) {
        throw new AppError(
          'CONFLICT',
          `Du har allerede ${MAX_UNFINISHED_RUNS} rapporter under dannelse. Vent, til en af dem er færdig.`,
        );
      }
      const suppressed = !worksCasesOf(actor, partnership);
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const runId = await insertRun(tx, {
          partnershipId: partnership.id,
          periodFrom: input.from,
          periodTo: input.to,
          format: input.format,
          suppressed,
          requestedBy: actor.userId,
          now,
        });
        // An aggregate: the partnership, the period and the format, never a person.
        await recordAudit(tx, ctx, {
          action: 'create',
          entityType: 'report',
          entityId: runId,
          details: {
            partnershipId: partnership.id,
            from: input.from,
            to: input.to,
            format: input.format,
            suppressed,
          },
        });
        return runId;
      });
      await queue.send(REPORT_JOB, { runId: id });
      return presentRun((await findRun(db, id))!);
    },

    /** The partnerships the actor may ask for a report of, by name, each saying if small counts are hidden. */
    async partnerships(ctx: TRequestContext): Promise<TReportPartnership[]> {
      const actor = requireActor(ctx);
      return (await allPartnerships(db))
        .filter((p) =>
          can(actor, 'create', { kind: 'report', partnershipId: p.id, municipalityId: p.municipalityId }),
        )
        .map((p) => ({ id: p.id, name: p.name, suppressed: !worksCasesOf(actor, p) }));
    },

    /** The actor's own runs, newest first. */
    async list(ctx: TRequestContext, query: TReportListQuery): Promise<TPage<TReportRun>> {
      const actor = requireActor(ctx);
      const page = await listRuns(db, actor.userId, query);
      return {
        items: page.items.map((r) => presentRun(r)),
        total: page.total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /** A run's progress: the requester's own (an admin may follow anyone's). */
    async get(ctx: TRequestContext, id: string): Promise<TReportRun> {
      const row = await see(ctx, id, 'read');
      return presentRun(row, row.requestedBy === ctx.actor?.userId);
    },

    /** The finished file, for the requester only; the download is audit-logged. */
    async file(
      ctx: TRequestContext,
      id: string,
    ): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
      const row = await see(ctx, id, 'export');
      const file = row.status === 'done' ? await runFile(db, id) : undefined;
      if (!file?.content || !file.fileName) {
        throw new AppError(
          'CONFLICT',
          row.status === 'failed'
            ? FAILURE_MESSAGE
            : 'Rapporten er ikke færdig endnu. Vent, til den er klar.',
        );
      }
      await recordAudit(db, ctx, {
        action: 'export',
        entityType: 'report',
        entityId: id,
        details: {
          partnershipId: row.partnershipId,
          from: row.periodFrom,
          to: row.periodTo,
          format: row.format,
        },
      });
      return { fileName: file.fileName, mediaType: REPORT_MEDIA_TYPES[row.format], content: file.content };
    },
  };
}
