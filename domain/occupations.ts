import { z } from 'zod';
import { OCCUPATIONS } from './occupations.data.ts';

// Occupations: the curated list (occupations.data.ts) and the search and ISCO helpers the API, the
// occupation field and the matching use. Pure; the list is small enough to search in memory.

/** The areas the suppliers of housing organisations work in (issue 3 item 7). */
export const OCCUPATION_GROUPS = [
  'building',
  'installation',
  'maintenance',
  'cleaning',
  'green',
  'kitchen',
  'office',
  'engineering',
  'retail',
  'transport',
  'care',
] as const;
export type TOccupationGroup = (typeof OCCUPATION_GROUPS)[number];
export const ZOccupationGroup = z.enum(OCCUPATION_GROUPS, { error: 'Ukendt faggruppe.' });

export const OCCUPATION_GROUP_LABEL_DA: Record<TOccupationGroup, string> = {
  building: 'Bygge- og anlægsfag',
  installation: 'Tekniske installationer',
  maintenance: 'Drift og vedligehold',
  cleaning: 'Rengøring',
  green: 'Grønne områder',
  kitchen: 'Køkken og kantine',
  office: 'Kontor og regnskab',
  engineering: 'Ingeniør og arkitekt',
  retail: 'Handel og butik',
  transport: 'Transport og logistik',
  care: 'Omsorg og børnepasning',
};

export const OCCUPATION_GROUP_LABEL_EN: Record<TOccupationGroup, string> = {
  building: 'Building and finishing trades',
  installation: 'Technical installations',
  maintenance: 'Maintenance and caretaking',
  cleaning: 'Cleaning',
  green: 'Green areas',
  kitchen: 'Kitchen and catering',
  office: 'Office and accounting',
  engineering: 'Engineering and architecture',
  retail: 'Retail',
  transport: 'Transport and logistics',
  care: 'Care and childcare',
};

export const ZOccupation = z.object({
  /** Stable kebab-case slug; openings store it. */
  id: z.string(),
  titleDa: z.string(),
  titleEn: z.string(),
  /** ISCO-08 unit group, 4 digits. */
  isco: z.string().regex(/^\d{4}$/),
  group: ZOccupationGroup,
  /** The Danish vocational education (erhvervsuddannelse) that leads to it, if any. */
  education: z.string().optional(),
});
export type TOccupation = z.infer<typeof ZOccupation>;

/** A known occupation id, with a Danish message for the opening form and the API. */
export const ZOccupationId = z
  .string({ error: 'Vælg en stilling.' })
  .refine((id) => findOccupation(id) !== undefined, { error: 'Ukendt stilling.' });

const BY_ID = new Map(OCCUPATIONS.map((o) => [o.id, o]));

/**
 * Query of GET /api/occupations: search, group, and paging as limit/offset or page/pageSize
 * (limit/offset win when both are given).
 */
export const ZOccupationListQuery = z.object({
  q: z.string().trim().max(200, { error: 'Højst 200 tegn.' }).optional(),
  group: ZOccupationGroup.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});
export type TOccupationListQuery = z.infer<typeof ZOccupationListQuery>;

export const ZOccupationPage = z.object({
  items: z.array(ZOccupation),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TOccupationPage = z.infer<typeof ZOccupationPage>;

export const OCCUPATION_PAGE_SIZE = 25;

/** The list endpoint's answer for a query (pure, so the server route stays a one-liner). */
export function occupationPage(query: TOccupationListQuery): TOccupationPage {
  const limit = query.limit ?? query.pageSize ?? OCCUPATION_PAGE_SIZE;
  const offset = query.offset ?? ((query.page ?? 1) - 1) * limit;
  const { items, total } = searchOccupations({ q: query.q, group: query.group, limit, offset });
  return { items, total, limit, offset, page: Math.floor(offset / limit) + 1, pageSize: limit };
}

export function findOccupation(id: string): TOccupation | undefined {
  return BY_ID.get(id);
}

/** "Tømrer (7115)": how an occupation is shown in lists and pickers. */
export function occupationLabel(o: Pick<TOccupation, 'titleDa' | 'isco'>): string {
  return `${o.titleDa} (${o.isco})`;
}

// Two foldings so people can type without Danish letters: "toemrer" (æ/ø/å as ae/oe/aa) and
// "tomrer" (the letters dropped to their base). Other accents (é in "Cafémedarbejder") are stripped.
function base(text: string): string {
  return text
    .toLocaleLowerCase('da-DK')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}
function foldDigraph(text: string): string {
  return base(text).replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
}
function foldPlain(text: string): string {
  return base(text).replace(/æ/g, 'a').replace(/ø/g, 'o').replace(/å/g, 'a');
}

interface TIndexed {
  occupation: TOccupation;
  /** Searchable texts in their two foldings. */
  digraph: string[];
  plain: string[];
}

const INDEX: TIndexed[] = OCCUPATIONS.map((o) => {
  const texts = [o.titleDa, o.titleEn, o.education ?? ''].filter(Boolean);
  return { occupation: o, digraph: texts.map(foldDigraph), plain: texts.map(foldPlain) };
});

const collator = new Intl.Collator('da-DK');

/** How well the occupation matches: 0 exact, 1 a word starts with it, 2 contains it; null none. */
function rank(entry: TIndexed, q: string): number | null {
  if (/^\d{1,4}$/.test(q)) return entry.occupation.isco.startsWith(q) ? (q.length === 4 ? 0 : 1) : null;
  const needles = [foldDigraph(q), foldPlain(q)];
  let best: number | null = null;
  for (const [i, texts] of [entry.digraph, entry.plain].entries()) {
    const needle = needles[i]!;
    for (const text of texts) {
      let r: number | null = null;
      if (text === needle) r = 0;
      else if (text.startsWith(needle) || text.includes(` ${needle}`) || text.includes(`-${needle}`)) r = 1;
      else if (text.includes(needle)) r = 2;
      if (r !== null && (best === null || r < best)) best = r;
    }
  }
  return best;
}

export interface TOccupationSearch {
  q?: string;
  group?: TOccupationGroup;
  limit: number;
  offset: number;
}

/**
 * Search by Danish or English title, education or ISCO code (a prefix of digits), case- and
 * accent-insensitive. Best matches first, then Danish alphabetical order.
 */
export function searchOccupations(search: TOccupationSearch): { items: TOccupation[]; total: number } {
  const q = search.q?.trim() ?? '';
  const hits: { o: TOccupation; r: number }[] = [];
  for (const entry of INDEX) {
    if (search.group && entry.occupation.group !== search.group) continue;
    const r = q ? rank(entry, q) : 0;
    if (r !== null) hits.push({ o: entry.occupation, r });
  }
  hits.sort((a, b) => a.r - b.r || collator.compare(a.o.titleDa, b.o.titleDa));
  return {
    items: hits.slice(search.offset, search.offset + search.limit).map((h) => h.o),
    total: hits.length,
  };
}

// ISCO-08 hierarchy: 1 digit major group, 2 sub-major, 3 minor, 4 unit group. The matching uses
// the length of the shared prefix as a measure of how related two occupations are.

export function iscoMajorGroup(code: string): string {
  return code.slice(0, 1);
}
export function iscoSubMajorGroup(code: string): string {
  return code.slice(0, 2);
}
export function iscoMinorGroup(code: string): string {
  return code.slice(0, 3);
}

/** Number of leading ISCO digits two codes share (0-4). */
export function iscoSharedDigits(a: string, b: string): number {
  let n = 0;
  while (n < 4 && n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

export function sameIscoUnit(a: string, b: string): boolean {
  return iscoSharedDigits(a, b) >= 4;
}
export function sameIscoMinorGroup(a: string, b: string): boolean {
  return iscoSharedDigits(a, b) >= 3;
}
export function sameIscoSubMajorGroup(a: string, b: string): boolean {
  return iscoSharedDigits(a, b) >= 2;
}

/** Occupations whose ISCO code starts with the prefix (1-4 digits). */
export function occupationsWithIscoPrefix(prefix: string): TOccupation[] {
  return OCCUPATIONS.filter((o) => o.isco.startsWith(prefix));
}

/** Occupations related to one: same unit group, then same minor group, then same sub-major group. */
export function relatedOccupations(id: string, minSharedDigits: 2 | 3 | 4 = 3): TOccupation[] {
  const o = findOccupation(id);
  if (!o) return [];
  return OCCUPATIONS.filter((x) => x.id !== id && iscoSharedDigits(x.isco, o.isco) >= minSharedDigits).sort(
    (a, b) => iscoSharedDigits(b.isco, o.isco) - iscoSharedDigits(a.isco, o.isco),
  );
}

export { OCCUPATIONS };
