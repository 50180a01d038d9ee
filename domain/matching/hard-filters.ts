import { OPENING_TYPE_INFO, type TOpeningType } from '../opening-types.ts';
import { ageOn, youthBand, youthViolations } from '../rules/youth-work.ts';
import { addMonths } from '../time.ts';
import { pairKey, type TMatchContext, type TMatchOpening, type TMatchResident } from './match-inputs.ts';

// The hard filters of the matching (issue 5 item 1): a person who fails one is not a candidate,
// and the reason says why in Danish. Checked in the order below; every failing filter is
// reported, and the first one is the reason the exclusion summary counts.

export const EXCLUSION_CODES = [
  'no_consent',
  'status',
  'too_young',
  'too_old',
  'youth_rules',
  'driver_licence',
  'danish_level',
  'hours',
  'already_proposed',
  'declined_recently',
] as const;
export type TExclusionCode = (typeof EXCLUSION_CODES)[number];

export interface TExclusion {
  code: TExclusionCode;
  /** Danish, about this person and this opening. */
  message: string;
  /** What the summary groups by besides the code (e.g. the age limit). */
  param?: number | string;
}

/** Types a person already in a job may take on the side (issue 5: part-time and småjob types). */
export function acceptsPeopleInJob(type: TOpeningType): boolean {
  return type === 'part_time' || OPENING_TYPE_INFO[type].isSmall;
}

/** The age limits of an opening: its own, else its type's defaults. */
export function openingAgeLimits(opening: TMatchOpening): { minAge: number; maxAge: number | null } {
  const info = OPENING_TYPE_INFO[opening.type];
  return { minAge: opening.minAge ?? info.minAge, maxAge: opening.maxAge ?? info.maxAge };
}

/** The fewest hours the opening can be done with: its own minimum, else the type's, never above its hours. */
export function openingMinHours(opening: TMatchOpening): number {
  const min = opening.minHoursPerWeek ?? OPENING_TYPE_INFO[opening.type].hoursPerWeek.min;
  return Math.min(min, opening.hoursPerWeek);
}

// A higher category includes the lower ones it builds on (færdselsloven: C1, C and D need B;
// BE and CE add a trailer to B and C).
const LICENCE_INCLUDES: Record<string, readonly string[]> = {
  B: ['B'],
  BE: ['BE', 'B'],
  C1: ['C1', 'B'],
  C: ['C', 'C1', 'B'],
  CE: ['CE', 'C', 'C1', 'BE', 'B'],
  D: ['D', 'B'],
};

export function holdsLicence(held: readonly string[], required: string): boolean {
  return held.some((l) => (LICENCE_INCLUDES[l] ?? [l]).includes(required));
}

const hoursText = (n: number) => String(n).replace('.', ',');

/** What the youth-work rules say against a person of this age (under 18) in the opening; empty when allowed. */
export function youthRuleViolations(age: number, opening: TMatchOpening): string[] {
  return youthViolations({
    band: youthBand(age, OPENING_TYPE_INFO[opening.type].afterCompulsorySchool ? false : undefined),
    hoursPerWeek: opening.hoursPerWeek,
    schedule: {
      day: opening.scheduleDay,
      evening: opening.scheduleEvening,
      weekend: opening.scheduleWeekend,
    },
    endTime: opening.endTime,
    on: opening.startDate,
  });
}

/** Every hard filter the person fails for the opening; empty for a candidate. */
export function exclusionsFor(
  resident: TMatchResident,
  opening: TMatchOpening,
  context: TMatchContext,
): TExclusion[] {
  const out: TExclusion[] = [];
  if (!resident.consentToMatch) {
    out.push({
      code: 'no_consent',
      message: 'Har ikke givet samtykke til at blive foreslået til virksomheder',
    });
  }
  const statusOk =
    resident.status === 'active' || (resident.status === 'in_job' && acceptsPeopleInJob(opening.type));
  if (!statusOk) {
    out.push({
      code: 'status',
      message:
        resident.status === 'in_job'
          ? 'Er i job – denne type kræver en aktiv jobsøgende'
          : 'Er ikke aktiv i øjeblikket',
      param: resident.status,
    });
  }

  // Age on the first working day decides, as the youth-work rules do.
  const age = ageOn(resident.birthDate, opening.startDate);
  const { minAge, maxAge } = openingAgeLimits(opening);
  if (age < minAge) {
    out.push({
      code: 'too_young',
      message: `Er ${age} år ved start – jobbet er fra ${minAge} år`,
      param: minAge,
    });
  } else if (maxAge !== null && age > maxAge) {
    out.push({
      code: 'too_old',
      message: `Er ${age} år ved start – jobbet er til ${maxAge} år`,
      param: maxAge,
    });
  } else if (age < 18) {
    const violations = youthRuleViolations(age, opening);
    if (violations.length > 0) {
      out.push({ code: 'youth_rules', message: `Er ${age} år: ${violations.join(' ')}`, param: age });
    }
  }

  if (opening.driverLicence && !holdsLicence(resident.driverLicences, opening.driverLicence)) {
    out.push({
      code: 'driver_licence',
      message: `Har ikke kørekort ${opening.driverLicence}`,
      param: opening.driverLicence,
    });
  }
  if (opening.minDanishLevel !== null) {
    if (resident.danishLevel === null) {
      out.push({
        code: 'danish_level',
        message: `Danskniveau er ikke vurderet – jobbet kræver niveau ${opening.minDanishLevel}`,
        param: opening.minDanishLevel,
      });
    } else if (resident.danishLevel < opening.minDanishLevel) {
      out.push({
        code: 'danish_level',
        message: `Dansk på niveau ${resident.danishLevel} – jobbet kræver niveau ${opening.minDanishLevel}`,
        param: opening.minDanishLevel,
      });
    }
  }
  const minHours = openingMinHours(opening);
  if (resident.hoursPerWeek !== null && resident.hoursPerWeek < minHours) {
    out.push({
      code: 'hours',
      message: `Kan ${hoursText(resident.hoursPerWeek)} timer/uge – jobbet kræver mindst ${hoursText(minHours)}`,
      param: minHours,
    });
  }
  if (context.proposedPairs.has(pairKey(resident.id, opening.id))) {
    out.push({ code: 'already_proposed', message: 'Er allerede foreslået til denne jobåbning' });
  }
  const months = context.settings.declineQuarantineMonths;
  if (months > 0) {
    const since = addMonths(context.today, -months);
    const declined = context.declines.some(
      (d) =>
        d.residentId === resident.id &&
        d.companyId === opening.companyId &&
        d.occupationId === opening.occupationId &&
        d.declinedOn > since,
    );
    if (declined) {
      out.push({
        code: 'declined_recently',
        message: `Virksomheden har sagt nej til personen i samme fag inden for ${months} måneder`,
        param: months,
      });
    }
  }
  return out;
}

/** "14 uden samtykke til virksomheder", "3 under 15 år": one line of the exclusion summary. */
export function exclusionSummaryLabel(
  code: TExclusionCode,
  param: number | string | undefined,
  count: number,
): string {
  const people = count === 1 ? 'person' : 'personer';
  switch (code) {
    case 'no_consent':
      return `${count} uden samtykke til virksomheder`;
    case 'status':
      return param === 'in_job' ? `${count} i job` : `${count} ikke aktive`;
    case 'too_young':
      return `${count} under ${param} år`;
    case 'too_old':
      return `${count} over ${param} år`;
    case 'youth_rules':
      return `${count} unge, som arbejdsmiljøreglerne for unge ikke tillader i dette job`;
    case 'driver_licence':
      return `${count} uden kørekort ${param}`;
    case 'danish_level':
      return `${count} under danskniveau ${param}`;
    case 'hours':
      return `${count}, der kan arbejde under ${param} timer/uge`;
    case 'already_proposed':
      return `${count} allerede foreslået`;
    case 'declined_recently':
      return `${count} ${people}, som virksomheden har sagt nej til i samme fag for nylig`;
  }
}
