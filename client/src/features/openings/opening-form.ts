import type { TOpeningDraft } from '@domain/job-dialogue.schema.ts';
import { type TOpening, type TOpeningInput, ZOpeningInput } from '@domain/opening.schema.ts';
import { OPENING_TYPE_INFO, OPENING_TYPES, type TOpeningType } from '@domain/opening-types.ts';
import { type TYouthBand, youthBand, youthViolations } from '@domain/rules/youth-work.ts';
import { z } from 'zod';

// The opening form's state and the rules it applies as the user types: type defaults, the end
// date from the type's duration, and the youth-work check. Pure, so it is tested without a browser.

/** What the inputs hold: text as typed, checkboxes as booleans; the schema parses it on submit. */
export interface TOpeningFormValues {
  companyId: string;
  partnershipId: string;
  housingAreaId: string;
  assignmentId: string;
  socialClauseId: string;
  type: TOpeningType | '';
  title: string;
  occupationId: string | null;
  description: string;
  hoursPerWeek: string;
  /** The fewest hours a week the job can be done with (empty: the type's default). */
  minHoursPerWeek: string;
  /** Skill tags the job asks for (matching's skills coverage). */
  skills: string[];
  scheduleDay: boolean;
  scheduleEvening: boolean;
  scheduleWeekend: boolean;
  endTime: string;
  startDate: string;
  endDate: string;
  positions: string;
  applicationDeadline: string;
  postalCode: string;
  city: string;
  driverLicence: string;
  minDanishLevel: string;
  certificates: string;
  minAge: string;
  maxAge: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}
export type TOpeningFormField = keyof TOpeningFormValues;

export function isOpeningType(value: string | null | undefined): value is TOpeningType {
  return (OPENING_TYPES as readonly string[]).includes(value ?? '');
}

export function emptyOpeningValues(): TOpeningFormValues {
  return {
    companyId: '',
    partnershipId: '',
    housingAreaId: '',
    assignmentId: '',
    socialClauseId: '',
    type: '',
    title: '',
    occupationId: null,
    description: '',
    hoursPerWeek: '',
    minHoursPerWeek: '',
    skills: [],
    scheduleDay: true,
    scheduleEvening: false,
    scheduleWeekend: false,
    endTime: '',
    startDate: '',
    endDate: '',
    positions: '1',
    applicationDeadline: '',
    postalCode: '',
    city: '',
    driverLicence: '',
    minDanishLevel: '',
    certificates: '',
    minAge: '',
    maxAge: '',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
  };
}

/** yyyy-mm-dd plus whole weeks, as a calendar date (no time zone involved). */
export function addWeeks(isoDate: string, weeks: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return '';
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + weeks * 7));
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/**
 * The hours, ages and length a type proposes. Small jobs start at the low end of their range
 * (a few hours is the point); the others at the usual full amount for the type.
 */
export function typeDefaults(type: TOpeningType) {
  const info = OPENING_TYPE_INFO[type];
  return {
    hoursPerWeek: String(info.isSmall ? info.hoursPerWeek.min : info.hoursPerWeek.max),
    minAge: String(info.minAge),
    maxAge: info.maxAge === null ? '' : String(info.maxAge),
    durationWeeks: info.durationWeeks,
  };
}

function autoEndDate(type: TOpeningType | '', startDate: string): string {
  if (!type || !startDate) return '';
  const weeks = OPENING_TYPE_INFO[type].durationWeeks;
  return weeks === null ? '' : addWeeks(startDate, weeks);
}

/**
 * Choosing a type fills its defaults, but only where the user has not written something of their
 * own: a field that is empty or still holds the previous type's default is replaced.
 */
export function applyType(values: TOpeningFormValues, type: TOpeningType): TOpeningFormValues {
  const next = typeDefaults(type);
  const prev = values.type ? typeDefaults(values.type) : null;
  const untouched = (field: 'hoursPerWeek' | 'minAge' | 'maxAge') =>
    values[field] === '' || (prev !== null && values[field] === prev[field]);
  const endUntouched = values.endDate === '' || values.endDate === autoEndDate(values.type, values.startDate);
  return {
    ...values,
    type,
    hoursPerWeek: untouched('hoursPerWeek') ? next.hoursPerWeek : values.hoursPerWeek,
    minAge: untouched('minAge') ? next.minAge : values.minAge,
    maxAge: untouched('maxAge') ? next.maxAge : values.maxAge,
    endDate: endUntouched ? autoEndDate(type, values.startDate) : values.endDate,
  };
}

/** A new start date moves an end date that came from the type's duration along with it. */
export function applyStartDate(values: TOpeningFormValues, startDate: string): TOpeningFormValues {
  const endUntouched = values.endDate === '' || values.endDate === autoEndDate(values.type, values.startDate);
  return {
    ...values,
    startDate,
    endDate: endUntouched ? autoEndDate(values.type, startDate) : values.endDate,
  };
}

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** The form for editing a saved opening. */
export function valuesFromOpening(o: TOpening): TOpeningFormValues {
  return {
    companyId: o.companyId,
    partnershipId: o.partnershipId,
    housingAreaId: str(o.housingAreaId),
    assignmentId: str(o.assignmentId),
    socialClauseId: str(o.socialClauseId),
    type: o.type,
    title: o.title,
    occupationId: o.occupationId,
    description: str(o.description),
    hoursPerWeek: str(o.hoursPerWeek),
    minHoursPerWeek: str(o.minHoursPerWeek),
    skills: [...o.skills],
    scheduleDay: o.scheduleDay,
    scheduleEvening: o.scheduleEvening,
    scheduleWeekend: o.scheduleWeekend,
    endTime: str(o.endTime),
    startDate: o.startDate,
    endDate: str(o.endDate),
    positions: str(o.positions),
    applicationDeadline: str(o.applicationDeadline),
    postalCode: o.postalCode,
    city: o.city,
    driverLicence: str(o.driverLicence),
    minDanishLevel: str(o.minDanishLevel),
    certificates: str(o.certificates),
    minAge: str(o.minAge),
    maxAge: str(o.maxAge),
    contactName: str(o.contactName),
    contactEmail: str(o.contactEmail),
    contactPhone: str(o.contactPhone),
  };
}

/** The form a job dialogue's "opening now" starts from: its company, assignment and first ask. */
export function valuesFromDraft(d: TOpeningDraft): TOpeningFormValues {
  const base: TOpeningFormValues = {
    ...emptyOpeningValues(),
    companyId: d.companyId,
    partnershipId: d.partnershipId,
    housingAreaId: str(d.housingAreaId),
    assignmentId: d.assignmentId,
    socialClauseId: str(d.socialClauseId),
    title: d.title,
    postalCode: str(d.postalCode),
    city: str(d.city),
  };
  return applyType(applyStartDate(base, d.startDate), d.type);
}

/** Form values → what the API takes ("" for an optional field means "not given"). */
export function toOpeningInput(v: TOpeningFormValues): Record<string, unknown> {
  return {
    companyId: v.companyId || undefined,
    partnershipId: v.partnershipId || null,
    housingAreaId: v.housingAreaId || null,
    assignmentId: v.assignmentId || null,
    socialClauseId: v.socialClauseId || null,
    type: v.type || undefined,
    title: v.title,
    occupationId: v.occupationId ?? undefined,
    description: v.description,
    hoursPerWeek: v.hoursPerWeek.trim().replace(',', '.'),
    minHoursPerWeek: v.minHoursPerWeek.trim().replace(',', '.'),
    skills: v.skills,
    scheduleDay: v.scheduleDay,
    scheduleEvening: v.scheduleEvening,
    scheduleWeekend: v.scheduleWeekend,
    // An end time belongs to evening work; without evening work it is cleared.
    endTime: v.scheduleEvening ? v.endTime : '',
    startDate: v.startDate,
    endDate: v.endDate,
    positions: v.positions.trim(),
    applicationDeadline: v.applicationDeadline,
    postalCode: v.postalCode,
    city: v.city,
    driverLicence: v.driverLicence,
    minDanishLevel: v.minDanishLevel,
    certificates: v.certificates,
    minAge: v.minAge.trim(),
    maxAge: v.maxAge.trim(),
    contactName: v.contactName,
    contactEmail: v.contactEmail,
    contactPhone: v.contactPhone,
  };
}

function whole(text: string): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  return Number(t);
}

/** The youngest age the opening accepts: the typed minimum, else the type's default. */
export function effectiveMinAge(v: TOpeningFormValues): number | null {
  if (!v.type) return null;
  return whole(v.minAge) ?? OPENING_TYPE_INFO[v.type].minAge;
}

export interface TYouthCheck {
  minAge: number;
  band: TYouthBand;
  /** Broken limits on hours (shown at "Timer pr. uge"). */
  hours: string[];
  /** Broken limits on the time of day (shown at the end time). */
  time: string[];
}

/**
 * The youth-work rules for the opening as it stands, checked exactly as the shared schema does;
 * null for an opening for adults (or before a type is chosen).
 */
export function youthCheck(v: TOpeningFormValues): TYouthCheck | null {
  const minAge = effectiveMinAge(v);
  if (minAge === null || minAge < 13 || minAge >= 18 || !v.type) return null;
  const info = OPENING_TYPE_INFO[v.type as TOpeningType];
  const inCompulsorySchool = info.afterCompulsorySchool ? false : undefined;
  const hoursPerWeek = Number(v.hoursPerWeek.trim().replace(',', '.'));
  const endTime = v.scheduleEvening && /^([01]\d|2[0-3]):[0-5]\d$/.test(v.endTime) ? v.endTime : null;
  const input = {
    minAge,
    inCompulsorySchool,
    hoursPerWeek: Number.isFinite(hoursPerWeek) ? hoursPerWeek : 0,
    on: v.startDate || undefined,
  };
  const all = youthViolations({
    ...input,
    schedule: { day: v.scheduleDay, evening: v.scheduleEvening, weekend: v.scheduleWeekend },
    endTime,
  });
  // The same check without any evening work leaves only the limits on hours.
  const hours = youthViolations({ ...input, schedule: { day: true, evening: false, weekend: false } });
  return {
    minAge,
    band: youthBand(minAge, inCompulsorySchool),
    hours: all.filter((m) => hours.includes(m)),
    time: all.filter((m) => !hours.includes(m)),
  };
}

/** Choices the user has not made yet get "choose" messages rather than the parser's wording. */
const UNCHOSEN: Partial<Record<TOpeningFormField, string>> = {
  companyId: 'Vælg en virksomhed.',
  type: 'Vælg en type.',
  occupationId: 'Vælg en stilling.',
  startDate: 'Skal udfyldes.',
  hoursPerWeek: 'Skal udfyldes.',
  positions: 'Skal udfyldes.',
};

/**
 * The shared ZOpeningInput applied to the form's values (youth-work limits on hours land on the
 * hours, those about the time of day on the end time, as the server reports them).
 */
export const ZOpeningForm = z.custom<TOpeningFormValues>().transform((values, ctx): TOpeningInput => {
  const result = ZOpeningInput.safeParse(toOpeningInput(values));
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '') as TOpeningFormField;
    const empty = field in UNCHOSEN && (values[field] === '' || values[field] === null);
    ctx.addIssue({
      code: 'custom',
      path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      message: empty ? (UNCHOSEN[field] as string) : issue.message,
    });
  }
  return z.NEVER;
});
