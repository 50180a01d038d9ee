import { ZOptionalEmail, ZOptionalPhone } from './common.schema.ts';
import type { TActor } from './policy.ts';
import {
  ageOn,
  BENEFIT_GROUP_LABEL_DA,
  BENEFIT_GROUPS,
  JOBCENTER_CATEGORIES,
  JOBCENTER_CATEGORY_LABEL_DA,
  RESIDENT_STATUS_LABEL_DA,
  RESIDENT_STATUSES,
  type TBenefitGroup,
  type TJobcenterCategory,
  type TResidentStatus,
} from './resident.schema.ts';
import { containsCprLike } from './rules/cpr.ts';

// The jobcenter list import (seed 002, Aabenraa: "Jobcenteret sørger for, at jobguiden løbende
// får opdaterede lister over ledige borgere med adresse i boligafdelingen"). Pure: which column
// is which field, how each cell is read, which rows are wrong and why, and what storing the list
// would do to the residents the jobcenter already has. The server reads the file and the
// database; the same functions decide for the dry run, the store and the benchmark.
//
// Issues name a row number and a field, never a value from the file: they are kept for 12 months
// while the file itself is dropped.

export const RESIDENT_IMPORT_FIELDS = [
  'jobcenterRef',
  'firstName',
  'lastName',
  'birthDate',
  'postalCode',
  'housingArea',
  'phone',
  'email',
  'benefitGroup',
  'jobcenterCategory',
  'status',
] as const;
export type TResidentImportField = (typeof RESIDENT_IMPORT_FIELDS)[number];

/** Without these a row cannot become a person. */
export const REQUIRED_IMPORT_FIELDS: readonly TResidentImportField[] = [
  'jobcenterRef',
  'firstName',
  'lastName',
  'birthDate',
  'postalCode',
];

export const RESIDENT_IMPORT_FIELD_LABEL_DA: Record<TResidentImportField, string> = {
  jobcenterRef: 'Personreference',
  firstName: 'Fornavn',
  lastName: 'Efternavn',
  birthDate: 'Fødselsdato',
  postalCode: 'Postnummer',
  housingArea: 'Boligområde',
  phone: 'Telefon',
  email: 'E-mail',
  benefitGroup: 'Ydelse',
  jobcenterCategory: 'Kategori',
  status: 'Status',
};

/** Jobbro field → the file's column name. */
export type TImportMapping = Partial<Record<TResidentImportField, string>>;

export const MAX_IMPORT_ROWS = 200_000;
const MAX_REF_LENGTH = 50;

/** Lower case, æøå folded, without spaces and punctuation: "Fødsels-dato" → "foedselsdato". */
export function foldText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .toLocaleLowerCase('da-DK')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9&]+/g, '');
}

const HEADER_SYNONYMS: Record<TResidentImportField, readonly string[]> = {
  jobcenterRef: [
    'personreference',
    'personref',
    'reference',
    'ref',
    'id',
    'personid',
    'borgerid',
    'borgernr',
    'borgernummer',
    'sagsid',
    'sagsnr',
    'sagsnummer',
    'jobcenterref',
    'jobcenterreference',
    'jobcenterid',
    'externalid',
    'personreferencenummer',
    'loebenr',
    'loebenummer',
  ],
  firstName: ['fornavn', 'fornavne', 'fornavnogmellemnavn', 'fornavnmellemnavn', 'firstname', 'givenname'],
  lastName: ['efternavn', 'lastname', 'surname', 'familyname'],
  birthDate: ['foedselsdato', 'foedt', 'foedselsdag', 'birthdate', 'dateofbirth', 'dob', 'birthday'],
  postalCode: ['postnummer', 'postnr', 'postalcode', 'zip', 'zipcode', 'postcode'],
  housingArea: [
    'boligomraade',
    'boligafdeling',
    'afdeling',
    'omraade',
    'boligomraadenavn',
    'housingarea',
    'area',
  ],
  phone: [
    'telefon',
    'telefonnummer',
    'telefonnr',
    'tlf',
    'tlfnr',
    'mobil',
    'mobilnummer',
    'mobilnr',
    'phone',
  ],
  email: ['email', 'emailadresse', 'mail', 'mailadresse'],
  benefitGroup: [
    'ydelse',
    'ydelsesgruppe',
    'ydelsestype',
    'forsoergelse',
    'forsoergelsesgrundlag',
    'forsoergelsesydelse',
    'benefit',
    'benefitgroup',
  ],
  jobcenterCategory: [
    'kategori',
    'jobcenterkategori',
    'visitation',
    'visitationskategori',
    'maalgruppe',
    'matchgruppe',
    'category',
    'jobcentercategory',
  ],
  status: ['status', 'forloebsstatus'],
};

const HEADER_INDEX = new Map<string, TResidentImportField>(
  RESIDENT_IMPORT_FIELDS.flatMap((f) => HEADER_SYNONYMS[f].map((s) => [s, f] as const)),
);

/** The field a column header stands for, or null. A CPR column is never mapped. */
export function mapImportHeader(header: string): TResidentImportField | null {
  const folded = foldText(header);
  if (folded.startsWith('cpr')) return null;
  return HEADER_INDEX.get(folded) ?? null;
}

/** The file's column names: blank headers become "Kolonne 3", so every column can be chosen. */
export function columnNames(header: readonly string[]): string[] {
  return header.map((h, i) => h.replace(/^\uFEFF/, '').trim() || `Kolonne ${i + 1}`);
}

/** Header matching: the first column per field, each column used once. */
export function automaticMapping(columns: readonly string[]): TImportMapping {
  const mapping: TImportMapping = {};
  for (const column of columns) {
    const field = mapImportHeader(column);
    if (field && !mapping[field]) mapping[field] = column;
  }
  return mapping;
}

/**
 * The mapping to propose for a new file: the jobcenter's remembered one when every column it
 * names is in the file (the same export as last time), else header matching.
 */
export function proposeMapping(
  columns: readonly string[],
  remembered: TImportMapping | null,
): { mapping: TImportMapping; source: 'remembered' | 'automatic' } {
  if (remembered) {
    const named = Object.values(remembered).filter((c): c is string => !!c);
    if (named.length > 0 && named.every((c) => columns.includes(c))) {
      return { mapping: { ...remembered }, source: 'remembered' };
    }
  }
  return { mapping: automaticMapping(columns), source: 'automatic' };
}

/** Problems with a chosen mapping, by field, in Danish; empty when it can be used. */
export function mappingProblems(mapping: TImportMapping, columns: readonly string[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const used = new Map<string, TResidentImportField>();
  for (const field of RESIDENT_IMPORT_FIELDS) {
    const column = mapping[field];
    if (!column) {
      if (REQUIRED_IMPORT_FIELDS.includes(field))
        problems[field] = 'Vælg den kolonne, der indeholder feltet.';
      continue;
    }
    if (!columns.includes(column)) {
      problems[field] = 'Kolonnen findes ikke i filen.';
    } else if (used.has(column)) {
      problems[field] =
        `Kolonnen er allerede valgt til ${RESIDENT_IMPORT_FIELD_LABEL_DA[used.get(column)!].toLocaleLowerCase('da-DK')}.`;
    } else {
      used.set(column, field);
    }
  }
  return problems;
}

// ---- Reading cells -------------------------------------------------------------------------

const DANISH_DATE = /^(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/;

function isoOf(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A birth date as jobcenters write it: dd.mm.åååå (also - or /, no leading zeros) or ISO. */
export function parseImportDate(text: string): string | null {
  const value = text.trim();
  const danish = DANISH_DATE.exec(value);
  if (danish) return isoOf(Number(danish[4]), Number(danish[3]), Number(danish[1]));
  const iso = ISO_DATE.exec(value);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

/** "800" (Excel dropped the zero) → "0800"; other text as it is, trimmed. */
export function normalisePostalCode(text: string): string {
  const value = text.trim().replace(/\s+/g, '');
  return /^\d{3}$/.test(value) && Number(value) >= 800 ? `0${value}` : value;
}

/** A Danish postal code in use is 4 digits from 0800 to 9990. */
export function isDanishPostalCode(value: string): boolean {
  return /^\d{4}$/.test(value) && Number(value) >= 800 && Number(value) <= 9990;
}

function vocabulary<T extends string>(
  codes: readonly T[],
  labels: Record<T, string>,
  extra: Record<string, T>,
): (text: string) => T | null {
  const index = new Map<string, T>();
  for (const code of codes) {
    index.set(foldText(code), code);
    index.set(foldText(labels[code]), code);
  }
  for (const [spelling, code] of Object.entries(extra)) index.set(foldText(spelling), code);
  // A list repeats a handful of spellings 100,000 times: remember each one's reading (bounded).
  const seen = new Map<string, T | null>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined) return known;
    const found = index.get(foldText(text)) ?? null;
    if (seen.size > 1_000) seen.clear();
    seen.set(text, found);
    return found;
  };
}

/** Benefit groups with the spellings jobcenter systems use ("Kontanthjælpsmodtager", "A-dagpenge"). */
export const parseBenefitGroup = vocabulary<TBenefitGroup>(BENEFIT_GROUPS, BENEFIT_GROUP_LABEL_DA, {
  dagpenge: 'a_dagpenge',
  'forsikret ledig': 'a_dagpenge',
  'a-kasse': 'a_dagpenge',
  arbejdsløshedsdagpenge: 'a_dagpenge',
  kontanthjælpsmodtager: 'kontanthjaelp',
  kth: 'kontanthjaelp',
  uddannelseshjælpsmodtager: 'uddannelseshjaelp',
  'selvforsørgelses- og hjemrejseydelse': 'overgangsydelse',
  'selvforsørgelses og hjemrejseydelse': 'overgangsydelse',
  hjemrejseydelse: 'overgangsydelse',
  's&h-ydelse': 'overgangsydelse',
  integrationsydelse: 'overgangsydelse',
  jobafklaring: 'jobafklaringsforloeb',
  ressourceforløbsydelse: 'ressourceforloeb',
  'ingen ydelse': 'none',
  ingen: 'none',
  selvforsørget: 'none',
  selvforsørgende: 'none',
  familieforsørget: 'none',
  'ikke-forsørget': 'none',
});

/** The jobcenter's visitation category ("Jobparat", "aktivitetsparat", "Arbejdsmarkedsparat"). */
export const parseJobcenterCategory = vocabulary<TJobcenterCategory>(
  JOBCENTER_CATEGORIES,
  JOBCENTER_CATEGORY_LABEL_DA,
  {
    arbejdsmarkedsparat: 'jobparat',
    jobklar: 'jobparat',
    'jobparat kontanthjælpsmodtager': 'jobparat',
    'aktivitetsparat kontanthjælpsmodtager': 'aktivitetsparat',
    'åbenlyst uddannelsesparat': 'uddannelsesparat',
    'uddannelsesparat ung': 'uddannelsesparat',
  },
);

/** Jobbro's own statuses, Danish labels and codes ("I job", "in_job", "Pause"). */
export const parseResidentStatus = vocabulary<TResidentStatus>(RESIDENT_STATUSES, RESIDENT_STATUS_LABEL_DA, {
  pause: 'paused',
  pauseret: 'paused',
  'i arbejde': 'in_job',
  beskæftiget: 'in_job',
  'under uddannelse': 'in_education',
  flyttet: 'moved',
  afsluttet: 'closed',
  lukket: 'closed',
});

// ---- Issues --------------------------------------------------------------------------------

export const IMPORT_ISSUE_CODES = [
  'required',
  'cpr',
  'too_long',
  'invalid_date',
  'birth_date_in_future',
  'too_young',
  'too_old',
  'invalid_postal_code',
  'duplicate_ref',
  'erased',
  'possible_duplicate',
  'possible_existing',
  'outside_areas',
  'ambiguous_area',
  'unknown_area',
  'invalid_phone',
  'invalid_email',
  'unknown_benefit_group',
  'unknown_category',
  'unknown_status',
] as const;
export type TImportIssueCode = (typeof IMPORT_ISSUE_CODES)[number];
export type TImportSeverity = 'error' | 'warning';

/** One problem in one row: where and what, never the value. */
export interface TImportIssue {
  /** The row number as the user sees it in Excel (the header is row 1). */
  row: number;
  field: TResidentImportField | null;
  severity: TImportSeverity;
  code: TImportIssueCode;
  message: string;
}

const MIN_AGE = 13;
const MAX_AGE = 120;
const CPR_MESSAGE = 'Ligner et CPR-nummer – Jobbro gemmer aldrig CPR-numre.';
const CPR_REF_MESSAGE =
  'Ligner et CPR-nummer – Jobbro gemmer aldrig CPR-numre. Brug jobcentrets egen personreference.';
const FIELD_HINTS: Record<'benefitGroup' | 'jobcenterCategory' | 'status', string> = {
  benefitGroup: 'Ukendt ydelse – feltet udfyldes ikke. Brug fx Kontanthjælp, A-dagpenge eller Sygedagpenge.',
  jobcenterCategory:
    'Ukendt kategori – feltet udfyldes ikke. Brug Jobparat, Aktivitetsparat eller Uddannelsesparat.',
  status: 'Ukendt status – feltet udfyldes ikke. Brug fx Aktiv, På pause, I job eller I uddannelse.',
};

const MAX_NAME_LENGTH = 100;
/** Cheap first test: without 6 + 4 digits there is no CPR number to look for. */
const MAYBE_CPR = /\d{6}[-\s]?\d{4}/;

function hasCprLike(text: string): boolean {
  return MAYBE_CPR.test(text) && containsCprLike(text);
}

function pushIssue(
  issues: TImportIssue[],
  row: number,
  field: TResidentImportField,
  severity: TImportSeverity,
  code: TImportIssueCode,
  message: string,
): void {
  issues.push({ row, field, severity, code, message });
}

function hasError(issues: readonly TImportIssue[]): boolean {
  for (const i of issues) if (i.severity === 'error') return true;
  return false;
}

function readName(
  issues: TImportIssue[],
  row: number,
  field: 'firstName' | 'lastName',
  text: string | null,
): string | null {
  if (text === null) return null;
  const name = text.trim();
  if (!name) {
    pushIssue(issues, row, field, 'error', 'required', `${RESIDENT_IMPORT_FIELD_LABEL_DA[field]} mangler.`);
    return null;
  }
  if (name.length > MAX_NAME_LENGTH) {
    pushIssue(
      issues,
      row,
      field,
      'error',
      'too_long',
      `${RESIDENT_IMPORT_FIELD_LABEL_DA[field]} er for langt (højst ${MAX_NAME_LENGTH} tegn).`,
    );
    return null;
  }
  return name;
}

/** An optional word from a vocabulary; an unknown one is a warning and is left out. */
function readWord<T>(
  issues: TImportIssue[],
  row: number,
  field: 'benefitGroup' | 'jobcenterCategory' | 'status',
  text: string | null,
  parse: (t: string) => T | null,
): T | null {
  if (!text) return null;
  const parsed = parse(text);
  if (parsed === null)
    pushIssue(issues, row, field, 'warning', `unknown_${FIELD_CODE[field]}`, FIELD_HINTS[field]);
  return parsed;
}

const FIELD_CODE = {
  benefitGroup: 'benefit_group',
  jobcenterCategory: 'category',
  status: 'status',
} as const;

/** A row's cells by field (only the mapped fields). */
export interface TImportRowCells {
  row: number;
  cells: Partial<Record<TResidentImportField, string>>;
}

/** What a valid row says about the person; null for a cell that was empty (or unreadable, warned). */
export interface TImportRowData {
  jobcenterRef: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  postalCode: string;
  housingArea: string | null;
  phone: string | null;
  email: string | null;
  benefitGroup: TBenefitGroup | null;
  jobcenterCategory: TJobcenterCategory | null;
  status: TResidentStatus | null;
}

/** The table of a file → rows of cells by field, skipping empty rows; row numbers as in Excel. */
export function rowsOf(table: readonly string[][], columns: readonly string[], mapping: TImportMapping) {
  const index = RESIDENT_IMPORT_FIELDS.flatMap((f) => {
    const column = mapping[f];
    const at = column ? columns.indexOf(column) : -1;
    return at >= 0 ? [[f, at] as const] : [];
  });
  const rows: TImportRowCells[] = [];
  for (let i = 1; i < table.length; i++) {
    const cells = table[i]!;
    if (cells.every((c) => !c)) continue;
    const values: TImportRowCells['cells'] = {};
    for (const [field, at] of index) values[field] = (cells[at] ?? '').trim();
    rows.push({ row: i + 1, cells: values });
  }
  return rows;
}

/** How many data rows (non-empty, after the header) a table has. */
export function countDataRows(table: readonly string[][]): number {
  let n = 0;
  for (let i = 1; i < table.length; i++) if (table[i]!.some((c) => c)) n++;
  return n;
}

/**
 * One row on its own: required cells, CPR-like values anywhere, the birth date's rules on the
 * Copenhagen day `today`, postal code, and the optional fields (an unreadable optional cell is a
 * warning and is left out, so the person still comes in).
 */
export function validateImportRow(
  input: TImportRowCells,
  today: string,
): { data: TImportRowData | null; issues: TImportIssue[] } {
  // Plain statements, no closures per row: this runs twice for each of up to 200,000 rows.
  const { row, cells } = input;
  const issues: TImportIssue[] = [];

  // Never a CPR number, whichever column it hides in.
  let cpr: Set<TResidentImportField> | null = null;
  for (const field of RESIDENT_IMPORT_FIELDS) {
    const v = cells[field];
    if (v && hasCprLike(v)) {
      cpr ??= new Set();
      cpr.add(field);
      pushIssue(issues, row, field, 'error', 'cpr', field === 'jobcenterRef' ? CPR_REF_MESSAGE : CPR_MESSAGE);
    }
  }
  const value = (field: TResidentImportField) => (cpr?.has(field) ? null : (cells[field] ?? ''));

  const ref = value('jobcenterRef');
  if (ref === '') {
    pushIssue(
      issues,
      row,
      'jobcenterRef',
      'error',
      'required',
      'Personreferencen mangler – den er nøglen til personen.',
    );
  } else if (ref && ref.length > MAX_REF_LENGTH) {
    pushIssue(
      issues,
      row,
      'jobcenterRef',
      'error',
      'too_long',
      `Personreferencen er for lang (højst ${MAX_REF_LENGTH} tegn).`,
    );
  }

  // As ZRequiredText(100): trimmed, 1-100 characters (CPR-like text is refused above).
  const firstName = readName(issues, row, 'firstName', value('firstName'));
  const lastName = readName(issues, row, 'lastName', value('lastName'));

  let birthDate: string | null = null;
  const birth = value('birthDate');
  if (birth === '') pushIssue(issues, row, 'birthDate', 'error', 'required', 'Fødselsdatoen mangler.');
  else if (birth !== null) {
    const iso = parseImportDate(birth);
    const age = iso && iso <= today ? ageOn(iso, today) : 0;
    if (!iso) {
      pushIssue(
        issues,
        row,
        'birthDate',
        'error',
        'invalid_date',
        'Fødselsdato kan ikke læses – skriv dd.mm.åååå.',
      );
    } else if (iso > today) {
      pushIssue(
        issues,
        row,
        'birthDate',
        'error',
        'birth_date_in_future',
        'Fødselsdatoen ligger i fremtiden.',
      );
    } else if (age < MIN_AGE) {
      pushIssue(issues, row, 'birthDate', 'error', 'too_young', `Personen skal være mindst ${MIN_AGE} år.`);
    } else if (age > MAX_AGE) {
      pushIssue(issues, row, 'birthDate', 'error', 'too_old', 'Fødselsdatoen er urealistisk (over 120 år).');
    } else birthDate = iso;
  }

  let postalCode: string | null = null;
  const postal = value('postalCode');
  if (postal === '') pushIssue(issues, row, 'postalCode', 'error', 'required', 'Postnummeret mangler.');
  else if (postal !== null) {
    const code = normalisePostalCode(postal);
    if (isDanishPostalCode(code)) postalCode = code;
    else {
      pushIssue(
        issues,
        row,
        'postalCode',
        'error',
        'invalid_postal_code',
        'Ukendt postnummer – et dansk postnummer er 4 cifre mellem 0800 og 9990.',
      );
    }
  }

  const area = value('housingArea');
  const housingArea = area ? area.slice(0, 200) : null;

  let phone: string | null = null;
  const phoneText = value('phone');
  if (phoneText) {
    const parsed = ZOptionalPhone.safeParse(phoneText);
    if (parsed.success) phone = parsed.data;
    else {
      pushIssue(
        issues,
        row,
        'phone',
        'warning',
        'invalid_phone',
        'Telefonnummeret kan ikke læses (8 cifre, evt. med +45) – feltet udfyldes ikke.',
      );
    }
  }
  let email: string | null = null;
  const emailText = value('email');
  if (emailText) {
    const parsed = ZOptionalEmail.safeParse(emailText);
    if (parsed.success) email = parsed.data;
    else
      pushIssue(
        issues,
        row,
        'email',
        'warning',
        'invalid_email',
        'E-mailadressen er ugyldig – feltet udfyldes ikke.',
      );
  }

  const benefitGroup = readWord(issues, row, 'benefitGroup', value('benefitGroup'), parseBenefitGroup);
  const jobcenterCategory = readWord(
    issues,
    row,
    'jobcenterCategory',
    value('jobcenterCategory'),
    parseJobcenterCategory,
  );
  const status = readWord(issues, row, 'status', value('status'), parseResidentStatus);

  if (!ref || !firstName || !lastName || !birthDate || !postalCode || hasError(issues)) {
    return { data: null, issues };
  }
  return {
    data: {
      jobcenterRef: ref,
      firstName,
      lastName,
      birthDate,
      postalCode,
      housingArea,
      phone,
      email,
      benefitGroup,
      jobcenterCategory,
      status,
    },
    issues,
  };
}

// ---- The plan: what storing the list would do ----------------------------------------------

/** A housing area of the jobcenter's municipality. */
export interface TImportArea {
  id: string;
  name: string;
  postalCode: string;
}

/** The values an imported person is stored with (the columns the import writes). */
export interface TImportedValues {
  jobcenterRef: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  postalCode: string;
  housingAreaId: string | null;
  phone: string | null;
  email: string | null;
  benefitGroup: TBenefitGroup | null;
  jobcenterCategory: TJobcenterCategory | null;
  status: TResidentStatus;
  municipalityId: string;
}

/** A person the jobcenter already has in Jobbro. */
export interface TExistingResident extends Omit<TImportedValues, 'jobcenterRef'> {
  id: string;
  jobcenterRef: string | null;
  anonymised: boolean;
}

export type TImportAction = 'new' | 'updated' | 'unchanged';

export interface TPlannedRow {
  row: number;
  action: TImportAction;
  /** The existing person for `updated` and `unchanged`. */
  residentId: string | null;
  values: TImportedValues;
}

export interface TImportSummary {
  totalRows: number;
  validRows: number;
  errorRows: number;
  warningRows: number;
  errors: number;
  warnings: number;
  new: number;
  updated: number;
  unchanged: number;
  /** The jobcenter's imported people who are not on this list (nothing is deleted). */
  missingFromList: number;
}

export interface TImportPlan {
  rows: TPlannedRow[];
  issues: TImportIssue[];
  summary: TImportSummary;
}

export interface TImportContext {
  /** The Copenhagen day (birth date rules). */
  today: string;
  municipalityId: string;
  areas: readonly TImportArea[];
  /** Every person the jobcenter registered (with or without a reference). */
  existing: readonly TExistingResident[];
  /**
   * References of people who asked to be erased, as keyed fingerprints (never the reference
   * itself), and the function that fingerprints a reference from the file the same way.
   */
  erasedRefs?: { fingerprints: ReadonlySet<string>; fingerprint: (ref: string) => string };
}

/** Same person? Name and birth date, compared case- and accent-insensitively. */
const personKey = (firstName: string, lastName: string, birthDate: string) =>
  `${foldText(firstName)}|${foldText(lastName)}|${birthDate}`;

/**
 * The housing area: a named area of the municipality when the file has one; else the one area
 * with the person's postal code; else, for a known person whose postal code did not change, the
 * area they have. When the postal code points at no area the person lives "outside the areas";
 * when it points at several, nobody guesses.
 */
function resolveArea(
  data: TImportRowData,
  areasByName: Map<string, TImportArea[]>,
  areasByPostal: Map<string, TImportArea[]>,
  existing: TExistingResident | undefined,
  issues: TImportIssue[],
  row: number,
): string | null {
  if (data.housingArea) {
    const named = areasByName.get(foldText(data.housingArea)) ?? [];
    if (named.length === 1) return named[0]!.id;
    pushIssue(
      issues,
      row,
      'housingArea',
      'warning',
      'unknown_area',
      'Boligområdet findes ikke i kommunen – Jobbro bruger postnummeret i stedet.',
    );
  }
  if (existing && existing.postalCode === data.postalCode && !data.housingArea) return existing.housingAreaId;
  const candidates = areasByPostal.get(data.postalCode) ?? [];
  if (candidates.length === 1) return candidates[0]!.id;
  if (candidates.length === 0) {
    pushIssue(
      issues,
      row,
      'postalCode',
      'warning',
      'outside_areas',
      'Postnummeret ligger ikke i et af kommunens boligområder – personen gemmes som »uden for boligområderne«.',
    );
    return null;
  }
  if (existing?.housingAreaId && candidates.some((a) => a.id === existing.housingAreaId)) {
    return existing.housingAreaId;
  }
  pushIssue(
    issues,
    row,
    'postalCode',
    'warning',
    'ambiguous_area',
    'Postnummeret dækker flere boligområder – tilføj en kolonne med boligområdet. Personen gemmes uden boligområde.',
  );
  return null;
}

const VALUE_KEYS = [
  'firstName',
  'lastName',
  'birthDate',
  'postalCode',
  'housingAreaId',
  'phone',
  'email',
  'benefitGroup',
  'jobcenterCategory',
  'status',
  'municipalityId',
] as const;

/** True when storing `next` would change the stored person. */
export function differs(existing: TExistingResident, next: TImportedValues): boolean {
  return VALUE_KEYS.some((k) => existing[k] !== next[k]);
}

/** Adds rows one at a time (so a caller can report progress between chunks), then finishes. */
export interface TImportPlanner {
  add(row: TImportRowCells): void;
  finish(): TImportPlan;
}

/**
 * Validates rows and plans what storing the list would do: new, updated or unchanged per valid
 * row (matched on the jobcenter's person reference). An empty optional cell leaves what Jobbro
 * has; duplicates in the file are errors (same reference) or warnings (same person under two
 * references). Rows with errors are skipped when the list is stored.
 */
export function createImportPlanner(ctx: TImportContext): TImportPlanner {
  const issues: TImportIssue[] = [];
  const planned: TPlannedRow[] = [];
  const byRef = new Map<string, TExistingResident>();
  const unreferenced = new Map<string, TExistingResident>();
  for (const e of ctx.existing) {
    if (e.jobcenterRef) byRef.set(e.jobcenterRef, e);
    else if (!e.anonymised) unreferenced.set(personKey(e.firstName, e.lastName, e.birthDate), e);
  }
  const areasByName = new Map<string, TImportArea[]>();
  const areasByPostal = new Map<string, TImportArea[]>();
  for (const a of ctx.areas) {
    const name = foldText(a.name);
    areasByName.set(name, [...(areasByName.get(name) ?? []), a]);
    areasByPostal.set(a.postalCode, [...(areasByPostal.get(a.postalCode) ?? []), a]);
  }
  const firstRowOfRef = new Map<string, number>();
  const firstRowOfPerson = new Map<string, { row: number; ref: string }>();
  const seenRefs = new Set<string>();
  let totalRows = 0;
  let errorRows = 0;
  let warningRows = 0;
  const counts = { new: 0, updated: 0, unchanged: 0 };

  function add(input: TImportRowCells): void {
    totalRows++;
    const { data, issues: rowIssues } = validateImportRow(input, ctx.today);
    const row = input.row;

    // The reference as written, also on a row with other errors: a later row with the same one
    // is a duplicate whatever became of the first.
    const rawRef = input.cells.jobcenterRef?.trim() ?? '';
    const ref = rawRef && !hasCprLike(rawRef) ? rawRef : null;
    if (ref) {
      const first = firstRowOfRef.get(ref);
      if (first !== undefined) {
        pushIssue(
          rowIssues,
          row,
          'jobcenterRef',
          'error',
          'duplicate_ref',
          `Personreferencen står også i række ${first} – kun den første række bruges.`,
        );
      } else firstRowOfRef.set(ref, row);
    }
    const existing = ref ? byRef.get(ref) : undefined;
    const erasedOnRequest =
      ref !== null &&
      ctx.erasedRefs !== undefined &&
      ctx.erasedRefs.fingerprints.size > 0 &&
      ctx.erasedRefs.fingerprints.has(ctx.erasedRefs.fingerprint(ref));
    if (existing?.anonymised || erasedOnRequest) {
      pushIssue(
        rowIssues,
        row,
        'jobcenterRef',
        'error',
        'erased',
        'Personen har fået sine oplysninger slettet i Jobbro og importeres ikke igen under samme reference.',
      );
    }

    let values: TImportedValues | null = null;
    if (data && !hasError(rowIssues)) {
      const key = personKey(data.firstName, data.lastName, data.birthDate);
      const twin = firstRowOfPerson.get(key);
      if (twin && twin.ref !== data.jobcenterRef) {
        pushIssue(
          rowIssues,
          row,
          'jobcenterRef',
          'warning',
          'possible_duplicate',
          `Samme navn og fødselsdato som række ${twin.row}, men en anden personreference – er det den samme person?`,
        );
      } else if (!twin) firstRowOfPerson.set(key, { row, ref: data.jobcenterRef });
      if (!existing && unreferenced.has(key)) {
        pushIssue(
          rowIssues,
          row,
          'jobcenterRef',
          'warning',
          'possible_existing',
          'Jobcentret har allerede registreret en person med samme navn og fødselsdato (uden personreference). Importen opretter en ny person.',
        );
      }
      const housingAreaId = resolveArea(data, areasByName, areasByPostal, existing, rowIssues, row);
      values = {
        jobcenterRef: data.jobcenterRef,
        firstName: data.firstName,
        lastName: data.lastName,
        birthDate: data.birthDate,
        postalCode: data.postalCode,
        housingAreaId,
        phone: data.phone ?? existing?.phone ?? null,
        email: data.email ?? existing?.email ?? null,
        benefitGroup: data.benefitGroup ?? existing?.benefitGroup ?? null,
        jobcenterCategory: data.jobcenterCategory ?? existing?.jobcenterCategory ?? null,
        status: data.status ?? existing?.status ?? 'active',
        municipalityId: ctx.municipalityId,
      };
    }

    if (hasError(rowIssues)) errorRows++;
    else if (rowIssues.length > 0) warningRows++;
    for (const i of rowIssues) issues.push(i);
    if (!values || hasError(rowIssues)) return;

    seenRefs.add(values.jobcenterRef);
    const action: TImportAction = !existing ? 'new' : differs(existing, values) ? 'updated' : 'unchanged';
    counts[action]++;
    planned.push({ row, action, residentId: existing?.id ?? null, values });
  }

  function finish(): TImportPlan {
    let missingFromList = 0;
    for (const e of ctx.existing) {
      if (e.jobcenterRef && !e.anonymised && !seenRefs.has(e.jobcenterRef)) missingFromList++;
    }
    const errors = issues.filter((i) => i.severity === 'error').length;
    return {
      rows: planned,
      issues,
      summary: {
        totalRows,
        validRows: planned.length,
        errorRows,
        warningRows,
        errors,
        warnings: issues.length - errors,
        ...counts,
        missingFromList,
      },
    };
  }

  return { add, finish };
}

/** The whole list at once (see createImportPlanner). */
export function planImport(rows: readonly TImportRowCells[], ctx: TImportContext): TImportPlan {
  const planner = createImportPlanner(ctx);
  for (const row of rows) planner.add(row);
  return planner.finish();
}

// ---- Templates and samples -----------------------------------------------------------------

/** The template's headers: what the automatic matching reads without help. */
export const TEMPLATE_HEADERS: Record<TResidentImportField, string> = { ...RESIDENT_IMPORT_FIELD_LABEL_DA };

/** A CSV template (UTF-8 with BOM, `;` as Danish Excel expects) with the headers only. */
export function importTemplateCsv(): string {
  return `\uFEFF${RESIDENT_IMPORT_FIELDS.map((f) => TEMPLATE_HEADERS[f]).join(';')}\r\n`;
}

// ---- Who imports ---------------------------------------------------------------------------

/**
 * The jobcenters whose lists the actor imports: a job consultant its own jobcenters, the
 * secretariat every jobcenter ('all'); nobody else (an empty list).
 */
export function importJobcenterIds(actor: TActor): string[] | 'all' {
  if (actor.memberships.some((m) => m.role === 'admin')) return 'all';
  return actor.memberships
    .filter((m) => m.role === 'job_consultant' && m.scopeId)
    .map((m) => m.scopeId as string);
}

/** May the actor import (and see the imports of) this jobcenter's lists? */
export function mayImportFor(actor: TActor, jobcenterId: string): boolean {
  const ids = importJobcenterIds(actor);
  return ids === 'all' || ids.includes(jobcenterId);
}
