import type { TRole, TScopeType } from './roles.ts';

// The one policy engine: `can(actor, action, resource)`. Pure, so the server enforces it in
// services and the client uses it to show only the actions a user may take. Every scope check
// compares ids the server resolved from the database; nothing here trusts client input.

export type TAction = 'list' | 'read' | 'create' | 'update' | 'delete' | 'export';

/** A membership as the policy sees it, with the ids its scope implies. */
export interface TActorMembership {
  role: TRole;
  scopeType: TScopeType;
  scopeId: string | null;
  /** Municipality of a jobcenter scope or of a partnership scope. */
  municipalityId: string | null;
  /** Partnership of a housing-organisation or social-housing-plan scope, or the partnership itself. */
  partnershipId: string | null;
}

export interface TActor {
  userId: string;
  memberships: TActorMembership[];
}

export type TResource =
  | { kind: 'municipality'; id?: string }
  | { kind: 'partnership'; id?: string; municipalityId?: string }
  | { kind: 'housing_organisation'; id?: string; partnershipId?: string }
  | {
      kind: 'housing_area';
      id?: string;
      housingOrganisationId?: string;
      socialHousingPlanId?: string | null;
      municipalityId?: string;
    }
  | { kind: 'jobcenter'; id?: string; municipalityId?: string }
  | { kind: 'social_housing_plan'; id?: string; partnershipId?: string }
  /**
   * A company, with the partnerships it works in and their municipalities. Contacts, notes and
   * status history are checked as the company they belong to.
   */
  | { kind: 'company'; id?: string; partnershipIds?: readonly string[]; municipalityIds?: readonly string[] }
  | {
      kind: 'opening';
      id?: string;
      partnershipId?: string;
      /** Municipality of the opening's partnership (job consultants are scoped by municipality). */
      municipalityId?: string;
      companyId?: string;
      housingOrganisationId?: string | null;
    }
  /**
   * Work a housing organisation buys, and what hangs on it: the job dialogue about it and its
   * social clauses are checked as the assignment they belong to.
   */
  | ({ kind: 'assignment' | 'job_dialogue' | 'social_clause' } & TOrgOwned)
  /** A partnership agreement: one company, one or more housing organisations. */
  | {
      kind: 'agreement';
      id?: string;
      companyId?: string;
      housingOrganisationIds?: readonly string[];
      partnershipIds?: readonly string[];
      municipalityIds?: readonly string[];
    }
  /**
   * A resident: the route-level question only ("may this role work with residents at all?").
   * Each person is checked by residentAccess() in resident-access.ts, from consents and scope.
   */
  | { kind: 'resident' }
  /** Who the retention job anonymises next (names, all partnerships): the secretariat only. */
  | { kind: 'resident_retention' }
  | { kind: 'referral_contacts'; partnershipId?: string }
  | { kind: 'user'; id?: string }
  | { kind: 'audit_log' }
  | { kind: 'mail_outbox' }
  | { kind: 'occupation'; id?: string }
  /**
   * The bias report (issue 5 item 7) of one partnership: aggregates with small counts suppressed,
   * so steering sees it too. `municipalityId` is the partnership's (job consultants' scope).
   */
  | { kind: 'bias_report'; partnershipId?: string; municipalityId?: string }
  /**
   * Matching (issue 5): an opening's ranked candidates and a resident's fitting openings are
   * casework. `municipalityId` is the opening's partnership's (job consultants' scope).
   */
  | { kind: 'candidates'; partnershipId?: string; municipalityId?: string }
  /** A partnership's matching weights and limits: the secretariat sets them. */
  | { kind: 'matching_settings'; partnershipId?: string; municipalityId?: string }
  /**
   * Proposals and allocation plans (issue 5), at route level: the two professional roles. Each
   * proposal is checked by its person (professional view) and its opening's partnership.
   */
  | { kind: 'proposal' }
  | { kind: 'allocation' }
  /**
   * Placements (issue 6), at route level: the two professional roles follow them up; a company
   * contact sees its own company's (the person's first name, dates, the follow-up dates, never the
   * notes) and flags "noget går skævt". Each placement is checked by its person and company.
   */
  | { kind: 'placement' }
  /** Follow-up check-ins and escalations: casework of the two professional roles. */
  | { kind: 'follow_up' }
  | { kind: 'escalation' }
  /** The company portal's candidates and pipeline: company contacts, for their own company. */
  | { kind: 'company_portal' }
  /**
   * Retention figures of a partnership: aggregates (small counts suppressed for steering). The
   * secretariat for any partnership; professionals (by partnership or municipality) and the
   * steering group for their own.
   */
  | { kind: 'retention_report'; partnershipId?: string; municipalityId?: string }
  /** A partnership's follow-up schedules: professionals read them, the secretariat sets them. */
  | { kind: 'follow_up_settings'; partnershipId?: string; municipalityId?: string }
  /** Moving the clock forward (JOBBRO_TEST_CLOCK, demo mode only): the secretariat alone. */
  | { kind: 'demo_clock' }
  /**
   * An area's indicator values and classification inputs (issue 7): aggregates, not personal
   * data. All staff read them (steering too); the secretariat, and the organisation owning the
   * area and the social plan working in it, keep them current (as the area's own facts).
   */
  | {
      kind: 'area_indicator' | 'area_classification';
      id?: string;
      housingOrganisationId?: string;
      socialHousingPlanId?: string | null;
    }
  /** A partnership's own indicator: all staff read; its housing staff and social workers add. */
  | { kind: 'indicator_definition'; partnershipId?: string }
  /**
   * A partnership's steering group, its goals and milestones (issue 7): about the programme, not
   * about people. All staff read them; the partnership's steering group keeps them (the
   * secretariat too). A milestone without a partnership is the whole programme's: the secretariat's.
   */
  | { kind: 'steering_group' | 'goal' | 'milestone'; partnershipId?: string | null }
  /**
   * The dashboard and the partnership reports (issue 7): aggregates of a partnership. The
   * secretariat for any; the partnership's steering group, housing staff, social workers and job
   * consultants (by municipality) for their own. Aggregate-only viewers get small counts suppressed.
   */
  | { kind: 'dashboard' | 'report'; partnershipId?: string; municipalityId?: string }
  /** The pseudonymised person-level evaluation export and its keys: the secretariat alone. */
  | { kind: 'evaluation_export' };

export type TResourceKind = TResource['kind'];

/**
 * A resource of the kind without instance attributes: the route-level question "on some
 * instance". Every variant's attributes are optional, so this is always a valid TResource;
 * TypeScript just cannot check `{ kind }` against a union of this many variants.
 */
export function resourceOfKind(kind: TResourceKind): TResource {
  return { kind } as TResource;
}

/** The attributes of something a housing organisation owns and a company delivers. */
export interface TOrgOwned {
  id?: string;
  housingOrganisationId?: string;
  partnershipId?: string;
  /** Municipality of the partnership (job consultants are scoped by municipality). */
  municipalityId?: string;
  companyId?: string;
}

const STAFF_ROLES: readonly TRole[] = ['housing_staff', 'social_worker', 'job_consultant', 'steering'];

function has(actor: TActor, role: TRole): TActorMembership[] {
  return actor.memberships.filter((m) => m.role === role);
}

export function isAdmin(actor: TActor): boolean {
  return actor.memberships.some((m) => m.role === 'admin');
}

/**
 * The ids an actor's memberships scope it to, per role: what the repositories turn into the SQL
 * of a scoped list (the same rules as `can` below, for many rows at once).
 */
export function scopeIdsOf(actor: TActor) {
  const ids = (role: TRole, pick: (m: TActorMembership) => string | null) =>
    actor.memberships
      .filter((m) => m.role === role)
      .map(pick)
      .filter((v): v is string => v !== null);
  return {
    /** Housing staff: their organisations, and those organisations' partnerships. */
    housingOrganisationIds: ids('housing_staff', (m) => m.scopeId),
    housingStaffPartnershipIds: ids('housing_staff', (m) => m.partnershipId),
    /** Social workers: the partnership of their social housing plan. */
    socialWorkerPartnershipIds: ids('social_worker', (m) => m.partnershipId),
    /** Job consultants: the municipality of their jobcenter. */
    consultantMunicipalityIds: ids('job_consultant', (m) => m.municipalityId),
    /** Company contacts: their company. */
    companyIds: ids('company_contact', (m) => m.scopeId),
  };
}

/**
 * Does the actor work the partnership's cases (its social worker, or a job consultant of its
 * municipality)? They see a partnership's figures with exact counts (they know the people
 * anyway); everyone else — steering, housing staff, the secretariat — aggregates only, counts
 * under 5 hidden. One rule for the retention report, the dashboard, goals and reports.
 */
export function worksCasesOf(actor: TActor, p: { id: string; municipalityId: string }): boolean {
  return actor.memberships.some(
    (m) =>
      (m.role === 'social_worker' && m.partnershipId === p.id) ||
      (m.role === 'job_consultant' && m.municipalityId === p.municipalityId),
  );
}

/** Reference data (organisations, areas, plans, jobcenters) is not personal data: all staff read it. */
function isStaff(actor: TActor): boolean {
  return actor.memberships.some((m) => STAFF_ROLES.includes(m.role));
}

/** Casework the secretariat does not do: matching people to jobs and proposing them. */
const CASEWORK_KINDS: readonly TResourceKind[] = [
  'candidates',
  'proposal',
  'allocation',
  'placement',
  'follow_up',
  'escalation',
  'company_portal',
];

/**
 * Whether the actor may take the action on the resource. With a resource that carries no
 * instance attributes (e.g. `{ kind: 'housing_area' }`) it answers "on some instance",
 * which is what routes check before the service loads the instance.
 */
export function can(actor: TActor, action: TAction, resource: TResource): boolean {
  // Candidate lists are casework: the secretariat administers, it does not match people.
  if (isAdmin(actor) && !CASEWORK_KINDS.includes(resource.kind)) return true;
  switch (resource.kind) {
    case 'municipality':
    case 'partnership':
      return (action === 'list' || action === 'read') && isStaff(actor);
    case 'housing_organisation':
      if (action === 'list' || action === 'read') return isStaff(actor);
      if (action !== 'update') return false;
      return has(actor, 'housing_staff').some((m) => resource.id === undefined || m.scopeId === resource.id);
    case 'area_indicator':
    case 'area_classification':
      if (action === 'list' || action === 'read') return isStaff(actor);
      if (action === 'export') return false;
      return canUpdateArea(actor, resource);
    case 'housing_area':
      if (action === 'list' || action === 'read') return isStaff(actor);
      if (action !== 'update') return false;
      return canUpdateArea(actor, resource);
    case 'indicator_definition':
      if (action === 'list' || action === 'read') return isStaff(actor);
      if (action !== 'create') return false;
      return actor.memberships.some(
        (m) =>
          (m.role === 'housing_staff' || m.role === 'social_worker') &&
          (resource.partnershipId === undefined ||
            (m.partnershipId !== null && m.partnershipId === resource.partnershipId)),
      );
    case 'jobcenter':
      if (action === 'list' || action === 'read') return isStaff(actor);
      if (action !== 'update') return false;
      return has(actor, 'job_consultant').some((m) => resource.id === undefined || m.scopeId === resource.id);
    case 'social_housing_plan':
      if (action === 'list' || action === 'read') return isStaff(actor);
      if (action !== 'update') return false;
      return has(actor, 'social_worker').some((m) => resource.id === undefined || m.scopeId === resource.id);
    case 'company':
      return canOnCompany(actor, action, resource);
    case 'occupation':
      // Reference data without personal data: every logged-in role reads it, company contacts
      // included (they pick an occupation for their openings). The list is code, not editable.
      return (action === 'list' || action === 'read') && actor.memberships.length > 0;
    case 'opening':
      return canOnOpening(actor, action, resource);
    case 'assignment':
    case 'social_clause':
      return canOnOrgOwned(actor, action, resource, { companyReads: true });
    case 'job_dialogue':
      // The dialogue is the organisation's own conversation with the company: notes about it
      // are internal, so the company does not see them.
      return canOnOrgOwned(actor, action, resource, { companyReads: false });
    case 'agreement':
      return canOnAgreement(actor, action, resource);
    case 'resident':
      return canOnResidents(actor, action);
    case 'bias_report':
      return canOnBiasReport(actor, action, resource);
    case 'proposal':
    case 'allocation':
      // Companies see their candidates through the company portal (next issue); housing staff
      // and steering never see a person. The service decides per person and partnership.
      return (
        action !== 'delete' &&
        action !== 'export' &&
        actor.memberships.some((m) => m.role === 'social_worker' || m.role === 'job_consultant')
      );
    case 'placement':
      return (
        action !== 'delete' &&
        action !== 'export' &&
        actor.memberships.some(
          (m) => m.role === 'social_worker' || m.role === 'job_consultant' || m.role === 'company_contact',
        )
      );
    case 'follow_up':
    case 'escalation':
      return (
        action !== 'delete' &&
        action !== 'export' &&
        actor.memberships.some((m) => m.role === 'social_worker' || m.role === 'job_consultant')
      );
    case 'company_portal':
      return (
        action !== 'delete' &&
        action !== 'export' &&
        actor.memberships.some((m) => m.role === 'company_contact' && m.scopeId !== null)
      );
    case 'retention_report':
      return canOnBiasReport(actor, action, { ...resource, kind: 'bias_report' });
    case 'follow_up_settings':
      // Admins change them (let through above); the professionals read them.
      return canOnMatching(actor, action, { ...resource, kind: 'matching_settings' });
    case 'candidates':
    case 'matching_settings':
      return canOnMatching(actor, action, resource);
    case 'steering_group':
    case 'goal':
    case 'milestone':
      if (action === 'list' || action === 'read') return isStaff(actor);
      if (action === 'export') return false;
      return has(actor, 'steering').some(
        (m) =>
          resource.partnershipId === undefined ||
          (resource.partnershipId !== null && m.partnershipId === resource.partnershipId),
      );
    case 'dashboard':
    case 'report':
      return canOnPartnershipFigures(actor, action, resource);
    case 'evaluation_export':
    case 'referral_contacts':
    case 'user':
    case 'audit_log':
    case 'mail_outbox':
    case 'resident_retention':
    case 'demo_clock':
      return false;
    default: {
      const exhaustive: never = resource;
      return exhaustive;
    }
  }
}

/** The organisation owning an area and the social plan working in it keep its facts current. */
function canUpdateArea(
  actor: TActor,
  resource: { id?: string; housingOrganisationId?: string; socialHousingPlanId?: string | null },
): boolean {
  return (
    has(actor, 'housing_staff').some(
      (m) => resource.id === undefined || m.scopeId === resource.housingOrganisationId,
    ) ||
    has(actor, 'social_worker').some(
      (m) => resource.id === undefined || (m.scopeId !== null && m.scopeId === resource.socialHousingPlanId),
    )
  );
}

/**
 * Companies: housing staff list, read, create and update the companies working in their
 * organisation's partnership; job consultants (by municipality) and social workers (by
 * partnership) list and read them; a company contact reads and updates its own company only;
 * steering sees aggregates only. Deleting is the secretariat's alone.
 */
function canOnCompany(
  actor: TActor,
  action: TAction,
  resource: Extract<TResource, { kind: 'company' }>,
): boolean {
  const anyInstance = resource.id === undefined && resource.partnershipIds === undefined;
  const inPartnership = (m: TActorMembership) =>
    anyInstance || (m.partnershipId !== null && (resource.partnershipIds ?? []).includes(m.partnershipId));
  const inMunicipality = (m: TActorMembership) =>
    anyInstance || (m.municipalityId !== null && (resource.municipalityIds ?? []).includes(m.municipalityId));
  switch (action) {
    case 'list':
    case 'read':
      return (
        has(actor, 'housing_staff').some(inPartnership) ||
        has(actor, 'social_worker').some(inPartnership) ||
        has(actor, 'job_consultant').some(inMunicipality) ||
        has(actor, 'company_contact').some(
          (m) => m.scopeId !== null && (resource.id === undefined || m.scopeId === resource.id),
        )
      );
    case 'create':
      return has(actor, 'housing_staff').some(inPartnership);
    case 'update':
      return (
        has(actor, 'housing_staff').some(inPartnership) ||
        has(actor, 'company_contact').some(
          (m) => m.scopeId !== null && (resource.id === undefined || m.scopeId === resource.id),
        )
      );
    case 'delete':
    case 'export':
      return false;
    default: {
      const exhaustive: never = action;
      return exhaustive;
    }
  }
}

/**
 * Openings: housing staff work with their own organisation's openings; job consultants (by
 * municipality) and social workers (by partnership) see their partnership's openings, move them
 * along and may register one; a company contact registers and follows its own company's openings.
 * Nobody deletes an opening (it is cancelled, with a timestamped reason); steering sees aggregates.
 */
function canOnOpening(
  actor: TActor,
  action: TAction,
  resource: Extract<TResource, { kind: 'opening' }>,
): boolean {
  const anyInstance =
    resource.id === undefined && resource.partnershipId === undefined && resource.companyId === undefined;
  // An opening a company posts without an area or assignment belongs to no organisation yet:
  // every housing organisation of its partnership sees it, so none misses it.
  const staff = has(actor, 'housing_staff').some(
    (m) =>
      anyInstance ||
      (m.scopeId !== null && m.scopeId === resource.housingOrganisationId) ||
      (resource.housingOrganisationId === null &&
        m.partnershipId !== null &&
        m.partnershipId === resource.partnershipId),
  );
  const socialWorker = has(actor, 'social_worker').some(
    (m) => anyInstance || (m.partnershipId !== null && m.partnershipId === resource.partnershipId),
  );
  const consultant = has(actor, 'job_consultant').some(
    (m) => anyInstance || (m.municipalityId !== null && m.municipalityId === resource.municipalityId),
  );
  const company = has(actor, 'company_contact').some(
    (m) => m.scopeId !== null && (anyInstance || m.scopeId === resource.companyId),
  );
  switch (action) {
    case 'list':
    case 'read':
    case 'update':
      return staff || socialWorker || consultant || company;
    case 'create':
      return staff || consultant || company;
    case 'delete':
    case 'export':
      return false;
    default: {
      const exhaustive: never = action;
      return exhaustive;
    }
  }
}

/**
 * Assignments, their job dialogues and social clauses: the buying organisation's housing staff
 * work with them; social workers (by partnership) and job consultants (by municipality) read them,
 * as they fill the openings that come of them; a company contact reads its own company's
 * assignments and clauses. Steering sees aggregates only.
 */
function canOnOrgOwned(
  actor: TActor,
  action: TAction,
  resource: TOrgOwned,
  options: { companyReads: boolean },
): boolean {
  const anyInstance =
    resource.id === undefined &&
    resource.housingOrganisationId === undefined &&
    resource.companyId === undefined;
  const staff = has(actor, 'housing_staff').some(
    (m) => anyInstance || (m.scopeId !== null && m.scopeId === resource.housingOrganisationId),
  );
  const socialWorker = has(actor, 'social_worker').some(
    (m) => anyInstance || (m.partnershipId !== null && m.partnershipId === resource.partnershipId),
  );
  const consultant = has(actor, 'job_consultant').some(
    (m) => anyInstance || (m.municipalityId !== null && m.municipalityId === resource.municipalityId),
  );
  const company =
    options.companyReads &&
    has(actor, 'company_contact').some(
      (m) => m.scopeId !== null && (anyInstance || m.scopeId === resource.companyId),
    );
  return housingStaffWrite(action, staff, staff || socialWorker || consultant || company);
}

/**
 * Agreements: housing staff of any organisation in the agreement manage it; social workers and
 * job consultants of those partnerships read it; the company reads its own ("shown on both sides").
 */
function canOnAgreement(
  actor: TActor,
  action: TAction,
  resource: Extract<TResource, { kind: 'agreement' }>,
): boolean {
  const anyInstance =
    resource.id === undefined &&
    resource.housingOrganisationIds === undefined &&
    resource.companyId === undefined;
  const staff = has(actor, 'housing_staff').some(
    (m) => anyInstance || (m.scopeId !== null && (resource.housingOrganisationIds ?? []).includes(m.scopeId)),
  );
  const socialWorker = has(actor, 'social_worker').some(
    (m) =>
      anyInstance || (m.partnershipId !== null && (resource.partnershipIds ?? []).includes(m.partnershipId)),
  );
  const consultant = has(actor, 'job_consultant').some(
    (m) =>
      anyInstance ||
      (m.municipalityId !== null && (resource.municipalityIds ?? []).includes(m.municipalityId)),
  );
  const company = has(actor, 'company_contact').some(
    (m) => m.scopeId !== null && (anyInstance || m.scopeId === resource.companyId),
  );
  return housingStaffWrite(action, staff, staff || socialWorker || consultant || company);
}

/** The organisation's housing staff write (and read); the other parties only read. */
function housingStaffWrite(action: TAction, staff: boolean, reader: boolean): boolean {
  switch (action) {
    case 'list':
    case 'read':
      return reader;
    case 'create':
    case 'update':
    case 'delete':
      return staff;
    case 'export':
      return false;
    default: {
      const exhaustive: never = action;
      return exhaustive;
    }
  }
}

/**
 * Residents, at route level: the two professional roles register and work with them; the
 * secretariat reads (where a consent allows) and handles rights requests (export, erasure).
 * Housing staff, company contacts and steering never reach the residents API: companies see
 * candidates through proposals, steering only aggregates.
 */
function canOnResidents(actor: TActor, _action: TAction): boolean {
  // Every action alike at this level (admins are let through above); the person decides the rest.
  return actor.memberships.some((m) => m.role === 'social_worker' || m.role === 'job_consultant');
}

/**
 * The bias report: aggregates only, small counts suppressed. The secretariat for any partnership;
 * the partnership's social workers, job consultants (by municipality) and steering group for
 * their own. Housing staff and company contacts do not see it (it is about residents' outcomes).
 */
function canOnBiasReport(
  actor: TActor,
  action: TAction,
  resource: Extract<TResource, { kind: 'bias_report' }>,
): boolean {
  if (action !== 'read' && action !== 'export') return false;
  const anyInstance = resource.partnershipId === undefined;
  const inPartnership = (m: TActorMembership) =>
    anyInstance || (m.partnershipId !== null && m.partnershipId === resource.partnershipId);
  return (
    has(actor, 'social_worker').some(inPartnership) ||
    has(actor, 'steering').some(inPartnership) ||
    has(actor, 'job_consultant').some(
      (m) => anyInstance || (m.municipalityId !== null && m.municipalityId === resource.municipalityId),
    )
  );
}

/**
 * A partnership's dashboard and reports: reading them, and building a report (create/export).
 * Steering, housing staff and social workers by partnership; job consultants by municipality.
 */
function canOnPartnershipFigures(
  actor: TActor,
  action: TAction,
  resource: Extract<TResource, { kind: 'dashboard' | 'report' }>,
): boolean {
  if (action === 'update' || action === 'delete') return false;
  const anyInstance = resource.partnershipId === undefined && resource.municipalityId === undefined;
  const inPartnership = (m: TActorMembership) =>
    anyInstance || (m.partnershipId !== null && m.partnershipId === resource.partnershipId);
  return (
    has(actor, 'steering').some(inPartnership) ||
    has(actor, 'housing_staff').some(inPartnership) ||
    has(actor, 'social_worker').some(inPartnership) ||
    has(actor, 'job_consultant').some(
      (m) => anyInstance || (m.municipalityId !== null && m.municipalityId === resource.municipalityId),
    )
  );
}

/**
 * Matching: the partnership's job consultants (by municipality) and social workers read its
 * candidate lists and its weights (so the UI can explain a rank). Only admins change the weights
 * (let through above); nobody else matches, not even admins (candidates are casework).
 */
function canOnMatching(
  actor: TActor,
  action: TAction,
  resource: Extract<TResource, { kind: 'candidates' | 'matching_settings' }>,
): boolean {
  if (action !== 'read' && action !== 'list') return false;
  const anyInstance = resource.partnershipId === undefined && resource.municipalityId === undefined;
  return (
    has(actor, 'social_worker').some(
      (m) => anyInstance || (m.partnershipId !== null && m.partnershipId === resource.partnershipId),
    ) ||
    has(actor, 'job_consultant').some(
      (m) => anyInstance || (m.municipalityId !== null && m.municipalityId === resource.municipalityId),
    )
  );
}
