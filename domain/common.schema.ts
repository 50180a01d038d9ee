import { z } from 'zod';
import { containsCprLike } from './rules/cpr.ts';

// zod's own messages (wrong type, unknown enum value…) in Danish too, on server and client.
z.config(z.locales.da());

/** An optional field whose empty string means "not given"; stored as null. */
export function optionalField<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === '' ? null : v), schema.nullish()).transform((v) => v ?? null);
}

// Building blocks shared by every feature's schemas. Messages are Danish: they are shown at
// the field in the UI and returned in the API's `fields` map.
export const ZUuid = z.uuid({ error: 'Ugyldigt id.' });

// Jobbro never stores CPR numbers (DOMAIN.md): every free-text field refuses one.
const NO_CPR = { error: 'Må ikke indeholde et CPR-nummer.' };

export const ZRequiredText = (max = 200) =>
  z
    .string({ error: 'Skal udfyldes.' })
    .trim()
    .min(1, { error: 'Skal udfyldes.' })
    .max(max, { error: `Højst ${max} tegn.` })
    .refine((v) => !containsCprLike(v), NO_CPR);

export const ZOptionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, { error: `Højst ${max} tegn.` })
    .refine((v) => !containsCprLike(v), NO_CPR)
    .nullish()
    .transform((v) => (v ? v : null));

export const ZEmail = z
  .string({ error: 'Skal udfyldes.' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Ugyldig e-mailadresse.' }).max(254, { error: 'Højst 254 tegn.' }));

/** Danish postal codes are 4 digits (0800-9990). */
export const ZPostalCode = z
  .string({ error: 'Skal udfyldes.' })
  .trim()
  .regex(/^\d{4}$/, { error: 'Postnummer skal være 4 cifre.' });

/** Danish phone numbers, stored as +45 and 8 digits. */
export const ZPhone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^(\+45)?\d{8}$/, { error: 'Telefonnummer skal være 8 cifre (evt. med +45).' }))
  .transform((v) => (v.startsWith('+45') ? v : `+45${v}`));

export const ZOptionalPhone = optionalField(ZPhone);

export const ZOptionalEmail = optionalField(ZEmail);

/** A calendar date as yyyy-mm-dd (shown as dd.mm.yyyy in the UI). */
export const ZIsoDate = z.iso.date({ error: 'Ugyldig dato.' });

export const ZOptionalUrl = optionalField(z.url({ error: 'Ugyldig webadresse.', protocol: /^https?$/ }));

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;

/** Query of every list endpoint: free-text search, sort, paging. */
export const ZListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  sort: z.string().max(50).optional(),
  dir: z.enum(SORT_DIRECTIONS).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type TListQuery = z.infer<typeof ZListQuery>;

export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export interface TPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const ZIdParams = z.object({ id: ZUuid });
export const ZOk = z.object({ ok: z.literal(true) });

/**
 * A PATCH body from a create schema: every field optional and without its default. zod 4's
 * `.partial()` keeps `.default()`s, so a field left out would be reset to its default.
 */
export function patchOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      ((field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType).optional(),
    ]),
    // The mapped type is what the loop builds; TypeScript cannot follow Object.entries.
  ) as unknown as { [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer I> ? I : T[K]> };
  return z.object(shape);
}
