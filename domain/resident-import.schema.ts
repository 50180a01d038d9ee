import { z } from 'zod';
import { ZListQuery, ZUuid } from './common.schema.ts';
import { IMPORT_ISSUE_CODES, RESIDENT_IMPORT_FIELDS } from './resident-import.ts';

// The API of the jobcenter list import, /api/imports/residents (issue 4 item 4). Personal values
// from the file appear only in the upload's answer (a few sample rows for the mapping step);
// nothing stored or returned later carries one.

export const RESIDENT_IMPORT_STATUSES = [
  'uploaded',
  'validating',
  'validated',
  'storing',
  'stored',
  'failed',
  'discarded',
] as const;
export type TResidentImportStatus = (typeof RESIDENT_IMPORT_STATUSES)[number];

/** The largest list (MAX_UPLOAD_BYTES on the server; a 100,000-row list is about 12 MB). */
export const RESIDENT_IMPORT_MAX_BYTES = 40 * 1024 * 1024;

export const ZImportMapping = z.partialRecord(
  z.enum(RESIDENT_IMPORT_FIELDS, { error: 'Ukendt felt.' }),
  z.string().trim().max(200, { error: 'Højst 200 tegn.' }),
);

export const ZImportIssue = z.object({
  row: z.number().int(),
  field: z.enum(RESIDENT_IMPORT_FIELDS).nullable(),
  severity: z.enum(['error', 'warning']),
  code: z.enum(IMPORT_ISSUE_CODES),
  message: z.string(),
});
export type TImportIssueDto = z.infer<typeof ZImportIssue>;

/** Counts of the dry run (and, once stored, what was written). */
export const ZImportSummary = z.object({
  totalRows: z.number().int().optional(),
  validRows: z.number().int().optional(),
  errorRows: z.number().int().optional(),
  warningRows: z.number().int().optional(),
  errors: z.number().int().optional(),
  warnings: z.number().int().optional(),
  new: z.number().int().optional(),
  updated: z.number().int().optional(),
  unchanged: z.number().int().optional(),
  missingFromList: z.number().int().optional(),
  /** Issues beyond this many are counted but not kept. */
  issuesKept: z.number().int().optional(),
  storedNew: z.number().int().optional(),
  storedUpdated: z.number().int().optional(),
  storedUnchanged: z.number().int().optional(),
  skippedRows: z.number().int().optional(),
});
export type TImportSummaryDto = z.infer<typeof ZImportSummary>;

export const ZResidentImport = z.object({
  id: ZUuid,
  jobcenterId: ZUuid,
  jobcenterName: z.string(),
  fileName: z.string(),
  fileKind: z.enum(['csv', 'xlsx']),
  columns: z.array(z.string()),
  mapping: ZImportMapping,
  status: z.enum(RESIDENT_IMPORT_STATUSES),
  totalRows: z.number().int(),
  /** Rows validated (while validating) or written (while storing). */
  processedRows: z.number().int(),
  /** What processedRows counts towards in the current step. */
  progressTotal: z.number().int(),
  summary: ZImportSummary,
  /** The first issues (the rest through /issues and the report). */
  issues: z.array(ZImportIssue),
  failureMessage: z.string().nullable(),
  /** The uploaded file is still kept (until stored, discarded, or 24 hours). */
  hasFile: z.boolean(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  storedAt: z.string().nullable(),
});
export type TResidentImport = z.infer<typeof ZResidentImport>;

/** POST /api/imports/residents: the import, its proposed mapping and a few rows to map by. */
export const ZResidentImportUpload = z.object({
  import: ZResidentImport,
  mappingSource: z.enum(['remembered', 'automatic']),
  /** Up to three rows of the file, cells in column order; answered once, never stored. */
  sample: z.array(z.array(z.string())),
});
export type TResidentImportUpload = z.infer<typeof ZResidentImportUpload>;

export const ZImportMappingInput = z.object({ mapping: ZImportMapping });

export const ZResidentImportListQuery = ZListQuery.extend({
  jobcenterId: ZUuid.optional(),
  sort: z.enum(['createdAt', 'fileName', 'status']).optional(),
});
export type TResidentImportListQuery = z.infer<typeof ZResidentImportListQuery>;

export const ZImportIssueQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  severity: z.enum(['error', 'warning']).optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.string().max(50).optional(),
  dir: z.enum(['asc', 'desc']).default('asc'),
});
export type TImportIssueQuery = z.infer<typeof ZImportIssueQuery>;
