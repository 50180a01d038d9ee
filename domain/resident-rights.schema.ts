import { z } from 'zod';
import { ZListQuery, ZOptionalText, ZPage, ZUuid } from './common.schema.ts';
import { danishWallClock } from './time.ts';

// The data subject's rights (GDPR art. 15 and 17) and the retention rule (issue 4 items 5-6):
// the access export, the erasure, the history of who worked with the person, and the list of
// people the retention job anonymises next. Pure: the server and the client share it.

/** Why a person was anonymised: their own request, or 24 months without activity. */
export const ANONYMISATION_REASONS = ['erasure', 'retention'] as const;
export type TAnonymisationReason = (typeof ANONYMISATION_REASONS)[number];

/** Default months without activity before the retention job anonymises a person. */
export const DEFAULT_RETENTION_MONTHS = 24;
/** How far ahead the secretariat sees who is anonymised next. */
export const RETENTION_NOTICE_MONTHS = 1;

/** What stays of a name after anonymisation: neutral, the same for everyone. */
export const ANONYMISED_FIRST_NAME = 'Anonymiseret';
export const ANONYMISED_LAST_NAME = 'person';

/**
 * The birth date an anonymised person keeps: 1 July of the birth year, so statistics by age band
 * still work while the date no longer helps anyone find the person.
 */
export function anonymisedBirthDate(birthDate: string): string {
  return `${birthDate.slice(0, 4)}-07-01`;
}

const normalise = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('da-DK');

/** The safety check of an erasure: the typed name equals the person's full name (case and spaces aside). */
export function confirmsFullName(typed: string, firstName: string, lastName: string): boolean {
  return normalise(typed) === normalise(`${firstName} ${lastName}`) && normalise(typed) !== '';
}

/**
 * Whether a free text (the reason of an erasure, stored in the audit log for good) names the
 * person or their contact data: such a text is refused, so the log keeps no identifier.
 */
export function mentionsPerson(
  text: string,
  person: { firstName: string; lastName: string; phone: string | null; email: string | null },
): boolean {
  const t = normalise(text);
  const digits = text.replace(/\D/g, '');
  const words = [person.firstName, person.lastName]
    .flatMap((n) => normalise(n).split(' '))
    .filter((w) => w.length >= 2);
  if (words.some((w) => new RegExp(`(^|[^\\p{L}])${escapeRegExp(w)}($|[^\\p{L}])`, 'u').test(t))) return true;
  if (person.email && t.includes(normalise(person.email))) return true;
  const phone = person.phone?.replace(/\D/g, '').slice(-8);
  return !!phone && phone.length === 8 && digits.includes(phone);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const ZResidentErase = z.object({
  /** The person's full name, typed by the user as a safety check. */
  confirmName: z
    .string({ error: 'Skriv personens fulde navn.' })
    .trim()
    .min(1, { error: 'Skriv personens fulde navn.' })
    .max(201),
  /** Why (e.g. "Borgerens anmodning af 12.11.2026"); never the person's name or contact data. */
  reason: ZOptionalText(200),
});
export type TResidentErase = z.infer<typeof ZResidentErase>;

/** What is left after an erasure: an id and when; no personal field. */
export const ZErasedResident = z.object({
  id: ZUuid,
  anonymisedAt: z.string(),
  anonymisedReason: z.enum(ANONYMISATION_REASONS),
});
export type TErasedResident = z.infer<typeof ZErasedResident>;

export const EXPORT_FORMATS = ['json', 'pdf'] as const;
export const ZResidentExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { error: 'Vælg json eller pdf.' }).default('json'),
});

/**
 * Why someone touched the person's data, as the person is told it (the export) and as the
 * history tab shows it. Derived from the audit event: action, entity type and its details.
 */
export const ACCESS_PURPOSES = [
  'registration',
  'profile_read',
  'profile_update',
  'consents_read',
  'consent_given',
  'consent_withdrawn',
  'notes_read',
  'note_written',
  'screenings_read',
  'screening',
  'cv_read',
  'cv_uploaded',
  'cv_deleted',
  'proposal_made',
  'proposal_read',
  'proposal_updated',
  'proposal_sent',
  'company_viewed',
  'company_answered',
  'placement_created',
  'placement_read',
  'placement_ended',
  'placement_updated',
  'follow_up_planned',
  'follow_up_read',
  'follow_up_recorded',
  'follow_up_rescheduled',
  'escalation',
  'escalation_resolved',
  'history_read',
  'export',
  'evaluation_export',
  'erasure',
  'denied',
  'other',
] as const;
export type TAccessPurpose = (typeof ACCESS_PURPOSES)[number];

export const ACCESS_PURPOSE_LABEL_DA: Record<TAccessPurpose, string> = {
  registration: 'Registrering i Jobbro',
  profile_read: 'Opslag i profilen',
  profile_update: 'Ændring af profilen',
  consents_read: 'Opslag i samtykker',
  consent_given: 'Samtykke registreret',
  consent_withdrawn: 'Samtykke trukket tilbage',
  notes_read: 'Opslag i notater',
  note_written: 'Notat skrevet',
  screenings_read: 'Opslag i screeninger',
  screening: 'Screening af jobparathed',
  cv_read: 'CV hentet',
  cv_uploaded: 'CV uploadet',
  cv_deleted: 'CV slettet',
  proposal_made: 'Foreslået til et job',
  proposal_read: 'Forslag læst',
  proposal_updated: 'Forslag opdateret',
  proposal_sent: 'Forslag sendt til virksomheden',
  company_viewed: 'Virksomheden så kandidatprofilen',
  company_answered: 'Virksomhedens svar på forslaget',
  placement_created: 'Ansættelse registreret',
  placement_read: 'Ansættelse læst',
  placement_ended: 'Ansættelse afsluttet',
  placement_updated: 'Ansættelse ændret',
  follow_up_planned: 'Opfølgning planlagt',
  follow_up_read: 'Opfølgning læst',
  follow_up_recorded: 'Opfølgning registreret',
  follow_up_rescheduled: 'Opfølgning flyttet',
  escalation: 'Eskalering rejst',
  escalation_resolved: 'Eskalering løst',
  history_read: 'Opslag i historikken',
  export: 'Indsigt: udtræk af oplysningerne',
  evaluation_export: 'Udtræk til evaluering (pseudonymiseret)',
  erasure: 'Sletning (anonymisering)',
  denied: 'Afvist forsøg på adgang',
  other: 'Anden behandling',
};

/**
 * The audit entity types that are about one resident (entity id: the person or a part of them:
 * a consent, note, screening, CV, or one of their proposals, placements, check-ins, escalations).
 * Searches (no entity id) are about many people and stay out.
 */
export const RESIDENT_ENTITY_TYPES = [
  'resident',
  'resident_consent',
  'resident_note',
  'resident_screening',
  'resident_cv',
  'proposal',
  'placement',
  'follow_up',
  'escalation',
] as const;

/** The status a status-changing event moved to (details.status = { from, to }), if any. */
function statusTo(details: Record<string, unknown> | null): string | null {
  const status = details?.status;
  if (typeof status !== 'object' || status === null || !('to' in status)) return null;
  return typeof status.to === 'string' ? status.to : null;
}

/** The company's own moves on a proposal (company portal): interview, its outcome, hire, no. */
const COMPANY_PROPOSAL_MOVES: readonly string[] = ['interview', 'company_declined', 'hired'];

/** The purpose of one audit event about a person. */
export function accessPurpose(
  action: string,
  entityType: string | null,
  details: Record<string, unknown> | null,
): TAccessPurpose {
  if (action === 'denied') return 'denied';
  // The evaluation export names its key; the access export (the person's own request) does not.
  if (action === 'export' && entityType === 'resident')
    return typeof details?.keyId === 'string' ? 'evaluation_export' : 'export';
  if (action === 'erase') return 'erasure';
  const part = typeof details?.part === 'string' ? details.part : null;
  switch (entityType) {
    case 'resident':
      if (action === 'create') return 'registration';
      // The CV is logged as the person's own event, with `cv` in the details (cv.service.ts).
      if (action === 'update' && details?.cv === 'uploaded') return 'cv_uploaded';
      if (action === 'update' && details?.cv === 'deleted') return 'cv_deleted';
      if (action === 'update') return 'profile_update';
      if (action === 'read' && details?.cv === true) return 'cv_read';
      if (action === 'read') {
        if (part === 'consents') return 'consents_read';
        if (part === 'notes') return 'notes_read';
        if (part === 'screenings') return 'screenings_read';
        if (part === 'history') return 'history_read';
        if (part === 'cv') return 'cv_read';
        return 'profile_read';
      }
      return 'other';
    case 'resident_consent':
      if (action === 'create') return 'consent_given';
      if (action === 'update' && details?.change === 'withdrawn') return 'consent_withdrawn';
      if (action === 'read') return 'consents_read';
      return 'other';
    case 'resident_note':
      if (action === 'create') return 'note_written';
      if (action === 'read') return 'notes_read';
      return 'other';
    case 'resident_screening':
      if (action === 'create') return 'screening';
      if (action === 'read') return 'screenings_read';
      return 'other';
    case 'resident_cv':
      if (action === 'read' || action === 'export') return 'cv_read';
      if (action === 'create' || action === 'update') return 'cv_uploaded';
      if (action === 'delete') return 'cv_deleted';
      return 'other';
    case 'proposal': {
      if (action === 'create') return 'proposal_made';
      // The company portal marks its reads; the profile is shown only while consent (b) holds.
      if (action === 'read' && details?.portal === 'company') {
        return details.candidateShown === false ? 'proposal_read' : 'company_viewed';
      }
      if (action === 'read') return 'proposal_read';
      if (action !== 'update') return 'other';
      const to = statusTo(details);
      if (to === 'sent_to_company') return 'proposal_sent';
      if ((to !== null && COMPANY_PROPOSAL_MOVES.includes(to)) || details?.interviewOutcome !== undefined) {
        return 'company_answered';
      }
      return 'proposal_updated';
    }
    case 'placement':
      if (action === 'create') return 'placement_created';
      if (action === 'read') return 'placement_read';
      if (action === 'update') return statusTo(details) ? 'placement_ended' : 'placement_updated';
      return 'other';
    case 'follow_up':
      if (action === 'create') return 'follow_up_planned';
      if (action === 'read') return 'follow_up_read';
      // A check-in carries how it goes (details.status); a new date is a move.
      if (action === 'update' && typeof details?.status === 'string') return 'follow_up_recorded';
      if (action === 'update' && details?.dueDate !== undefined) return 'follow_up_rescheduled';
      if (action === 'update') return 'follow_up_recorded';
      return 'other';
    case 'escalation':
      if (action === 'update' && details?.resolved === true) return 'escalation_resolved';
      if (action === 'create' || action === 'update') return 'escalation';
      return 'other';
    default:
      return 'other';
  }
}

/** One line of the history tab (professionals): who did what, when. */
export const ZResidentHistoryEvent = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  purpose: z.enum(ACCESS_PURPOSES),
  /** The staff member's name; null for the system (the retention job) or a deleted account. */
  userName: z.string().nullable(),
  /** Role and organisation of the staff member, e.g. "Jobkonsulent, Jobcenter Viborg". */
  organisation: z.string().nullable(),
});
export type TResidentHistoryEvent = z.infer<typeof ZResidentHistoryEvent>;

export const ZResidentHistoryQuery = ZListQuery.pick({ page: true, pageSize: true });
export const ZResidentHistoryPage = ZPage(ZResidentHistoryEvent);

/** GET /api/residents/retention: who the retention job anonymises within the next month. */
export const ZRetentionQuery = ZListQuery.pick({ page: true, pageSize: true });
export const ZRetentionItem = z.object({
  residentId: ZUuid,
  firstName: z.string(),
  lastName: z.string(),
  /** The registering social housing plan or jobcenter. */
  registeredBy: z.string().nullable(),
  lastActivityAt: z.string(),
  /** The Copenhagen day the job anonymises the person (yyyy-mm-dd). */
  dueOn: z.string(),
  /** Days from today until dueOn; 0 when the next run takes them. */
  daysLeft: z.number().int(),
});
export type TRetentionItem = z.infer<typeof ZRetentionItem>;
export const ZRetentionPage = ZPage(ZRetentionItem).extend({
  /** The configured months without activity. */
  months: z.number().int(),
});
export type TRetentionPage = z.infer<typeof ZRetentionPage>;

/** An instant as "dd.mm.yyyy HH.MM" in Danish time (DOMAIN.md), for the export. */
export function danishDateTimeText(at: Date): string {
  const p = danishWallClock(at);
  return `${p.day}.${p.month}.${p.year} ${p.hour}.${p.minute}`;
}

/** The version of the export's JSON layout; raised when a key changes meaning. */
export const EXPORT_SCHEMA_VERSION = 1;
