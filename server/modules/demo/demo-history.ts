import { exclusionsFor } from '@domain/matching/hard-filters.ts';
import { scorePair, scoreSnapshotOf } from '@domain/matching/match.ts';
import {
  pairKey,
  type TMatchContext,
  type TMatchDecline,
  type TMatchResident,
} from '@domain/matching/match-inputs.ts';
import type { TOpeningStatus } from '@domain/opening.schema.ts';
import { OPENING_TYPE_INFO, type TOpeningType } from '@domain/opening-types.ts';
import {
  COMPANY_DECLINE_REASON_LABEL_DA,
  type TCheckInContact,
  type TCompanyDeclineReason,
  type TPlacementEndReason,
} from '@domain/placement.schema.ts';
import type { TProposalStatus } from '@domain/proposal.schema.ts';
import {
  daysToHire,
  type TRetentionOutcome,
  TRIAL_TYPES,
  type TTrialOutcome,
} from '@domain/reports/retention.ts';
import { followUpPlan, ZFollowUpSettings } from '@domain/rules/follow-up-schedule.ts';
import { addDays, danishDate, danishLocalToUtc, formatDanishDate } from '@domain/time.ts';
import type { TDb, TDbOrTx } from '@server/db/client.ts';
import {
  assignmentAreas,
  assignments,
  companies,
  escalations,
  followUpSettings,
  followUps,
  housingAreas,
  municipalities,
  notifications,
  openingReferrals,
  openingStatusChanges,
  openings,
  partnerships,
  placements,
  proposalStatusChanges,
  proposals,
  residents,
  systemSettings,
  users,
} from '@server/db/schema/index.ts';
import {
  loadAreaNames,
  loadMatchOpenings,
  loadMatchResidents,
  loadMatchSettings,
} from '@server/modules/matching/match-data.repository.ts';
import { renderNotification } from '@server/modules/notifications/notification-templates.ts';
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { DEMO_COMPANIES } from './demo-companies.ts';

// A year of demo activity in the Viborg partnership (issue 7: the steering group's dashboard and
// reports need something to show). Over the 12 months before the load day, 29 openings at the
// demo's Viborg partner companies, each referred to the job consultant and the social worker a
// few minutes to two days after it was registered; about 50 proposals of residents with consent
// (a) and (b), each the best candidate the matching core found on the day among the people
// registered by then and free, ending as the real flows end them (the resident's no, the company's
// no with a reason, an interview, a hire, withdrawn when the job went to someone else or was
// cancelled); and 13 placements with their follow-up plan and the check-ins due so far recorded:
// 10 hires (7 older than six months, with their 6-month retention: most in job, one into
// education, one who left), two snusepraktik and a virksomhedspraktik with their outcomes. A step
// of the list that finds nobody who fits is left out. Everything lies in the past except planned
// check-ins, none of which falls due in the next days. The same every time: fixed lists, the
// core's score, and ties broken by the person's details rather than by database ids.
//
// It keeps out of the other demo data's way: no opening at Viborg El-service (the company portal's
// demo), no placement counting for a social clause, no open opening or proposal (matching and
// allocation see what they saw before), and none of the people matching now ranks highest for the
// demo's open openings.

const HISTORY_MARKER = 'demo_history_version';
const HISTORY_VERSION = 1;
const VIBORG_CODE = '791';
/** Planned check-ins stay out of the next days, so nothing new falls due right after loading. */
const QUIET_DAYS = 10;
/** The best candidates for each open demo opening, left for matching to find today. */
const UNTOUCHED_PER_OPENING = 3;
/** The next ones: never hired, nor turned down by the opening's company for its trade. */
const PROTECTED_PER_OPENING = 5;

type TStep =
  | { kind: 'hired' }
  | { kind: 'trial' }
  | { kind: 'resident_declined'; note: string }
  | { kind: 'withdrawn' }
  | {
      kind: 'company_declined';
      reason: TCompanyDeclineReason;
      text?: string;
      /** Declined after an interview that went so. */
      interview?: 'negative' | 'no_show';
    };

const HIRED: TStep = { kind: 'hired' };
/** A trial starts after a talk at the workplace, without a formal interview. */
const TRIAL: TStep = { kind: 'trial' };
const WITHDRAWN: TStep = { kind: 'withdrawn' };
const SAYS_NO = (note: string): TStep => ({ kind: 'resident_declined', note });
const DECLINED = (
  reason: TCompanyDeclineReason,
  more: { text?: string; interview?: 'negative' | 'no_show' } = {},
): TStep => ({ kind: 'company_declined', reason, ...more });

interface TPlacementStory {
  /** Days from the hire to the first working day (moved a little if a check-in would fall due soon). */
  startAfterDays: number;
  /** The 6-month check-in's answer (hires older than six months). */
  retention6?: TRetentionOutcome;
  trial?: TTrialOutcome;
  end?: {
    afterDays: number;
    status: 'ended_early' | 'education' | 'completed' | 'converted';
    reason?: TPlacementEndReason;
    note: string;
  };
  /** A check-in that found a risk, with the escalation it opened and how it was resolved. */
  atRisk?: { key: string; notes: string; action: string; resolution: string };
}

interface THistoryOpening {
  daysAgo: number;
  company: string;
  area: string;
  type: TOpeningType;
  title: string;
  occupationId: string;
  hoursPerWeek: number;
  /** The fewest hours the job can be done with (full-time jobs that take 30 hours). */
  minHoursPerWeek?: number;
  skills: string[];
  description: string;
  /** In the order they were made. */
  proposals: TStep[];
  /** Cancelled by the company, with the note; otherwise filled (someone hired) or closed unfilled. */
  cancelled?: string;
  /** The assignment it came of (snusepraktik on the renovation: a local hire, no clause). */
  assignment?: string;
  placement?: TPlacementStory;
}

const HOULKAER = 'Houlkær Byg & Renovering (fiktiv)';
const VVS = 'Vestervang VVS (fiktiv)';
const MALER = 'Klostermaleren (fiktiv)';

const NO_EVENINGS = SAYS_NO('Kan ikke arbejde om eftermiddagen, når børnene skal hentes.');
const NO_COMMUTE = SAYS_NO('Vil hellere have arbejde tættere på hjemmet.');
const NO_EDUCATION = SAYS_NO('Vil hellere starte på en uddannelse efter sommerferien.');
const NO_TRADE = SAYS_NO('Er ikke interesseret i faget alligevel.');
const NO_YOUTH = SAYS_NO('Har for travlt med skolen lige nu.');

/** The year's openings, oldest first. */
export const DEMO_HISTORY_OPENINGS: readonly THistoryOpening[] = [
  {
    daysAgo: 350,
    company: HOULKAER,
    area: 'Ringparken',
    type: 'part_time',
    title: 'Byggepladsarbejder, Ringparken',
    occupationId: 'bygningsarbejder',
    hoursPerWeek: 30,
    skills: ['Pålidelig', 'Førstehjælp'],
    description: 'Oprydning, materialehåndtering og hjælp til håndværkerne på byggepladsen.',
    proposals: [NO_COMMUTE, HIRED],
    placement: { startAfterDays: 10, retention6: 'in_job' },
  },
  {
    daysAgo: 340,
    company: MALER,
    area: 'Klostervænget',
    type: 'apprentice',
    title: 'Malerlærling',
    occupationId: 'maler',
    hoursPerWeek: 37,
    minHoursPerWeek: 30,
    skills: ['Pålidelig'],
    description: 'Læreplads hos en lille malerforretning med opgaver i boligafdelingerne.',
    proposals: [NO_TRADE],
  },
  {
    daysAgo: 330,
    company: VVS,
    area: 'Vestervang',
    type: 'part_time',
    title: 'Lager- og servicemedarbejder, deltid',
    occupationId: 'lagermedarbejder',
    hoursPerWeek: 25,
    skills: ['Lager', 'Kørekort B'],
    description: 'Varemodtagelse, pluk til serviceopgaverne og kørsel med materialer.',
    proposals: [DECLINED('experience', { interview: 'negative' }), HIRED, WITHDRAWN],
    placement: { startAfterDays: 14, retention6: 'in_job' },
  },
  {
    daysAgo: 315,
    company: MALER,
    area: 'Klostervænget',
    type: 'part_time',
    title: 'Malerhjælper, deltid',
    occupationId: 'maler',
    hoursPerWeek: 25,
    skills: ['Pålidelig'],
    description: 'Afdækning, spartling og oprydning i opgange.',
    proposals: [HIRED, NO_EVENINGS],
    placement: {
      startAfterDays: 7,
      retention6: 'neither',
      end: {
        afterDays: 110,
        status: 'ended_early',
        reason: 'resident_quit',
        note: 'Stoppede efter knap fire måneder.',
      },
      atRisk: {
        key: 'month_3',
        notes: 'Møder ustabilt om morgenen. Aftalt faste mødetider.',
        action: 'Trepartssamtale med mester og beboeren.',
        resolution: 'Beboeren stoppede selv. Jobcentret hjælper videre med jobsøgningen.',
      },
    },
  },
  {
    daysAgo: 310,
    company: VVS,
    area: 'Vestervang',
    type: 'trainee',
    title: 'Kontorelev',
    occupationId: 'kontorassistent',
    hoursPerWeek: 37,
    minHoursPerWeek: 30,
    skills: ['Kundeservice', 'Engelsk'],
    description: 'Elevplads på kontoret: kundeservice, fakturering og planlægning af serviceopgaver.',
    proposals: [DECLINED('language')],
  },
  {
    daysAgo: 300,
    company: HOULKAER,
    area: 'Houlkærvænget',
    type: 'site_trial',
    title: 'Snusepraktik: murer og tømrer',
    occupationId: 'murer',
    hoursPerWeek: 30,
    skills: ['Pålidelig'],
    description: 'Fire uger på byggepladsen for ledige, der overvejer en bygge-uddannelse.',
    proposals: [TRIAL, NO_TRADE],
    placement: {
      startAfterDays: 7,
      trial: 'education',
      end: { afterDays: 27, status: 'completed', note: 'Søger ind på mureruddannelsen.' },
    },
  },
  {
    daysAgo: 295,
    company: HOULKAER,
    area: 'Ellekonebakken',
    type: 'part_time',
    title: 'Anlægsarbejder, Ellekonebakken',
    occupationId: 'anlaegsarbejder',
    hoursPerWeek: 30,
    skills: ['Kørekort B', 'Havearbejde'],
    description: 'Belægning, afvanding og nye stier omkring blokkene.',
    proposals: [DECLINED('availability'), HIRED],
    placement: { startAfterDays: 10, retention6: 'in_job' },
  },
  {
    daysAgo: 280,
    company: HOULKAER,
    area: 'Houlkærvænget',
    type: 'full_time',
    title: 'Stilladsmontør',
    occupationId: 'stilladsmontoer',
    hoursPerWeek: 37,
    minHoursPerWeek: 30,
    skills: ['Førstehjælp'],
    description: 'Opstilling og nedtagning af stillads ved facaderenoveringen.',
    proposals: [NO_TRADE],
  },
  {
    daysAgo: 270,
    company: VVS,
    area: 'Vestervang',
    type: 'small_job',
    title: 'Småjob: vask og klargøring af servicebiler',
    occupationId: 'bilvasker',
    hoursPerWeek: 10,
    skills: ['Pålidelig'],
    description: 'Nogle timer om ugen: servicebilerne vaskes og fyldes op med materialer.',
    proposals: [HIRED, NO_COMMUTE],
    placement: { startAfterDays: 7, retention6: 'in_job' },
  },
  {
    daysAgo: 260,
    company: MALER,
    area: 'Klostervænget',
    type: 'full_time',
    title: 'Maler til facadeopgave',
    occupationId: 'maler',
    hoursPerWeek: 37,
    minHoursPerWeek: 30,
    skills: ['Pålidelig'],
    description: 'Maling af træfacader i Klostervænget over en sommer.',
    proposals: [WITHDRAWN],
    cancelled: 'Opgaven er udskudt til næste år.',
  },
  {
    daysAgo: 250,
    company: HOULKAER,
    area: 'Houlkærvænget',
    type: 'part_time',
    title: 'Kontorassistent i byggefirma, deltid',
    occupationId: 'kontorassistent',
    hoursPerWeek: 25,
    skills: ['Kundeservice'],
    description: 'Beboerinformation, indkøb og bogføring i byggeadministrationen.',
    proposals: [
      NO_EVENINGS,
      DECLINED('other', { interview: 'no_show', text: 'Mødte ikke op og meldte ikke afbud.' }),
      HIRED,
    ],
    placement: { startAfterDays: 14, retention6: 'in_job' },
  },
  {
    daysAgo: 230,
    company: VVS,
    area: 'Klostervænget',
    type: 'part_time',
    title: 'Servicehjælper, varme og sanitet',
    occupationId: 'vvs-montoer',
    hoursPerWeek: 30,
    skills: ['Kørekort B'],
    description: 'Service på varme- og vandinstallationer i boligafdelingerne.',
    proposals: [HIRED, WITHDRAWN],
    placement: {
      startAfterDays: 10,
      retention6: 'in_education',
      end: {
        afterDays: 150,
        status: 'education',
        note: 'Startet på VVS-uddannelsen med virksomhedens hjælp.',
      },
    },
  },
  {
    daysAgo: 200,
    company: VVS,
    area: 'Vestervang',
    type: 'full_time',
    title: 'Blikkenslager',
    occupationId: 'blikkenslager',
    hoursPerWeek: 37,
    minHoursPerWeek: 30,
    skills: ['Kørekort B'],
    description: 'Tagrender, inddækninger og zinkarbejde på boligforeningernes ejendomme.',
    proposals: [],
  },
  {
    daysAgo: 180,
    company: MALER,
    area: 'Klostervænget',
    type: 'small_job',
    title: 'Småjob: afdækning og oprydning efter maling',
    occupationId: 'maler',
    hoursPerWeek: 8,
    skills: ['Pålidelig'],
    description: 'Få timer om ugen efter aftale.',
    proposals: [NO_COMMUTE, DECLINED('availability'), NO_EVENINGS],
  },
  {
    daysAgo: 170,
    company: HOULKAER,
    area: 'Ringparken',
    type: 'apprentice',
    title: 'Murerlærling',
    occupationId: 'murer',
    hoursPerWeek: 37,
    minHoursPerWeek: 30,
    skills: ['Pålidelig', 'Førstehjælp'],
    description: 'Læreplads som murer på boligrenoveringer.',
    proposals: [],
  },
  {
    daysAgo: 160,
    company: VVS,
    area: 'Vestervang',
    type: 'part_time',
    title: 'Servicemedarbejder i butikken, deltid',
    occupationId: 'kundeservicemedarbejder',
    hoursPerWeek: 20,
    skills: ['Kundeservice'],
    description: 'Ekspedition af håndværkere og beboere i VVS-butikken.',
    proposals: [],
    cancelled: 'Virksomheden har omorganiseret butikken.',
  },
  {
    daysAgo: 150,
    company: VVS,
    area: 'Vestervang',
    type: 'leisure_job',
    title: 'Fritidsjob: oprydning på VVS-lageret',
    occupationId: 'lagermedarbejder',
    hoursPerWeek: 8,
    skills: ['Lager', 'Pålidelig'],
    description: 'Varemodtagelse og oprydning to eftermiddage om ugen.',
    proposals: [HIRED],
    placement: { startAfterDays: 7 },
  },
  {
    daysAgo: 140,
    company: HOULKAER,
    area: 'Ringparken',
    type: 'part_time',
    title: 'Rengøring af skurby, deltid',
    occupationId: 'rengoeringsassistent',
    hoursPerWeek: 20,
    skills: ['Rengøring'],
    description: 'Rengøring af skurvogne, kantine og toiletter på byggepladsen.',
    proposals: [
      NO_EVENINGS,
      DECLINED('availability'),
      DECLINED('other', { interview: 'no_show', text: 'Mødte ikke op til samtalen.' }),
    ],
  },
  {
    daysAgo: 120,
    company: HOULKAER,
    area: 'Houlkærvænget',
    type: 'site_trial',
    title: 'Snusepraktik på renoveringen af Houlkærvænget',
    occupationId: 'toemrer',
    hoursPerWeek: 30,
    skills: ['Pålidelig'],
    description: 'Fire uger på renoveringen for beboere fra området.',
    assignment: 'Renovering af Houlkærvænget, etape 2',
    proposals: [TRIAL, NO_TRADE],
    placement: {
      startAfterDays: 7,
      trial: 'job',
      end: {
        afterDays: 27,
        status: 'converted',
        note: 'Ansat som hjælper på byggepladsen efter snusepraktikken.',
      },
    },
  },
  {
    daysAgo: 110,
    company: MALER,
    area: 'Klostervænget',
    type: 'leisure_job',
    title: 'Fritidsjob: klargøring af malerværktøj',
    occupationId: 'maler',
    hoursPerWeek: 6,
    skills: ['Pålidelig'],
    description: 'Rengøring af pensler og ruller og oprydning på værkstedet.',
    proposals: [NO_YOUTH, HIRED],
    placement: { startAfterDays: 7 },
  },
  {
    daysAgo: 100,
    company: VVS,
    area: 'Vestervang',
    type: 'apprentice',
    title: 'VVS-lærling',
    occupationId: 'vvs-montoer',
    hoursPerWeek: 37,
    minHoursPerWeek: 30,
    skills: ['Kørekort B', 'Pålidelig'],
    description: 'Læreplads som VVS-installatør med service i boligområderne.',
    proposals: [DECLINED('skills'), HIRED],
    placement: { startAfterDays: 14 },
  },
  {
    daysAgo: 95,
    company: VVS,
    area: 'Vestervang',
    type: 'work_trial',
    title: 'Virksomhedspraktik: lager og værksted',
    occupationId: 'lagermedarbejder',
    hoursPerWeek: 25,
    skills: ['Lager'],
    description: 'Fire ugers praktik med plukning, pakning og vedligehold af værktøj.',
    proposals: [TRIAL, WITHDRAWN],
    placement: {
      startAfterDays: 7,
      trial: 'job',
      end: { afterDays: 27, status: 'converted', note: 'Ansat på lageret efter praktikken.' },
    },
  },
  {
    daysAgo: 85,
    company: HOULKAER,
    area: 'Ellekonebakken',
    type: 'small_job',
    title: 'Småjob: oprydning på byggepladsen',
    occupationId: 'bygningsarbejder',
    hoursPerWeek: 12,
    skills: ['Pålidelig'],
    description: 'Tolv timer om ugen, fordelt på tre formiddage.',
    proposals: [DECLINED('availability'), DECLINED('experience', { interview: 'negative' }), NO_COMMUTE],
  },
  {
    daysAgo: 75,
    company: HOULKAER,
    area: 'Ringparken',
    type: 'leisure_job',
    title: 'Fritidsjob: oprydning i skurbyen',
    occupationId: 'bygningsarbejder',
    hoursPerWeek: 8,
    skills: ['Pålidelig'],
    description: 'To eftermiddage om ugen: oprydning og fejning i skurbyen.',
    proposals: [NO_YOUTH],
  },
  {
    daysAgo: 70,
    company: HOULKAER,
    area: 'Ringparken',
    type: 'work_trial',
    title: 'Virksomhedspraktik: materialegården',
    occupationId: 'lagermedarbejder',
    hoursPerWeek: 25,
    skills: ['Lager', 'Truckcertifikat'],
    description: 'Praktik i materialegården med modtagelse og udlevering af materialer.',
    proposals: [WITHDRAWN, WITHDRAWN],
    cancelled: 'Materialegården flytter; praktikken er aflyst.',
  },
  {
    daysAgo: 60,
    company: VVS,
    area: 'Vestervang',
    type: 'part_time',
    title: 'Lager og kundeservice, deltid',
    occupationId: 'lagermedarbejder',
    hoursPerWeek: 25,
    skills: ['Lager', 'Kundeservice'],
    description: 'Varemodtagelse om formiddagen og kundeservice i butikken.',
    proposals: [
      DECLINED('experience', { interview: 'negative' }),
      NO_EVENINGS,
      DECLINED('language', { interview: 'negative' }),
    ],
  },
  {
    daysAgo: 50,
    company: HOULKAER,
    area: 'Houlkærvænget',
    type: 'trainee',
    title: 'Kontorelev i byggefirma',
    occupationId: 'kontorassistent',
    hoursPerWeek: 37,
    minHoursPerWeek: 30,
    skills: ['Kundeservice'],
    description: 'Elevplads i byggeadministrationen: beboerinformation, indkøb og bogføring.',
    proposals: [NO_EDUCATION, DECLINED('experience')],
  },
  {
    daysAgo: 40,
    company: VVS,
    area: 'Klostervænget',
    type: 'small_job',
    title: 'Småjob: rengøring af værkstedet',
    occupationId: 'rengoeringsassistent',
    hoursPerWeek: 10,
    skills: ['Rengøring'],
    description: 'To eftermiddage om ugen.',
    proposals: [DECLINED('availability'), NO_COMMUTE, DECLINED('skills')],
  },
  {
    daysAgo: 25,
    company: HOULKAER,
    area: 'Ellekonebakken',
    type: 'apprentice',
    title: 'Tagdækkerlærling',
    occupationId: 'tagdaekker',
    hoursPerWeek: 37,
    minHoursPerWeek: 30,
    skills: ['Pålidelig'],
    description: 'Læreplads som tagdækker på renoveringerne.',
    proposals: [DECLINED('experience'), NO_TRADE],
  },
];

/** Minutes from an opening's registration to its referral: mostly at once, a few after a day or two. */
const REFERRAL_DELAY_MINUTES = [1, 4, 12, 2, 35, 1440, 6, 90, 3, 2880, 20, 240, 1, 8, 1560];
/** Days from an opening's registration to its first proposal. */
const FIRST_PROPOSAL_DAYS = [2, 3, 1, 4, 2, 6, 3, 2, 5, 1];
/** Registration times of day (Danish). */
const OPENED_AT = ['08:40', '09:55', '11:20', '13:05', '14:30', '10:15'];

const CHECK_IN_NOTES: Record<string, string> = {
  week_1: 'God start. Møder stabilt og er glad for kollegerne.',
  week_2: 'Har prøvet flere af opgaverne på pladsen.',
  week_3: 'Arbejder godt sammen med svendene.',
  month_1: 'Har fået faste opgaver og kender arbejdsgangene.',
  month_3: 'Virksomheden er tilfreds og vil gerne fortsætte.',
};
const CHECK_IN_CONTACTS: Record<string, TCheckInContact> = {
  week_1: 'both',
  week_2: 'resident',
  week_3: 'company',
  month_1: 'resident',
  month_3: 'company',
};
const RETENTION_NOTES: Record<TRetentionOutcome, string> = {
  in_job: 'Stadig i jobbet og glad for det.',
  in_education: 'Er i gang med uddannelsen.',
  neither: 'Har ikke fundet andet arbejde endnu og vil gerne have hjælp.',
  unknown: 'Kunne ikke få fat i beboeren.',
};
const TRIAL_NOTES: Record<TTrialOutcome, string> = {
  job: 'Tilbudt ansættelse efter praktikken.',
  education: 'Vil søge ind på uddannelsen.',
  other: 'Praktikken er slut uden aftale om job eller uddannelse.',
};

/** Everything the history is made from, read once. */
async function historyContext(tx: TDbOrTx) {
  const [viborg] = await tx
    .select({ id: partnerships.id, municipalityId: partnerships.municipalityId })
    .from(partnerships)
    .innerJoin(municipalities, eq(municipalities.id, partnerships.municipalityId))
    .where(eq(municipalities.code, VIBORG_CODE));
  const people = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(users.email, ['jobkonsulent@jobbro.test', 'boligsocial@jobbro.test', 'bolig@jobbro.test']),
    );
  const userId = (email: string) => people.find((u) => u.email === email)?.id;
  const companyRows = await tx.select({ id: companies.id, name: companies.name }).from(companies);
  const areaRows = await tx
    .select({
      id: housingAreas.id,
      name: housingAreas.name,
      postalCode: housingAreas.postalCode,
      organisationId: housingAreas.housingOrganisationId,
      municipalityId: housingAreas.municipalityId,
    })
    .from(housingAreas);
  return {
    viborg,
    consultant: userId('jobkonsulent@jobbro.test'),
    worker: userId('boligsocial@jobbro.test'),
    housingStaff: userId('bolig@jobbro.test'),
    companyId: (name: string) => companyRows.find((c) => c.name === name)?.id,
    area: (name: string) =>
      areaRows.find((a) => a.name === name && a.municipalityId === viborg?.municipalityId),
  };
}

export async function loadDemoHistory(db: TDb, now: Date = new Date()): Promise<boolean> {
  const [marker] = await db.select().from(systemSettings).where(eq(systemSettings.key, HISTORY_MARKER));
  if (marker) return false;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(74207090)`);
    const [again] = await tx.select().from(systemSettings).where(eq(systemSettings.key, HISTORY_MARKER));
    if (again) return false;
    const made = await insertHistory(tx, now);
    await tx.insert(systemSettings).values({ key: HISTORY_MARKER, value: HISTORY_VERSION });
    return made > 0;
  });
}

interface TPoolPerson {
  match: TMatchResident;
  createdAt: Date;
  /** Stable order among equal scores (ids differ between databases). */
  sortKey: string;
  /** When the person was busy with a proposal: never two at once. */
  busy: { from: number; to: number }[];
  uses: number;
  hired: boolean;
  lastProposedDay: string | null;
}

/** The timeline of one proposal, from the day it was made. */
function proposalTimes(step: TStep, day: string, byWorker: boolean) {
  const at = (offset: number, time: string) => danishLocalToUtc(addDays(day, offset), time);
  const proposedAt = at(0, byWorker ? '13:15' : '09:30');
  const answeredAt = at(1, '10:00');
  const sentAt = at(2, '09:00');
  switch (step.kind) {
    case 'resident_declined':
      return { proposedAt, answeredAt, end: answeredAt };
    case 'trial':
      return { proposedAt, answeredAt, sentAt, hiredAt: at(5, '10:00'), end: at(5, '10:00') };
    case 'hired':
      return {
        proposedAt,
        answeredAt,
        sentAt,
        invitedAt: at(4, '11:30'),
        interviewAt: at(8, '10:00'),
        outcomeAt: at(8, '12:00'),
        hiredAt: at(10, '13:00'),
        end: at(10, '13:00'),
      };
    case 'company_declined':
      return step.interview
        ? {
            proposedAt,
            answeredAt,
            sentAt,
            invitedAt: at(4, '11:30'),
            interviewAt: at(8, '10:00'),
            outcomeAt: at(8, '12:00'),
            declinedAt: at(9, '09:00'),
            end: at(9, '09:00'),
          }
        : { proposedAt, answeredAt, sentAt, declinedAt: at(5, '14:00'), end: at(5, '14:00') };
    case 'withdrawn':
      // Ends when the opening closes; until then the person is spoken for.
      return { proposedAt, answeredAt, end: at(12, '12:00') };
    default: {
      const exhaustive: never = step;
      return exhaustive;
    }
  }
}

async function insertHistory(tx: TDbOrTx, now: Date): Promise<number> {
  const ctx = await historyContext(tx);
  const { viborg, consultant, worker, housingStaff } = ctx;
  if (!viborg || !consultant || !worker || !housingStaff) return 0;
  const today = danishDate(now);
  const settings = await loadMatchSettings(tx, viborg.id);
  const areaNames = await loadAreaNames(tx);
  const [followUpSettingsRow] = await tx
    .select({ settings: followUpSettings.settings })
    .from(followUpSettings)
    .where(eq(followUpSettings.partnershipId, viborg.id));
  const scheduleSettings = followUpSettingsRow
    ? ZFollowUpSettings.safeParse(followUpSettingsRow.settings).data
    : null;

  // People both professionals see (an area of the plan, consents (a) and (b) today), active, not
  // already in a proposal or a placement, registered within the last 14 months (not the ones the
  // anonymisation list shows).
  const taken = new Set([
    ...(await tx.select({ id: proposals.residentId }).from(proposals)).map((r) => r.id),
    ...(await tx.select({ id: placements.residentId }).from(placements)).map((r) => r.id),
  ]);
  const everyone = await loadMatchResidents(tx, today);
  const eligible = everyone.filter(
    (r) =>
      r.match.municipalityId === viborg.municipalityId &&
      r.sharing &&
      r.match.consentToMatch &&
      r.areaPlanId !== null &&
      r.match.status === 'active' &&
      r.match.activeProposals === 0 &&
      !taken.has(r.match.id),
  );
  const details = new Map(
    (
      await tx
        .select({
          id: residents.id,
          firstName: residents.firstName,
          lastName: residents.lastName,
          phone: residents.phone,
          createdAt: residents.createdAt,
          updatedAt: residents.updatedAt,
        })
        .from(residents)
        .where(gte(residents.lastActivityAt, new Date(now.getTime() - 425 * 86_400_000)))
    ).map((r) => [r.id, r]),
  );
  const byKey = (a: { score: number; key: string }, b: { score: number; key: string }) =>
    b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const sortKeyOf = (r: TMatchResident) => {
    const d = details.get(r.id);
    return `${r.birthDate}|${d?.lastName ?? ''}|${d?.firstName ?? ''}|${d?.phone ?? ''}`;
  };

  // The best candidates for the demo's open openings are left alone (matching shows them today).
  const context = (day: string, declines: readonly TMatchDecline[] = []): TMatchContext => ({
    today: day,
    settings,
    proposedPairs: new Set(),
    declines,
    areaNames,
  });
  // The first few are not touched at all; the next few may be proposed and turned down, but not
  // hired or turned down by that company for that trade (either would take them off the list).
  const reserved = new Set<string>();
  const protectedFor = new Map<string, Set<string>>();
  const openNow = (await loadMatchOpenings(tx)).filter(
    (o) => o.partnershipId === viborg.id && !['filled', 'closed_unfilled', 'cancelled'].includes(o.status),
  );
  for (const o of openNow) {
    const ranked = eligible
      .filter((r) => exclusionsFor(r.match, o.match, context(today)).length === 0)
      .map((r) => ({
        score: scorePair(r.match, o.match, context(today)).score,
        key: sortKeyOf(r.match),
        id: r.match.id,
      }))
      .sort(byKey);
    for (const r of ranked.slice(0, UNTOUCHED_PER_OPENING)) reserved.add(r.id);
    for (const r of ranked.slice(UNTOUCHED_PER_OPENING, UNTOUCHED_PER_OPENING + PROTECTED_PER_OPENING)) {
      const pairs = protectedFor.get(r.id) ?? new Set<string>();
      pairs.add(`${o.match.companyId}:${o.match.occupationId}`);
      protectedFor.set(r.id, pairs);
    }
  }

  const pool: TPoolPerson[] = eligible.flatMap((r) => {
    const d = details.get(r.match.id);
    // Untouched since registration, so the case history reads in order.
    if (!d || reserved.has(r.match.id) || d.updatedAt.getTime() !== d.createdAt.getTime()) return [];
    return [
      {
        match: r.match,
        createdAt: d.createdAt,
        sortKey: sortKeyOf(r.match),
        busy: [],
        uses: 0,
        hired: false,
        lastProposedDay: null,
      },
    ];
  });

  const declines: TMatchDecline[] = [];
  const proposedPairs = new Set<string>();
  let made = 0;

  for (const [index, spec] of DEMO_HISTORY_OPENINGS.entries()) {
    const companyId = ctx.companyId(spec.company);
    const area = ctx.area(spec.area);
    if (!companyId || !area) continue;
    const info = OPENING_TYPE_INFO[spec.type];
    const openedDay = addDays(today, -spec.daysAgo);
    const openedAt = danishLocalToUtc(openedDay, OPENED_AT[index % OPENED_AT.length]!);
    const referredAt = new Date(
      openedAt.getTime() + REFERRAL_DELAY_MINUTES[index % REFERRAL_DELAY_MINUTES.length]! * 60_000,
    );
    const plannedStart = addDays(openedDay, 30);
    // Boligselskabet Viborg's staff register their areas' openings; the job consultant the others.
    const byStaff = ['Houlkærvænget', 'Vestervang', 'Klostervænget'].includes(spec.area);
    const creator = byStaff ? housingStaff : consultant;
    const [assignment] = spec.assignment
      ? await tx
          .select({ id: assignments.id })
          .from(assignments)
          .where(and(eq(assignments.title, spec.assignment), eq(assignments.partnershipId, viborg.id)))
      : [];

    const [row] = await tx
      .insert(openings)
      .values({
        partnershipId: viborg.id,
        companyId,
        housingOrganisationId: area.organisationId,
        housingAreaId: area.id,
        assignmentId: assignment?.id ?? null,
        type: spec.type,
        title: spec.title,
        occupationId: spec.occupationId,
        description: spec.description,
        hoursPerWeek: spec.hoursPerWeek,
        minHoursPerWeek: spec.minHoursPerWeek ?? null,
        skills: spec.skills,
        scheduleDay: true,
        scheduleEvening: false,
        scheduleWeekend: false,
        startDate: plannedStart,
        endDate: info.durationWeeks ? addDays(plannedStart, info.durationWeeks * 7) : null,
        positions: 1,
        postalCode: area.postalCode,
        city: 'Viborg',
        minAge: info.minAge,
        maxAge: info.maxAge,
        status: 'new',
        createdBy: creator,
        createdAt: openedAt,
        updatedAt: openedAt,
        referredAt,
      })
      .returning({ id: openings.id });
    const openingId = row!.id;
    const [matchOpening] = await loadMatchOpenings(tx, [openingId]);
    if (!matchOpening) continue;

    // The dual referral: both professionals at once, as the openings module does it.
    const notice = renderNotification(
      {
        kind: 'opening_referred',
        openingTitle: spec.title,
        companyName: spec.company,
        openingTypeLabel: info.labelDa,
        positions: 1,
        workplace: `${area.postalCode} Viborg`,
        startDate: plannedStart,
      },
      'da',
      null,
    );
    for (const [userId, role] of [
      [consultant, 'job_consultant'],
      [worker, 'social_worker'],
    ] as const) {
      const [n] = await tx
        .insert(notifications)
        .values({
          userId,
          kind: notice.kind,
          title: notice.title,
          body: notice.body,
          link: `/openings/${openingId}`,
          entityType: 'opening',
          entityId: openingId,
          createdAt: referredAt,
          readAt: new Date(referredAt.getTime() + 3 * 3_600_000),
        })
        .returning({ id: notifications.id });
      await tx.insert(openingReferrals).values({
        openingId,
        userId,
        role,
        notifiedAt: referredAt,
        notificationId: n!.id,
      });
    }

    // The proposals, one a day from the first, alternately by the job consultant and the social worker.
    // Never before the referral: the professionals propose once they have heard of the opening.
    const firstDay = [
      addDays(openedDay, FIRST_PROPOSAL_DAYS[index % FIRST_PROPOSAL_DAYS.length]!),
      addDays(danishDate(referredAt), 1),
    ].sort()[1]!;
    interface TMade {
      step: TStep;
      person: TPoolPerson;
      by: string;
      times: ReturnType<typeof proposalTimes>;
      snapshot: ReturnType<typeof scoreSnapshotOf>;
      score: number;
    }
    const madeProposals: TMade[] = [];
    for (const [j, step] of spec.proposals.entries()) {
      const day = addDays(firstDay, j);
      const byWorker = (index + j) % 2 === 1;
      const times = proposalTimes(step, day, byWorker);
      const from = times.proposedAt.getTime();
      const to = times.end.getTime();
      const dayContext = context(
        day,
        declines.filter((d) => d.declinedOn <= day),
      );
      dayContext.proposedPairs = proposedPairs;
      const ranked = pool
        .filter(
          (p) =>
            !p.hired &&
            p.uses < 2 &&
            p.createdAt.getTime() < from - 2 * 86_400_000 &&
            p.busy.every((b) => b.to < from || b.from > to) &&
            // A hire ends the search: nothing of the person's may come after it.
            (step.kind !== 'hired' && step.kind !== 'trial'
              ? true
              : p.busy.every((b) => b.to < from) && !protectedFor.has(p.match.id)) &&
            (step.kind !== 'company_declined' ||
              !protectedFor.get(p.match.id)?.has(`${companyId}:${spec.occupationId}`)),
        )
        .map((p) => ({
          p,
          resident: { ...p.match, waitingSince: p.lastProposedDay ?? danishDate(p.createdAt) },
        }))
        .filter(({ resident }) => exclusionsFor(resident, matchOpening.match, dayContext).length === 0)
        .map(({ p, resident }) => ({ p, match: scorePair(resident, matchOpening.match, dayContext) }))
        .map((x) => ({ ...x, score: x.match.score, key: x.p.sortKey }))
        .sort(byKey);
      const best = ranked[0];
      if (!best) continue;
      best.p.uses += 1;
      best.p.busy.push({ from, to });
      best.p.lastProposedDay = day;
      proposedPairs.add(pairKey(best.p.match.id, openingId));
      madeProposals.push({
        step,
        person: best.p,
        by: byWorker ? worker : consultant,
        times,
        snapshot: scoreSnapshotOf(best.match),
        score: best.match.score,
      });
    }

    // How the opening ended: filled by the hire, cancelled, or closed when nobody was hired.
    const hire = madeProposals.find((m) => m.step.kind === 'hired' || m.step.kind === 'trial');
    const lastEnd = Math.max(
      referredAt.getTime(),
      ...madeProposals.filter((m) => m.step.kind !== 'withdrawn').map((m) => m.times.end.getTime()),
    );
    const closedAt = hire
      ? hire.times.end
      : spec.cancelled
        ? danishLocalToUtc(addDays(firstDay, 3), '15:00')
        : danishLocalToUtc(addDays(danishDate(new Date(lastEnd)), 2), '15:00');
    const finalStatus: TOpeningStatus = hire ? 'filled' : spec.cancelled ? 'cancelled' : 'closed_unfilled';
    // Every opening of the list ends weeks before the load day; a later end is a mistake in the list.
    if (closedAt.getTime() >= now.getTime())
      throw new Error(`Demo history: "${spec.title}" ends in the future`);
    if (hire && !spec.placement)
      throw new Error(`Demo history: "${spec.title}" has a hire without its story`);

    let hireProposalId: string | null = null;
    for (const m of madeProposals) {
      const proposalId = await insertProposal(tx, {
        partnershipId: viborg.id,
        openingId,
        companyId,
        occupationId: spec.occupationId,
        company: spec.company,
        made: m,
        closedAt,
        consultant,
        closeNote:
          finalStatus === 'filled'
            ? 'Stillingen er besat.'
            : finalStatus === 'cancelled'
              ? 'Jobåbningen er annulleret.'
              : 'Jobåbningen er lukket.',
      });
      if (m === hire) hireProposalId = proposalId;
      if (m.step.kind === 'company_declined' && m.times.declinedAt) {
        declines.push({
          residentId: m.person.match.id,
          companyId,
          occupationId: spec.occupationId,
          declinedOn: danishDate(m.times.declinedAt),
        });
      }
    }

    // The opening's own history.
    const path: { to: TOpeningStatus; at: Date; by: string; note: string | null }[] = [
      { to: 'new', at: openedAt, by: creator, note: null },
      {
        to: 'referred',
        at: referredAt,
        by: creator,
        note: 'Henvist automatisk til jobkonsulent og boligsocial medarbejder.',
      },
    ];
    const first = madeProposals[0];
    if (first && first.times.proposedAt < closedAt) {
      path.push({
        to: 'proposals',
        at: first.times.proposedAt,
        by: first.by,
        note: 'Første kandidat er foreslået.',
      });
    }
    const invites = madeProposals
      .map((m) => ('invitedAt' in m.times ? m.times.invitedAt : undefined))
      .filter((d): d is Date => d !== undefined && d < closedAt)
      .sort((a, b) => a.getTime() - b.getTime());
    if (invites[0]) {
      path.push({
        to: 'interviewing',
        at: invites[0],
        by: consultant,
        note: 'Virksomheden har inviteret en kandidat til samtale.',
      });
    }
    path.push({
      to: finalStatus,
      at: closedAt,
      by: consultant,
      note:
        finalStatus === 'filled'
          ? 'Alle stillinger er besat.'
          : finalStatus === 'cancelled'
            ? (spec.cancelled ?? null)
            : madeProposals.length > 0
              ? 'Ingen af kandidaterne blev ansat. Lukket efter aftale med virksomheden.'
              : 'Ingen ledige beboere passede til jobbet. Lukket efter aftale med virksomheden.',
    });
    await tx.insert(openingStatusChanges).values(
      path.map((p, i) => ({
        openingId,
        fromStatus: i === 0 ? null : path[i - 1]!.to,
        toStatus: p.to,
        byUserId: p.by,
        at: p.at,
        note: p.note,
      })),
    );
    await tx
      .update(openings)
      .set({ status: finalStatus, updatedAt: closedAt, firstProposalAt: first?.times.proposedAt ?? null })
      .where(eq(openings.id, openingId));

    if (hire) hire.person.hired = true;
    if (hire && hireProposalId && spec.placement) {
      await insertPlacement(tx, {
        proposalId: hireProposalId,
        now,
        today,
        partnershipId: viborg.id,
        companyId,
        company: spec.company,
        openingId,
        openedDay,
        assignmentId: assignment?.id ?? null,
        spec,
        hire,
        consultant,
        scheduleSettings,
      });
    }
    made += 1;
  }
  return made;
}

/** One proposal and its status history, as the proposals module and the company portal write them. */
async function insertProposal(
  tx: TDbOrTx,
  p: {
    partnershipId: string;
    openingId: string;
    companyId: string;
    occupationId: string;
    company: string;
    made: {
      step: TStep;
      person: TPoolPerson;
      by: string;
      times: ReturnType<typeof proposalTimes>;
      snapshot: ReturnType<typeof scoreSnapshotOf>;
      score: number;
    };
    closedAt: Date;
    consultant: string;
    closeNote: string;
  },
): Promise<string> {
  const { step, times, by } = p.made;
  const history: { to: TProposalStatus; at: Date; by: string; note: string | null }[] = [
    { to: 'awaiting_resident', at: times.proposedAt, by, note: null },
  ];
  const when = (d: Date) => `${formatDanishDate(danishDate(d))} kl. 10.00`;
  const location = DEMO_COMPANIES.find((c) => c.name === p.company);
  const interview =
    'interviewAt' in times && times.interviewAt
      ? {
          interviewAt: times.interviewAt,
          interviewLocation: location ? `${location.address}, ${location.city}` : null,
          interviewOutcome:
            step.kind === 'company_declined' ? (step.interview ?? 'negative') : ('positive' as const),
          interviewOutcomeNote:
            step.kind === 'hired'
              ? 'God samtale. Virksomheden vil gerne ansætte.'
              : step.kind === 'company_declined' && step.interview === 'no_show'
                ? null
                : 'Samtalen gik ikke så godt.',
        }
      : {};
  let status: TProposalStatus = 'awaiting_resident';
  let closedAt: Date | null = null;
  let closeNote: string | null = null;
  const decline: {
    companyDeclinedAt?: Date;
    companyDeclineReason?: TCompanyDeclineReason;
    companyDeclineText?: string | null;
  } = {};

  if (step.kind === 'resident_declined') {
    history.push({ to: 'resident_declined', at: times.answeredAt, by, note: step.note });
    status = 'resident_declined';
    closedAt = times.answeredAt;
    closeNote = step.note;
  } else if (step.kind === 'withdrawn') {
    if (times.answeredAt < p.closedAt)
      history.push({ to: 'resident_agreed', at: times.answeredAt, by, note: null });
    history.push({ to: 'withdrawn', at: p.closedAt, by, note: p.closeNote });
    status = 'withdrawn';
    closedAt = p.closedAt;
    closeNote = p.closeNote;
  } else {
    history.push({ to: 'resident_agreed', at: times.answeredAt, by, note: null });
    if (!('sentAt' in times) || !times.sentAt)
      throw new Error('Demo history: a proposal sent without a date');
    history.push({ to: 'sent_to_company', at: times.sentAt, by, note: null });
    if ('invitedAt' in times && times.invitedAt && times.interviewAt) {
      history.push({
        to: 'interview',
        at: times.invitedAt,
        by: p.consultant,
        note: `Inviteret til samtale ${when(times.interviewAt)}.`,
      });
    }
    const last = history.at(-1)!.to;
    if (step.kind === 'company_declined' && 'declinedAt' in times && times.declinedAt) {
      const label = COMPANY_DECLINE_REASON_LABEL_DA[step.reason];
      history.push({
        to: 'company_declined',
        at: times.declinedAt,
        by: p.consultant,
        note: step.text ? `${label}: ${step.text}` : label,
      });
      status = 'company_declined';
      closedAt = times.declinedAt;
      decline.companyDeclinedAt = times.declinedAt;
      decline.companyDeclineReason = step.reason;
      decline.companyDeclineText = step.text ?? null;
    } else if ('hiredAt' in times && times.hiredAt) {
      // The hire's own status change is written with the placement (it names the start day).
      status = 'hired';
      closedAt = times.hiredAt;
    } else {
      status = last;
    }
  }
  const updatedAt = closedAt ?? history.at(-1)!.at;
  const answered = history.find((h) => h.to === 'resident_agreed' || h.to === 'resident_declined');
  const sent = history.find((h) => h.to === 'sent_to_company');
  const [row] = await tx
    .insert(proposals)
    .values({
      partnershipId: p.partnershipId,
      openingId: p.openingId,
      residentId: p.made.person.match.id,
      companyId: p.companyId,
      occupationId: p.occupationId,
      status,
      score: p.made.score,
      scoreSnapshot: p.made.snapshot,
      proposedBy: by,
      proposedAt: times.proposedAt,
      residentAnsweredAt: answered?.at ?? null,
      residentAnswerRecordedBy: answered ? by : null,
      sentToCompanyAt: sent?.at ?? null,
      sentBy: sent ? by : null,
      ...decline,
      ...interview,
      closedAt,
      closeNote,
      createdAt: times.proposedAt,
      updatedAt:
        'outcomeAt' in times && times.outcomeAt && times.outcomeAt > updatedAt ? times.outcomeAt : updatedAt,
    })
    .returning({ id: proposals.id });
  await tx.insert(proposalStatusChanges).values(
    history.map((h, i) => ({
      proposalId: row!.id,
      fromStatus: i === 0 ? null : history[i - 1]!.to,
      toStatus: h.to,
      byUserId: h.by,
      at: h.at,
      note: h.note,
    })),
  );
  return row!.id;
}

/**
 * The placement of a hire, as placement-hire.ts records it (follow-up plan, owner, days to hire,
 * local hire, the person's new status at the hire's time), then what happened since: the check-ins
 * due so far, an early end, education or a trial's outcome.
 */
async function insertPlacement(
  tx: TDbOrTx,
  p: {
    now: Date;
    today: string;
    partnershipId: string;
    companyId: string;
    company: string;
    openingId: string;
    openedDay: string;
    assignmentId: string | null;
    spec: THistoryOpening;
    proposalId: string;
    hire: { step: TStep; person: TPoolPerson; times: ReturnType<typeof proposalTimes> };
    consultant: string;
    scheduleSettings: Parameters<typeof followUpPlan>[0]['settings'];
  },
): Promise<void> {
  const story = p.spec.placement!;
  const hiredAt = 'hiredAt' in p.hire.times && p.hire.times.hiredAt ? p.hire.times.hiredAt : p.hire.times.end;
  const hiredDay = danishDate(hiredAt);
  const isTrial = TRIAL_TYPES.includes(p.spec.type);
  const lengthDays = isTrial ? 27 : null;
  const quietUntil = addDays(p.today, QUIET_DAYS);

  // The start day, moved a few days where a planned check-in would otherwise fall due right away.
  const planFor = (startDate: string) =>
    followUpPlan({
      type: p.spec.type,
      startDate,
      endDate: lengthDays ? addDays(startDate, lengthDays) : null,
      settings: p.scheduleSettings,
    });
  let startDate = addDays(hiredDay, story.startAfterDays);
  for (let shift = 0; shift <= 12; shift++) {
    const candidate = addDays(hiredDay, story.startAfterDays + shift);
    if (planFor(candidate).every((s) => s.dueDate < p.today || s.dueDate > quietUntil)) {
      startDate = candidate;
      break;
    }
  }
  const plan = planFor(startDate);
  const endDay = story.end ? addDays(startDate, story.end.afterDays) : null;
  const endedAt = endDay ? danishLocalToUtc(endDay, '15:00') : null;
  if (endedAt && endedAt.getTime() >= p.now.getTime()) throw new Error('Demo history: an end in the future');

  // A local hire: the person lives in one of the assignment's areas (placement-hire.ts's rule).
  let isLocalHire = false;
  if (p.assignmentId && p.hire.person.match.housingAreaId) {
    const inArea = await tx
      .select({ id: assignmentAreas.assignmentId })
      .from(assignmentAreas)
      .where(
        and(
          eq(assignmentAreas.assignmentId, p.assignmentId),
          eq(assignmentAreas.housingAreaId, p.hire.person.match.housingAreaId),
        ),
      );
    isLocalHire = inArea.length > 0;
  }

  const residentId = p.hire.person.match.id;
  const [placement] = await tx
    .insert(placements)
    .values({
      partnershipId: p.partnershipId,
      companyId: p.companyId,
      openingId: p.openingId,
      residentId,
      proposalId: p.proposalId,
      assignmentId: p.assignmentId,
      socialClauseId: null,
      type: p.spec.type,
      status: story.end?.status ?? 'active',
      startDate,
      endDate: lengthDays ? addDays(startDate, lengthDays) : endDay,
      hoursPerWeek: p.spec.hoursPerWeek,
      wageSubsidy: 'none',
      isLocalHire,
      followUpOwnerId: p.consultant,
      hiredAt,
      hiredBy: p.consultant,
      daysToHire: daysToHire(p.openedDay, hiredDay),
      endReason: story.end?.reason ?? null,
      endNote: story.end?.note ?? null,
      endedAt,
      endedBy: endedAt ? p.consultant : null,
      createdAt: hiredAt,
      updatedAt: endedAt ?? hiredAt,
    })
    .returning({ id: placements.id });
  const placementId = placement!.id;
  // The proposal's move to "hired", as placement-hire.ts notes it.
  await tx.insert(proposalStatusChanges).values({
    proposalId: p.proposalId,
    fromStatus: p.hire.step.kind === 'hired' ? 'interview' : 'sent_to_company',
    toStatus: 'hired',
    byUserId: p.consultant,
    at: hiredAt,
    note: `Ansat fra ${formatDanishDate(startDate)}.`,
  });

  // Check-ins: those due before today are recorded on their day; after an early end or a move into
  // education only the retention ones remain (efterværn asks where the person is).
  const stopped =
    story.end && (story.end.status === 'ended_early' || story.end.status === 'education') ? endDay : null;
  for (const step of plan) {
    const cancelled = stopped !== null && step.dueDate > stopped && step.measures === null;
    const done = !cancelled && step.dueDate < p.today;
    const recordedAt = done ? danishLocalToUtc(step.dueDate, '10:30') : null;
    const risk = done && story.atRisk?.key === step.key ? story.atRisk : null;
    const retention = step.measures === 'retention_6' ? (story.retention6 ?? 'unknown') : 'unknown';
    const afterEnd = stopped !== null && step.dueDate > stopped;
    const [row] = await tx
      .insert(followUps)
      .values({
        placementId,
        key: step.key,
        dueDate: step.dueDate,
        measures: step.measures,
        state: done ? 'done' : cancelled ? 'cancelled' : 'planned',
        assignedTo: p.consultant,
        recordedAt,
        recordedBy: done ? p.consultant : null,
        contactedWith: done ? (step.measures ? 'resident' : (CHECK_IN_CONTACTS[step.key] ?? 'both')) : null,
        status: done
          ? risk
            ? 'at_risk'
            : afterEnd && story.end?.status === 'ended_early'
              ? 'ended'
              : 'going_well'
          : null,
        notes: done
          ? risk
            ? risk.notes
            : step.measures === 'trial_outcome'
              ? TRIAL_NOTES[story.trial ?? 'other']
              : step.measures?.startsWith('retention')
                ? RETENTION_NOTES[retention]
                : (CHECK_IN_NOTES[step.key] ?? 'Går godt.')
          : null,
        actionTaken: risk ? risk.action : null,
        retentionOutcome: done && step.measures?.startsWith('retention') ? retention : null,
        trialOutcome: done && step.measures === 'trial_outcome' ? (story.trial ?? 'other') : null,
        createdAt: hiredAt,
        updatedAt: recordedAt ?? (cancelled && endedAt ? endedAt : hiredAt),
      })
      .returning({ id: followUps.id });
    if (risk && recordedAt) {
      await tx.insert(escalations).values({
        placementId,
        source: 'check_in',
        followUpId: row!.id,
        reason: risk.notes,
        openedBy: p.consultant,
        openedAt: recordedAt,
        resolvedBy: p.consultant,
        resolvedAt: endedAt ?? recordedAt,
        resolution: risk.resolution,
      });
    }
  }

  // The person's case, at the time each thing happened (the case history is kept at updated_at).
  const setStatus = (status: 'in_job' | 'in_education' | 'active', at: Date) =>
    tx.update(residents).set({ status, updatedAt: at }).where(eq(residents.id, residentId));
  if (!isTrial) await setStatus('in_job', hiredAt);
  if (endedAt && story.end?.status === 'converted') await setStatus('in_job', endedAt);
  if (endedAt && story.end?.status === 'education') await setStatus('in_education', endedAt);
  if (endedAt && story.end?.status === 'ended_early') await setStatus('active', endedAt);
}

/** For tests: the titles of the history's openings (none shared with the rest of the demo). */
export const DEMO_HISTORY_TITLES: ReadonlySet<string> = new Set(DEMO_HISTORY_OPENINGS.map((o) => o.title));

/** For tests: the ids of the history's openings, so a test of another demo loader can leave them out. */
export async function demoHistoryOpeningIds(db: TDbOrTx): Promise<Set<string>> {
  const rows = await db
    .select({ id: openings.id })
    .from(openings)
    .where(inArray(openings.title, [...DEMO_HISTORY_TITLES]));
  return new Set(rows.map((r) => r.id));
}
