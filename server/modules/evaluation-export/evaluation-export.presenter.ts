import { createHmac } from 'node:crypto';
import type { TEvaluationExportKey } from '@domain/evaluation-export.schema.ts';
import {
  EVALUATION_CSV_HEADERS,
  evaluationCells,
  type TEvaluationRow,
} from '@domain/reports/evaluation-export.ts';
import { writeCsv } from '@server/platform/spreadsheet.ts';
import type { TKeyListRow } from './evaluation-export.repository.ts';

// What leaves the server of the evaluation export: a key without its secret, and the file. The
// file is CSV for Danish Excel: UTF-8 with a BOM (so æ, ø and å survive), `;` between cells (the
// list separator of Danish Windows, where `,` is the decimal comma), CRLF line ends, dates as
// dd.mm.yyyy (which Danish Excel reads as dates).

export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';

export function presentKey(row: TKeyListRow): TEvaluationExportKey {
  return {
    id: row.id,
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/**
 * The person's pseudonym under a key: HMAC-SHA256(secret, resident id as lower-case UUID text),
 * its first 16 bytes as 32 hex digits. Stable for one key, unlinkable across keys, and not
 * reversible without the secret, which never leaves the database.
 */
export function pseudonym(secret: Buffer, residentId: string): string {
  return createHmac('sha256', secret)
    .update(residentId.toLowerCase(), 'utf8')
    .digest()
    .subarray(0, 16)
    .toString('hex');
}

/** "evalueringsudtraek-partnerskab-om-job-viborg-2026-01-01-2026-06-30.csv" */
export function exportFileName(partnershipName: string, from: string, to: string): string {
  const slug = partnershipName
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `evalueringsudtraek-${slug || 'partnerskab'}-${from}-${to}.csv`;
}

/**
 * The file: a header row, then the rows ordered by pseudonym (an order that says nothing of who
 * was registered first) and, per person, in time order.
 */
export function evaluationCsv(
  rows: readonly TEvaluationRow[],
  secret: Buffer,
  areaNames: ReadonlyMap<string, string>,
): Buffer {
  const pseudonyms = new Map<string, string>();
  const pseudonymOf = (id: string) => {
    let p = pseudonyms.get(id);
    if (!p) {
      p = pseudonym(secret, id);
      pseudonyms.set(id, p);
    }
    return p;
  };
  const cells = rows.map((row) =>
    evaluationCells(
      row,
      pseudonymOf(row.residentId),
      row.housingAreaId ? (areaNames.get(row.housingAreaId) ?? '') : '',
    ),
  );
  // Stable: each person's rows keep their time order.
  cells.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), writeCsv([[...EVALUATION_CSV_HEADERS], ...cells])]);
}
