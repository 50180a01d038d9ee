import { type TCompanyInput, type TCompanyStatus, ZCompanyInput } from '@domain/company.schema.ts';
import {
  COMPANY_IMPORT_FIELDS,
  mapCompanyHeader,
  normaliseWebsite,
  parseCompanyStatus,
  parseSizeBand,
  type TCompanyImportField,
} from '@domain/company-import.ts';
import { fieldsFromIssues } from '@server/platform/errors.ts';
import { fileError, readCsv, readXlsx } from '@server/platform/spreadsheet.ts';

// Reading an uploaded company list (CSV or XLSX) into rows of field values, and validating each
// row with the same schema as the form. No database here: the service decides create/update.

export const MAX_IMPORT_ROWS = 5000;

export interface TParsedFile {
  /** The fields the file's columns map to, in file order. */
  fields: TCompanyImportField[];
  rows: { row: number; values: Partial<Record<TCompanyImportField, string>> }[];
}

export interface TValidatedRow {
  row: number;
  values: Partial<Record<TCompanyImportField, string>>;
  errors: Record<string, string>;
  /** The company's facts for the columns the file has; only when the row is valid. */
  input: (Partial<TCompanyInput> & Pick<TCompanyInput, 'cvr' | 'name'>) | null;
  status: TCompanyStatus | null;
}

/** Parses the file and maps its header to fields; a file without CVR and name columns is refused. */
export async function parseCompanyFile(fileName: string, content: Buffer): Promise<TParsedFile> {
  const table = /\.xlsx$/i.test(fileName) ? await readXlsx(content) : readCsv(content);
  const [header, ...body] = table;
  if (!header || header.every((h) => !h)) throw fileError('Filen er tom.');
  const byColumn = header.map(mapCompanyHeader);
  const fields = byColumn.filter((f): f is TCompanyImportField => f !== null);
  const missing = (['cvr', 'name'] as const).filter((f) => !fields.includes(f));
  if (missing.length > 0) {
    throw fileError('Filen skal have en kolonne "CVR" og en kolonne "Navn" i første række.');
  }
  if (new Set(fields).size !== fields.length) throw fileError('Filen har den samme kolonne flere gange.');
  const rows: TParsedFile['rows'] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => !c?.trim())) return;
    const values: Partial<Record<TCompanyImportField, string>> = {};
    byColumn.forEach((field, col) => {
      if (field) values[field] = (cells[col] ?? '').trim();
    });
    rows.push({ row: i + 2, values });
  });
  if (rows.length > MAX_IMPORT_ROWS) throw fileError(`Højst ${MAX_IMPORT_ROWS} rækker pr. fil.`);
  return { fields: COMPANY_IMPORT_FIELDS.filter((f) => fields.includes(f)), rows };
}

/** Validates one row with the form's schema; size band and status are read forgivingly first. */
export function validateRow(
  fields: TCompanyImportField[],
  parsed: TParsedFile['rows'][number],
): TValidatedRow {
  const { values } = parsed;
  const errors: Record<string, string> = {};
  const candidate: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f] ?? '';
    if (f === 'sizeBand') {
      const band = parseSizeBand(v);
      if (v && !band) errors.sizeBand = 'Ukendt størrelse. Brug 1-9, 10-49, 50-249 eller 250+.';
      candidate.sizeBand = band;
    } else if (f === 'website') {
      candidate.website = normaliseWebsite(v);
    } else if (f !== 'status') {
      candidate[f] = v;
    }
  }
  let status: TCompanyStatus | null = null;
  if (fields.includes('status') && values.status) {
    status = parseCompanyStatus(values.status);
    if (!status) {
      errors.status =
        'Ukendt status. Brug emne, kontaktet, interesseret, aftale, sat på pause eller afsluttet.';
    }
  }
  const result = ZCompanyInput.safeParse(candidate);
  if (!result.success) {
    for (const [k, m] of Object.entries(fieldsFromIssues(result.error.issues))) errors[k] ??= m;
  }
  if (Object.keys(errors).length > 0 || !result.success) {
    return { row: parsed.row, values, errors, input: null, status };
  }
  // Only the file's columns are written: a column the file lacks leaves the stored value alone.
  const input = Object.fromEntries(
    Object.entries(result.data).filter(([k]) => fields.includes(k as TCompanyImportField)),
  ) as TValidatedRow['input'];
  return { row: parsed.row, values, errors, input, status };
}
