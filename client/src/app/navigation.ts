import type { TMe } from '@domain/auth.schema.ts';
import { resourceOfKind, type TResourceKind } from '@domain/policy.ts';
import { isAdminMe, meCan } from './actor.ts';

/** The reference data every staff role reads; admins also edit it (under /admin). */
export const REFERENCE_SLUGS = [
  'partnerships',
  'housing-organisations',
  'housing-areas',
  'jobcenters',
  'social-housing-plans',
  'municipalities',
] as const;
export type TReferenceSlug = (typeof REFERENCE_SLUGS)[number];

export const REFERENCE_KIND: Record<TReferenceSlug, TResourceKind> = {
  partnerships: 'partnership',
  'housing-organisations': 'housing_organisation',
  'housing-areas': 'housing_area',
  jobcenters: 'jobcenter',
  'social-housing-plans': 'social_housing_plan',
  municipalities: 'municipality',
};

/** Reference lists shown to non-admin staff (municipalities are administered centrally). */
const STAFF_REFERENCE_SLUGS: readonly TReferenceSlug[] = [
  'partnerships',
  'housing-organisations',
  'housing-areas',
  'jobcenters',
  'social-housing-plans',
];

export type TNavGroup = 'overview' | 'reports' | 'data' | 'admin' | 'account';

export interface TNavItem {
  to: string;
  /** i18n key of the label. */
  labelKey: string;
  group: TNavGroup;
  /** A count shown beside the label when above zero: a list endpoint's total, e.g. open escalations. */
  count?: { path: string; query: Record<string, string>; labelKey: string };
}

/** Where a reference list lives for this user: admins edit under /admin, staff read under /data. */
export function referencePath(me: TMe | null | undefined, slug: TReferenceSlug): string {
  return `${isAdminMe(me) ? '/admin' : '/data'}/${slug}`;
}

/** The navigation a user sees, decided by the same policy the server enforces. */
export function navigationFor(me: TMe): TNavItem[] {
  const items: TNavItem[] = [{ to: '/', labelKey: 'nav.start', group: 'overview' }];
  const admin = isAdminMe(me);
  // A company's own contact gets its company page; staff the (scope-filtered) register.
  const ownCompany = me.memberships.find((m) => m.role === 'company_contact' && m.scopeId);
  const companyOnly = me.memberships.every((m) => m.role === 'company_contact');
  if (companyOnly) {
    if (ownCompany)
      items.push({ to: `/companies/${ownCompany.scopeId}`, labelKey: 'nav.myCompany', group: 'overview' });
  } else if (meCan(me, 'list', { kind: 'company' })) {
    items.push({ to: '/companies', labelKey: 'nav.companies', group: 'overview' });
  }
  // The method's order: the work bought, the dialogue about jobs, the clauses, the openings. A
  // company contact reads its own assignments and clauses on its company page: no list of its own.
  if (!companyOnly && meCan(me, 'list', { kind: 'assignment' }))
    items.push({ to: '/assignments', labelKey: 'assignments.nav', group: 'overview' });
  if (meCan(me, 'list', { kind: 'job_dialogue' }))
    items.push({ to: '/job-dialogues', labelKey: 'jobDialogues.nav', group: 'overview' });
  if (!companyOnly && meCan(me, 'list', { kind: 'social_clause' }))
    items.push({ to: '/social-clauses', labelKey: 'socialClauses.nav', group: 'overview' });
  // Everyone who works with openings; the server scopes the list (a company contact: its own).
  if (meCan(me, 'list', { kind: 'opening' }))
    items.push({ to: '/openings', labelKey: 'openings.nav', group: 'overview' });
  // Partnership agreements, shown on both sides: the organisations' staff and the company itself.
  if (meCan(me, 'list', { kind: 'agreement' }))
    items.push({ to: '/agreements', labelKey: 'agreements.nav', group: 'overview' });
  // Residents: the two professional roles and the secretariat; each person needs a covering consent.
  if (meCan(me, 'list', { kind: 'resident' }))
    items.push({ to: '/residents', labelKey: 'residents.nav', group: 'overview' });
  // Proposals and the allocation plan: casework of the two professional roles (issue 5).
  if (meCan(me, 'list', { kind: 'proposal' }))
    items.push({ to: '/proposals', labelKey: 'proposals.nav', group: 'overview' });
  if (meCan(me, 'list', { kind: 'allocation' }))
    items.push({ to: '/allocations', labelKey: 'allocations.nav', group: 'overview' });
  // The company portal (issue 6): the candidates sent to a company contact's company.
  if (meCan(me, 'list', { kind: 'company_portal' }))
    items.push({ to: '/company/proposals', labelKey: 'companyPortal.nav', group: 'overview' });
  // Follow-up after a hire (issue 6): the professionals' check-ins and escalations (with the open
  // ones counted); placements for them and for a company's contact (its own, first names only).
  if (meCan(me, 'list', { kind: 'follow_up' }))
    items.push({ to: '/follow-ups', labelKey: 'followUps.nav', group: 'overview' });
  if (meCan(me, 'list', { kind: 'placement' }))
    items.push({ to: '/placements', labelKey: 'placements.nav', group: 'overview' });
  if (meCan(me, 'list', { kind: 'escalation' }))
    items.push({
      to: '/escalations',
      labelKey: 'escalations.nav',
      group: 'overview',
      count: { path: '/api/escalations', query: { state: 'open' }, labelKey: 'escalations.navCount' },
    });
  // Reports: aggregates with small counts suppressed, so the steering group sees them too. The
  // dashboard (issue 7) first: the overview the others go into detail on.
  if (meCan(me, 'read', { kind: 'dashboard' }))
    items.push({ to: '/dashboard', labelKey: 'dashboard.nav', group: 'reports' });
  // The steering group's goals and milestones (issue 7): about the programme, all staff read them.
  if (meCan(me, 'list', { kind: 'steering_group' }))
    items.push({ to: '/steering', labelKey: 'steeringPage.nav', group: 'reports' });
  if (meCan(me, 'read', { kind: 'bias_report' }))
    items.push({ to: '/reports/bias', labelKey: 'biasReport.nav', group: 'reports' });
  if (meCan(me, 'read', { kind: 'retention_report' }))
    items.push({ to: '/reports/retention', labelKey: 'retentionReport.nav', group: 'reports' });
  // Partnership reports as PDF and Excel (issue 7): for everyone who may ask for one.
  if (meCan(me, 'create', { kind: 'report' }))
    items.push({ to: '/reports', labelKey: 'reports.nav', group: 'reports' });
  // Area indicators (issue 7): aggregates about areas, every staff role reads them.
  if (meCan(me, 'list', { kind: 'area_indicator' }))
    items.push({ to: '/indicators', labelKey: 'indicators.nav', group: 'data' });
  const slugs = admin ? REFERENCE_SLUGS : STAFF_REFERENCE_SLUGS;
  for (const slug of slugs) {
    if (meCan(me, 'list', resourceOfKind(REFERENCE_KIND[slug]))) {
      items.push({ to: referencePath(me, slug), labelKey: `nav.${slug}`, group: 'data' });
    }
  }
  if (meCan(me, 'list', { kind: 'user' }))
    items.push({ to: '/admin/users', labelKey: 'nav.users', group: 'admin' });
  if (meCan(me, 'list', { kind: 'audit_log' })) {
    items.push({ to: '/admin/audit', labelKey: 'nav.audit', group: 'admin' });
  }
  // The matching weights: set by the secretariat per partnership (with a preview).
  if (meCan(me, 'update', { kind: 'matching_settings' }))
    items.push({ to: '/admin/matching', labelKey: 'nav.matching', group: 'admin' });
  // Who the retention rule anonymises next: names from every partnership, the secretariat only.
  if (meCan(me, 'list', { kind: 'resident_retention' }))
    items.push({ to: '/admin/retention', labelKey: 'nav.retention', group: 'admin' });
  // The pseudonymised evaluation export (issue 7): person-level, so the secretariat alone.
  if (meCan(me, 'export', { kind: 'evaluation_export' }))
    items.push({ to: '/admin/evaluation-export', labelKey: 'evaluationExport.nav', group: 'admin' });
  if (me.demo && meCan(me, 'list', { kind: 'mail_outbox' })) {
    items.push({ to: '/admin/outbox', labelKey: 'nav.outbox', group: 'admin' });
  }
  items.push({ to: '/account/password', labelKey: 'nav.password', group: 'account' });
  return items;
}
