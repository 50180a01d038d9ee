import type { TDb, TDbOrTx } from '@server/db/client.ts';
import {
  housingAreas,
  housingOrganisations,
  jobcenters,
  memberships,
  municipalities,
  partnerships,
  socialHousingPlans,
  systemSettings,
  users,
} from '@server/db/schema/index.ts';
import { hashPassword } from '@server/platform/auth/passwords.ts';
import { eq, sql } from 'drizzle-orm';
import { loadDemoActivity } from './demo-activity.ts';
import { loadDemoCompanies } from './demo-companies.ts';
import { loadDemoCvs } from './demo-cvs.ts';
import { loadDemoHistory } from './demo-history.ts';
import { loadDemoIndicators } from './demo-indicators.ts';
import { loadDemoPlacements } from './demo-placements.ts';
import { loadDemoProposals } from './demo-proposals.ts';
import { loadDemoResidents } from './demo-residents.ts';
import { loadDemoSteering } from './demo-steering.ts';
import { loadDemoWork } from './demo-work.ts';

// Danish demo data, loaded only when JOBBRO_DEMO is on. Partners are the real ones of seed 001
// (the Viborg/Silkeborg partnership); Viborg's five areas are those of seed 003. Residents
// counts are illustrative round figures, and organisations/areas not in the seeds are marked
// fictional so nobody mistakes them for real ones.

export const DEMO_PASSWORD = 'Jobbro-Demo-2026!';
const DEMO_MARKER = 'demo_data_version';
const DEMO_VERSION = 1;

export const DEMO_USERS = [
  { email: 'admin@jobbro.test', name: 'Anne Administrator', role: 'admin', label: 'Sekretariat (admin)' },
  {
    email: 'bolig@jobbro.test',
    name: 'Bo Boligmand',
    role: 'housing_staff',
    label: 'Boligorganisation – Boligselskabet Viborg',
  },
  {
    email: 'boligsocial@jobbro.test',
    name: 'Sara Socialrådgiver',
    role: 'social_worker',
    label: 'Boligsocial medarbejder – Helhedsplan Viborg',
  },
  {
    email: 'jobkonsulent@jobbro.test',
    name: 'Jens Jobkonsulent',
    role: 'job_consultant',
    label: 'Jobkonsulent – Jobcenter Viborg',
  },
  {
    email: 'styregruppe@jobbro.test',
    name: 'Stine Styregruppe',
    role: 'steering',
    label: 'Styregruppe – Viborg',
  },
  {
    email: 'virksomhed@jobbro.test',
    name: 'Viggo Virksomhed',
    role: 'company_contact',
    label: 'Virksomhed – Viborg El-service (fiktiv)',
  },
] as const;

interface TCity {
  code: string;
  name: string;
  postalCode: string;
  jobcenterEmail: string | null;
  plan: string | null;
  organisations: {
    name: string;
    cvr?: string;
    website?: string;
    fictional?: boolean;
    areas: { name: string; residents: number; fictional?: boolean; inPlan?: boolean }[];
  }[];
}

const CITIES: TCity[] = [
  {
    code: '791',
    name: 'Viborg',
    postalCode: '8800',
    jobcenterEmail: 'jobcenter@viborg.dk',
    plan: 'Boligsocial Helhedsplan Viborg',
    organisations: [
      {
        name: 'Boligselskabet Viborg',
        website: 'https://www.boligselskabetviborg.dk',
        areas: [
          { name: 'Houlkærvænget', residents: 1400, inPlan: true },
          { name: 'Vestervang', residents: 1100, inPlan: true },
          { name: 'Klostervænget', residents: 600, inPlan: true },
        ],
      },
      {
        name: 'Boligselskabet Sct. Jørgen',
        website: 'https://www.bsjviborg.dk',
        areas: [
          { name: 'Ringparken', residents: 900, inPlan: true },
          { name: 'Ellekonebakken', residents: 500, inPlan: true },
        ],
      },
    ],
  },
  {
    code: '740',
    name: 'Silkeborg',
    postalCode: '8600',
    jobcenterEmail: 'jobcenter@silkeborg.dk',
    plan: 'Boligsocial Helhedsplan Silkeborg',
    organisations: [
      {
        name: 'AAB Silkeborg',
        website: 'https://www.aab-silkeborg.dk',
        areas: [
          { name: 'Resenbro Parken (fiktiv)', residents: 800, fictional: true, inPlan: true },
          { name: 'Søvangen (fiktiv)', residents: 650, fictional: true, inPlan: true },
        ],
      },
      {
        name: 'Arbejdernes Byggeforening',
        website: 'https://www.ab-silkeborg.dk',
        areas: [{ name: 'Alderslyst Nord (fiktiv)', residents: 1200, fictional: true, inPlan: true }],
      },
    ],
  },
  {
    code: '730',
    name: 'Randers',
    postalCode: '8900',
    jobcenterEmail: null,
    plan: null,
    organisations: [
      {
        name: 'Boligforeningen Gudenåen (fiktiv)',
        fictional: true,
        areas: [
          { name: 'Åparken (fiktiv)', residents: 1050, fictional: true },
          { name: 'Bakkehusene (fiktiv)', residents: 700, fictional: true },
          { name: 'Nørrevænget (fiktiv)', residents: 450, fictional: true },
        ],
      },
    ],
  },
];

async function upsertId<T extends { id: string }>(
  find: () => Promise<T | undefined>,
  create: () => Promise<T[]>,
): Promise<string> {
  const found = await find();
  if (found) return found.id;
  const [created] = await create();
  return created!.id;
}

/** Loads the demo data once; later starts find the marker and leave everything as it is. */
export async function loadDemoData(db: TDb): Promise<boolean> {
  const [marker] = await db.select().from(systemSettings).where(eq(systemSettings.key, DEMO_MARKER));
  if (marker) {
    // Data dirs from before the companies register (or assignments, residents, CVs) get those rows once.
    await loadDemoCompanies(db);
    await loadDemoWork(db);
    await loadDemoResidents(db);
    await loadDemoCvs(db);
    await loadDemoProposals(db);
    await loadDemoPlacements(db);
    await loadDemoIndicators(db);
    await loadDemoActivity(db);
    await loadDemoSteering(db);
    await loadDemoHistory(db);
    return false;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    // Two app servers starting at once: only one loads.
    await tx.execute(sql`select pg_advisory_xact_lock(74206002)`);
    const [again] = await tx.select().from(systemSettings).where(eq(systemSettings.key, DEMO_MARKER));
    if (again) return;
    const scopes = await loadPlaces(tx);
    for (const u of DEMO_USERS) {
      const userId = await upsertId(
        async () => (await tx.select({ id: users.id }).from(users).where(eq(users.email, u.email)))[0],
        () =>
          tx
            .insert(users)
            .values({ email: u.email, name: u.name, passwordHash, status: 'active' })
            .returning({ id: users.id }),
      );
      const scope =
        u.role === 'housing_staff'
          ? { housingOrganisationId: scopes.viborgOrganisation }
          : u.role === 'social_worker'
            ? { socialHousingPlanId: scopes.viborgPlan }
            : u.role === 'job_consultant'
              ? { jobcenterId: scopes.viborgJobcenter }
              : u.role === 'steering'
                ? { partnershipId: scopes.viborgPartnership }
                : {};
      await tx
        .insert(memberships)
        .values({ userId, role: u.role, ...scope })
        .onConflictDoNothing();
    }
    await tx.insert(systemSettings).values({ key: DEMO_MARKER, value: DEMO_VERSION });
  });
  await loadDemoCompanies(db);
  await loadDemoWork(db);
  await loadDemoResidents(db);
  await loadDemoCvs(db);
  await loadDemoProposals(db);
  await loadDemoPlacements(db);
  await loadDemoIndicators(db);
  await loadDemoActivity(db);
  await loadDemoSteering(db);
  await loadDemoHistory(db);
  return true;
}

async function loadPlaces(tx: TDbOrTx) {
  const ids = { viborgOrganisation: '', viborgPlan: '', viborgJobcenter: '', viborgPartnership: '' };
  for (const city of CITIES) {
    const municipalityId = await upsertId(
      async () =>
        (
          await tx
            .select({ id: municipalities.id })
            .from(municipalities)
            .where(eq(municipalities.code, city.code))
        )[0],
      () =>
        tx
          .insert(municipalities)
          .values({ code: city.code, name: `${city.name} Kommune` })
          .returning({ id: municipalities.id }),
    );
    const partnershipId = await upsertId(
      async () =>
        (
          await tx
            .select({ id: partnerships.id })
            .from(partnerships)
            .where(eq(partnerships.municipalityId, municipalityId))
        )[0],
      () =>
        tx
          .insert(partnerships)
          .values({
            name: `Partnerskab om job – ${city.name}`,
            municipalityId,
            description: `Boligorganisationer, jobcenter og boligsocial indsats i ${city.name} samarbejder om lokale job til beboerne.`,
            startDate: '2020-08-01',
          })
          .returning({ id: partnerships.id }),
    );
    const jobcenterId = (
      await tx
        .insert(jobcenters)
        .values({ name: `Jobcenter ${city.name}`, municipalityId, email: city.jobcenterEmail })
        .returning({ id: jobcenters.id })
    )[0]!.id;
    const planId = city.plan
      ? (
          await tx
            .insert(socialHousingPlans)
            .values({ name: city.plan, partnershipId, periodStart: '2021-01-01', periodEnd: '2025-12-31' })
            .returning({ id: socialHousingPlans.id })
        )[0]!.id
      : null;
    for (const org of city.organisations) {
      const [created] = await tx
        .insert(housingOrganisations)
        .values({
          name: org.name,
          partnershipId,
          website: org.website ?? null,
          city: city.name,
          postalCode: city.postalCode,
          isFictional: org.fictional ?? false,
        })
        .returning({ id: housingOrganisations.id });
      for (const area of org.areas) {
        await tx.insert(housingAreas).values({
          name: area.name,
          housingOrganisationId: created!.id,
          municipalityId,
          postalCode: city.postalCode,
          residentsCount: area.residents,
          socialHousingPlanId: area.inPlan ? planId : null,
          isFictional: area.fictional ?? false,
        });
      }
      if (org.name === 'Boligselskabet Viborg') ids.viborgOrganisation = created!.id;
    }
    if (city.name === 'Viborg') {
      ids.viborgPartnership = partnershipId;
      ids.viborgJobcenter = jobcenterId;
      ids.viborgPlan = planId!;
    }
  }
  return ids;
}
