import { defaultConsentExpiry, type TConsentScope } from '@domain/consent.schema.ts';
import { CURRENT_CONSENT_TEXT_VERSION } from '@domain/consent-texts.ts';
import type { TBenefitGroup, TJobcenterCategory, TResidentStatus } from '@domain/resident.schema.ts';
import { addDays, danishDate } from '@domain/time.ts';
import type { TDb, TDbOrTx } from '@server/db/client.ts';
import {
  housingAreas,
  jobcenters,
  municipalities,
  partnerships,
  residentConsents,
  residentNotes,
  residents,
  socialHousingPlans,
  systemSettings,
  users,
} from '@server/db/schema/index.ts';
import { eq, sql } from 'drizzle-orm';

// About 300 fictional residents for the demo (issue 4 item 8), the same every time (a fixed
// random seed), with dates relative to the day they are loaded so ages and consent expiries read
// sensibly whenever that is. Ages 13-64; benefit groups weighted like the Sundparken table in seed
// 002; consent in every state (none, a, a+b, a+b+c, withdrawn, expired, expiring soon). Names are
// common first and last names combined at random; contact details use example.dk addresses.

const RESIDENTS_MARKER = 'demo_residents_version';
const RESIDENTS_VERSION = 1;
const COUNT = 300;

/** mulberry32: a small, fixed-seed generator, so the demo is the same on every machine. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = [
  'Amira',
  'Mohammed',
  'Fatima',
  'Ahmed',
  'Sara',
  'Jonas',
  'Emma',
  'Lucas',
  'Noah',
  'Ida',
  'Freja',
  'Mathias',
  'Aisha',
  'Yusuf',
  'Hassan',
  'Maryam',
  'Omar',
  'Zainab',
  'Mikkel',
  'Sofie',
  'Laura',
  'Kasper',
  'Nadia',
  'Ali',
  'Leila',
  'Emil',
  'Clara',
  'Rasmus',
  'Anna',
  'Jakob',
  'Hiba',
  'Ibrahim',
  'Maja',
  'Oliver',
  'Victor',
  'Line',
  'Camilla',
  'Peter',
  'Hanne',
  'Bente',
  'Karim',
  'Samira',
  'Tobias',
  'Julie',
  'Malthe',
  'Esra',
  'Deniz',
  'Khadija',
  'Abdi',
  'Hodan',
  'Farah',
  'Nour',
  'Mette',
  'Lars',
  'Susanne',
  'Henrik',
  'Tina',
  'Dorthe',
  'Bilal',
  'Rania',
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
  'Ali',
  'Hussein',
  'Ahmed',
  'Mohamed',
  'Yilmaz',
  'Demir',
  'Khan',
  'Hassan',
  'Abdi',
  'Omar',
  'Nguyen',
  'Kaya',
  'Özdemir',
  'Jama',
  'Warsame',
];

/** The Sundparken table's baseline (seed 002): 262 people by benefit group. */
const BENEFIT_WEIGHTS: [TBenefitGroup, number][] = [
  ['a_dagpenge', 21],
  ['kontanthjaelp', 97],
  ['uddannelseshjaelp', 45],
  ['overgangsydelse', 37],
  ['sygedagpenge', 13],
  ['jobafklaringsforloeb', 17],
  ['revalidering', 2],
  ['ressourceforloeb', 15],
  ['ledighedsydelse', 15],
];

/** Occupations residents ask for, by what the areas' suppliers hire. */
const WISHED_OCCUPATIONS = [
  'rengoeringsassistent',
  'koekkenmedhjaelper',
  'lagermedarbejder',
  'gartnermedhjaelper',
  'pedel',
  'maler',
  'toemrer',
  'murer',
  'elektriker',
  'vvs-montoer',
  'anlaegsgartner',
  'ejendomsservicetekniker',
];
const SKILLS = [
  'Truckcertifikat',
  'Hygiejnebevis',
  'Kundeservice',
  'Rengøring',
  'Madlavning',
  'Havearbejde',
  'Lager',
  'Pålidelig',
  'Arabisk',
  'Somali',
  'Tyrkisk',
  'Engelsk',
  'Kørekort B',
  'Førstehjælp',
];
const EXPERIENCE_TITLES = [
  ['Rengøringsassistent', 'Rengøringsselskab'],
  ['Køkkenhjælp', 'Kantine'],
  ['Lagerarbejder', 'Grossist'],
  ['Avisbud', null],
  ['Butiksassistent', 'Supermarked'],
  ['Hjælper i praktik', 'Boligforening'],
] as const;
const NOTES = [
  'Første samtale holdt. Ønsker fast arbejde inden for rengøring eller køkken.',
  'Har været i praktik og fik god tilbagemelding. Klar til at søge job.',
  'Aftalt opfølgning om fire uger. Vil gerne have hjælp til CV.',
  'Deltager i jobcaféen i fælleshuset hver tirsdag.',
];

type TConsentPlan = 'none' | 'a' | 'ab' | 'abc' | 'withdrawn' | 'expired' | 'expiring';
const CONSENT_WEIGHTS: [TConsentPlan, number][] = [
  ['ab', 40],
  ['abc', 18],
  ['a', 14],
  ['none', 10],
  ['withdrawn', 7],
  ['expired', 6],
  ['expiring', 5],
];

function weighted<T>(rnd: () => number, table: readonly [T, number][]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [value, w] of table) {
    x -= w;
    if (x < 0) return value;
  }
  return table[table.length - 1]![0];
}
const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

/** Loads the demo residents once (its own marker, so older demo data dirs get them too). */
export async function loadDemoResidents(db: TDb, now: Date = new Date()): Promise<boolean> {
  const [marker] = await db.select().from(systemSettings).where(eq(systemSettings.key, RESIDENTS_MARKER));
  if (marker) return false;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(74206005)`);
    const [again] = await tx.select().from(systemSettings).where(eq(systemSettings.key, RESIDENTS_MARKER));
    if (again) return false;
    await insertResidents(tx, now);
    await tx.insert(systemSettings).values({ key: RESIDENTS_MARKER, value: RESIDENTS_VERSION });
    return true;
  });
}

async function insertResidents(tx: TDbOrTx, now: Date) {
  const rnd = random(20261124);
  const today = danishDate(now);
  const cities = await tx
    .select({
      municipalityId: municipalities.id,
      name: municipalities.name,
      jobcenterId: jobcenters.id,
      planId: socialHousingPlans.id,
    })
    .from(municipalities)
    .innerJoin(jobcenters, eq(jobcenters.municipalityId, municipalities.id))
    .innerJoin(partnerships, eq(partnerships.municipalityId, municipalities.id))
    .leftJoin(socialHousingPlans, eq(socialHousingPlans.partnershipId, partnerships.id));
  const areas = await tx.select().from(housingAreas);
  const people = await tx.select({ id: users.id, email: users.email }).from(users);
  const userId = (email: string) => people.find((u) => u.email === email)?.id ?? null;
  const socialWorker = userId('boligsocial@jobbro.test');
  const consultant = userId('jobkonsulent@jobbro.test');
  // Viborg (the demo users' city) gets most people, then Silkeborg, then Randers.
  const cityWeights: [string, number][] = [
    ['Viborg', 60],
    ['Silkeborg', 25],
    ['Randers', 15],
  ];
  const postal: Record<string, string> = { Viborg: '8800', Silkeborg: '8600', Randers: '8900' };

  for (let i = 0; i < COUNT; i++) {
    const cityName = weighted(rnd, cityWeights);
    const city = cities.find((c) => c.name === `${cityName} Kommune`);
    if (!city) continue;
    const cityAreas = areas.filter((a) => a.municipalityId === city.municipalityId);
    const outside = rnd() < 0.1 || cityAreas.length === 0;
    const area = outside ? null : pick(rnd, cityAreas);
    // The housing side registers people in its plan's areas; the jobcenter's lists bring the rest.
    const byHousing = city.planId !== null && area?.socialHousingPlanId === city.planId && rnd() < 0.6;
    const ageBand = weighted(rnd, [
      [[13, 17], 15],
      [[18, 29], 25],
      [[30, 49], 35],
      [[50, 64], 25],
    ] as [[number, number], number][]);
    const age = ageBand[0] + Math.floor(rnd() * (ageBand[1] - ageBand[0] + 1));
    const birthDate = addDays(today, -(age * 365.25 + Math.floor(rnd() * 360) + 3));
    const youth = age < 18;
    const benefit: TBenefitGroup = youth ? 'none' : weighted(rnd, BENEFIT_WEIGHTS);
    const category: TJobcenterCategory | null = youth
      ? null
      : benefit === 'a_dagpenge'
        ? 'jobparat'
        : benefit === 'uddannelseshjaelp'
          ? 'uddannelsesparat'
          : benefit === 'kontanthjaelp'
            ? // Aabenraa's figures (seed 002): 35 job-ready to 65 activity-ready.
              rnd() < 0.35
              ? 'jobparat'
              : 'aktivitetsparat'
            : 'aktivitetsparat';
    const firstName = pick(rnd, FIRST_NAMES);
    const lastName = pick(rnd, LAST_NAMES);
    const wishes = [...new Set([pick(rnd, WISHED_OCCUPATIONS), pick(rnd, WISHED_OCCUPATIONS)])].slice(
      0,
      1 + Math.floor(rnd() * 2),
    );
    const experiences = Array.from({ length: youth ? 0 : Math.floor(rnd() * 3) }, () => {
      const [title, employer] = pick(rnd, EXPERIENCE_TITLES);
      const from = 2010 + Math.floor(rnd() * 12);
      return { title, employer, fromYear: from, toYear: from + 1 + Math.floor(rnd() * 3), description: null };
    });
    const status: TResidentStatus = weighted(rnd, [
      ['active', 80],
      ['paused', 6],
      ['in_job', 7],
      ['in_education', 5],
      ['moved', 2],
    ] as [TResidentStatus, number][]);
    const supportNeeds = (['childcare', 'transport', 'language'] as const).filter(() => rnd() < 0.15);
    // A few have not been worked with for almost 24 months: the retention list has someone to show.
    const daysAgo = Math.floor(rnd() * 400 + 5);
    const createdAt = new Date(
      now.getTime() - (i % 60 === 11 ? 705 + Math.floor(i / 60) * 4 : daysAgo) * 86_400_000,
    );
    const [row] = await tx
      .insert(residents)
      .values({
        municipalityId: city.municipalityId,
        housingAreaId: area?.id ?? null,
        registeredBySide: byHousing ? 'housing' : 'jobcenter',
        registeredByPlanId: byHousing ? city.planId : null,
        registeredByJobcenterId: byHousing ? null : city.jobcenterId,
        jobcenterRef: byHousing
          ? null
          : `DEMO-${cityName.slice(0, 3).toUpperCase()}-${String(i + 1).padStart(4, '0')}`,
        firstName,
        lastName,
        birthDate,
        phone: `+4560${String(100000 + Math.floor(rnd() * 899999))}`,
        email: rnd() < 0.7 ? `${firstName}.${lastName}.${i + 1}@example.dk`.toLowerCase() : null,
        postalCode: area?.postalCode ?? postal[cityName] ?? '8800',
        status,
        benefitGroup: benefit,
        jobcenterCategory: category,
        occupationIds: wishes,
        skills: [...new Set([pick(rnd, SKILLS), pick(rnd, SKILLS)])].slice(0, Math.floor(rnd() * 3)),
        experiences,
        educationLevel: youth
          ? 'grundskole'
          : weighted(rnd, [
              ['grundskole', 50],
              ['gymnasial', 12],
              ['erhvervsuddannelse', 22],
              ['videregaaende', 6],
              ['unknown', 10],
            ] as const),
        danishLevel: 1 + Math.floor(rnd() * 5),
        driverLicences: !youth && rnd() < 0.35 ? ['B'] : [],
        hoursPerWeek: youth ? 8 : pick(rnd, [15, 20, 25, 30, 37]),
        availableDay: true,
        availableEvening: rnd() < 0.3,
        availableWeekend: rnd() < 0.25,
        // Every ninth person can start only in a few weeks (the start-date fit); no random draw,
        // so the rest of the demo stays as it was.
        availableFrom: i % 9 === 4 ? addDays(today, 14 + (i % 5) * 7) : null,
        supportNeeds,
        gender: weighted(rnd, [
          ['woman', 46],
          ['man', 46],
          ['other', 2],
          [null, 6],
        ] as [('woman' | 'man' | 'other') | null, number][]),
        responsibleSocialWorkerId: cityName === 'Viborg' && byHousing ? socialWorker : null,
        responsibleJobConsultantId: cityName === 'Viborg' && !byHousing ? consultant : null,
        lastActivityAt: createdAt,
        createdBy: cityName === 'Viborg' ? (byHousing ? socialWorker : consultant) : null,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: residents.id });
    const residentId = row!.id;

    const plan = weighted(rnd, CONSENT_WEIGHTS);
    const registeredBy = byHousing ? socialWorker : consultant;
    const consent = (
      scope: TConsentScope,
      givenOn: string,
      over: Partial<typeof residentConsents.$inferInsert> = {},
    ) =>
      tx.insert(residentConsents).values({
        residentId,
        scope,
        textVersion: CURRENT_CONSENT_TEXT_VERSION,
        givenOn,
        method: rnd() < 0.7 ? 'paper' : 'digital',
        expiresOn: defaultConsentExpiry(givenOn),
        registeredBy,
        registeredAt: new Date(`${givenOn}T10:00:00Z`),
        ...over,
      });
    const given = danishDate(createdAt);
    const scopes: TConsentScope[] =
      plan === 'a' || plan === 'withdrawn'
        ? ['sharing']
        : plan === 'abc'
          ? ['sharing', 'matching', 'evaluation']
          : plan === 'none'
            ? []
            : ['sharing', 'matching'];
    for (const scope of scopes) {
      if (plan === 'withdrawn') {
        const withdrawnOn = addDays(today, -Math.floor(rnd() * 60 + 1));
        await consent(scope, given, {
          withdrawnOn,
          withdrawnBy: registeredBy,
          withdrawnAt: new Date(`${withdrawnOn}T12:00:00Z`),
        });
      } else if (plan === 'expired') {
        const long = addDays(today, -(760 + Math.floor(rnd() * 60)));
        await consent(scope, long);
      } else if (plan === 'expiring') {
        // Given almost 24 months ago: expires within the next 30 days.
        await consent(scope, addDays(today, -(730 - 25 + Math.floor(rnd() * 20))));
      } else {
        await consent(scope, given);
      }
    }
    if (rnd() < 0.3 && registeredBy) {
      await tx.insert(residentNotes).values({
        residentId,
        text: pick(rnd, NOTES),
        authorId: registeredBy,
        createdAt: new Date(createdAt.getTime() + 86_400_000),
      });
    }
  }
}
