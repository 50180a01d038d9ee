import type { TOpeningType } from '../opening-types.ts';
import type { TMatchSettings } from './matching-settings.ts';

// What the matching core reads: plain data, assembled by the server from the database. On
// purpose there is no field for gender, ethnicity, religion, health, benefit group or jobcenter
// category (issue 5: no protected attribute is an input): the core cannot use what it is not given.

export interface TMatchResident {
  id: string;
  birthDate: string;
  status: 'active' | 'paused' | 'in_job' | 'in_education' | 'moved' | 'closed';
  /** An active consent (b) on the day: may be matched and proposed to employers. */
  consentToMatch: boolean;
  municipalityId: string;
  housingAreaId: string | null;
  postalCode: string;
  /** Ranked: the first is the occupation the person wants most. */
  occupationIds: readonly string[];
  skills: readonly string[];
  driverLicences: readonly string[];
  /** 1-5, null when not assessed. */
  danishLevel: number | null;
  /** Hours a week the person can work; null when not known. */
  hoursPerWeek: number | null;
  availableDay: boolean;
  availableEvening: boolean;
  availableWeekend: boolean;
  /** Stepping Stones target group from the latest screening; null when not screened. */
  targetGroup: 1 | 2 | null;
  /** From when the person can start (yyyy-mm-dd); null = now. */
  availableFrom: string | null;
  /** Registered, or last proposed, whichever is later (yyyy-mm-dd): the start of the wait. */
  waitingSince: string;
  /** Proposals now under way for the person (not yet ended). */
  activeProposals: number;
}

export interface TMatchOpening {
  id: string;
  companyId: string;
  type: TOpeningType;
  occupationId: string;
  /** Skill tags the job asks for; empty when the opening names none. */
  skills: readonly string[];
  hoursPerWeek: number;
  /** The fewest hours a week the job can be done with; null = the type's default minimum. */
  minHoursPerWeek: number | null;
  scheduleDay: boolean;
  scheduleEvening: boolean;
  scheduleWeekend: boolean;
  /** Daily end time "HH:MM" (evening work by minors must end in time). */
  endTime: string | null;
  startDate: string;
  municipalityId: string;
  housingAreaId: string | null;
  postalCode: string;
  driverLicence: string | null;
  minDanishLevel: number | null;
  /** null = the type's default. */
  minAge: number | null;
  maxAge: number | null;
  /** Proposals now under way for the opening. */
  activeProposals: number;
}

/** A company said no to a person for an occupation (the company portal records it). */
export interface TMatchDecline {
  residentId: string;
  companyId: string;
  occupationId: string;
  declinedOn: string;
}

export interface TMatchContext {
  /** The Copenhagen day the matching is for (yyyy-mm-dd). */
  today: string;
  settings: TMatchSettings;
  /** `${residentId}:${openingId}` for every proposal ever made (declined ones too). */
  proposedPairs: ReadonlySet<string>;
  /**
   * Optional, per opening: every resident already proposed to the opening being ranked (it must
   * hold them all). When given, ResidentMatchIndex.rank() reads it instead of walking all of
   * proposedPairs; the reference functions keep reading proposedPairs.
   */
  proposedResidentIds?: ReadonlySet<string>;
  declines: readonly TMatchDecline[];
  /** Names for the reasons ("Bor i Houlkærvænget"). */
  areaNames: Readonly<Record<string, string>>;
}

export const pairKey = (residentId: string, openingId: string) => `${residentId}:${openingId}`;
