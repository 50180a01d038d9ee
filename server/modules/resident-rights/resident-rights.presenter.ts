import { CONSENT_METHOD_LABEL_DA, CONSENT_SCOPE_LABEL_DA, isConsentActive } from '@domain/consent.schema.ts';
import { CONSENT_TEXTS } from '@domain/consent-texts.ts';
import { findOccupation } from '@domain/occupations.ts';
import { OPENING_TYPE_INFO } from '@domain/opening-types.ts';
import {
  CHECK_IN_CONTACT_LABEL_DA,
  CHECK_IN_STATUS_LABEL_DA,
  COMPANY_DECLINE_REASON_LABEL_DA,
  COMPANY_DECLINE_REASONS,
  INTERVIEW_OUTCOME_LABEL_DA,
  PLACEMENT_END_REASON_LABEL_DA,
  PLACEMENT_STATUS_LABEL_DA,
  RETENTION_OUTCOME_LABEL_DA,
  type TCompanyDeclineReason,
  type TEscalationSource,
  type TFollowUpState,
  TRIAL_OUTCOME_LABEL_DA,
  WAGE_SUBSIDY_LABEL_DA,
} from '@domain/placement.schema.ts';
import { PROPOSAL_STATUS_LABEL_DA } from '@domain/proposal.schema.ts';
import {
  BENEFIT_GROUP_LABEL_DA,
  DANISH_LEVEL_LABEL_DA,
  EDUCATION_LEVEL_LABEL_DA,
  GENDER_LABEL_DA,
  JOBCENTER_CATEGORY_LABEL_DA,
  RESIDENT_STATUS_LABEL_DA,
  SUPPORT_NEED_LABEL_DA,
} from '@domain/resident.schema.ts';
import {
  ACCESS_PURPOSE_LABEL_DA,
  accessPurpose,
  danishDateTimeText,
  EXPORT_SCHEMA_VERSION,
  type TAccessPurpose,
  type TResidentHistoryEvent,
} from '@domain/resident-rights.schema.ts';
import { ROLE_LABEL_DA } from '@domain/roles.ts';
import { checkInLabelDa } from '@domain/rules/follow-up-schedule.ts';
import {
  BARRIER_LABEL_DA,
  EARLIER_WORK_LABEL_DA,
  HEALTH_LIMITS_LABEL_DA,
  MOTIVATION_LABEL_DA,
  TARGET_GROUP_LABEL_DA,
} from '@domain/screening.schema.ts';
import type { TCvMetaRow } from '@server/modules/residents/cv.repository.ts';
import {
  consentState,
  type TConsentRow,
  type TResidentRow,
  type TScreeningRow,
} from '@server/modules/residents/residents.repository.ts';
import type { TResolvedMembership } from '@server/platform/auth/actor.repository.ts';
import type { placementsOf, proposalsOf, TEventRow } from './resident-rights.repository.ts';

// What leaves the server of a rights request. The access export (GDPR art. 15) tells the person
// everything Jobbro holds about them and who looked, by date, purpose and organisation — never a
// staff member's name or id. The history tab is for professionals inside Jobbro, with names.

/** A coded value with its Danish label, so the JSON reads without a code book. */
export interface TLabelled<T extends string | number = string> {
  code: T;
  label: string;
}
const labelled = <T extends string | number>(code: T, labels: Record<T, string>): TLabelled<T> => ({
  code,
  label: labels[code],
});

/** The system (the retention job) acts without a user. */
const SYSTEM_ORGANISATION = 'Jobbro (automatisk behandling)';
const UNKNOWN_ORGANISATION = 'Ukendt (brugeren findes ikke længere)';

/** "Jobkonsulent, Jobcenter Viborg"; several memberships joined with "; ". */
export function organisationLabel(
  userId: string | null,
  memberships: TResolvedMembership[] | undefined,
): string {
  if (userId === null) return SYSTEM_ORGANISATION;
  if (!memberships || memberships.length === 0) return UNKNOWN_ORGANISATION;
  return memberships
    .map((m) => (m.scopeName ? `${ROLE_LABEL_DA[m.role]}, ${m.scopeName}` : ROLE_LABEL_DA[m.role]))
    .join('; ');
}

export function presentHistoryEvent(
  e: TEventRow,
  memberships: Map<string, TResolvedMembership[]>,
): TResidentHistoryEvent {
  return {
    id: e.id.toString(),
    at: e.at.toISOString(),
    action: e.action,
    purpose: accessPurpose(e.action, e.entityType, e.details),
    userName: e.userId === null ? null : e.userName,
    organisation: organisationLabel(e.userId, e.userId ? memberships.get(e.userId) : undefined),
  };
}

/** One access in the export: when, why and by which organisation; never who. */
export interface TExportAccess {
  at: string;
  /** dd.mm.yyyy HH.MM, Danish time. */
  atText: string;
  purpose: TLabelled<TAccessPurpose>;
  organisation: string;
}

/** The access export as JSON: English keys, Danish labels beside every code. */
export interface TResidentExport {
  schemaVersion: number;
  generatedAt: string;
  generatedAtText: string;
  about: string;
  person: {
    id: string;
    firstName: string;
    lastName: string;
    birthDate: string;
    phone: string | null;
    email: string | null;
    postalCode: string;
    housingArea: string | null;
    municipality: string | null;
    status: TLabelled;
    registeredAt: string;
    lastActivityAt: string;
  };
  registration: {
    side: TLabelled;
    organisation: string | null;
    /** The jobcenter's own reference for the person (its list); never a CPR number. */
    jobcenterReference: string | null;
    listImports: { importedAt: string; jobcenter: string | null; fileName: string }[];
  };
  work: {
    occupations: TLabelled[];
    skills: string[];
    experiences: {
      title: string;
      employer: string | null;
      fromYear: number | null;
      toYear: number | null;
      description: string | null;
    }[];
    educationLevel: TLabelled;
    danishLevel: TLabelled<number> | null;
    driverLicences: string[];
    hoursPerWeek: number | null;
    availability: { day: boolean; evening: boolean; weekend: boolean; from: string | null };
  };
  casework: {
    benefitGroup: TLabelled | null;
    jobcenterCategory: TLabelled | null;
    supportNeeds: TLabelled[];
    healthNeedConsent: boolean;
    gender: TLabelled | null;
  };
  consents: {
    scope: TLabelled;
    textVersion: string;
    title: string | null;
    text: string | null;
    givenOn: string;
    method: TLabelled;
    witnessName: string | null;
    expiresOn: string | null;
    withdrawnOn: string | null;
    active: boolean;
  }[];
  screenings: {
    screenedOn: string;
    motivation: TLabelled<number>;
    barriers: TLabelled[];
    hoursPossible: number;
    earlierWork: TLabelled;
    danishLevel: TLabelled<number>;
    healthLimits: TLabelled;
    targetGroup: TLabelled<number>;
    reasons: string[];
    nextScreeningOn: string;
    remark: string | null;
  }[];
  notes: { writtenAt: string; text: string }[];
  /** Proposals to openings: where, when, how it went, and why the match was suggested. */
  proposals: {
    proposedAt: string;
    opening: string;
    company: string;
    status: TLabelled;
    score: number;
    reasons: string[];
    note: string | null;
    sentToCompanyAt: string | null;
    /** The company's interview invitation and how it went, in its own words. */
    interviewAt: string | null;
    interviewNote: string | null;
    interviewOutcome: TLabelled | null;
    interviewOutcomeNote: string | null;
    companyDecline: { reason: TLabelled | null; text: string | null } | null;
  }[];
  /** Jobs and trials the person was placed in, with the follow-up (efterværn) and escalations. */
  placements: {
    company: string;
    opening: string | null;
    type: TLabelled;
    status: TLabelled;
    startDate: string;
    endDate: string | null;
    hoursPerWeek: number | null;
    wageSubsidy: TLabelled;
    note: string | null;
    endReason: TLabelled | null;
    endNote: string | null;
    followUps: {
      checkIn: string;
      dueDate: string;
      state: TLabelled;
      recordedAt: string | null;
      contactedWith: TLabelled | null;
      status: TLabelled | null;
      notes: string | null;
      actionTaken: string | null;
      retentionOutcome: TLabelled | null;
      trialOutcome: TLabelled | null;
    }[];
    escalations: {
      source: TLabelled;
      reason: string;
      openedAt: string;
      resolvedAt: string | null;
      resolution: string | null;
    }[];
  }[];
  /** The CV's metadata; the file itself is handed over separately. */
  cv: { fileName: string; mediaType: string; sizeBytes: number; uploadedAt: string } | null;
  accesses: TExportAccess[];
}

const SIDE_LABEL_DA = { housing: 'Boligsocial helhedsplan', jobcenter: 'Jobcenter' } as const;
const FOLLOW_UP_STATE_LABEL_DA: Record<TFollowUpState, string> = {
  planned: 'Planlagt',
  done: 'Gennemført',
  cancelled: 'Aflyst',
};
const ESCALATION_SOURCE_LABEL_DA: Record<TEscalationSource, string> = {
  check_in: 'En opfølgning',
  company: 'Virksomheden',
};
const isDeclineReason = (v: string | null): v is TCompanyDeclineReason =>
  (COMPANY_DECLINE_REASONS as readonly (string | null)[]).includes(v);
const ABOUT =
  'Indsigt efter databeskyttelsesforordningens artikel 15: alle oplysninger, Jobbro har om dig, og hvornår, ' +
  'hvorfor og af hvilken organisation de er brugt.';

const asLevel = (n: number) => (n >= 1 && n <= 5 ? (n as 1 | 2 | 3 | 4 | 5) : null);

export interface TExportInput {
  resident: TResidentRow;
  consents: TConsentRow[];
  screenings: TScreeningRow[];
  notes: { text: string; createdAt: Date }[];
  cv: TCvMetaRow | undefined;
  proposals: Awaited<ReturnType<typeof proposalsOf>>;
  placements: Awaited<ReturnType<typeof placementsOf>>;
  places: { municipality: string | null; registeredBy: string | null };
  imports: { fileName: string; createdAt: Date; storedAt: Date | null; jobcenterName: string | null }[];
  events: TEventRow[];
  memberships: Map<string, TResolvedMembership[]>;
  now: Date;
  today: string;
}

export function buildResidentExport(x: TExportInput): TResidentExport {
  const p = x.resident.row;
  const danish = p.danishLevel === null ? null : asLevel(p.danishLevel);
  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    generatedAt: x.now.toISOString(),
    generatedAtText: danishDateTimeText(x.now),
    about: ABOUT,
    person: {
      id: p.id,
      firstName: p.firstName,
      lastName: p.lastName,
      birthDate: p.birthDate,
      phone: p.phone,
      email: p.email,
      postalCode: p.postalCode,
      housingArea: x.resident.housingAreaName,
      municipality: x.places.municipality,
      status: labelled(p.status, RESIDENT_STATUS_LABEL_DA),
      registeredAt: p.createdAt.toISOString(),
      lastActivityAt: p.lastActivityAt.toISOString(),
    },
    registration: {
      side: labelled(p.registeredBySide, SIDE_LABEL_DA),
      organisation: x.places.registeredBy,
      jobcenterReference: p.jobcenterRef,
      listImports: x.imports.map((i) => ({
        importedAt: (i.storedAt ?? i.createdAt).toISOString(),
        jobcenter: i.jobcenterName,
        fileName: i.fileName,
      })),
    },
    work: {
      occupations: p.occupationIds.map((id) => ({ code: id, label: findOccupation(id)?.titleDa ?? id })),
      skills: p.skills,
      experiences: p.experiences,
      educationLevel: labelled(p.educationLevel, EDUCATION_LEVEL_LABEL_DA),
      danishLevel: danish ? labelled(danish, DANISH_LEVEL_LABEL_DA) : null,
      driverLicences: p.driverLicences,
      hoursPerWeek: p.hoursPerWeek,
      availability: {
        day: p.availableDay,
        evening: p.availableEvening,
        weekend: p.availableWeekend,
        from: p.availableFrom,
      },
    },
    casework: {
      benefitGroup: p.benefitGroup ? labelled(p.benefitGroup, BENEFIT_GROUP_LABEL_DA) : null,
      jobcenterCategory: p.jobcenterCategory
        ? labelled(p.jobcenterCategory, JOBCENTER_CATEGORY_LABEL_DA)
        : null,
      supportNeeds: p.supportNeeds.map((n) => labelled(n, SUPPORT_NEED_LABEL_DA)),
      healthNeedConsent: p.healthNeedConsent,
      gender: p.gender ? labelled(p.gender, GENDER_LABEL_DA) : null,
    },
    consents: x.consents.map((c) => {
      const text = CONSENT_TEXTS[c.row.textVersion]?.[c.row.scope];
      return {
        scope: labelled(c.row.scope, CONSENT_SCOPE_LABEL_DA),
        textVersion: c.row.textVersion,
        title: text?.title ?? null,
        text: text?.body ?? null,
        givenOn: c.row.givenOn,
        method: labelled(c.row.method, CONSENT_METHOD_LABEL_DA),
        witnessName: c.row.witnessName,
        expiresOn: c.row.expiresOn,
        withdrawnOn: c.row.withdrawnOn,
        active: isConsentActive(consentState(c), x.today),
      };
    }),
    screenings: x.screenings.map(({ row: s }) => {
      const group = s.targetGroup === 1 ? 1 : 2;
      return {
        screenedOn: s.screenedOn,
        motivation: { code: s.motivation, label: MOTIVATION_LABEL_DA[asLevel(s.motivation) ?? 1] },
        barriers: s.barriers.map((b) => labelled(b, BARRIER_LABEL_DA)),
        hoursPossible: s.hoursPossible,
        earlierWork: labelled(s.earlierWork, EARLIER_WORK_LABEL_DA),
        danishLevel: { code: s.danishLevel, label: DANISH_LEVEL_LABEL_DA[asLevel(s.danishLevel) ?? 1] },
        healthLimits: labelled(s.healthLimits, HEALTH_LIMITS_LABEL_DA),
        targetGroup: { code: group, label: TARGET_GROUP_LABEL_DA[group] },
        reasons: s.reasons,
        nextScreeningOn: s.nextScreeningOn,
        remark: s.remark,
      };
    }),
    notes: x.notes.map((n) => ({ writtenAt: n.createdAt.toISOString(), text: n.text })),
    proposals: x.proposals.map((p) => ({
      proposedAt: p.proposedAt.toISOString(),
      opening: p.openingTitle,
      company: p.companyName,
      status: labelled(p.status, PROPOSAL_STATUS_LABEL_DA),
      score: p.score,
      reasons: p.reasons,
      note: p.note,
      sentToCompanyAt: p.sentToCompanyAt?.toISOString() ?? null,
      interviewAt: p.interviewAt?.toISOString() ?? null,
      interviewNote: p.interviewNote,
      interviewOutcome: p.interviewOutcome ? labelled(p.interviewOutcome, INTERVIEW_OUTCOME_LABEL_DA) : null,
      interviewOutcomeNote: p.interviewOutcomeNote,
      companyDecline:
        p.companyDeclineReason || p.companyDeclineText
          ? {
              reason: isDeclineReason(p.companyDeclineReason)
                ? labelled(p.companyDeclineReason, COMPANY_DECLINE_REASON_LABEL_DA)
                : null,
              text: p.companyDeclineText,
            }
          : null,
    })),
    placements: x.placements.map((pl) => ({
      company: pl.companyName,
      opening: pl.openingTitle,
      type: { code: pl.type, label: OPENING_TYPE_INFO[pl.type].labelDa },
      status: labelled(pl.status, PLACEMENT_STATUS_LABEL_DA),
      startDate: pl.startDate,
      endDate: pl.endDate,
      hoursPerWeek: pl.hoursPerWeek,
      wageSubsidy: labelled(pl.wageSubsidy, WAGE_SUBSIDY_LABEL_DA),
      note: pl.note,
      endReason: pl.endReason ? labelled(pl.endReason, PLACEMENT_END_REASON_LABEL_DA) : null,
      endNote: pl.endNote,
      followUps: pl.followUps.map((f) => ({
        checkIn: checkInLabelDa(f.key),
        dueDate: f.dueDate,
        state: labelled(f.state, FOLLOW_UP_STATE_LABEL_DA),
        recordedAt: f.recordedAt?.toISOString() ?? null,
        contactedWith: f.contactedWith ? labelled(f.contactedWith, CHECK_IN_CONTACT_LABEL_DA) : null,
        status: f.status ? labelled(f.status, CHECK_IN_STATUS_LABEL_DA) : null,
        notes: f.notes,
        actionTaken: f.actionTaken,
        retentionOutcome: f.retentionOutcome
          ? labelled(f.retentionOutcome, RETENTION_OUTCOME_LABEL_DA)
          : null,
        trialOutcome: f.trialOutcome ? labelled(f.trialOutcome, TRIAL_OUTCOME_LABEL_DA) : null,
      })),
      escalations: pl.escalations.map((e) => ({
        source: labelled(e.source, ESCALATION_SOURCE_LABEL_DA),
        reason: e.reason,
        openedAt: e.openedAt.toISOString(),
        resolvedAt: e.resolvedAt?.toISOString() ?? null,
        resolution: e.resolution,
      })),
    })),
    cv: x.cv
      ? {
          fileName: x.cv.fileName,
          mediaType: x.cv.mediaType,
          sizeBytes: x.cv.sizeBytes,
          uploadedAt: x.cv.uploadedAt.toISOString(),
        }
      : null,
    accesses: x.events.map((e) => {
      const purpose = accessPurpose(e.action, e.entityType, e.details);
      return {
        at: e.at.toISOString(),
        atText: danishDateTimeText(e.at),
        purpose: { code: purpose, label: ACCESS_PURPOSE_LABEL_DA[purpose] },
        organisation: organisationLabel(e.userId, e.userId ? x.memberships.get(e.userId) : undefined),
      };
    }),
  };
}
