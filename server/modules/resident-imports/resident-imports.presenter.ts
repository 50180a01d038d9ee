import type { TImportSummaryDto, TResidentImport } from '@domain/resident-import.schema.ts';
import {
  RESIDENT_IMPORT_FIELD_LABEL_DA,
  type TImportIssue,
  type TImportMapping,
} from '@domain/resident-import.ts';
import { DANISH_TZ } from '@domain/time.ts';
import ExcelJS from 'exceljs';
import type { TImportListRow } from './resident-imports.repository.ts';

// The only ways an import leaves the server: the status the wizard polls, and the XLSX report.
// Neither carries a value from the file, except the person reference the report may add while
// the file is still kept (so the jobcenter finds the person in its own system).

/** Issues shown with the status; the rest are paged through /issues and all are in the report. */
export const ISSUES_WITH_STATUS = 20;

export function presentImport(row: TImportListRow): TResidentImport {
  const summary = row.summary as TImportSummaryDto;
  const writes = (summary.new ?? 0) + (summary.updated ?? 0);
  return {
    id: row.id,
    jobcenterId: row.jobcenterId,
    jobcenterName: row.jobcenterName,
    fileName: row.fileName,
    fileKind: row.fileKind,
    columns: row.columns,
    mapping: row.mapping as TImportMapping,
    status: row.status,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    progressTotal: row.status === 'storing' ? writes : row.totalRows,
    summary,
    issues: row.issues.slice(0, ISSUES_WITH_STATUS) as TImportIssue[],
    failureMessage: row.failureMessage,
    hasFile: row.hasFile,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
    storedAt: row.storedAt?.toISOString() ?? null,
  };
}

const dateTime = new Intl.DateTimeFormat('da-DK', {
  timeZone: DANISH_TZ,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** dd.mm.yyyy HH.MM in Danish time (DOMAIN.md). */
export function danishDateTime(at: Date): string {
  const p = Object.fromEntries(dateTime.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.day}.${p.month}.${p.year} ${p.hour}.${p.minute}`;
}

const STATUS_DA: Record<TResidentImport['status'], string> = {
  uploaded: 'Uploadet – kolonner ikke valgt',
  validating: 'Kontrolleres',
  validated: 'Kontrolleret – ikke gemt',
  storing: 'Gemmes',
  stored: 'Gemt',
  failed: 'Fejlet',
  discarded: 'Kasseret',
};

const SUMMARY_LINES: [keyof TImportSummaryDto, string][] = [
  ['totalRows', 'Rækker i filen'],
  ['validRows', 'Rækker uden fejl'],
  ['errorRows', 'Rækker med fejl (springes over)'],
  ['warningRows', 'Rækker med advarsler (gemmes)'],
  ['new', 'Nye personer'],
  ['updated', 'Personer der ændres'],
  ['unchanged', 'Uændrede personer'],
  ['missingFromList', 'Personer fra tidligere lister, som ikke er med (slettes ikke)'],
  ['storedNew', 'Oprettet'],
  ['storedUpdated', 'Ændret'],
  ['storedUnchanged', 'Uændret'],
  ['skippedRows', 'Sprunget over'],
];

/**
 * The report: a summary sheet and an issues sheet (row, column, field, severity, message and,
 * while the file is kept, the person reference). Generated on the fly; nothing is stored.
 */
export async function buildReport(
  row: TImportListRow,
  refsByRow: Map<number, string> | null,
  generatedAt: Date,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jobbro';
  workbook.created = generatedAt;
  const summary = row.summary as TImportSummaryDto;
  const mapping = row.mapping as TImportMapping;

  const overview = workbook.addWorksheet('Oversigt');
  overview.columns = [
    { header: 'Emne', key: 'k', width: 62 },
    { header: 'Værdi', key: 'v', width: 40 },
  ];
  overview.getRow(1).font = { bold: true };
  overview.addRows([
    { k: 'Fil', v: row.fileName },
    { k: 'Jobcenter', v: row.jobcenterName },
    { k: 'Uploadet', v: danishDateTime(row.createdAt) },
    { k: 'Uploadet af', v: row.createdByName ?? '' },
    { k: 'Status', v: STATUS_DA[row.status] },
    { k: 'Gemt', v: row.storedAt ? danishDateTime(row.storedAt) : '' },
    { k: 'Rapporten er dannet', v: danishDateTime(generatedAt) },
  ]);
  for (const [key, label] of SUMMARY_LINES) {
    if (summary[key] !== undefined) overview.addRow({ k: label, v: summary[key] });
  }
  const kept = row.issues.length;
  const all = (summary.errors ?? 0) + (summary.warnings ?? 0);
  if (all > kept) {
    overview.addRow({
      k: 'Bemærk',
      v: `Kun de første ${kept} af ${all} problemer er med i arket Problemer.`,
    });
  }
  if (row.failureMessage) overview.addRow({ k: 'Besked', v: row.failureMessage });

  const sheet = workbook.addWorksheet('Problemer');
  sheet.columns = [
    { header: 'Række', key: 'row', width: 9 },
    { header: 'Kolonne i filen', key: 'column', width: 24 },
    { header: 'Felt i Jobbro', key: 'field', width: 18 },
    { header: 'Alvor', key: 'severity', width: 12 },
    { header: 'Besked', key: 'message', width: 90 },
    ...(refsByRow ? [{ header: 'Personreference', key: 'ref', width: 20 }] : []),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const issue of row.issues as TImportIssue[]) {
    sheet.addRow({
      row: issue.row,
      column: issue.field ? (mapping[issue.field] ?? '') : '',
      field: issue.field ? RESIDENT_IMPORT_FIELD_LABEL_DA[issue.field] : '',
      severity: issue.severity === 'error' ? 'Fejl' : 'Advarsel',
      message: issue.message,
      ...(refsByRow ? { ref: refsByRow.get(issue.row) ?? '' } : {}),
    });
  }
  sheet.autoFilter = { from: 'A1', to: { row: 1, column: sheet.columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
