import {
  COMPANY_SIZE_BANDS,
  COMPANY_STATUS_LABEL_DA,
  COMPANY_STATUS_LABEL_EN,
  COMPANY_STATUSES,
  type TCompanySizeBand,
  type TCompanyStatus,
} from './company.schema.ts';

// Pure helpers of the company import: which column is which field, and the forgiving readings
// of size band and status people type into spreadsheets. The server parses the file; these decide.

export const COMPANY_IMPORT_FIELDS = [
  'cvr',
  'name',
  'address',
  'postalCode',
  'city',
  'industry',
  'db07Code',
  'sizeBand',
  'website',
  'status',
] as const;
export type TCompanyImportField = (typeof COMPANY_IMPORT_FIELDS)[number];

/** Normalised header text → field. Danish and English spellings, with and without æøå. */
const HEADER_ALIASES: Record<string, TCompanyImportField> = {
  cvr: 'cvr',
  cvrnr: 'cvr',
  cvrnummer: 'cvr',
  navn: 'name',
  name: 'name',
  virksomhed: 'name',
  virksomhedsnavn: 'name',
  firmanavn: 'name',
  company: 'name',
  companyname: 'name',
  adresse: 'address',
  address: 'address',
  postnummer: 'postalCode',
  postnr: 'postalCode',
  postalcode: 'postalCode',
  zip: 'postalCode',
  zipcode: 'postalCode',
  by: 'city',
  bynavn: 'city',
  city: 'city',
  branche: 'industry',
  industry: 'industry',
  db07: 'db07Code',
  db07kode: 'db07Code',
  branchekode: 'db07Code',
  db07code: 'db07Code',
  størrelse: 'sizeBand',
  stoerrelse: 'sizeBand',
  storrelse: 'sizeBand',
  size: 'sizeBand',
  sizeband: 'sizeBand',
  ansatte: 'sizeBand',
  employees: 'sizeBand',
  hjemmeside: 'website',
  website: 'website',
  web: 'website',
  url: 'website',
  status: 'status',
  relation: 'status',
};

function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLocaleLowerCase('da-DK')
    .replace(/[\s._\-/()]+/g, '');
}

/** The field a column header stands for, or null for a column Jobbro does not import. */
export function mapCompanyHeader(header: string): TCompanyImportField | null {
  return HEADER_ALIASES[normaliseHeader(header)] ?? null;
}

/**
 * A size band from "10-49", "10–49 ansatte", "250+", "250 eller flere" or a head count such as
 * "35"; null when the text says nothing we can read (the caller reports it).
 */
export function parseSizeBand(input: string): TCompanySizeBand | null {
  const text = input.trim().toLocaleLowerCase('da-DK').replace(/[–—]/g, '-').replace(/\s+/g, ' ');
  if (!text) return null;
  const exact = COMPANY_SIZE_BANDS.find((b) => text === b || text.startsWith(`${b} `));
  if (exact) return exact;
  if (/^250 ?(\+|eller flere|or more)/.test(text)) return '250+';
  const range = text.match(/^(\d+) ?- ?(\d+)/);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    return COMPANY_SIZE_BANDS.find((b) => b === `${from}-${to}`) ?? null;
  }
  const count = text.match(/^(\d+)( ansatte| employees)?$/);
  if (count) {
    const n = Number(count[1]);
    if (n < 1) return null;
    if (n <= 9) return '1-9';
    if (n <= 49) return '10-49';
    if (n <= 249) return '50-249';
    return '250+';
  }
  return null;
}

/** A status from its code ("agreement") or its Danish or English label ("Aftale", "Sat på pause"). */
export function parseCompanyStatus(input: string): TCompanyStatus | null {
  const text = input.trim().toLocaleLowerCase('da-DK');
  if (!text) return null;
  for (const s of COMPANY_STATUSES) {
    if (
      text === s ||
      text === COMPANY_STATUS_LABEL_DA[s].toLocaleLowerCase('da-DK') ||
      text === COMPANY_STATUS_LABEL_EN[s].toLocaleLowerCase('da-DK')
    ) {
      return s;
    }
  }
  if (text === 'pause') return 'paused';
  return null;
}

/** Bare "www.example.dk" becomes "https://www.example.dk"; anything else is left for the schema. */
export function normaliseWebsite(input: string): string {
  const text = input.trim();
  if (!text) return text;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
}
