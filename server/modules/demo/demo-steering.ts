import type { TKpiKey } from '@domain/reports/kpi.ts';
import type { TMilestoneStatus } from '@domain/steering.schema.ts';
import { addDays, danishDate } from '@domain/time.ts';
import type { TDb, TDbOrTx } from '@server/db/client.ts';
import {
  goals,
  housingAreas,
  indicatorValues,
  memberships,
  milestones,
  municipalities,
  partnerships,
  steeringGroupMembers,
  steeringGroups,
  systemSettings,
  users,
} from '@server/db/schema/index.ts';
import { and, asc, eq, sql } from 'drizzle-orm';

// Viborg's steering group, its goals for this year and the plan's milestones (issue 7 items 1 and
// 7). Seed 000: "Nedsættelse af 3 projektstyregrupper – en i hver by – som sætter mål og rammer
// for jobskabelsen i hovedprojektet", and the pilot's five milestones in the first half of 2020,
// here as the whole programme's milestones (every steering group sees them), all reached. Seed
// 003: the sub-goal "At øge andelen af beboere i beskæftigelse" with Houlkærvænget's 2019
// baseline, read from the demo indicators (demo-indicators.ts) rather than written twice.

const MARKER = 'demo_steering_version';
const VERSION = 1;
const VIBORG_CODE = '791';
const STEERING_EMAIL = 'styregruppe@jobbro.test';

export const DEMO_STEERING_GROUP_NAME = 'Styregruppen for Partnerskab om job – Viborg';
// Seed 000's words for what a city's steering group does, and who makes the matches.
export const DEMO_STEERING_MANDATE =
  'Styregruppen sætter mål og rammer for jobskabelsen i Viborg. De konkrete jobmatch mellem beboere i de lokale boligområder og boligforeningernes leverandørvirksomheder sker via de boligsociale medarbejdere og jobkonsulenterne fra Jobcenter Viborg. Styregruppen følger op på delmålene og milepælene.';

/** The area and indicator of the area goal (seed 003's first sub-goal). */
export const DEMO_AREA_GOAL = {
  area: 'Houlkærvænget',
  indicator: 'employment_share_18_64',
  baselineYear: 2019,
};

interface TDemoGoal {
  title: string;
  kpi: Exclude<TKpiKey, 'area_indicator'>;
  target: number;
  ownerName: string;
  note?: string;
}

/** This year's goals of the Viborg group, a mix of counts, a rate and a median. */
export const DEMO_GOALS: readonly TDemoGoal[] = [
  {
    title: 'Beboere ansat hos boligforeningernes leverandører',
    kpi: 'hires',
    target: 12,
    ownerName: 'Jobcenter Viborg og Boligsocial Helhedsplan Viborg',
  },
  {
    title: 'Lærlinge- og elevpladser fra sociale klausuler',
    kpi: 'apprenticeships',
    target: 3,
    ownerName: 'Boligselskabet Viborg og Boligselskabet Sct. Jørgen',
  },
  {
    title: 'Fritidsjob til unge fra boligområderne',
    kpi: 'leisure_jobs',
    target: 6,
    ownerName: 'Boligsocial Helhedsplan Viborg',
    note: 'Aktiviteten Fritidsjob i Boligsocial Helhedsplan Viborg.',
  },
  {
    title: 'Fastholdt i job eller uddannelse efter 6 måneder',
    kpi: 'retention_6',
    target: 75,
    ownerName: 'Jobcenter Viborg (efterværn)',
  },
  {
    title: 'Hurtigt fra jobåbning til første forslag',
    kpi: 'median_days_to_first_proposal',
    target: 5,
    ownerName: 'Jobkonsulenter og boligsociale medarbejdere',
  },
];

interface TDemoMilestone {
  title: string;
  description: string;
  dueDate: string;
  ownerName: string;
}

/** Seed 000's pilot milestones, dated as the text says (ultimo januar → 31.01.2020 …). */
export const DEMO_PILOT_MILESTONES: readonly TDemoMilestone[] = [
  {
    title: 'Boligforeningerne er kontaktet, og der er aftaler i 3 byer',
    description:
      'Med udgangen af januar måned er boligforeningerne kontaktet og deres interesse for projektet afklaret. Der er indgået aftale med boligforeninger i 3 byer.',
    dueDate: '2020-01-31',
    ownerName: 'Projektledelsen',
  },
  {
    title: 'Kortlægning af virksomhedernes interesse er gennemført',
    description:
      'Ultimo april er kortlægning af virksomhedernes mulighed for og interesse i at indgå partnerskabsaftale med boligforeningerne gennemført. Der er indgået aftale med virksomheder tilknyttet boligforeningerne i de tre byer.',
    dueDate: '2020-04-30',
    ownerName: 'Projektledelsen',
  },
  {
    title: 'Fælles workshop for virksomheder og boligforeninger er afholdt',
    description:
      'Medio maj er der afholdt fælles workshop med virksomheder og boligforeninger, hvor mulighederne for hovedprojektet drøftes.',
    dueDate: '2020-05-15',
    ownerName: 'Projektledelsen og boligforeningerne',
  },
  {
    title: 'De 3 projektstyregrupper har sat rammer og mål',
    description: 'Senest 1. juni har de 3 projektstyregrupper sat rammer og mål for hovedprojektet.',
    dueDate: '2020-06-01',
    ownerName: 'Projektstyregrupperne i de 3 byer',
  },
  {
    title: 'Samlet ansøgning om hovedprojektet er sendt til Fonden',
    description: 'Med udgangen af juni er der sendt en samlet ansøgning til Fonden om hovedprojektet.',
    dueDate: '2020-06-30',
    ownerName: 'Projektledelsen',
  },
];

/** Loads the Viborg steering group, its goals and the milestones once (its own marker). */
export async function loadDemoSteering(db: TDb, now: Date = new Date()): Promise<boolean> {
  const [marker] = await db.select().from(systemSettings).where(eq(systemSettings.key, MARKER));
  if (marker) return false;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(74207071)`);
    const [again] = await tx.select().from(systemSettings).where(eq(systemSettings.key, MARKER));
    if (again) return false;
    const [viborg] = await tx
      .select({ id: partnerships.id, municipalityId: partnerships.municipalityId })
      .from(partnerships)
      .innerJoin(municipalities, eq(municipalities.id, partnerships.municipalityId))
      .where(eq(municipalities.code, VIBORG_CODE));
    if (!viborg) return false;
    await insertSteering(tx, viborg, now);
    await tx.insert(systemSettings).values({ key: MARKER, value: VERSION });
    return true;
  });
}

async function insertSteering(tx: TDbOrTx, viborg: { id: string; municipalityId: string }, now: Date) {
  const today = danishDate(now);
  const year = today.slice(0, 4);
  const stamps = { createdAt: now, updatedAt: now };

  const [group] = await tx
    .insert(steeringGroups)
    .values({
      partnershipId: viborg.id,
      name: DEMO_STEERING_GROUP_NAME,
      mandate: DEMO_STEERING_MANDATE,
      ...stamps,
    })
    .onConflictDoNothing()
    .returning({ id: steeringGroups.id });
  // A group set up by hand before the demo loader ran is left as it is.
  if (!group) return;

  const [chair] = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(
        eq(users.email, STEERING_EMAIL),
        eq(memberships.role, 'steering'),
        eq(memberships.partnershipId, viborg.id),
      ),
    );
  if (chair) {
    await tx
      .insert(steeringGroupMembers)
      .values({ steeringGroupId: group.id, userId: chair.id, title: 'Formand', createdAt: now });
  }

  const period = { periodFrom: `${year}-01-01`, periodTo: `${year}-12-31` };
  for (const g of DEMO_GOALS) {
    await tx.insert(goals).values({
      steeringGroupId: group.id,
      title: g.title,
      kpi: g.kpi,
      target: g.target,
      ...period,
      ownerName: g.ownerName,
      note: g.note ?? null,
      ...stamps,
    });
  }

  // Seed 003: employment share 18-64 in Houlkærvænget, up from its 2019 baseline (LBF).
  const [baseline] = await tx
    .select({ areaId: housingAreas.id, value: indicatorValues.value, year: indicatorValues.year })
    .from(indicatorValues)
    .innerJoin(housingAreas, eq(housingAreas.id, indicatorValues.housingAreaId))
    .where(
      and(
        eq(housingAreas.name, DEMO_AREA_GOAL.area),
        eq(housingAreas.municipalityId, viborg.municipalityId),
        eq(indicatorValues.indicator, DEMO_AREA_GOAL.indicator),
        eq(indicatorValues.year, DEMO_AREA_GOAL.baselineYear),
      ),
    )
    .orderBy(asc(indicatorValues.year));
  if (baseline) {
    await tx.insert(goals).values({
      steeringGroupId: group.id,
      title: 'Flere beboere i beskæftigelse i Houlkærvænget',
      kpi: 'area_indicator',
      indicator: DEMO_AREA_GOAL.indicator,
      housingAreaId: baseline.areaId,
      baseline: baseline.value,
      // Three percentage points up from the baseline, a step on the way to the municipal average.
      target: Math.round(baseline.value + 3),
      ...period,
      ownerName: 'Boligsocial Helhedsplan Viborg',
      note: `Delmål i Boligsocial Helhedsplan Viborg: "At øge andelen af beboere i beskæftigelse". Baseline ${baseline.year} (LBF).`,
      ...stamps,
    });
  }

  for (const m of DEMO_PILOT_MILESTONES) {
    await tx.insert(milestones).values({
      partnershipId: null,
      ...m,
      status: 'done' satisfies TMilestoneStatus,
      completedOn: m.dueDate,
      ...stamps,
    });
  }

  // This year's milestones of the main project in Viborg: one reached, one ahead.
  const goalsSet = `${year}-01-31`;
  const endOfYear = `${year}-12-31`;
  const ahead = addDays(today, 21) < endOfYear ? addDays(today, 21) : endOfYear;
  await tx.insert(milestones).values([
    {
      partnershipId: viborg.id,
      title: `Styregruppen har sat målene for ${year}`,
      description: 'Mål for ansættelser, lærlinge, fritidsjob, fastholdelse og boligområdernes indikatorer.',
      dueDate: goalsSet,
      ownerName: 'Styregruppen',
      status: 'done' satisfies TMilestoneStatus,
      completedOn: goalsSet < today ? goalsSet : today,
      ...stamps,
    },
    {
      partnershipId: viborg.id,
      title: 'Årlig opfølgning på delmål og indikatorer',
      description:
        'Boligområdernes indikatorer opdateres med årets tal fra LBF og jobcentret, og styregruppen gør status på delmålene.',
      dueDate: ahead,
      ownerName: 'Boligsocial Helhedsplan Viborg og Jobcenter Viborg',
      status: 'planned' satisfies TMilestoneStatus,
      completedOn: null,
      ...stamps,
    },
  ]);
}
