import { z } from 'zod';
import {
  optionalField,
  ZEmail,
  ZListQuery,
  ZOptionalText,
  ZOptionalUrl,
  ZPhone,
  ZPostalCode,
  ZRequiredText,
  ZUuid,
} from './common.schema.ts';
import { isValidCvr } from './rules/cvr.ts';

// The companies register (virksomheder): the suppliers housing organisations buy from, and the
// employers the partnership asks for jobs (DOMAIN.md "The method").

/** The relationship with a company, in the order it usually develops. */
export const COMPANY_STATUSES = [
  'prospect',
  'contacted',
  'interested',
  'agreement',
  'paused',
  'ended',
] as const;
export type TCompanyStatus = (typeof COMPANY_STATUSES)[number];

export const COMPANY_STATUS_LABEL_DA: Record<TCompanyStatus, string> = {
  prospect: 'Emne',
  contacted: 'Kontaktet',
  interested: 'Interesseret',
  agreement: 'Aftale',
  paused: 'Sat på pause',
  ended: 'Afsluttet',
};
export const COMPANY_STATUS_LABEL_EN: Record<TCompanyStatus, string> = {
  prospect: 'Prospect',
  contacted: 'Contacted',
  interested: 'Interested',
  agreement: 'Agreement',
  paused: 'Paused',
  ended: 'Ended',
};

/** Employees, as Statistics Denmark bands them. */
export const COMPANY_SIZE_BANDS = ['1-9', '10-49', '50-249', '250+'] as const;
export type TCompanySizeBand = (typeof COMPANY_SIZE_BANDS)[number];

export const ZCompanyCvr = z
  .string({ error: 'Skal udfyldes.' })
  .trim()
  .transform((v) => v.replace(/\s/g, ''))
  .pipe(
    z
      .string()
      .min(1, { error: 'Skal udfyldes.' })
      .refine(isValidCvr, { error: 'Ugyldigt CVR-nummer (8 cifre med gyldigt kontrolciffer).' }),
  );

/** DB07: Danmarks Statistik's industry code, 6 digits. */
export const ZDb07Code = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { error: 'DB07-branchekode skal være 6 cifre.' });

export const ZCompanyStatus = z.enum(COMPANY_STATUSES, { error: 'Vælg en gyldig status.' });
export const ZCompanySizeBand = z.enum(COMPANY_SIZE_BANDS, { error: 'Vælg en gyldig størrelse.' });

/** A company's own facts; PATCH accepts any subset of them. */
export const ZCompanyInput = z.object({
  cvr: ZCompanyCvr,
  name: ZRequiredText(150),
  address: ZOptionalText(200),
  postalCode: optionalField(ZPostalCode),
  city: ZOptionalText(100),
  industry: ZOptionalText(150),
  db07Code: optionalField(ZDb07Code),
  sizeBand: optionalField(ZCompanySizeBand),
  website: ZOptionalUrl,
});
export type TCompanyInput = z.infer<typeof ZCompanyInput>;

/** Creating also sets the first status and the partnerships the company works in. */
export const ZCompanyCreate = ZCompanyInput.extend({
  status: ZCompanyStatus.default('prospect'),
  partnershipIds: z.array(ZUuid).max(20).default([]),
});
export type TCompanyCreate = z.infer<typeof ZCompanyCreate>;

export const ZCompanyUpdate = ZCompanyInput.partial().extend({
  partnershipIds: z.array(ZUuid).max(20).optional(),
});
export type TCompanyUpdate = z.infer<typeof ZCompanyUpdate>;

export const ZCompanyStatusChange = z.object({
  status: ZCompanyStatus,
  note: ZOptionalText(1000),
});
export type TCompanyStatusChange = z.infer<typeof ZCompanyStatusChange>;

/** A person at the company (personal data: reads are audit-logged). */
export const ZCompanyContactInput = z.object({
  name: ZRequiredText(150),
  title: ZOptionalText(150),
  email: optionalField(ZEmail),
  phone: optionalField(ZPhone),
});
export type TCompanyContactInput = z.infer<typeof ZCompanyContactInput>;

export const ZCompanyNoteInput = z.object({ text: ZRequiredText(5000) });
export type TCompanyNoteInput = z.infer<typeof ZCompanyNoteInput>;

export const ZCompanyPartnershipRef = z.object({ id: ZUuid, name: z.string() });

export const ZCompany = z.object({
  id: ZUuid,
  cvr: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  industry: z.string().nullable(),
  db07Code: z.string().nullable(),
  sizeBand: z.enum(COMPANY_SIZE_BANDS).nullable(),
  website: z.string().nullable(),
  status: z.enum(COMPANY_STATUSES),
  isFictional: z.boolean(),
  partnerships: z.array(ZCompanyPartnershipRef),
  updatedAt: z.string(),
});
export type TCompany = z.infer<typeof ZCompany>;

export const ZCompanyContact = z.object({
  id: ZUuid,
  companyId: ZUuid,
  name: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type TCompanyContact = z.infer<typeof ZCompanyContact>;

export const ZCompanyStatusEvent = z.object({
  id: ZUuid,
  fromStatus: z.enum(COMPANY_STATUSES).nullable(),
  toStatus: z.enum(COMPANY_STATUSES),
  changedAt: z.string(),
  changedByName: z.string().nullable(),
  note: z.string().nullable(),
});
export type TCompanyStatusEvent = z.infer<typeof ZCompanyStatusEvent>;

export const ZCompanyNote = z.object({
  id: ZUuid,
  text: z.string(),
  createdAt: z.string(),
  authorName: z.string().nullable(),
});
export type TCompanyNote = z.infer<typeof ZCompanyNote>;

/** The company page: its facts with contacts, status history (newest first) and notes. */
export const ZCompanyDetail = ZCompany.extend({
  contacts: z.array(ZCompanyContact),
  statusHistory: z.array(ZCompanyStatusEvent),
  notes: z.array(ZCompanyNote),
});
export type TCompanyDetail = z.infer<typeof ZCompanyDetail>;

export const COMPANY_SORTS = ['name', 'cvr', 'city', 'status', 'sizeBand', 'updatedAt'] as const;

/** List query: search/sort plus either page/pageSize or limit/offset. */
export const ZCompanyListQuery = ZListQuery.extend({
  sort: z.enum(COMPANY_SORTS).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  status: ZCompanyStatus.optional(),
  partnershipId: ZUuid.optional(),
  sizeBand: ZCompanySizeBand.optional(),
});
export type TCompanyListQuery = z.infer<typeof ZCompanyListQuery>;

export const ZCompanyPage = z.object({
  items: z.array(ZCompany),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type TCompanyPage = z.infer<typeof ZCompanyPage>;

// Import from CSV/XLSX: the file travels as base64 in JSON so the server keeps no state between
// preview and confirm; confirm parses the same file again.
export const COMPANY_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export const ZCompanyImportFile = z.object({
  fileName: z
    .string({ error: 'Skal udfyldes.' })
    .trim()
    .min(1, { error: 'Skal udfyldes.' })
    .max(255)
    .refine((n) => /\.(csv|xlsx)$/i.test(n), { error: 'Filen skal være CSV eller XLSX.' }),
  contentBase64: z.string({ error: 'Skal udfyldes.' }).min(1, { error: 'Filen er tom.' }),
  /** Partnership the imported companies are linked to (housing staff: always their own). */
  partnershipId: ZUuid.nullish().transform((v) => v ?? null),
});
export type TCompanyImportFile = z.infer<typeof ZCompanyImportFile>;

export const COMPANY_IMPORT_ACTIONS = ['create', 'update', 'unchanged'] as const;
export type TCompanyImportAction = (typeof COMPANY_IMPORT_ACTIONS)[number];

export const ZCompanyImportRow = z.object({
  /** Row number in the file (the header is row 1). */
  row: z.number().int(),
  values: z.record(z.string(), z.string().nullable()),
  errors: z.record(z.string(), z.string()),
  /** What confirm does (or did) with the row; null for an invalid row, which is skipped. */
  action: z.enum(COMPANY_IMPORT_ACTIONS).nullable(),
});
export type TCompanyImportRow = z.infer<typeof ZCompanyImportRow>;

export const ZCompanyImportResult = z.object({
  fileName: z.string(),
  columns: z.array(z.string()),
  rows: z.array(ZCompanyImportRow),
  counts: z.object({
    total: z.number().int(),
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    invalid: z.number().int(),
  }),
  /** True once confirm has stored the valid rows. */
  stored: z.boolean(),
});
export type TCompanyImportResult = z.infer<typeof ZCompanyImportResult>;
