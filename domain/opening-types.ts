import { z } from 'zod';

// The kinds of opening a company can offer (DOMAIN.md "Opening types", issue 3 item 6), with the
// defaults the opening form starts from. Defaults are proposals the user may tighten; the youth-work
// rules in rules/youth-work.ts decide what is allowed, and a test keeps these defaults inside them.

export const OPENING_TYPES = [
  'trainee',
  'apprentice',
  'full_time',
  'part_time',
  'leisure_job',
  'pocket_money_job',
  'small_job',
  'work_trial',
  'site_trial',
  'wage_subsidy',
  'flex_job',
  'helper_job',
] as const;
export type TOpeningType = (typeof OPENING_TYPES)[number];
export const ZOpeningType = z.enum(OPENING_TYPES, { error: 'Ukendt type jobåbning.' });

export interface TOpeningTypeInfo {
  type: TOpeningType;
  labelDa: string;
  labelEn: string;
  /** Youngest person the opening accepts by default. */
  minAge: number;
  /** Oldest accepted age by default (inclusive); null = no upper limit. */
  maxAge: number | null;
  /** Default range of hours per week. */
  hoursPerWeek: { min: number; max: number };
  /** Default length in weeks; null = until further notice. */
  durationWeeks: number | null;
  /** Meant for people under 18: the youth-work rules shape the whole opening. */
  isYouth: boolean;
  /**
   * A few hours a week for adults: the matching treats it as fitting Stepping Stones target group 2.
   * Youth types are few hours too but are matched by age, so they are not marked small.
   */
  isSmall: boolean;
  /**
   * The type presupposes that compulsory school is over (a vocational education or the step before
   * one), so a 15-17-year-old in it is checked with the "out of compulsory school" youth band.
   */
  afterCompulsorySchool: boolean;
}

export const OPENING_TYPE_INFO: Record<TOpeningType, TOpeningTypeInfo> = {
  // Elev: a trainee in a vocational education (office, retail, kitchen). The education starts after
  // 9th grade, so 15 is the legal floor; under 18 the 8 h / 40 h youth limits still apply.
  trainee: {
    type: 'trainee',
    labelDa: 'Elevplads',
    labelEn: 'Trainee position',
    minAge: 15,
    maxAge: null,
    hoursPerWeek: { min: 37, max: 37 },
    durationWeeks: null,
    isYouth: false,
    isSmall: false,
    afterCompulsorySchool: true,
  },
  // Lærling: the same in a craft (carpenter, electrician …); the social clauses count these.
  apprentice: {
    type: 'apprentice',
    labelDa: 'Lærlingeplads',
    labelEn: 'Apprenticeship',
    minAge: 15,
    maxAge: null,
    hoursPerWeek: { min: 37, max: 37 },
    durationWeeks: null,
    isYouth: false,
    isSmall: false,
    afterCompulsorySchool: true,
  },
  // Ordinary jobs are aimed at the 18-64-year-old residents whose employment the project measures.
  full_time: {
    type: 'full_time',
    labelDa: 'Ordinært job, fuldtid',
    labelEn: 'Ordinary job, full time',
    minAge: 18,
    maxAge: null,
    hoursPerWeek: { min: 37, max: 37 },
    durationWeeks: null,
    isYouth: false,
    isSmall: false,
    afterCompulsorySchool: true,
  },
  part_time: {
    type: 'part_time',
    labelDa: 'Ordinært job, deltid',
    labelEn: 'Ordinary job, part time',
    minAge: 18,
    maxAge: null,
    hoursPerWeek: { min: 15, max: 32 },
    durationWeeks: null,
    isYouth: false,
    isSmall: false,
    afterCompulsorySchool: true,
  },
  // Fritidsjob, age 15-18 (seed 002): 15-17 inclusive, so max 17. Many 15-year-olds are still in
  // 9th grade, so the default stays within the 12 hours of a school week.
  leisure_job: {
    type: 'leisure_job',
    labelDa: 'Fritidsjob',
    labelEn: 'Leisure job',
    minAge: 15,
    maxAge: 17,
    hoursPerWeek: { min: 4, max: 12 },
    durationWeeks: null,
    isYouth: true,
    isSmall: false,
    afterCompulsorySchool: false,
  },
  // Lommepengejob, age 13-15 (seed 002): 13-14 inclusive; a few hours of light work a week.
  pocket_money_job: {
    type: 'pocket_money_job',
    labelDa: 'Lommepengejob',
    labelEn: 'Pocket-money job',
    minAge: 13,
    maxAge: 14,
    hoursPerWeek: { min: 1, max: 6 },
    durationWeeks: null,
    isYouth: true,
    isSmall: false,
    afterCompulsorySchool: false,
  },
  // Småjob: a few hours a week for adults not ready for full time (Stepping Stones group 2).
  small_job: {
    type: 'small_job',
    labelDa: 'Småjob',
    labelEn: 'Small job',
    minAge: 18,
    maxAge: null,
    hoursPerWeek: { min: 2, max: 15 },
    durationWeeks: null,
    isYouth: false,
    isSmall: true,
    afterCompulsorySchool: true,
  },
  // Virksomhedspraktik: a jobcenter measure for benefit recipients (adults); 4 weeks is the usual
  // first period for someone close to the labour market.
  work_trial: {
    type: 'work_trial',
    labelDa: 'Virksomhedspraktik',
    labelEn: 'Work trial',
    minAge: 18,
    maxAge: null,
    hoursPerWeek: { min: 10, max: 37 },
    durationWeeks: 4,
    isYouth: false,
    isSmall: false,
    afterCompulsorySchool: true,
  },
  // Snusepraktik: 4 weeks trying a trade on a building site (seed 004), a step towards an
  // apprenticeship, so open from the age the education is (15, out of compulsory school).
  site_trial: {
    type: 'site_trial',
    labelDa: 'Snusepraktik',
    labelEn: 'Trade taster placement',
    minAge: 15,
    maxAge: null,
    hoursPerWeek: { min: 20, max: 37 },
    durationWeeks: 4,
    isYouth: false,
    isSmall: false,
    afterCompulsorySchool: true,
  },
  // Løntilskud: subsidised employment for benefit recipients; 26 weeks is the usual private maximum.
  wage_subsidy: {
    type: 'wage_subsidy',
    labelDa: 'Løntilskud',
    labelEn: 'Wage subsidy job',
    minAge: 18,
    maxAge: null,
    hoursPerWeek: { min: 20, max: 37 },
    durationWeeks: 26,
    isYouth: false,
    isSmall: false,
    afterCompulsorySchool: true,
  },
  // Fleksjob: for people with a permanently reduced capacity, often few hours: fits group 2.
  flex_job: {
    type: 'flex_job',
    labelDa: 'Fleksjob',
    labelEn: 'Flex job',
    minAge: 18,
    maxAge: null,
    hoursPerWeek: { min: 5, max: 25 },
    durationWeeks: null,
    isYouth: false,
    isSmall: true,
    afterCompulsorySchool: true,
  },
  // Fejedrengs-tjans: a temporary helper job before an education (seed 004), for young people not
  // yet ready; a few hours to start with, so it counts as small.
  helper_job: {
    type: 'helper_job',
    labelDa: 'Fejedrengs-tjans',
    labelEn: 'Temporary helper job',
    minAge: 15,
    maxAge: null,
    hoursPerWeek: { min: 8, max: 30 },
    durationWeeks: 12,
    isYouth: false,
    isSmall: true,
    afterCompulsorySchool: true,
  },
};

export const OPENING_TYPE_LIST: readonly TOpeningTypeInfo[] = OPENING_TYPES.map((t) => OPENING_TYPE_INFO[t]);

export function openingTypeInfo(type: TOpeningType): TOpeningTypeInfo {
  return OPENING_TYPE_INFO[type];
}
