// Danish rules for young people's work (under 18), kept as versioned data with their source so a
// change of the rules is a new entry here, not an edit scattered through the code.
//
// Source: Bekendtgørelse nr. 239 af 6. april 2005 om unges arbejde (Beskæftigelsesministeriet,
// administered by Arbejdstilsynet) with later amendments, together with arbejdsmiljølovens kapitel 9
// (unge under 18 år), as summarised by Arbejdstilsynet on "Unges arbejdstid, hviletid og fridøgn"
// (arbejdstilsynet.dk/da/regler/unge). The section references below are given as the rule set's
// topics; the exact paragraph numbers were not checked against retsinformation.dk (see `verified`).
//
// What the published rules say and how they differ from the one-line summary in DOMAIN.md:
// - 15-17-year-olds who are still in compulsory school (undervisningspligtige, i.e. have not left
//   9th grade) follow the child rules on school days and in school weeks (2 h / 12 h), but may work
//   8 h on a non-school day and 40 h in a week with no school. 13-14-year-olds: 7 h and 35 h.
// - 15-17-year-olds out of compulsory school: at most 8 h a day and 40 h a week, and no more than
//   adults in the same trade. The night rest is, as the main rule, 20.00-06.00; sector exceptions
//   allow work until 22.00 (offices, shops, service stations), until 24.00 (hotels, restaurants,
//   cinemas, theatres, concert venues), and a start from 04.00 (bakeries, stable work) or 05.00
//   (newspaper delivery). Older summaries give "22/23-06"; we encode the main rule and the
//   exceptions as data so an opening can name its sector.
// - The rules changed on 1 January and 1 July 2025 (more permitted tasks and machines for 13-14-year-
//   olds). As far as we could find they did not change these hour limits; not verified.

/** The age bands the rules distinguish. */
export const YOUTH_BANDS = ['under_13', 'child', 'pupil', 'young', 'adult'] as const;
export type TYouthBand = (typeof YOUTH_BANDS)[number];

/** Sector exceptions to the 20.00-06.00 night rest for 15-17-year-olds out of compulsory school. */
export const NIGHT_EXCEPTIONS = [
  'office_shop',
  'hospitality_culture',
  'bakery_agriculture',
  'newspaper',
] as const;
export type TNightException = (typeof NIGHT_EXCEPTIONS)[number];

export interface TYouthLimits {
  /** May be employed by an employer at all. */
  mayWork: boolean;
  /** Only light work (the order's list of permitted tasks); not checkable from hours alone. */
  lightWorkOnly: boolean;
  maxHoursSchoolDay: number | null;
  maxHoursNonSchoolDay: number | null;
  maxHoursSchoolWeek: number | null;
  maxHoursNonSchoolWeek: number | null;
  /** Work may not start before this time ("HH:MM"); null = no rule. */
  earliestStart: string | null;
  /** Work must end by this time ("HH:MM", "24:00" = midnight); null = no rule. */
  latestEnd: string | null;
  /** Minimum continuous rest within 24 hours. */
  minDailyRestHours: number | null;
  /** A break of at least 30 minutes is due when the working day exceeds this. */
  breakAfterHours: number | null;
}

export interface TYouthBandRule {
  band: TYouthBand;
  labelDa: string;
  /** Subject of the Danish messages, e.g. "Unge under 15". */
  subjectDa: string;
  limits: TYouthLimits;
  /** Where in the rule set the limits come from. */
  sections: string[];
}

export interface TNightExceptionRule {
  exception: TNightException;
  labelDa: string;
  earliestStart: string;
  latestEnd: string;
}

export interface TYouthRuleSet {
  id: string;
  name: string;
  issuer: string;
  /** The order's date. */
  issued: string;
  /** Used to pick the rule set in force on a date. */
  validFrom: string;
  amendments: string[];
  url: string;
  /** Whether the section numbers were checked against the published text. */
  verified: boolean;
  bands: Record<TYouthBand, TYouthBandRule>;
  nightExceptions: Record<TNightException, TNightExceptionRule>;
}

const NO_LIMITS: TYouthLimits = {
  mayWork: true,
  lightWorkOnly: false,
  maxHoursSchoolDay: null,
  maxHoursNonSchoolDay: null,
  maxHoursSchoolWeek: null,
  maxHoursNonSchoolWeek: null,
  earliestStart: null,
  latestEnd: null,
  minDailyRestHours: null,
  breakAfterHours: null,
};

export const YOUTH_RULE_SETS: readonly TYouthRuleSet[] = [
  {
    id: 'bek-239-2005',
    name: 'Bekendtgørelse nr. 239 af 6. april 2005 om unges arbejde',
    issuer: 'Beskæftigelsesministeriet (Arbejdstilsynet)',
    issued: '2005-04-06',
    validFrom: '2005-04-06',
    amendments: [
      'Ændring 1. januar 2018: lettere ekspedition i forretninger og restauranter (bilag 1, pkt. 3)',
      'Ændringer 1. januar 2025 og 1. juli 2025: flere tilladte opgaver og ufarlige maskiner for 13-14-årige',
    ],
    url: 'https://www.retsinformation.dk/eli/lta/2005/239',
    verified: false,
    bands: {
      under_13: {
        band: 'under_13',
        labelDa: 'Under 13 år',
        subjectDa: 'Børn under 13 år',
        limits: { ...NO_LIMITS, mayWork: false },
        sections: [
          'Børn under 13 år må ikke beskæftiges (undtagen kulturelle o.l. aktiviteter med tilladelse)',
        ],
      },
      child: {
        band: 'child',
        labelDa: '13-14 år',
        subjectDa: 'Unge under 15',
        limits: {
          mayWork: true,
          lightWorkOnly: true,
          maxHoursSchoolDay: 2,
          maxHoursNonSchoolDay: 7,
          maxHoursSchoolWeek: 12,
          maxHoursNonSchoolWeek: 35,
          earliestStart: '06:00',
          latestEnd: '20:00',
          minDailyRestHours: 14,
          breakAfterHours: 4.5,
        },
        sections: [
          'Lettere arbejde (bilag om tilladte arbejdsopgaver for 13-14-årige og undervisningspligtige)',
          'Arbejdstid: 2 timer på skoledage, 7 timer på skolefri dage, 12 timer i skoleuger, 35 timer i skolefri uger',
          'Hviletid: 14 timer i døgnet, omfattende tidsrummet kl. 20-6',
        ],
      },
      pupil: {
        band: 'pupil',
        labelDa: '15-17 år i undervisningspligtig alder',
        subjectDa: 'Undervisningspligtige unge',
        limits: {
          mayWork: true,
          lightWorkOnly: true,
          maxHoursSchoolDay: 2,
          maxHoursNonSchoolDay: 8,
          maxHoursSchoolWeek: 12,
          maxHoursNonSchoolWeek: 40,
          earliestStart: '06:00',
          latestEnd: '20:00',
          minDailyRestHours: 14,
          breakAfterHours: 4.5,
        },
        sections: [
          'Lettere arbejde (som 13-14-årige, så længe undervisningspligten gælder)',
          'Arbejdstid: 2 timer på skoledage, 8 timer på skolefri dage, 12 timer i skoleuger, 40 timer i skolefri uger',
          'Hviletid: 14 timer i døgnet, omfattende tidsrummet kl. 20-6',
        ],
      },
      young: {
        band: 'young',
        labelDa: '15-17 år, ude af undervisningspligten',
        subjectDa: 'Unge under 18',
        limits: {
          mayWork: true,
          lightWorkOnly: false,
          maxHoursSchoolDay: 8,
          maxHoursNonSchoolDay: 8,
          maxHoursSchoolWeek: 40,
          maxHoursNonSchoolWeek: 40,
          earliestStart: '06:00',
          latestEnd: '20:00',
          minDailyRestHours: 12,
          breakAfterHours: 4.5,
        },
        sections: [
          'Arbejdstid: højst 8 timer om dagen og 40 timer om ugen, og ikke mere end voksne i samme fag',
          'Hviletid: 12 timer i døgnet; som hovedregel ikke arbejde kl. 20-6, med brancheundtagelser',
        ],
      },
      adult: {
        band: 'adult',
        labelDa: '18 år og derover',
        subjectDa: 'Voksne',
        limits: NO_LIMITS,
        sections: [],
      },
    },
    nightExceptions: {
      office_shop: {
        exception: 'office_shop',
        labelDa: 'Kontorer, butikker, servicestationer o.l.',
        earliestStart: '06:00',
        latestEnd: '22:00',
      },
      hospitality_culture: {
        exception: 'hospitality_culture',
        labelDa: 'Hoteller, restauranter, biografer, teatre, koncertsteder o.l.',
        earliestStart: '06:00',
        latestEnd: '24:00',
      },
      bakery_agriculture: {
        exception: 'bakery_agriculture',
        labelDa: 'Bagerier og staldarbejde i landbruget',
        earliestStart: '04:00',
        latestEnd: '20:00',
      },
      newspaper: {
        exception: 'newspaper',
        labelDa: 'Omdeling af dagblade',
        earliestStart: '05:00',
        latestEnd: '20:00',
      },
    },
  },
];

/** The rule set in force on a date (yyyy-mm-dd); the newest one without a date. */
export function youthRuleSet(on?: string): TYouthRuleSet {
  const sets = [...YOUTH_RULE_SETS].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  const found = on ? sets.find((s) => s.validFrom <= on) : sets[0];
  // Before the first rule set we still apply the oldest one: better too strict than no rule.
  return found ?? sets[sets.length - 1]!;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(iso: string): [number, number, number] {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`Ugyldig dato: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/**
 * Whole years of age on a date, from a birth date (never a CPR number). A person is a year older
 * on the birthday itself; someone born 29 February becomes older on 1 March in a non-leap year.
 */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = parseDate(birthDate);
  const [y, m, d] = parseDate(on);
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/**
 * Which band applies. `inCompulsorySchool` unknown for a 15-17-year-old means "still in
 * compulsory school": the stricter band, since many 15-year-olds are in 9th grade.
 */
export function youthBand(age: number, inCompulsorySchool?: boolean): TYouthBand {
  if (age < 13) return 'under_13';
  if (age < 15) return 'child';
  if (age < 18) return inCompulsorySchool === false ? 'young' : 'pupil';
  return 'adult';
}

/** True for the bands the summary calls "13-14-year-olds and those still in compulsory school". */
export function isChildBand(band: TYouthBand): boolean {
  return band === 'child' || band === 'pupil';
}

export function youthLimits(band: TYouthBand, on?: string): TYouthLimits {
  return youthRuleSet(on).bands[band].limits;
}

/** Schedule flags of an opening. "Evening" means work after 18.00. */
export interface TWorkSchedule {
  day: boolean;
  evening: boolean;
  weekend: boolean;
}

/** When the work happens relative to the school calendar. */
export const WORK_PERIODS = ['school_term', 'school_holiday', 'unknown'] as const;
export type TWorkPeriod = (typeof WORK_PERIODS)[number];

export interface TYouthWorkInput {
  /** The band, or else `minAge` (the youngest person the opening accepts) decides it. */
  band?: TYouthBand;
  minAge?: number | null;
  inCompulsorySchool?: boolean;
  hoursPerWeek: number;
  hoursPerDay?: number | null;
  schedule: TWorkSchedule;
  /** Daily start and end ("HH:MM"), when the opening states them. */
  startTime?: string | null;
  endTime?: string | null;
  /** Unknown is checked as school term: the stricter limits. */
  period?: TWorkPeriod;
  nightException?: TNightException | null;
  /** Date whose rule set applies (yyyy-mm-dd), e.g. the opening's start. */
  on?: string;
}

const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

function minutes(time: string): number {
  const m = TIME.exec(time);
  if (!m) throw new RangeError(`Ugyldigt klokkeslæt: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** "20:00" → "20.00" (Danish time format, DOMAIN.md). */
function da(time: string): string {
  return time.replace(':', '.');
}

function hours(n: number): string {
  return `${String(n).replace('.', ',')} ${n === 1 ? 'time' : 'timer'}`;
}

/** The band an opening must respect: an explicit band, else the youngest accepted age. */
export function bandForInput(
  input: Pick<TYouthWorkInput, 'band' | 'minAge' | 'inCompulsorySchool'>,
): TYouthBand {
  if (input.band) return input.band;
  if (input.minAge === undefined || input.minAge === null) return 'adult';
  return youthBand(input.minAge, input.inCompulsorySchool);
}

/**
 * Danish messages for each youth-work limit the opening breaks; empty when it keeps them all.
 *
 * Evening work without an end time counts as work after 18.00 whose end is unknown: since no
 * one can then show that it ends by the night rest, it is refused for every band under 18 with a
 * message asking for the end time. With an end time we check it against the band's latest end
 * (and the sector exception for 15-17-year-olds out of compulsory school).
 */
export function youthViolations(input: TYouthWorkInput): string[] {
  const band = bandForInput(input);
  const rules = youthRuleSet(input.on);
  const rule = rules.bands[band];
  const limits = rule.limits;
  const who = rule.subjectDa;
  if (!limits.mayWork) return [`${who} må ikke ansættes.`];
  if (band === 'adult') return [];

  const out: string[] = [];
  const holiday = input.period === 'school_holiday';
  const weekLimit = holiday ? limits.maxHoursNonSchoolWeek : limits.maxHoursSchoolWeek;
  if (weekLimit !== null && input.hoursPerWeek > weekLimit) {
    if (limits.maxHoursSchoolWeek === limits.maxHoursNonSchoolWeek) {
      out.push(`${who} må højst arbejde ${hours(weekLimit)} om ugen.`);
    } else {
      out.push(`${who} må højst arbejde ${hours(weekLimit)} i en ${holiday ? 'skolefri uge' : 'skoleuge'}.`);
    }
  }

  const perDay = input.hoursPerDay ?? null;
  if (perDay !== null) {
    // Weekday work in term time is on school days; weekend work and holidays are school-free days.
    const onSchoolDays = !holiday && (input.schedule.day || input.schedule.evening);
    const dayLimit = onSchoolDays ? limits.maxHoursSchoolDay : limits.maxHoursNonSchoolDay;
    if (dayLimit !== null && perDay > dayLimit) {
      if (limits.maxHoursSchoolDay === limits.maxHoursNonSchoolDay) {
        out.push(`${who} må højst arbejde ${hours(dayLimit)} om dagen.`);
      } else {
        out.push(
          `${who} må højst arbejde ${hours(dayLimit)} på en ${onSchoolDays ? 'skoledag' : 'skolefri dag'}.`,
        );
      }
    }
  }

  // The night rest: only 15-17-year-olds out of compulsory school may use a sector exception.
  const exception =
    band === 'young' && input.nightException ? rules.nightExceptions[input.nightException] : null;
  const latestEnd = exception?.latestEnd ?? limits.latestEnd;
  const earliestStart = exception?.earliestStart ?? limits.earliestStart;
  if (latestEnd !== null && earliestStart !== null) {
    const nightText = `${who} må ikke arbejde mellem kl. ${da(latestEnd === '24:00' ? '00:00' : latestEnd)} og kl. ${da(earliestStart)}.`;
    const start = input.startTime ? minutes(input.startTime) : null;
    const end = input.endTime ? minutes(input.endTime) : null;
    const endsTooLate = end !== null && (end > minutes(latestEnd) || (start !== null && end <= start));
    const startsTooEarly = start !== null && start < minutes(earliestStart);
    if (endsTooLate || startsTooEarly) out.push(nightText);
    else if (end === null && input.schedule.evening) {
      out.push(
        `${who} må ikke arbejde efter kl. ${da(latestEnd)}: angiv et sluttidspunkt for aftenarbejdet.`,
      );
    }
  }
  return out;
}
