import { z } from 'zod';
import { ZUuid } from '../common.schema.ts';
import { addMonths } from '../time.ts';

// Partnership reports (issue 7 item 5): one partnership and period as PDF or XLSX, built in the
// background with its progress recorded, downloadable by whoever asked for 24 hours.

export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export type TReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type TReportRunStatus = (typeof REPORT_RUN_STATUSES)[number];

/** The steps of a run in order, as stable keys the UI translates; progress (0-100) as each starts. */
export const REPORT_STEPS = [
  'queued',
  'summary',
  'funnel',
  'indicators',
  'outcomes',
  'goals',
  'rendering',
  'saving',
  'done',
] as const;
export type TReportStep = (typeof REPORT_STEPS)[number];
export const REPORT_STEP_PROGRESS: Record<TReportStep, number> = {
  queued: 0,
  summary: 5,
  funnel: 15,
  indicators: 35,
  outcomes: 50,
  goals: 70,
  rendering: 80,
  saving: 95,
  done: 100,
};
export const REPORT_STEP_LABEL_DA: Record<TReportStep, string> = {
  queued: 'Venter på at gå i gang',
  summary: 'Forside og overblik',
  funnel: 'Tragt og nøgletal',
  indicators: 'Områdeindikatorer',
  outcomes: 'Resultattabeller',
  goals: 'Mål og status',
  rendering: 'Opsætter filen',
  saving: 'Gemmer filen',
  done: 'Færdig',
};

export const REPORT_MEDIA_TYPES: Record<TReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A report covers at most this many years (one column per year in the yearly tables). */
export const MAX_REPORT_PERIOD_YEARS = 10;
/** Finished runs (the file and the row) are deleted after this many hours. */
export const REPORT_RUN_KEEP_HOURS = 24;

/** The Danish error of a period, by field, or null. */
export function reportPeriodProblem(from: string, to: string): { field: 'to'; message: string } | null {
  if (from > to) return { field: 'to', message: 'Slutdatoen skal ligge på eller efter startdatoen.' };
  if (to >= addMonths(from, MAX_REPORT_PERIOD_YEARS * 12)) {
    return { field: 'to', message: `Perioden må højst være ${MAX_REPORT_PERIOD_YEARS} år.` };
  }
  return null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const reportDate = (missing: string) =>
  z.iso.date({
    error: (iss) => (iss.input === undefined || iss.input === '' ? missing : 'Ugyldig dato.'),
  });

/** POST /api/reports. */
export const ZReportCreate = z
  .object({
    partnershipId: z.uuid({
      error: (iss) =>
        iss.input === undefined || iss.input === '' ? 'Vælg et partnerskab.' : 'Ugyldigt partnerskab.',
    }),
    /** Copenhagen days, both included. */
    from: reportDate('Vælg periodens startdato.'),
    to: reportDate('Vælg periodens slutdato.'),
    format: z.enum(REPORT_FORMATS, { error: 'Vælg PDF eller Excel (pdf eller xlsx).' }),
  })
  .superRefine((q, ctx) => {
    // Only two valid dates are compared (zod refines the object even when a date failed).
    if (!ISO_DATE.test(q.from) || !ISO_DATE.test(q.to)) return;
    const problem = reportPeriodProblem(q.from, q.to);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });
export type TReportCreate = z.infer<typeof ZReportCreate>;

/** GET /api/reports/partnerships: what the user may ask for a report of, and whether small counts are hidden. */
export const ZReportPartnership = z.object({
  id: ZUuid,
  name: z.string(),
  /** The user sees aggregates only for this partnership: small counts become "< 5". */
  suppressed: z.boolean(),
});
export type TReportPartnership = z.infer<typeof ZReportPartnership>;

/** GET /api/reports: the requester's own runs, newest first. */
export const ZReportListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(10),
});
export type TReportListQuery = z.infer<typeof ZReportListQuery>;

/** A run as the requester sees it: what was asked, how far it has come, and the file's name once done. */
export const ZReportRun = z.object({
  id: ZUuid,
  partnershipId: ZUuid,
  partnershipName: z.string(),
  from: z.string(),
  to: z.string(),
  format: z.enum(REPORT_FORMATS),
  /** Small counts are shown as "< 5" in the file (the requester sees aggregates only). */
  suppressed: z.boolean(),
  status: z.enum(REPORT_RUN_STATUSES),
  /** 0-100. */
  progress: z.number().int().min(0).max(100),
  step: z.enum(REPORT_STEPS),
  /** The file's name once it is done; null before. */
  fileName: z.string().nullable(),
  /** Where to download it once done; null before. */
  downloadUrl: z.string().nullable(),
  /** Why it failed, in Danish. */
  failureMessage: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** When the file (and the run) is deleted. */
  expiresAt: z.string(),
});
export type TReportRun = z.infer<typeof ZReportRun>;
