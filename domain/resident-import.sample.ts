import { BENEFIT_GROUP_LABEL_DA, JOBCENTER_CATEGORY_LABEL_DA } from './resident.schema.ts';
import { RESIDENT_IMPORT_FIELDS, TEMPLATE_HEADERS } from './resident-import.ts';

// Fictional jobcenter lists (nobody real): the example a newcomer downloads from the import page,
// the end-to-end test's 1,000 rows and the benchmark's 100,000 — the same generator, seeded, so a
// run can be repeated exactly.

const FIRST_NAMES = [
  'Amina',
  'Anders',
  'Anne',
  'Ahmed',
  'Birgitte',
  'Bo',
  'Camilla',
  'Cem',
  'Dorte',
  'Emil',
  'Fatima',
  'Frederik',
  'Hassan',
  'Ida',
  'Jonas',
  'Karin',
  'Khadija',
  'Lars',
  'Leila',
  'Mads',
  'Maja',
  'Mette',
  'Mohammed',
  'Nadia',
  'Niels',
  'Omar',
  'Pernille',
  'Rasmus',
  'Sara',
  'Søren',
  'Tobias',
  'Yasmin',
  'Zainab',
  'Ørjan',
  'Åse',
  'Ali',
  'Layla',
  'Mikkel',
  'Nour',
  'Sofie',
];
const LAST_NAMES = [
  'Hansen',
  'Jensen',
  'Nielsen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Petersen',
  'Madsen',
  'Kristensen',
  'Olsen',
  'Thomsen',
  'Poulsen',
  'Johansen',
  'Møller',
  'Mortensen',
  'Yilmaz',
  'Hussein',
  'Ali',
  'Khan',
  'Ahmadi',
  'Mahmoud',
  'Nguyen',
  'Kaya',
  'Abdi',
  'Ibrahim',
  'Østergaard',
  'Bækgaard',
  'Ærenlund',
];
const BENEFITS = [
  BENEFIT_GROUP_LABEL_DA.kontanthjaelp,
  BENEFIT_GROUP_LABEL_DA.a_dagpenge,
  BENEFIT_GROUP_LABEL_DA.uddannelseshjaelp,
  BENEFIT_GROUP_LABEL_DA.sygedagpenge,
  BENEFIT_GROUP_LABEL_DA.ressourceforloeb,
  'Selvforsørgelses- og hjemrejseydelse',
];
const CATEGORIES = [
  JOBCENTER_CATEGORY_LABEL_DA.jobparat,
  JOBCENTER_CATEGORY_LABEL_DA.aktivitetsparat,
  JOBCENTER_CATEGORY_LABEL_DA.uddannelsesparat,
];

/** A small fast seeded generator (mulberry32): the same seed, the same list. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface TSampleOptions {
  rows: number;
  seed?: number;
  /** Where people live: an area name and its postal code, picked at random. */
  areas: readonly { name: string; postalCode: string }[];
  /** Person references are `${refPrefix}000001` … */
  refPrefix?: string;
  /** Born between these years (inclusive). */
  bornFrom?: number;
  bornTo?: number;
}

/**
 * A fictional list with the template's headers: header row first, then one row per person, cells
 * as a jobcenter exports them (dd.mm.åååå, 8-digit phone, labels such as "Kontanthjælp").
 */
export function fictionalJobcenterList(options: TSampleOptions): string[][] {
  const random = seededRandom(options.seed ?? 2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const from = options.bornFrom ?? 1961;
  const to = options.bornTo ?? 2006;
  const prefix = options.refPrefix ?? 'JC';
  const table: string[][] = [RESIDENT_IMPORT_FIELDS.map((f) => TEMPLATE_HEADERS[f])];
  for (let i = 1; i <= options.rows; i++) {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const year = from + Math.floor(random() * (to - from + 1));
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const area = pick(options.areas);
    const phone = random() < 0.7 ? String(20_000_000 + Math.floor(random() * 79_999_999)) : '';
    const email =
      random() < 0.4
        ? `${first}.${last}${i}@example.dk`.toLocaleLowerCase('da-DK').replace(/[æøå]/g, 'x')
        : '';
    const row: Record<(typeof RESIDENT_IMPORT_FIELDS)[number], string> = {
      jobcenterRef: `${prefix}${String(i).padStart(6, '0')}`,
      firstName: first,
      lastName: last,
      birthDate: `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`,
      postalCode: area.postalCode,
      housingArea: area.name,
      phone,
      email,
      benefitGroup: pick(BENEFITS),
      jobcenterCategory: pick(CATEGORIES),
      status: '',
    };
    table.push(RESIDENT_IMPORT_FIELDS.map((f) => row[f]));
  }
  return table;
}

/** A table as CSV the way Danish Excel saves it: UTF-8 with BOM, `;`, CRLF; quoted when needed. */
export function toCsv(table: readonly (readonly string[])[]): string {
  const cell = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${table.map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}
