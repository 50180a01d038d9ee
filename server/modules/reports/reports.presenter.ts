import {
  REPORT_RUN_KEEP_HOURS,
  REPORT_STEPS,
  type TReportRun,
  type TReportStep,
} from '@domain/reports/report.schema.ts';
import type { TRunRow } from './reports.repository.ts';

// The only way a report run leaves the server: what was asked, how far it is, and where to fetch
// the file once it is done. Aggregates only, so the same shape for everyone who may see the run.

const stepOf = (step: string | null): TReportStep =>
  (REPORT_STEPS as readonly string[]).includes(step ?? '') ? (step as TReportStep) : 'queued';

/** `ownRun`: the viewer asked for it (only they download it; an admin following it does not). */
export function presentRun(row: TRunRow, ownRun = true): TReportRun {
  const done = row.status === 'done' && row.hasFile;
  return {
    id: row.id,
    partnershipId: row.partnershipId,
    partnershipName: row.partnershipName,
    from: row.periodFrom,
    to: row.periodTo,
    format: row.format,
    suppressed: row.suppressed,
    status: row.status,
    progress: row.progress,
    step: stepOf(row.step),
    fileName: done ? row.fileName : null,
    downloadUrl: done && ownRun ? `/api/reports/${row.id}/file` : null,
    failureMessage: row.failureMessage,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    expiresAt: new Date(row.createdAt.getTime() + REPORT_RUN_KEEP_HOURS * 3_600_000).toISOString(),
  };
}
