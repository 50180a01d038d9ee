import { COMPANY_STATUSES, type TCompanySizeBand, type TCompanyStatus } from '@domain/company.schema.ts';
import type { TDb } from '@server/db/client.ts';
import {
  companies,
  companyContacts,
  companyNotes,
  companyPartnerships,
  companyStatusChanges,
  memberships,
  municipalities,
  partnerships,
  systemSettings,
  users,
} from '@server/db/schema/index.ts';
import { and, eq, sql } from 'drizzle-orm';

// Ten fictional companies for the demo (issue 3, item 11): names say "(fiktiv)", CVR numbers have
// valid modulus-11 check digits, every relationship status occurs, and virksomhed@jobbro.test is
// the contact of one of them. Loaded once, under its own marker, so existing demo data dirs get them.

const COMPANIES_MARKER = 'demo_companies_version';
const COMPANIES_VERSION = 1;

/** The demo company whose contact is virksomhed@jobbro.test. */
export const DEMO_PORTAL_COMPANY = 'Viborg El-service (fiktiv)';

interface TDemoCompany {
  cvr: string;
  name: string;
  /** Municipality code of the partnership it works in. */
  municipality: '791' | '740' | '730';
  address: string;
  postalCode: string;
  city: string;
  industry: string;
  db07Code: string;
  sizeBand: TCompanySizeBand;
  status: TCompanyStatus;
  contacts: { name: string; title: string; email: string; phone: string }[];
  note?: string;
}

export const DEMO_COMPANIES: TDemoCompany[] = [
  {
    cvr: '39112019',
    name: 'Houlkær Byg & Renovering (fiktiv)',
    municipality: '791',
    address: 'Industrivej 12',
    postalCode: '8800',
    city: 'Viborg',
    industry: 'Bygge- og anlægsentreprenør',
    db07Code: '412000',
    sizeBand: '50-249',
    status: 'agreement',
    contacts: [
      { name: 'Henrik Holm', title: 'Projektchef', email: 'hh@houlkaer-byg.example', phone: '+4520112233' },
      { name: 'Lene Lund', title: 'HR-partner', email: 'll@houlkaer-byg.example', phone: '+4520112244' },
    ],
    note: 'Renoveringen i Houlkærvænget: drøftet 3 lærlinge fra området.',
  },
  {
    cvr: '39112027',
    name: 'Vestervang VVS (fiktiv)',
    municipality: '791',
    address: 'Rørvej 4',
    postalCode: '8800',
    city: 'Viborg',
    industry: 'VVS-installatør',
    db07Code: '432200',
    sizeBand: '10-49',
    status: 'interested',
    contacts: [
      { name: 'Per Pedersen', title: 'Indehaver', email: 'per@vestervang-vvs.example', phone: '+4521223344' },
    ],
  },
  {
    cvr: '39112035',
    name: 'Klostermaleren (fiktiv)',
    municipality: '791',
    address: 'Penselstræde 2',
    postalCode: '8800',
    city: 'Viborg',
    industry: 'Malerforretning',
    db07Code: '433400',
    sizeBand: '1-9',
    status: 'contacted',
    contacts: [
      {
        name: 'Mona Maler',
        title: 'Malermester',
        email: 'mona@klostermaleren.example',
        phone: '+4522334455',
      },
    ],
  },
  {
    cvr: '39112043',
    name: DEMO_PORTAL_COMPANY,
    municipality: '791',
    address: 'Strømvej 8',
    postalCode: '8800',
    city: 'Viborg',
    industry: 'El-installatør',
    db07Code: '432100',
    sizeBand: '10-49',
    status: 'agreement',
    contacts: [
      {
        name: 'Viggo Virksomhed',
        title: 'Daglig leder',
        email: 'virksomhed@jobbro.test',
        phone: '+4523344556',
      },
    ],
    note: 'Aftale om en elevplads pr. år.',
  },
  {
    cvr: '39112051',
    name: 'Søvangen Anlæg og Have (fiktiv)',
    municipality: '740',
    address: 'Plantagevej 21',
    postalCode: '8600',
    city: 'Silkeborg',
    industry: 'Anlægsgartner',
    db07Code: '813000',
    sizeBand: '10-49',
    status: 'prospect',
    contacts: [
      { name: 'Gitte Grøn', title: 'Formand', email: 'gitte@soevangen-anlaeg.example', phone: '+4524455667' },
    ],
  },
  {
    cvr: '39112078',
    name: 'Gudenå Rengøring (fiktiv)',
    municipality: '740',
    address: 'Søndergade 40',
    postalCode: '8600',
    city: 'Silkeborg',
    industry: 'Rengøring',
    db07Code: '812100',
    sizeBand: '50-249',
    status: 'paused',
    contacts: [
      { name: 'Rikke Rask', title: 'Driftsleder', email: 'rikke@gudenaa-rent.example', phone: '+4525566778' },
    ],
    note: 'Sat på pause til foråret: ny kontrakt i udbud.',
  },
  {
    cvr: '39112086',
    name: 'Alderslyst Ejendomsservice (fiktiv)',
    municipality: '740',
    address: 'Viborgvej 99',
    postalCode: '8600',
    city: 'Silkeborg',
    industry: 'Ejendomsservice og vicevært',
    db07Code: '811000',
    sizeBand: '10-49',
    status: 'interested',
    contacts: [
      {
        name: 'Erik Ebbesen',
        title: 'Inspektør',
        email: 'erik@alderslyst-service.example',
        phone: '+4526677889',
      },
    ],
  },
  {
    cvr: '39112094',
    name: 'Randers Revision (fiktiv)',
    municipality: '730',
    address: 'Torvet 3',
    postalCode: '8900',
    city: 'Randers',
    industry: 'Revision og bogføring',
    db07Code: '692000',
    sizeBand: '10-49',
    status: 'ended',
    contacts: [
      {
        name: 'Rasmus Revisor',
        title: 'Partner',
        email: 'rr@randers-revision.example',
        phone: '+4527788990',
      },
    ],
  },
  {
    cvr: '39112108',
    name: 'Åparkens Kantine (fiktiv)',
    municipality: '730',
    address: 'Kokkevej 5',
    postalCode: '8900',
    city: 'Randers',
    industry: 'Kantine og catering',
    db07Code: '562900',
    sizeBand: '10-49',
    status: 'contacted',
    contacts: [
      {
        name: 'Karen Kok',
        title: 'Køkkenchef',
        email: 'karen@aaparkens-kantine.example',
        phone: '+4528899001',
      },
    ],
  },
  {
    cvr: '39112116',
    name: 'Bakkehusene Arkitekter (fiktiv)',
    municipality: '730',
    address: 'Tegnestuen 1',
    postalCode: '8900',
    city: 'Randers',
    industry: 'Arkitektvirksomhed',
    db07Code: '711100',
    sizeBand: '1-9',
    status: 'prospect',
    contacts: [
      {
        name: 'Anders Arkitekt',
        title: 'Partner',
        email: 'aa@bakkehusene-ark.example',
        phone: '+4529900112',
      },
    ],
  },
];

/** prospect → … → status, the way the relationship got there (paused and ended after agreement). */
function pathTo(status: TCompanyStatus): TCompanyStatus[] {
  const main: TCompanyStatus[] = ['prospect', 'contacted', 'interested', 'agreement'];
  const i = main.indexOf(status);
  return i >= 0 ? main.slice(0, i + 1) : [...main, status];
}

/** Loads the demo companies once; returns whether it did. */
export async function loadDemoCompanies(db: TDb, now: Date = new Date()): Promise<boolean> {
  const [marker] = await db.select().from(systemSettings).where(eq(systemSettings.key, COMPANIES_MARKER));
  if (marker) return false;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(74206003)`);
    const [again] = await tx.select().from(systemSettings).where(eq(systemSettings.key, COMPANIES_MARKER));
    if (again) return false;
    const partnershipByCode = new Map(
      (
        await tx
          .select({ id: partnerships.id, code: municipalities.code })
          .from(partnerships)
          .innerJoin(municipalities, eq(municipalities.id, partnerships.municipalityId))
      ).map((p) => [p.code, p.id] as const),
    );
    const [admin] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'admin@jobbro.test'));
    for (const [index, c] of DEMO_COMPANIES.entries()) {
      const { contacts, note, municipality, ...facts } = c;
      const [existing] = await tx
        .select({ id: companies.id })
        .from(companies)
        .where(eq(companies.cvr, c.cvr));
      if (existing) continue;
      const [created] = await tx
        .insert(companies)
        .values({ ...facts, website: null, isFictional: true })
        .returning({ id: companies.id });
      const companyId = created!.id;
      const partnershipId = partnershipByCode.get(municipality);
      if (partnershipId) await tx.insert(companyPartnerships).values({ companyId, partnershipId });
      for (const contact of contacts) await tx.insert(companyContacts).values({ companyId, ...contact });
      // The history: one step a fortnight, ending a few days ago.
      const steps = pathTo(c.status);
      const dayMs = 24 * 60 * 60 * 1000;
      for (const [i, to] of steps.entries()) {
        await tx.insert(companyStatusChanges).values({
          companyId,
          fromStatus: i === 0 ? null : steps[i - 1]!,
          toStatus: to,
          changedBy: admin?.id ?? null,
          changedAt: new Date(now.getTime() - ((steps.length - i) * 14 + index) * dayMs),
          note: null,
        });
      }
      if (note) {
        await tx.insert(companyNotes).values({
          companyId,
          text: note,
          authorId: admin?.id ?? null,
          createdAt: new Date(now.getTime() - (index + 2) * dayMs),
        });
      }
    }
    // virksomhed@jobbro.test is the contact of one demo company.
    const [portal] = await tx
      .select({ id: companies.id })
      .from(companies)
      .where(eq(companies.cvr, DEMO_COMPANIES.find((c) => c.name === DEMO_PORTAL_COMPANY)!.cvr));
    const [portalUser] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'virksomhed@jobbro.test'));
    if (portal && portalUser) {
      await tx
        .update(memberships)
        .set({ companyId: portal.id })
        .where(
          and(
            eq(memberships.userId, portalUser.id),
            eq(memberships.role, 'company_contact'),
            sql`${memberships.companyId} is null`,
          ),
        );
    }
    await tx.insert(systemSettings).values({ key: COMPANIES_MARKER, value: COMPANIES_VERSION });
    return true;
  });
}

/** Every status occurs among the demo companies (checked by the demo test). */
export const DEMO_COMPANY_STATUSES = [...new Set(DEMO_COMPANIES.map((c) => c.status))].sort(
  (a, b) => COMPANY_STATUSES.indexOf(a) - COMPANY_STATUSES.indexOf(b),
);
