import { createHash } from 'node:crypto';
import { DEFAULT_MATCH_SETTINGS } from '@domain/matching/matching-settings.ts';
import type { TRole } from '@domain/roles.ts';
import {
  allocations,
  auditEvents,
  escalations,
  evaluationExportKeys,
  goals,
  indicatorValues,
  milestones,
  proposals,
  residentCvs,
  residentImports,
  steeringGroups,
} from '@server/db/schema/index.ts';
import { insertRun } from '@server/modules/reports/reports.repository.ts';
import { runReport } from '@server/modules/reports/reports.service.ts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgreement,
  buildAssignment,
  buildConsent,
  buildFollowUp,
  buildHousingArea,
  buildJobDialogue,
  buildOpening,
  buildPartnershipWorld,
  buildPlacement,
  buildResident,
  buildSocialClause,
  nextCvr,
  TEST_PASSWORD,
} from './factories.ts';
import { createTestApp, TestSession, type TTestApp } from './setup.ts';
import { multipartFile, tinyPdf } from './uploads.ts';

// The authorization matrix: role × route × in-scope / out-of-scope → expected status.
// It grows with every feature; a row per route and scope, a column per role.

type TWorld = Awaited<ReturnType<typeof buildPartnershipWorld>>;
type TExpect = Record<TRole, number>;

interface TCase {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: (own: TWorld, other: TWorld) => string;
  body?: (own: TWorld, other: TWorld) => object;
  /** Request headers besides the session's (e.g. a multipart body's content type). */
  headers?: () => Record<string, string>;
  expect: TExpect;
}

const ALL = (status: number): TExpect => ({
  admin: status,
  housing_staff: status,
  social_worker: status,
  job_consultant: status,
  company_contact: status,
  steering: status,
});
const ONLY_ADMIN = (ok: number): TExpect => ({ ...ALL(403), admin: ok });
const STAFF_READ: TExpect = { ...ALL(200), company_contact: 403 };
/** The company portal: company contacts only. */
const COMPANY_PORTAL = (status: number): TExpect => ({ ...ALL(403), company_contact: status });
/** Casework on people: the two professional roles only. */
const CASEWORK = (status: number): TExpect => ({
  ...ALL(403),
  social_worker: status,
  job_consultant: status,
});

/** An area's facts: the secretariat, the owning organisation and the social plan working in it. */
const AREA_WRITERS = (ok: number): TExpect => ({
  ...ALL(403),
  admin: ok,
  housing_staff: ok,
  social_worker: ok,
});

/** A partnership's steering group and the secretariat: goals, milestones, the group's own text. */
const STEERING_WRITERS = (ok: number): TExpect => ({ ...ALL(403), admin: ok, steering: ok });

const CASES: TCase[] = [
  { name: 'own account', method: 'GET', url: () => '/api/me', expect: ALL(200) },
  {
    name: 'list openings',
    method: 'GET',
    url: () => '/api/openings',
    expect: { ...ALL(200), steering: 403 },
  },
  {
    name: 'read referral contacts',
    method: 'GET',
    url: (o) => `/api/partnerships/${o.partnership.id}/referral-contacts`,
    expect: ONLY_ADMIN(200),
  },
  { name: 'own notifications', method: 'GET', url: () => '/api/notifications', expect: ALL(200) },
  { name: 'own unread count', method: 'GET', url: () => '/api/notifications/unread-count', expect: ALL(200) },
  // Occupations: reference data every logged-in role reads (company contacts pick one for openings).
  {
    name: 'list occupations',
    method: 'GET',
    url: () => `/api/occupations?q=${encodeURIComponent('tømr')}`,
    expect: ALL(200),
  },
  { name: 'read an occupation', method: 'GET', url: () => '/api/occupations/toemrer', expect: ALL(200) },
  { name: 'list partnerships', method: 'GET', url: () => '/api/partnerships', expect: STAFF_READ },
  {
    name: 'read a partnership',
    method: 'GET',
    url: (o) => `/api/partnerships/${o.partnership.id}`,
    expect: STAFF_READ,
  },
  { name: 'list municipalities', method: 'GET', url: () => '/api/municipalities', expect: STAFF_READ },
  {
    name: 'list housing organisations',
    method: 'GET',
    url: () => '/api/housing-organisations',
    expect: STAFF_READ,
  },
  { name: 'list housing areas', method: 'GET', url: () => '/api/housing-areas', expect: STAFF_READ },
  {
    name: 'read an area out of scope',
    method: 'GET',
    url: (_o, x) => `/api/housing-areas/${x.area.id}`,
    expect: STAFF_READ,
  },
  { name: 'list jobcenters', method: 'GET', url: () => '/api/jobcenters', expect: STAFF_READ },
  {
    name: 'list social housing plans',
    method: 'GET',
    url: () => '/api/social-housing-plans',
    expect: STAFF_READ,
  },
  {
    name: 'create a partnership',
    method: 'POST',
    url: () => '/api/partnerships',
    body: (o) => ({ name: 'Nyt partnerskab', municipalityId: o.municipality.id }),
    // 409 for admin: the municipality already has a partnership (one per municipality).
    expect: ONLY_ADMIN(409),
  },
  {
    name: 'update own housing organisation',
    method: 'PATCH',
    url: (o) => `/api/housing-organisations/${o.organisation.id}`,
    body: () => ({ city: 'Viborg' }),
    expect: { ...ALL(403), admin: 200, housing_staff: 200 },
  },
  {
    name: 'update another housing organisation',
    method: 'PATCH',
    url: (_o, x) => `/api/housing-organisations/${x.organisation.id}`,
    body: () => ({ city: 'Viborg' }),
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'update an area in scope',
    method: 'PATCH',
    url: (o) => `/api/housing-areas/${o.area.id}`,
    body: () => ({ residentsCount: 1234 }),
    expect: { ...ALL(403), admin: 200, housing_staff: 200, social_worker: 200 },
  },
  {
    name: 'update an area out of scope',
    method: 'PATCH',
    url: (_o, x) => `/api/housing-areas/${x.area.id}`,
    body: () => ({ residentsCount: 1234 }),
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'move an own area to another organisation',
    method: 'PATCH',
    url: (o) => `/api/housing-areas/${o.area.id}`,
    body: (_o, x) => ({ housingOrganisationId: x.organisation.id, socialHousingPlanId: null }),
    expect: { ...ALL(403), admin: 200 },
  },
  {
    name: 'update own jobcenter',
    method: 'PATCH',
    url: (o) => `/api/jobcenters/${o.jobcenter.id}`,
    body: () => ({ phone: '87874049' }),
    expect: { ...ALL(403), admin: 200, job_consultant: 200 },
  },
  {
    name: 'update another jobcenter',
    method: 'PATCH',
    url: (_o, x) => `/api/jobcenters/${x.jobcenter.id}`,
    body: () => ({ phone: '87874049' }),
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'update own social housing plan',
    method: 'PATCH',
    url: (o) => `/api/social-housing-plans/${o.plan.id}`,
    body: () => ({ description: 'Opdateret' }),
    expect: { ...ALL(403), admin: 200, social_worker: 200 },
  },
  {
    name: 'update another social housing plan',
    method: 'PATCH',
    url: (_o, x) => `/api/social-housing-plans/${x.plan.id}`,
    body: () => ({ description: 'Opdateret' }),
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'update a partnership',
    method: 'PATCH',
    url: (o) => `/api/partnerships/${o.partnership.id}`,
    body: () => ({ description: 'Ny beskrivelse' }),
    expect: ONLY_ADMIN(200),
  },
  { name: 'list users', method: 'GET', url: () => '/api/users', expect: ONLY_ADMIN(200) },
  {
    name: 'read a user',
    method: 'GET',
    url: (o) => `/api/users/${o.users.steering.id}`,
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'invite a user',
    method: 'POST',
    url: () => '/api/users',
    body: () => ({
      email: `ny-${Math.random().toString(36).slice(2)}@jobbro.test`,
      name: 'Ny Bruger',
      memberships: [],
    }),
    expect: ONLY_ADMIN(201),
  },
  { name: 'read the audit log', method: 'GET', url: () => '/api/audit-events', expect: ONLY_ADMIN(200) },
  {
    name: 'export the audit log',
    method: 'GET',
    url: () => '/api/audit-events/export.csv',
    expect: ONLY_ADMIN(200),
  },
  // Not in demo mode: the outbox stays closed even to admins.
  { name: 'read the demo outbox', method: 'GET', url: () => '/api/outbox', expect: ALL(403) },
  // Companies: housing staff within its partnership; job consultants and social workers read
  // there; a company contact only its own company; steering aggregates only (403).
  {
    name: 'list companies',
    method: 'GET',
    url: () => '/api/companies',
    expect: { ...ALL(200), steering: 403 },
  },
  {
    name: 'read a company in own partnership',
    method: 'GET',
    url: (o) => `/api/companies/${o.company.id}`,
    expect: { ...ALL(200), steering: 403 },
  },
  {
    name: 'read a company in another partnership',
    method: 'GET',
    url: (_o, x) => `/api/companies/${x.company.id}`,
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'read the contacts of a company in own partnership',
    method: 'GET',
    url: (o) => `/api/companies/${o.company.id}/contacts`,
    expect: { ...ALL(200), steering: 403 },
  },
  {
    name: 'read the contacts of another company',
    method: 'GET',
    url: (_o, x) => `/api/companies/${x.company.id}/contacts`,
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'create a company',
    method: 'POST',
    url: () => '/api/companies',
    body: () => ({ cvr: nextCvr(), name: 'Matrix Murer ApS' }),
    expect: { ...ALL(403), admin: 201, housing_staff: 201 },
  },
  {
    name: 'update a company in own partnership',
    method: 'PATCH',
    url: (o) => `/api/companies/${o.company.id}`,
    body: () => ({ city: 'Viborg' }),
    expect: { ...ALL(403), admin: 200, housing_staff: 200, company_contact: 200 },
  },
  {
    name: 'update a company in another partnership',
    method: 'PATCH',
    url: (_o, x) => `/api/companies/${x.company.id}`,
    body: () => ({ city: 'Viborg' }),
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'add a contact to a company in own partnership',
    method: 'POST',
    url: (o) => `/api/companies/${o.company.id}/contacts`,
    body: () => ({ name: 'Kim Kontakt', phone: '12345678' }),
    expect: { ...ALL(403), admin: 201, housing_staff: 201, company_contact: 201 },
  },
  {
    name: 'add a contact to another company',
    method: 'POST',
    url: (_o, x) => `/api/companies/${x.company.id}/contacts`,
    body: () => ({ name: 'Kim Kontakt' }),
    expect: ONLY_ADMIN(201),
  },
  {
    name: 'add a note to a company in own partnership',
    method: 'POST',
    url: (o) => `/api/companies/${o.company.id}/notes`,
    body: () => ({ text: 'Ringet op om lærlinge.' }),
    expect: { ...ALL(403), admin: 201, housing_staff: 201 },
  },
  {
    name: 'import companies (preview)',
    method: 'POST',
    url: () => '/api/companies/import/preview',
    body: () => ({
      fileName: 'virksomheder.csv',
      contentBase64: Buffer.from(`CVR;Navn\n${nextCvr()};Import ApS\n`).toString('base64'),
    }),
    expect: { ...ALL(403), admin: 200, housing_staff: 200 },
  },
  {
    name: 'delete a company in use (its contact logs in with it)',
    method: 'DELETE',
    url: (o) => `/api/companies/${o.company.id}`,
    expect: ONLY_ADMIN(409),
  },
  {
    name: 'delete an area',
    method: 'DELETE',
    url: (_o, x) => `/api/housing-areas/${x.area.id}`,
    expect: ONLY_ADMIN(200),
  },
  // Partnership agreements: housing staff of an organisation in it write; the partnership's
  // social workers and job consultants and the company itself read; steering nothing.
  {
    name: 'list agreements',
    method: 'GET',
    url: () => '/api/agreements',
    expect: { ...ALL(200), steering: 403 },
  },
  {
    name: 'read an agreement of own organisation and company',
    method: 'GET',
    url: () => `/api/agreements/${agreementIds.own}`,
    expect: { ...ALL(200), steering: 403 },
  },
  {
    name: 'read an agreement of another organisation',
    method: 'GET',
    url: () => `/api/agreements/${agreementIds.other}`,
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'create an agreement for own organisation',
    method: 'POST',
    url: () => '/api/agreements',
    body: (o) => ({
      companyId: o.company.id,
      housingOrganisationIds: [o.organisation.id],
      title: 'Matrixaftale',
      periodStart: '2027-01-01',
    }),
    expect: { ...ALL(403), admin: 201, housing_staff: 201 },
  },
  {
    name: 'create an agreement for another organisation',
    method: 'POST',
    url: () => '/api/agreements',
    body: (_o, x) => ({
      companyId: x.company.id,
      housingOrganisationIds: [x.organisation.id],
      title: 'Matrixaftale',
      periodStart: '2027-01-01',
    }),
    expect: ONLY_ADMIN(201),
  },
  {
    name: 'update an agreement of own organisation',
    method: 'PATCH',
    url: () => `/api/agreements/${agreementIds.own}`,
    body: () => ({ note: 'Opdateret' }),
    expect: { ...ALL(403), admin: 200, housing_staff: 200 },
  },
  {
    name: 'update an agreement of another organisation',
    method: 'PATCH',
    url: () => `/api/agreements/${agreementIds.other}`,
    body: () => ({ note: 'Opdateret' }),
    expect: ONLY_ADMIN(200),
  },
  // The URL is asked once per role: each role tries to delete an agreement of its own.
  {
    name: 'delete an agreement of own organisation',
    method: 'DELETE',
    url: () => `/api/agreements/${agreementIds.ownDeletable.shift()}`,
    expect: { ...ALL(403), admin: 200, housing_staff: 200 },
  },
  {
    name: 'delete an agreement of another organisation',
    method: 'DELETE',
    url: () => `/api/agreements/${agreementIds.otherDeletable.shift()}`,
    expect: ONLY_ADMIN(200),
  },
  {
    name: "list the people who may receive a partnership's openings",
    method: 'GET',
    url: (o) => `/api/partnerships/${o.partnership.id}/referral-candidates`,
    expect: ONLY_ADMIN(200),
  },
  // Assignments, their job dialogues and social clauses: housing staff of the buying organisation
  // write; the partnership's social workers and job consultants read; the company reads its own
  // assignments and clauses but not the organisation's dialogues or staff; steering nothing.
  {
    name: 'list assignments',
    method: 'GET',
    url: () => '/api/assignments',
    expect: { ...ALL(200), steering: 403 },
  },
  {
    name: 'read an assignment of own organisation',
    method: 'GET',
    url: () => `/api/assignments/${work.own.assignment}`,
    expect: { ...ALL(200), steering: 403 },
  },
  {
    name: 'read an assignment of another organisation',
    method: 'GET',
    url: () => `/api/assignments/${work.other.assignment}`,
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'create an assignment for own organisation',
    method: 'POST',
    url: () => '/api/assignments',
    body: (o) => assignmentBody(o),
    expect: { ...ALL(403), admin: 201, housing_staff: 201 },
  },
  {
    name: 'create an assignment for another organisation',
    method: 'POST',
    url: () => '/api/assignments',
    body: (_o, x) => assignmentBody(x),
    expect: ONLY_ADMIN(201),
  },
  {
    name: 'update an assignment of own organisation',
    method: 'PATCH',
    url: () => `/api/assignments/${work.own.assignment}`,
    body: () => ({ contractReference: 'K-17' }),
    expect: { ...ALL(403), admin: 200, housing_staff: 200 },
  },
  {
    name: 'update an assignment of another organisation',
    method: 'PATCH',
    url: () => `/api/assignments/${work.other.assignment}`,
    body: () => ({ contractReference: 'K-17' }),
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'delete an assignment in use (an opening came of it)',
    method: 'DELETE',
    url: () => `/api/assignments/${work.own.assignment}`,
    expect: { ...ALL(403), admin: 409, housing_staff: 409 },
  },
  {
    name: 'delete an assignment of another organisation in use',
    method: 'DELETE',
    url: () => `/api/assignments/${work.other.assignment}`,
    expect: ONLY_ADMIN(409),
  },
  {
    name: 'list the staff of an own assignment’s organisation',
    method: 'GET',
    url: () => `/api/assignments/${work.own.assignment}/staff`,
    expect: { ...ALL(200), company_contact: 403, steering: 403 },
  },
  {
    name: 'list the staff of another organisation’s assignment',
    method: 'GET',
    url: () => `/api/assignments/${work.other.assignment}/staff`,
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'list job dialogues',
    method: 'GET',
    url: () => '/api/job-dialogues?mine=true',
    expect: { ...ALL(200), company_contact: 403, steering: 403 },
  },
  {
    name: 'read a job dialogue of own organisation',
    method: 'GET',
    url: () => `/api/job-dialogues/${work.own.dialogue}`,
    expect: { ...ALL(200), company_contact: 403, steering: 403 },
  },
  {
    name: 'read a job dialogue of another organisation',
    method: 'GET',
    url: () => `/api/job-dialogues/${work.other.dialogue}`,
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'start a job dialogue about an own assignment',
    method: 'POST',
    url: () => '/api/job-dialogues',
    body: () => ({ assignmentId: work.own.assignment }),
    expect: { ...ALL(403), admin: 201, housing_staff: 201 },
  },
  {
    name: 'start a job dialogue about another organisation’s assignment',
    method: 'POST',
    url: () => '/api/job-dialogues',
    body: () => ({ assignmentId: work.other.assignment }),
    expect: ONLY_ADMIN(201),
  },
  {
    name: 'record the outcome of an own job dialogue',
    method: 'POST',
    url: () => `/api/job-dialogues/${work.own.dialogue}/outcome`,
    body: () => ({ askedKinds: ['apprentice'], outcome: 'later', reminderDate: '2026-12-01' }),
    expect: { ...ALL(403), admin: 200, housing_staff: 200 },
  },
  {
    name: 'record the outcome of another organisation’s job dialogue',
    method: 'POST',
    url: () => `/api/job-dialogues/${work.other.dialogue}/outcome`,
    body: () => ({ askedKinds: ['apprentice'], outcome: 'later', reminderDate: '2026-12-01' }),
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'hand an own job dialogue to a colleague',
    method: 'POST',
    url: () => `/api/job-dialogues/${work.own.dialogue}/assignee`,
    body: (o) => ({ assignedToUserId: o.users.housing_staff.id }),
    expect: { ...ALL(403), admin: 200, housing_staff: 200 },
  },
  {
    name: 'hand another organisation’s job dialogue to its staff',
    method: 'POST',
    url: () => `/api/job-dialogues/${work.other.dialogue}/assignee`,
    body: (_o, x) => ({ assignedToUserId: x.users.housing_staff.id }),
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'draft the opening of an own job dialogue',
    method: 'GET',
    url: () => `/api/job-dialogues/${work.own.dialogue}/opening-draft`,
    expect: { ...ALL(200), company_contact: 403, steering: 403 },
  },
  {
    name: 'draft the opening of another organisation’s job dialogue',
    method: 'GET',
    url: () => `/api/job-dialogues/${work.other.dialogue}/opening-draft`,
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'list social clauses',
    method: 'GET',
    url: () => '/api/social-clauses',
    expect: { ...ALL(200), steering: 403 },
  },
  {
    name: 'read a social clause of own organisation',
    method: 'GET',
    url: () => `/api/social-clauses/${work.own.clause}`,
    expect: { ...ALL(200), steering: 403 },
  },
  {
    name: 'read a social clause of another organisation',
    method: 'GET',
    url: () => `/api/social-clauses/${work.other.clause}`,
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'add a social clause to an own assignment',
    method: 'POST',
    url: () => '/api/social-clauses',
    body: () => ({ assignmentId: work.own.assignment, kind: 'apprentices', targetQuantity: 2 }),
    expect: { ...ALL(403), admin: 201, housing_staff: 201 },
  },
  {
    name: 'add a social clause to another organisation’s assignment',
    method: 'POST',
    url: () => '/api/social-clauses',
    body: () => ({ assignmentId: work.other.assignment, kind: 'apprentices', targetQuantity: 2 }),
    expect: ONLY_ADMIN(201),
  },
  {
    name: 'update a social clause of own organisation',
    method: 'PATCH',
    url: () => `/api/social-clauses/${work.own.clause}`,
    body: () => ({ targetQuantity: 4 }),
    expect: { ...ALL(403), admin: 200, housing_staff: 200 },
  },
  {
    name: 'update a social clause of another organisation',
    method: 'PATCH',
    url: () => `/api/social-clauses/${work.other.clause}`,
    body: () => ({ targetQuantity: 4 }),
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'delete a social clause in use (a placement counts for it)',
    method: 'DELETE',
    url: () => `/api/social-clauses/${work.own.clause}`,
    expect: { ...ALL(403), admin: 409, housing_staff: 409 },
  },
  {
    name: 'delete a social clause of another organisation in use',
    method: 'DELETE',
    url: () => `/api/social-clauses/${work.other.clause}`,
    expect: ONLY_ADMIN(409),
  },
  // Residents (issue 4): route level only the two professional roles and admins; then the
  // person's consents decide. The own resident is registered by the own plan and has an active
  // (a), so the job consultant sees them too and the secretariat gets the administrative view
  // (read only); the other partnership's resident exists for nobody here but the secretariat.
  {
    name: 'list residents',
    method: 'GET',
    url: () => '/api/residents',
    expect: { ...ALL(403), admin: 200, social_worker: 200, job_consultant: 200 },
  },
  {
    name: 'list consents that expire soon',
    method: 'GET',
    url: () => '/api/residents/consents/expiring',
    expect: { ...ALL(403), admin: 200, social_worker: 200, job_consultant: 200 },
  },
  {
    name: 'read an own resident with consent (a)',
    method: 'GET',
    url: () => `/api/residents/${people.own}`,
    expect: { ...ALL(403), admin: 200, social_worker: 200, job_consultant: 200 },
  },
  {
    name: 'read a resident of another partnership with consent (a)',
    method: 'GET',
    url: () => `/api/residents/${people.other}`,
    expect: { ...ALL(403), admin: 200, social_worker: 404, job_consultant: 404 },
  },
  {
    name: 'register a resident',
    method: 'POST',
    url: () => '/api/residents',
    body: (o) => ({
      firstName: 'Matrix',
      lastName: 'Beboer',
      birthDate: '1990-01-01',
      postalCode: '8800',
      housingAreaId: o.area.id,
    }),
    // The secretariat registers nobody: a person is held by one of the two sides.
    expect: { ...ALL(403), social_worker: 201, job_consultant: 201 },
  },
  {
    name: 'update an own resident',
    method: 'PATCH',
    url: () => `/api/residents/${people.own}`,
    body: () => ({ status: 'paused' }),
    expect: { ...ALL(403), social_worker: 200, job_consultant: 200 },
  },
  {
    name: 'update a resident of another partnership',
    method: 'PATCH',
    url: () => `/api/residents/${people.other}`,
    body: () => ({ status: 'paused' }),
    expect: { ...ALL(403), social_worker: 404, job_consultant: 404 },
  },
  {
    name: "read an own resident's consents",
    method: 'GET',
    url: () => `/api/residents/${people.own}/consents`,
    expect: { ...ALL(403), admin: 200, social_worker: 200, job_consultant: 200 },
  },
  {
    name: 'record a consent for an own resident',
    method: 'POST',
    url: () => `/api/residents/${people.own}/consents`,
    body: () => ({ scope: 'evaluation', textVersion: '2026-1', givenOn: '2026-11-01', method: 'paper' }),
    expect: { ...ALL(403), social_worker: 201, job_consultant: 201 },
  },
  // The URL is asked once per role: each role tries to withdraw a consent (c) of its own.
  {
    name: "withdraw an own resident's consent",
    method: 'POST',
    url: () => `/api/residents/${people.own}/consents/${people.withdrawable.shift()}/withdraw`,
    expect: { ...ALL(403), social_worker: 200, job_consultant: 200 },
  },
  {
    name: "read an own resident's case notes",
    method: 'GET',
    url: () => `/api/residents/${people.own}/notes`,
    expect: { ...ALL(403), social_worker: 200, job_consultant: 200 },
  },
  {
    name: 'write a case note on an own resident',
    method: 'POST',
    url: () => `/api/residents/${people.own}/notes`,
    body: () => ({ text: 'Matrixnotat.' }),
    expect: { ...ALL(403), social_worker: 201, job_consultant: 201 },
  },
  {
    name: 'read the case notes of a resident of another partnership',
    method: 'GET',
    url: () => `/api/residents/${people.other}/notes`,
    expect: { ...ALL(403), admin: 403, social_worker: 404, job_consultant: 404 },
  },
  // Stepping Stones screenings: case data, the professional view only (as notes).
  {
    name: 'list screenings that are due',
    method: 'GET',
    url: () => '/api/residents/screenings/due',
    expect: { ...ALL(403), admin: 200, social_worker: 200, job_consultant: 200 },
  },
  {
    name: "read an own resident's screenings",
    method: 'GET',
    url: () => `/api/residents/${people.own}/screenings`,
    expect: { ...ALL(403), social_worker: 200, job_consultant: 200 },
  },
  {
    name: 'screen an own resident',
    method: 'POST',
    url: () => `/api/residents/${people.own}/screenings`,
    body: () => ({
      screenedOn: '2026-11-01',
      motivation: 4,
      barriers: [],
      hoursPossible: 30,
      earlierWork: 'none',
      danishLevel: 3,
      healthLimits: 'none',
    }),
    expect: { ...ALL(403), social_worker: 201, job_consultant: 201 },
  },
  {
    name: 'screen a resident of another partnership',
    method: 'POST',
    url: () => `/api/residents/${people.other}/screenings`,
    body: () => ({
      screenedOn: '2026-11-01',
      motivation: 4,
      barriers: [],
      hoursPossible: 30,
      earlierWork: 'none',
      danishLevel: 3,
      healthLimits: 'none',
    }),
    expect: { ...ALL(403), social_worker: 404, job_consultant: 404 },
  },
  // A resident's CV: case data for the professional view only; the secretariat's administrative
  // view neither uploads nor downloads it.
  {
    name: 'upload a CV for an own resident',
    method: 'PUT',
    url: () => `/api/residents/${people.own}/cv`,
    body: () => CV_UPLOAD.payload,
    headers: () => CV_UPLOAD.headers,
    expect: { ...ALL(403), social_worker: 200, job_consultant: 200 },
  },
  {
    name: 'upload a CV for a resident of another partnership',
    method: 'PUT',
    url: () => `/api/residents/${people.other}/cv`,
    body: () => CV_UPLOAD.payload,
    headers: () => CV_UPLOAD.headers,
    expect: { ...ALL(403), social_worker: 404, job_consultant: 404 },
  },
  {
    name: "download an own resident's CV",
    method: 'GET',
    url: () => `/api/residents/${people.own}/cv`,
    expect: { ...ALL(403), social_worker: 200, job_consultant: 200 },
  },
  {
    name: 'download the CV of a resident of another partnership',
    method: 'GET',
    url: () => `/api/residents/${people.other}/cv`,
    expect: { ...ALL(403), social_worker: 404, job_consultant: 404 },
  },
  // The URL is asked once per role: each role tries to delete the CV of a person of its own.
  {
    name: "delete an own resident's CV",
    method: 'DELETE',
    url: () => `/api/residents/${people.cvDeletable.shift()}/cv`,
    expect: { ...ALL(403), social_worker: 200, job_consultant: 200 },
  },
  {
    name: 'list the staff who may be made responsible for a resident',
    method: 'GET',
    url: () => '/api/residents/responsible-staff',
    expect: { ...ALL(403), admin: 200, social_worker: 200, job_consultant: 200 },
  },
  // The data subject's rights: the side that holds the person (here the social worker's plan)
  // and the secretariat, whatever the consents say; the other side sees the person through
  // consent (a) but is refused (403); another partnership does not find them (404).
  {
    name: 'export an own resident (access request)',
    method: 'GET',
    url: () => `/api/residents/${people.own}/export?format=json`,
    expect: { ...ALL(403), admin: 200, social_worker: 200 },
  },
  {
    name: 'export a resident of another partnership',
    method: 'GET',
    url: () => `/api/residents/${people.other}/export?format=json`,
    expect: { ...ALL(403), admin: 200, social_worker: 404, job_consultant: 404 },
  },
  {
    name: "read an own resident's history",
    method: 'GET',
    url: () => `/api/residents/${people.own}/history`,
    expect: { ...ALL(403), admin: 200, social_worker: 200, job_consultant: 200 },
  },
  {
    name: 'read the history of a resident of another partnership',
    method: 'GET',
    url: () => `/api/residents/${people.other}/history`,
    expect: { ...ALL(403), admin: 200, social_worker: 404, job_consultant: 404 },
  },
  // The URL is asked once per role: each role tries to erase a person of its own (the body names them).
  {
    name: 'erase an own resident',
    method: 'POST',
    url: () => `/api/residents/${nextErasable(people.erasable)}/erase`,
    body: () => ({ confirmName: erasing.name }),
    expect: { ...ALL(403), admin: 200, social_worker: 200 },
  },
  {
    name: 'erase a resident of another partnership',
    method: 'POST',
    url: () => `/api/residents/${nextErasable(people.otherErasable)}/erase`,
    body: () => ({ confirmName: erasing.name }),
    expect: { ...ALL(403), admin: 200, social_worker: 404, job_consultant: 404 },
  },
  {
    name: 'list who the retention rule anonymises next',
    method: 'GET',
    url: () => '/api/residents/retention',
    expect: ONLY_ADMIN(200),
  },
  // The jobcenter list import: job consultants for their own jobcenter, the secretariat for any
  // (it names the jobcenter: without one, 400); another jobcenter's import does not exist (404).
  {
    name: 'upload a jobcenter list',
    method: 'POST',
    url: () => '/api/imports/residents',
    body: () => LIST_UPLOAD.payload,
    headers: () => LIST_UPLOAD.headers,
    expect: { ...ALL(403), admin: 400, job_consultant: 201 },
  },
  {
    name: 'list jobcenter list imports',
    method: 'GET',
    url: () => '/api/imports/residents',
    expect: { ...ALL(403), admin: 200, job_consultant: 200 },
  },
  {
    name: "read an own jobcenter's list import",
    method: 'GET',
    url: () => `/api/imports/residents/${imports.own}`,
    expect: { ...ALL(403), admin: 200, job_consultant: 200 },
  },
  {
    name: "read another jobcenter's list import",
    method: 'GET',
    url: () => `/api/imports/residents/${imports.other}/issues`,
    expect: { ...ALL(403), admin: 200, job_consultant: 404 },
  },
  {
    name: "download the report of an own jobcenter's list import",
    method: 'GET',
    url: () => `/api/imports/residents/${imports.own}/report.xlsx`,
    expect: { ...ALL(403), admin: 200, job_consultant: 200 },
  },
  {
    name: "map the columns of an own jobcenter's list (incomplete: 400)",
    method: 'PUT',
    url: () => `/api/imports/residents/${imports.own}/mapping`,
    body: () => ({ mapping: {} }),
    expect: { ...ALL(403), admin: 400, job_consultant: 400 },
  },
  {
    name: "confirm another jobcenter's unchecked list",
    method: 'POST',
    url: () => `/api/imports/residents/${imports.other}/confirm`,
    expect: { ...ALL(403), admin: 409, job_consultant: 404 },
  },
  // Matching (issue 5): candidate lists and a resident's fitting openings are casework, for the
  // partnership's social workers and job consultants only (not even the secretariat; companies
  // and steering never); outside the partnership the opening or person does not exist (404).
  // The weights: the secretariat sets and previews them; the caseworkers read their own.
  {
    name: 'rank the candidates of an own opening',
    method: 'GET',
    url: () => `/api/openings/${work.own.opening}/candidates`,
    expect: { ...ALL(403), social_worker: 200, job_consultant: 200 },
  },
  {
    name: 'rank the candidates of an opening of another partnership',
    method: 'GET',
    url: () => `/api/openings/${work.other.opening}/candidates`,
    expect: { ...ALL(403), social_worker: 404, job_consultant: 404 },
  },
  {
    name: 'list the openings an own resident fits',
    method: 'GET',
    url: () => `/api/residents/${people.own}/openings`,
    expect: { ...ALL(403), social_worker: 200, job_consultant: 200 },
  },
  {
    name: 'list the openings a resident of another partnership fits',
    method: 'GET',
    url: () => `/api/residents/${people.other}/openings`,
    expect: { ...ALL(403), social_worker: 404, job_consultant: 404 },
  },
  {
    name: 'read the matching weights of own partnership',
    method: 'GET',
    url: (o) => `/api/matching/weights?partnershipId=${o.partnership.id}`,
    expect: { ...ALL(403), admin: 200, social_worker: 200, job_consultant: 200 },
  },
  {
    name: 'read the matching weights of another partnership',
    method: 'GET',
    url: (_o, x) => `/api/matching/weights?partnershipId=${x.partnership.id}`,
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'save the matching weights of own partnership',
    method: 'PUT',
    url: () => '/api/matching/weights',
    body: (o) => ({ partnershipId: o.partnership.id, settings: DEFAULT_MATCH_SETTINGS }),
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'save the matching weights of another partnership',
    method: 'PUT',
    url: () => '/api/matching/weights',
    body: (_o, x) => ({ partnershipId: x.partnership.id, settings: DEFAULT_MATCH_SETTINGS }),
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'preview matching weights for own partnership',
    method: 'POST',
    url: () => '/api/matching/weights/preview',
    body: (o) => ({ partnershipId: o.partnership.id, settings: DEFAULT_MATCH_SETTINGS }),
    expect: ONLY_ADMIN(200),
  },
  // The bias report: aggregates with small counts suppressed. The secretariat for any partnership
  // (it must name one: 400 without); the partnership's social workers, job consultants and
  // steering for their own; never housing staff or companies.
  {
    name: 'read the bias report of own partnership',
    method: 'GET',
    url: (o) => `/api/reports/bias?partnershipId=${o.partnership.id}`,
    expect: { ...ALL(200), housing_staff: 403, company_contact: 403 },
  },
  {
    name: 'read the bias report of the own partnership without naming it',
    method: 'GET',
    url: () => '/api/reports/bias?from=2026-01-01&to=2026-06-30',
    expect: { ...ALL(200), admin: 400, housing_staff: 403, company_contact: 403 },
  },
  {
    name: 'read the bias report of another partnership',
    method: 'GET',
    url: (_o, x) => `/api/reports/bias?partnershipId=${x.partnership.id}`,
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'download the bias report of own partnership (XLSX)',
    method: 'GET',
    url: (o) => `/api/reports/bias?partnershipId=${o.partnership.id}&format=xlsx`,
    expect: { ...ALL(200), housing_staff: 403, company_contact: 403 },
  },
  {
    name: 'download the bias report of another partnership (CSV)',
    method: 'GET',
    url: (_o, x) => `/api/reports/bias?partnershipId=${x.partnership.id}&format=csv`,
    expect: ONLY_ADMIN(200),
  },
  // Proposals and allocation plans (issue 5): the partnership's social workers and job
  // consultants, for people they see professionally; never the secretariat, housing staff,
  // companies (their portal comes next) or steering. Outside the partnership: 404.
  { name: 'list proposals', method: 'GET', url: () => '/api/proposals', expect: CASEWORK(200) },
  {
    name: 'read an own proposal',
    method: 'GET',
    url: () => `/api/proposals/${matching.ownProposal}`,
    expect: CASEWORK(200),
  },
  {
    name: 'read a proposal of another partnership',
    method: 'GET',
    url: () => `/api/proposals/${matching.otherProposal}`,
    expect: CASEWORK(404),
  },
  // The body is asked once per role: each role proposes a person of its own.
  {
    name: 'propose an own resident for an own opening',
    method: 'POST',
    url: () => '/api/proposals',
    body: () => ({ openingId: matching.opening, residentId: matching.proposable.shift() }),
    expect: CASEWORK(201),
  },
  {
    name: 'propose an own resident for an opening of another partnership',
    method: 'POST',
    url: () => '/api/proposals',
    body: () => ({ openingId: matching.otherOpening, residentId: matching.spare }),
    expect: CASEWORK(404),
  },
  {
    name: 'withdraw an own proposal',
    method: 'POST',
    url: () => `/api/proposals/${matching.withdrawable.shift()}/transitions`,
    body: () => ({ to: 'withdrawn' }),
    expect: CASEWORK(200),
  },
  { name: 'list allocation plans', method: 'GET', url: () => '/api/allocations', expect: CASEWORK(200) },
  {
    name: 'list the partnerships one plans in',
    method: 'GET',
    url: () => '/api/allocations/partnerships',
    expect: CASEWORK(200),
  },
  {
    name: 'compute an allocation plan for own partnership',
    method: 'POST',
    url: () => '/api/allocations',
    body: (o) => ({ partnershipId: o.partnership.id }),
    expect: { ...ALL(403), job_consultant: 201 },
  },
  {
    name: 'compute an allocation plan for another partnership',
    method: 'POST',
    url: () => '/api/allocations',
    body: (_o, x) => ({ partnershipId: x.partnership.id }),
    expect: CASEWORK(404),
  },
  {
    name: 'read an own allocation plan',
    method: 'GET',
    url: () => `/api/allocations/${matching.ownAllocation}`,
    expect: CASEWORK(200),
  },
  {
    name: 'read an allocation plan of another partnership',
    method: 'GET',
    url: () => `/api/allocations/${matching.otherAllocation}`,
    expect: CASEWORK(404),
  },
  {
    name: 'decide an unknown line of an own allocation plan',
    method: 'POST',
    url: () =>
      `/api/allocations/${matching.ownAllocation}/lines/00000000-0000-4000-8000-000000000000/decision`,
    body: () => ({ decision: 'rejected' }),
    expect: { ...ALL(403), job_consultant: 404 },
  },
  // The company portal (issue 6 item 1): company contacts only, for proposals sent to their own
  // company; another company's proposal does not exist for them (404). The professionals work
  // proposals through /api/proposals, the secretariat not at all.
  {
    name: "list the own company's openings with their pipeline",
    method: 'GET',
    url: () => '/api/company/openings',
    expect: COMPANY_PORTAL(200),
  },
  {
    name: 'list the proposals sent to the own company',
    method: 'GET',
    url: () => '/api/company/proposals',
    expect: COMPANY_PORTAL(200),
  },
  {
    name: 'read a proposal sent to the own company',
    method: 'GET',
    url: () => `/api/company/proposals/${portal.own.read}`,
    expect: COMPANY_PORTAL(200),
  },
  {
    name: 'read a proposal sent to another company',
    method: 'GET',
    url: () => `/api/company/proposals/${portal.other.read}`,
    expect: COMPANY_PORTAL(404),
  },
  {
    name: 'invite to an interview about a proposal sent to the own company',
    method: 'POST',
    url: () => `/api/company/proposals/${portal.own.invite}/interview`,
    body: () => ({ date: '2026-12-01', time: '10:00' }),
    expect: COMPANY_PORTAL(200),
  },
  {
    name: 'invite to an interview about a proposal sent to another company',
    method: 'POST',
    url: () => `/api/company/proposals/${portal.other.invite}/interview`,
    body: () => ({ date: '2026-12-01', time: '10:00' }),
    expect: COMPANY_PORTAL(404),
  },
  {
    name: 'record the interview outcome of a proposal sent to the own company',
    method: 'POST',
    url: () => `/api/company/proposals/${portal.own.outcome}/interview-outcome`,
    body: () => ({ outcome: 'positive' }),
    expect: COMPANY_PORTAL(200),
  },
  {
    name: 'record the interview outcome of a proposal sent to another company',
    method: 'POST',
    url: () => `/api/company/proposals/${portal.other.outcome}/interview-outcome`,
    body: () => ({ outcome: 'positive' }),
    expect: COMPANY_PORTAL(404),
  },
  {
    name: 'decline a proposal sent to the own company',
    method: 'POST',
    url: () => `/api/company/proposals/${portal.own.decline}/decline`,
    body: () => ({ reason: 'skills' }),
    expect: COMPANY_PORTAL(200),
  },
  {
    name: 'decline a proposal sent to another company',
    method: 'POST',
    url: () => `/api/company/proposals/${portal.other.decline}/decline`,
    body: () => ({ reason: 'skills' }),
    expect: COMPANY_PORTAL(404),
  },
  {
    name: 'hire from a proposal sent to the own company',
    method: 'POST',
    url: () => `/api/company/proposals/${portal.own.hire}/hire`,
    body: () => ({ startDate: '2027-01-04', hoursPerWeek: 37, type: 'full_time' }),
    expect: COMPANY_PORTAL(200),
  },
  {
    name: 'hire from a proposal sent to another company',
    method: 'POST',
    url: () => `/api/company/proposals/${portal.other.hire}/hire`,
    body: () => ({ startDate: '2027-01-04', hoursPerWeek: 37, type: 'full_time' }),
    expect: COMPANY_PORTAL(404),
  },
  // Follow-ups (issue 6 item 3): casework of the two professional roles on the people they see
  // professionally; another partnership's follow-up does not exist for them (404). The schedules
  // per partnership: its professionals read them, the secretariat reads and sets any.
  { name: 'list follow-ups', method: 'GET', url: () => '/api/follow-ups', expect: CASEWORK(200) },
  {
    name: 'list all follow-ups of the people one works with',
    method: 'GET',
    url: () => '/api/follow-ups?scope=all&due=true',
    expect: CASEWORK(200),
  },
  {
    name: 'read an own follow-up',
    method: 'GET',
    url: () => `/api/follow-ups/${followUpIds.own}`,
    expect: CASEWORK(200),
  },
  {
    name: 'read a follow-up of another partnership',
    method: 'GET',
    url: () => `/api/follow-ups/${followUpIds.other}`,
    expect: CASEWORK(404),
  },
  // The URL is asked once per role: each role records a check-in of its own.
  {
    name: 'record a check-in on an own follow-up',
    method: 'POST',
    url: () => `/api/follow-ups/${followUpIds.checkable.shift()}/check-in`,
    body: () => ({ contactedWith: 'resident', status: 'going_well' }),
    expect: CASEWORK(200),
  },
  {
    name: 'record a check-in on a follow-up of another partnership',
    method: 'POST',
    url: () => `/api/follow-ups/${followUpIds.other}/check-in`,
    body: () => ({ contactedWith: 'resident', status: 'going_well' }),
    expect: CASEWORK(404),
  },
  {
    name: 'move an own follow-up',
    method: 'POST',
    url: () => `/api/follow-ups/${followUpIds.own}/reschedule`,
    body: () => ({ dueDate: '2026-12-08' }),
    expect: CASEWORK(200),
  },
  {
    name: 'move a follow-up of another partnership',
    method: 'POST',
    url: () => `/api/follow-ups/${followUpIds.other}/reschedule`,
    body: () => ({ dueDate: '2026-12-08' }),
    expect: CASEWORK(404),
  },
  {
    name: 'add a check-in to an own placement',
    method: 'POST',
    url: () => '/api/follow-ups',
    body: () => ({ placementId: followUpIds.ownPlacement, dueDate: '2026-12-15' }),
    expect: CASEWORK(201),
  },
  {
    name: 'add a check-in to a placement of another partnership',
    method: 'POST',
    url: () => '/api/follow-ups',
    body: () => ({ placementId: followUpIds.otherPlacement, dueDate: '2026-12-15' }),
    expect: CASEWORK(404),
  },
  {
    name: 'read the follow-up schedules of own partnership',
    method: 'GET',
    url: (o) => `/api/follow-ups/settings/${o.partnership.id}`,
    expect: { ...ALL(403), admin: 200, social_worker: 200, job_consultant: 200 },
  },
  {
    name: 'read the follow-up schedules of another partnership',
    method: 'GET',
    url: (_o, x) => `/api/follow-ups/settings/${x.partnership.id}`,
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'set the follow-up schedules of own partnership',
    method: 'PUT',
    url: (o) => `/api/follow-ups/settings/${o.partnership.id}`,
    body: () => ({ schedules: {} }),
    expect: ONLY_ADMIN(200),
  },
  // Placements (issue 6 item 2): the professionals for the people they see, a company contact for
  // its own company's placements (the company view); outside that, 404. Only the company flags;
  // only the professionals record a hire or end one. The secretariat, housing staff and steering
  // do no casework. Retention: the partnership's professionals and steering group, the
  // secretariat for any partnership.
  {
    name: 'list placements',
    method: 'GET',
    url: () => '/api/placements',
    expect: { ...CASEWORK(200), company_contact: 200 },
  },
  {
    name: 'read an own placement',
    method: 'GET',
    url: () => `/api/placements/${placing.own}`,
    expect: { ...CASEWORK(200), company_contact: 200 },
  },
  {
    name: 'read a placement of another partnership',
    method: 'GET',
    url: () => `/api/placements/${placing.other}`,
    expect: { ...CASEWORK(404), company_contact: 404 },
  },
  // The body is asked once per role: each role records the hire of a person of its own.
  {
    name: 'record a hire of an own resident on an own opening',
    method: 'POST',
    url: () => '/api/placements',
    body: () => placing.hireBody(placing.hirable.shift()!, placing.opening),
    expect: CASEWORK(201),
  },
  {
    name: 'record a hire on an opening of another partnership',
    method: 'POST',
    url: () => '/api/placements',
    body: () => placing.hireBody(placing.spare, placing.otherOpening),
    expect: CASEWORK(404),
  },
  {
    name: 'end an own placement',
    method: 'POST',
    url: () => `/api/placements/${placing.endable.shift()}/end`,
    body: () => ({ status: 'completed', endDate: '2026-11-20' }),
    expect: CASEWORK(200),
  },
  {
    name: 'end a placement of another partnership',
    method: 'POST',
    url: () => `/api/placements/${placing.other}/end`,
    body: () => ({ status: 'completed', endDate: '2026-11-20' }),
    expect: { ...CASEWORK(404), company_contact: 404 },
  },
  {
    name: 'flag an own placement',
    method: 'POST',
    url: () => `/api/placements/${placing.own}/flag`,
    body: () => ({ text: 'Noget går skævt' }),
    expect: COMPANY_PORTAL(200),
  },
  {
    name: 'flag a placement of another partnership',
    method: 'POST',
    url: () => `/api/placements/${placing.other}/flag`,
    body: () => ({ text: 'Noget går skævt' }),
    expect: { ...CASEWORK(404), company_contact: 404 },
  },
  {
    name: 'read the retention figures of own partnership',
    method: 'GET',
    url: (o) => `/api/placements/retention?partnershipId=${o.partnership.id}`,
    expect: { ...ALL(200), housing_staff: 403, company_contact: 403 },
  },
  {
    name: 'read the retention figures of another partnership',
    method: 'GET',
    url: (_o, x) => `/api/placements/retention?partnershipId=${x.partnership.id}`,
    expect: ONLY_ADMIN(200),
  },
  // The steering dashboard (issue 7 item 4): aggregates of a partnership, never a person. Its
  // steering group, housing staff and professionals for their own; the secretariat for any.
  {
    name: 'read the dashboard of own partnership',
    method: 'GET',
    url: (o) => `/api/dashboard?partnershipId=${o.partnership.id}`,
    expect: STAFF_READ,
  },
  {
    name: 'read the dashboard of the own partnerships without naming one',
    method: 'GET',
    url: () => '/api/dashboard?from=2026-01-01&to=2026-06-30',
    expect: STAFF_READ,
  },
  {
    name: 'read the dashboard of another partnership',
    method: 'GET',
    url: (_o, x) => `/api/dashboard?partnershipId=${x.partnership.id}`,
    expect: ONLY_ADMIN(200),
  },
  // Partnership reports (issue 7 item 5): asked for by whoever sees the partnership's figures; a
  // run and its file are the requester's own (the secretariat may follow a run's progress only).
  {
    name: 'ask for a report of own partnership',
    method: 'POST',
    url: () => '/api/reports',
    body: (o) => ({ partnershipId: o.partnership.id, from: '2026-01-01', to: '2026-06-30', format: 'xlsx' }),
    expect: { ...ALL(201), company_contact: 403 },
  },
  {
    name: 'ask for a report of another partnership',
    method: 'POST',
    url: () => '/api/reports',
    body: (_o, x) => ({
      partnershipId: x.partnership.id,
      from: '2026-01-01',
      to: '2026-06-30',
      format: 'pdf',
    }),
    expect: ONLY_ADMIN(201),
  },
  { name: 'list own report runs', method: 'GET', url: () => '/api/reports', expect: STAFF_READ },
  {
    name: 'list the partnerships to report on',
    method: 'GET',
    url: () => '/api/reports/partnerships',
    expect: STAFF_READ,
  },
  {
    name: "follow the own steering member's report run",
    method: 'GET',
    url: () => `/api/reports/${reportIds.own}`,
    expect: { ...ALL(404), company_contact: 403, steering: 200, admin: 200 },
  },
  {
    name: 'follow a report run of another partnership',
    method: 'GET',
    url: () => `/api/reports/${reportIds.other}`,
    expect: { ...ALL(404), company_contact: 403, admin: 200 },
  },
  {
    name: "download the own steering member's report",
    method: 'GET',
    url: () => `/api/reports/${reportIds.own}/file`,
    expect: { ...ALL(404), company_contact: 403, steering: 200 },
  },
  {
    name: 'download a report of another partnership',
    method: 'GET',
    url: () => `/api/reports/${reportIds.other}/file`,
    expect: { ...ALL(404), company_contact: 403 },
  },
  // Escalations (issue 6 item 3): the two professional roles, on the people they see.
  { name: 'list escalations', method: 'GET', url: () => '/api/escalations', expect: CASEWORK(200) },
  {
    name: 'resolve an own escalation',
    method: 'POST',
    url: () => `/api/escalations/${placing.resolvable.shift()}/resolve`,
    body: () => ({ resolution: 'Talt med begge parter' }),
    expect: CASEWORK(200),
  },
  {
    name: 'resolve an escalation of another partnership',
    method: 'POST',
    url: () => `/api/escalations/${placing.otherEscalation}/resolve`,
    body: () => ({ resolution: 'Talt med begge parter' }),
    expect: CASEWORK(404),
  },
  // The pseudonymised evaluation export and its keys (issue 7 item 6): the secretariat alone, for
  // any partnership; the steering group, the professionals, housing staff and companies never.
  {
    name: 'list evaluation export keys',
    method: 'GET',
    url: () => '/api/exports/evaluation/keys',
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'create an evaluation export key',
    method: 'POST',
    url: () => '/api/exports/evaluation/keys',
    body: () => ({ label: 'Evaluator (matrix)' }),
    expect: ONLY_ADMIN(201),
  },
  {
    name: 'revoke an evaluation export key',
    method: 'POST',
    url: () => `/api/exports/evaluation/keys/${evaluationKeys.revocable}/revoke`,
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'export the evaluation file of own partnership',
    method: 'GET',
    url: (o) =>
      `/api/exports/evaluation?keyId=${evaluationKeys.active}&partnershipId=${o.partnership.id}&from=2026-01-01&to=2026-06-30`,
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'export the evaluation file of another partnership',
    method: 'GET',
    url: (_o, x) =>
      `/api/exports/evaluation?keyId=${evaluationKeys.active}&partnershipId=${x.partnership.id}&from=2026-01-01&to=2026-06-30`,
    expect: ONLY_ADMIN(200),
  },
  // Area indicators and classification (issue 7): aggregates, no person. All staff read (steering
  // too); the secretariat and the area's own organisation and social plan write.
  { name: 'list indicator values', method: 'GET', url: () => '/api/indicators', expect: STAFF_READ },
  {
    name: 'read an own area indicator series',
    method: 'GET',
    url: () => `/api/indicators/series?areaId=${figures.ownArea}`,
    expect: STAFF_READ,
  },
  {
    name: 'read an indicator series of another partnership',
    method: 'GET',
    url: () => `/api/indicators/series?areaId=${figures.otherArea}`,
    expect: STAFF_READ,
  },
  {
    name: 'list indicator definitions',
    method: 'GET',
    url: () => '/api/indicators/definitions',
    expect: STAFF_READ,
  },
  {
    name: 'define an own indicator of the own partnership',
    method: 'POST',
    url: () => '/api/indicators/definitions',
    body: (o) => ({
      partnershipId: o.partnership.id,
      key: `egen_${++figures.keys}`,
      nameDa: 'Egen',
      unit: 'count',
    }),
    expect: AREA_WRITERS(200),
  },
  {
    name: 'define an own indicator of another partnership',
    method: 'POST',
    url: () => '/api/indicators/definitions',
    body: (_o, x) => ({
      partnershipId: x.partnership.id,
      key: `egen_${++figures.keys}`,
      nameDa: 'Egen',
      unit: 'count',
    }),
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'store an indicator value of an own area',
    method: 'PUT',
    url: () => '/api/indicators',
    body: () => indicatorBody(figures.ownArea),
    expect: AREA_WRITERS(200),
  },
  {
    name: 'store an indicator value of an area of another partnership',
    method: 'PUT',
    url: () => '/api/indicators',
    body: () => indicatorBody(figures.otherArea),
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'delete an indicator value of an own area',
    method: 'DELETE',
    url: () => `/api/indicators/${figures.ownValues.shift()}`,
    expect: AREA_WRITERS(200),
  },
  {
    name: 'delete an indicator value of an area of another partnership',
    method: 'DELETE',
    url: () => `/api/indicators/${figures.otherValues.shift()}`,
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'check an indicator import file',
    method: 'POST',
    url: () => '/api/indicators/import',
    body: () => ({
      fileName: 'indikatorer.csv',
      contentBase64: Buffer.from(
        `Område;Indikator;År;Værdi;Kilde\r\n${figures.ownAreaName};employment_share_18_64;2019;48,07;LBF\r\n`,
      ).toString('base64'),
      dryRun: true,
    }),
    expect: AREA_WRITERS(200),
  },
  {
    name: 'read an own area classification',
    method: 'GET',
    url: () => `/api/areas/${figures.ownArea}/classification?year=2019`,
    expect: STAFF_READ,
  },
  {
    name: 'read an area classification of another partnership',
    method: 'GET',
    url: () => `/api/areas/${figures.otherArea}/classification?year=2019`,
    expect: STAFF_READ,
  },
  {
    name: 'store classification inputs of an own area',
    method: 'PUT',
    url: () => `/api/areas/${figures.ownArea}/classification`,
    body: () => CLASSIFICATION_BODY,
    expect: AREA_WRITERS(200),
  },
  {
    name: 'store classification inputs of an area of another partnership',
    method: 'PUT',
    url: () => `/api/areas/${figures.otherArea}/classification`,
    body: () => CLASSIFICATION_BODY,
    expect: ONLY_ADMIN(200),
  },
  // Steering groups, goals and milestones (issue 7 items 1 and 7): about the programme, never a
  // person. All staff read them; the partnership's steering group and the secretariat write its
  // own; setting a group up and its membership, and the programme's milestones: the secretariat.
  { name: 'list steering groups', method: 'GET', url: () => '/api/steering-groups', expect: STAFF_READ },
  {
    name: 'read an own steering group',
    method: 'GET',
    url: () => `/api/steering-groups/${steering.ownGroup}`,
    expect: STAFF_READ,
  },
  {
    name: "read another partnership's steering group",
    method: 'GET',
    url: () => `/api/steering-groups/${steering.otherGroup}`,
    expect: STAFF_READ,
  },
  {
    name: 'set up a steering group',
    method: 'POST',
    url: () => '/api/steering-groups',
    body: (o) => ({ partnershipId: o.partnership.id, name: 'Ny styregruppe' }),
    // 409 for admin: the partnership already has its group (one per partnership).
    expect: ONLY_ADMIN(409),
  },
  {
    name: 'update an own steering group',
    method: 'PUT',
    url: () => `/api/steering-groups/${steering.ownGroup}`,
    body: () => ({ name: 'Styregruppen', mandate: 'Sætter mål og rammer for jobskabelsen.' }),
    expect: STEERING_WRITERS(200),
  },
  {
    name: "update another partnership's steering group",
    method: 'PUT',
    url: () => `/api/steering-groups/${steering.otherGroup}`,
    body: () => ({ name: 'Styregruppen', mandate: null }),
    expect: ONLY_ADMIN(200),
  },
  {
    name: "set an own steering group's members",
    method: 'PUT',
    url: () => `/api/steering-groups/${steering.ownGroup}/members`,
    body: (o) => ({ members: [{ userId: o.users.steering.id, title: 'Formand' }] }),
    expect: ONLY_ADMIN(200),
  },
  { name: 'list goals', method: 'GET', url: () => '/api/goals', expect: STAFF_READ },
  {
    name: "read another partnership's goal",
    method: 'GET',
    url: () => `/api/goals/${steering.otherGoal}`,
    expect: STAFF_READ,
  },
  {
    name: 'create a goal of the own steering group',
    method: 'POST',
    url: () => '/api/goals',
    body: () => goalBody(steering.ownGroup),
    expect: STEERING_WRITERS(201),
  },
  {
    name: "create a goal of another partnership's steering group",
    method: 'POST',
    url: () => '/api/goals',
    body: () => goalBody(steering.otherGroup),
    expect: ONLY_ADMIN(201),
  },
  {
    name: 'update an own goal',
    method: 'PUT',
    url: () => `/api/goals/${steering.ownGoal}`,
    body: () => goalUpdateBody,
    expect: STEERING_WRITERS(200),
  },
  {
    name: "update another partnership's goal",
    method: 'PUT',
    url: () => `/api/goals/${steering.otherGoal}`,
    body: () => goalUpdateBody,
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'delete an own goal',
    method: 'DELETE',
    url: () => `/api/goals/${steering.ownGoals.shift()}`,
    expect: STEERING_WRITERS(200),
  },
  {
    name: "delete another partnership's goal",
    method: 'DELETE',
    url: () => `/api/goals/${steering.otherGoals.shift()}`,
    expect: ONLY_ADMIN(200),
  },
  { name: 'list milestones', method: 'GET', url: () => '/api/milestones', expect: STAFF_READ },
  {
    name: "list an own partnership's milestones with the programme's",
    method: 'GET',
    url: (o) => `/api/milestones?partnershipId=${o.partnership.id}`,
    expect: STAFF_READ,
  },
  {
    name: "create a programme's milestone",
    method: 'POST',
    url: () => '/api/milestones',
    body: () => ({ title: 'Ansøgning sendt', dueDate: '2026-06-30' }),
    expect: ONLY_ADMIN(201),
  },
  {
    name: 'create a milestone of the own partnership',
    method: 'POST',
    url: () => '/api/milestones',
    body: (o) => ({ partnershipId: o.partnership.id, title: 'Mål sat', dueDate: '2026-06-01' }),
    expect: STEERING_WRITERS(201),
  },
  {
    name: 'create a milestone of another partnership',
    method: 'POST',
    url: () => '/api/milestones',
    body: (_o, x) => ({ partnershipId: x.partnership.id, title: 'Mål sat', dueDate: '2026-06-01' }),
    expect: ONLY_ADMIN(201),
  },
  {
    name: "update a programme's milestone",
    method: 'PUT',
    url: () => `/api/milestones/${steering.programmeMilestone}`,
    body: () => ({ title: 'Workshop afholdt', dueDate: '2020-05-15', status: 'done' }),
    expect: ONLY_ADMIN(200),
  },
  {
    name: 'update a milestone of the own partnership',
    method: 'PUT',
    url: () => `/api/milestones/${steering.ownMilestone}`,
    body: () => ({ title: 'Mål sat', dueDate: '2026-06-01', status: 'in_progress' }),
    expect: STEERING_WRITERS(200),
  },
  {
    name: 'delete a milestone of the own partnership',
    method: 'DELETE',
    url: () => `/api/milestones/${steering.ownMilestones.shift()}`,
    expect: STEERING_WRITERS(200),
  },
  {
    name: "delete a programme's milestone",
    method: 'DELETE',
    url: () => `/api/milestones/${steering.programmeMilestones.shift()}`,
    expect: ONLY_ADMIN(200),
  },
];

/** Areas of their own for the indicator rows (the worlds' areas are moved and deleted above). */
const figures = {
  ownArea: '',
  ownAreaName: '',
  otherArea: '',
  /** Indicator values to delete, one per role. */
  ownValues: [] as string[],
  otherValues: [] as string[],
  /** A new key for each own indicator defined. */
  keys: 0,
};
const indicatorBody = (areaId: string) => ({
  areaId,
  indicator: 'employment_share_18_64',
  year: 2019,
  value: 48.07,
  municipalAverage: 76.91,
  source: 'LBF',
});
const CLASSIFICATION_BODY = {
  year: 2019,
  residents: 1000,
  yearsOnList: 0,
  values: {
    no_work_or_education_share_18_64: 47.8,
    primary_school_only_share_30_59: 78.4,
    gross_income_pct_of_region_15_64: null,
    convicted_multiple_of_national_18_plus: null,
    non_western_immigrants_share: null,
  },
};

const LIST_UPLOAD = multipartFile('liste.csv', Buffer.from('ID;Fornavn\r\nJC-1;Anna\r\n'));
/** A jobcenter list import per world, uploaded and not yet checked. */
const imports = { own: '', other: '' };

/** The person a role tries to erase: each role its own, the body types their full name. */
const erasing = { id: '', name: '' };
function nextErasable(list: { id: string; name: string }[]): string {
  Object.assign(erasing, list.length > 1 ? list.shift() : list[0]);
  return erasing.id;
}

const CV_UPLOAD = multipartFile('cv.pdf', tinyPdf());

let t: TTestApp;
let own: TWorld;
let other: TWorld;
const agreementIds = { own: '', other: '', ownDeletable: [] as string[], otherDeletable: [] as string[] };
const sessions = new Map<TRole, TestSession>();
/**
 * A resident per world with an active consent (a) and a CV; consents (c) to withdraw, one per
 * role; own residents with (a) and a CV to delete, one per role.
 */
const people = {
  own: '',
  other: '',
  withdrawable: [] as string[],
  cvDeletable: [] as string[],
  /** Own people with (a) to erase, one per role; one of another partnership (only admins get there). */
  erasable: [] as { id: string; name: string }[],
  otherErasable: [] as { id: string; name: string }[],
};
/** An assignment per world with a dialogue, and a clause; an opening and a placement count on them. */
const work = {
  own: { assignment: '', dialogue: '', clause: '', opening: '' },
  other: { assignment: '', dialogue: '', clause: '', opening: '' },
};
const assignmentBody = (w: TWorld) => ({
  companyId: w.company.id,
  housingOrganisationId: w.organisation.id,
  kind: 'maintenance',
  title: 'Matrixopgave',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
});

beforeAll(async () => {
  t = await createTestApp();
  own = await buildPartnershipWorld(t.deps.db);
  other = await buildPartnershipWorld(t.deps.db);
  for (const [w, key] of [
    [own, 'own'],
    [other, 'other'],
  ] as const) {
    const area = await buildHousingArea(t.deps.db, {
      housingOrganisationId: w.organisation.id,
      municipalityId: w.municipality.id,
      socialHousingPlanId: w.plan.id,
    });
    if (key === 'own') {
      figures.ownArea = area.id;
      figures.ownAreaName = area.name;
    } else figures.otherArea = area.id;
    for (let year = 2001; year <= 2006; year++) {
      const [v] = await t.deps.db
        .insert(indicatorValues)
        .values({ housingAreaId: area.id, indicator: 'residents', year, value: 1000, source: 'Matrix' })
        .returning({ id: indicatorValues.id });
      (key === 'own' ? figures.ownValues : figures.otherValues).push(v!.id);
    }
  }
  const agreementOf = async (w: TWorld) =>
    (
      await buildAgreement(t.deps.db, {
        companyId: w.company.id,
        housingOrganisationIds: [w.organisation.id],
      })
    ).id;
  agreementIds.own = await agreementOf(own);
  agreementIds.other = await agreementOf(other);
  for (let i = 0; i < 6; i++) {
    agreementIds.ownDeletable.push(await agreementOf(own));
    agreementIds.otherDeletable.push(await agreementOf(other));
  }
  for (const [w, ids] of [
    [own, work.own],
    [other, work.other],
  ] as const) {
    const scope = { partnershipId: w.partnership.id, companyId: w.company.id };
    const assignment = await buildAssignment(t.deps.db, {
      ...scope,
      housingOrganisationId: w.organisation.id,
    });
    const clause = await buildSocialClause(t.deps.db, { assignmentId: assignment.id });
    ids.assignment = assignment.id;
    ids.dialogue = (await buildJobDialogue(t.deps.db, { assignmentId: assignment.id })).id;
    ids.clause = clause.id;
    ids.opening = (await buildOpening(t.deps.db, { ...scope, assignmentId: assignment.id })).id;
    await buildPlacement(t.deps.db, { companyId: w.company.id, socialClauseId: clause.id });
  }
  for (const [w, key] of [
    [own, 'own'],
    [other, 'other'],
  ] as const) {
    const resident = await buildResident(t.deps.db, {
      municipalityId: w.municipality.id,
      // The other world's area is deleted by a case below: its resident lives outside the areas.
      housingAreaId: key === 'own' ? w.area.id : null,
      registeredByPlanId: w.plan.id,
    });
    people[key] = resident.id;
    await buildConsent(t.deps.db, { residentId: resident.id, scope: 'sharing' });
    await buildCv(resident.id);
  }
  for (let i = 0; i < 6; i++) {
    const resident = await buildResident(t.deps.db, {
      municipalityId: own.municipality.id,
      housingAreaId: own.area.id,
      registeredByPlanId: own.plan.id,
    });
    await buildConsent(t.deps.db, { residentId: resident.id, scope: 'sharing' });
    await buildCv(resident.id);
    people.cvDeletable.push(resident.id);
  }
  for (const [w, list, n] of [
    [own, people.erasable, 6],
    [other, people.otherErasable, 1],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const r = await buildResident(t.deps.db, {
        municipalityId: w.municipality.id,
        housingAreaId: w === own ? w.area.id : null,
        registeredByPlanId: w.plan.id,
      });
      await buildConsent(t.deps.db, { residentId: r.id, scope: 'sharing' });
      list.push({ id: r.id, name: `${r.firstName} ${r.lastName}` });
    }
  }
  for (let i = 0; i < 6; i++) {
    const c = await buildConsent(t.deps.db, { residentId: people.own, scope: 'evaluation' });
    people.withdrawable.push(c.id);
  }
  for (const [role, user] of Object.entries(own.users) as [TRole, { email: string }][]) {
    const s = new TestSession(t.app);
    expect((await s.login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
    sessions.set(role, s);
  }
});
afterAll(async () => t.close());
beforeAll(async () => {
  for (const [w, key] of [
    [own, 'own'],
    [other, 'other'],
  ] as const) {
    const now = new Date();
    const [row] = await t.deps.db
      .insert(residentImports)
      .values({
        jobcenterId: w.jobcenter.id,
        createdAt: now,
        updatedAt: now,
        fileName: 'liste.csv',
        fileKind: 'csv',
        fileSha256: '0'.repeat(64),
        fileContent: Buffer.from('ID;Fornavn\r\nJC-1;Anna\r\n'),
        columns: ['ID', 'Fornavn'],
        status: 'uploaded',
        totalRows: 1,
      })
      .returning({ id: residentImports.id });
    imports[key] = row!.id;
  }
});

/** Evaluation export keys (issue 7 item 6): one to export with, one for the admin to revoke. */
const evaluationKeys = { active: '', revocable: '' };
beforeAll(async () => {
  for (const which of ['active', 'revocable'] as const) {
    const [row] = await t.deps.db
      .insert(evaluationExportKeys)
      .values({ label: `Matrix ${which}`, secret: Buffer.alloc(32, 7), createdAt: new Date() })
      .returning({ id: evaluationExportKeys.id });
    evaluationKeys[which] = row!.id;
  }
});

/** Proposals and plans per world (issue 5): people to propose, proposals to read and withdraw. */
const matching = {
  opening: '',
  otherOpening: '',
  proposable: [] as string[],
  spare: '',
  ownProposal: '',
  otherProposal: '',
  withdrawable: [] as string[],
  ownAllocation: '',
  otherAllocation: '',
};
beforeAll(async () => {
  const db = t.deps.db;
  const person = async (w: TWorld) => {
    const r = await buildResident(db, {
      municipalityId: w.municipality.id,
      // The other world's area is deleted by a case above: its people live outside the areas.
      housingAreaId: w === own ? w.area.id : null,
      // Registered by the plan (an area may move plan in a case above); (a) lets the jobcenter see them.
      registeredByPlanId: w.plan.id,
      occupationIds: ['toemrer'],
    });
    await buildConsent(db, { residentId: r.id, scope: 'sharing' });
    await buildConsent(db, { residentId: r.id, scope: 'matching' });
    return r.id;
  };
  const openingOf = async (w: TWorld) =>
    (
      await buildOpening(db, {
        partnershipId: w.partnership.id,
        companyId: w.company.id,
        type: 'full_time',
        minAge: 18,
        startDate: '2027-01-04',
        status: 'referred',
      })
    ).id;
  /** A proposal stored directly (the service is tested in proposals.test.ts). */
  const proposal = async (w: TWorld, openingId: string, residentId: string) => {
    const now = new Date();
    const [row] = await db
      .insert(proposals)
      .values({
        partnershipId: w.partnership.id,
        openingId,
        residentId,
        companyId: w.company.id,
        occupationId: 'toemrer',
        score: 0.5,
        scoreSnapshot: { score: 0.5, components: [], reasons: [] },
        proposedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: proposals.id });
    return row!.id;
  };
  const allocation = async (w: TWorld) => {
    const [row] = await db
      .insert(allocations)
      .values({
        partnershipId: w.partnership.id,
        settings: DEFAULT_MATCH_SETTINGS,
        openingCount: 0,
        candidateCount: 0,
        totalScore: 0,
        createdAt: new Date(),
      })
      .returning({ id: allocations.id });
    return row!.id;
  };
  matching.opening = await openingOf(own);
  matching.otherOpening = await openingOf(other);
  for (let i = 0; i < 6; i++) matching.proposable.push(await person(own));
  matching.spare = await person(own);
  matching.ownProposal = await proposal(own, await openingOf(own), await person(own));
  matching.otherProposal = await proposal(other, matching.otherOpening, await person(other));
  for (let i = 0; i < 6; i++) {
    matching.withdrawable.push(await proposal(own, await openingOf(own), await person(own)));
  }
  matching.ownAllocation = await allocation(own);
  matching.otherAllocation = await allocation(other);
});

/** Proposals sent to each world's company (issue 6): one per company move, in the status it starts from. */
const portal = {
  own: { read: '', invite: '', outcome: '', decline: '', hire: '' },
  other: { read: '', invite: '', outcome: '', decline: '', hire: '' },
};
beforeAll(async () => {
  const db = t.deps.db;
  for (const [w, ids] of [
    [own, portal.own],
    [other, portal.other],
  ] as const) {
    const opening = await buildOpening(db, {
      partnershipId: w.partnership.id,
      companyId: w.company.id,
      type: 'full_time',
      minAge: 18,
      startDate: '2027-01-04',
      positions: 5,
      status: 'proposals',
    });
    const sent = async (status: 'sent_to_company' | 'interview') => {
      const r = await buildResident(db, {
        municipalityId: w.municipality.id,
        housingAreaId: w === own ? w.area.id : null,
        registeredByPlanId: w.plan.id,
        occupationIds: ['toemrer'],
      });
      await buildConsent(db, { residentId: r.id, scope: 'matching' });
      const now = t.clock.now();
      const [row] = await db
        .insert(proposals)
        .values({
          partnershipId: w.partnership.id,
          openingId: opening.id,
          residentId: r.id,
          companyId: w.company.id,
          occupationId: 'toemrer',
          status,
          score: 0.5,
          scoreSnapshot: { score: 0.5, components: [], reasons: [] },
          proposedAt: now,
          sentToCompanyAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: proposals.id });
      return row!.id;
    };
    ids.read = await sent('sent_to_company');
    ids.invite = await sent('sent_to_company');
    ids.outcome = await sent('interview');
    ids.decline = await sent('sent_to_company');
    ids.hire = await sent('interview');
  }
});

/** A placement per world with a person its professionals see, and planned check-ins on it. */
const followUpIds = {
  own: '',
  other: '',
  checkable: [] as string[],
  ownPlacement: '',
  otherPlacement: '',
};
beforeAll(async () => {
  const db = t.deps.db;
  for (const w of [own, other]) {
    const r = await buildResident(db, {
      municipalityId: w.municipality.id,
      // The other world's area is deleted by a case above: its people live outside the areas.
      housingAreaId: w === own ? w.area.id : null,
      registeredByPlanId: w.plan.id,
    });
    await buildConsent(db, { residentId: r.id, scope: 'sharing' });
    const placement = await buildPlacement(db, {
      companyId: w.company.id,
      partnershipId: w.partnership.id,
      residentId: r.id,
      followUpOwnerId: w.users.job_consultant.id,
      startDate: '2026-11-17',
    });
    const planned = () =>
      buildFollowUp(db, {
        placementId: placement.id,
        assignedTo: w.users.job_consultant.id,
        dueDate: '2026-11-24',
      });
    if (w === own) {
      followUpIds.ownPlacement = placement.id;
      followUpIds.own = (await planned()).id;
      for (let i = 0; i < 6; i++) followUpIds.checkable.push((await planned()).id);
    } else {
      followUpIds.otherPlacement = placement.id;
      followUpIds.other = (await planned()).id;
    }
  }
});

/**
 * Placements per world (issue 6): one to read and flag, one per role to end, people to hire on an
 * opening with room, and escalations to resolve. Own people live in the own area, registered by
 * its plan, with consent (a): both professional roles see them.
 */
const placing = {
  own: '',
  other: '',
  endable: [] as string[],
  opening: '',
  otherOpening: '',
  hirable: [] as string[],
  spare: '',
  resolvable: [] as string[],
  otherEscalation: '',
  hireBody: (residentId: string, openingId: string) => ({
    residentId,
    openingId,
    startDate: '2026-11-24',
    hoursPerWeek: 37,
    type: 'full_time',
  }),
};
beforeAll(async () => {
  const db = t.deps.db;
  const person = async (w: TWorld) => {
    const r = await buildResident(db, {
      municipalityId: w.municipality.id,
      // The other world's area is deleted by a case above: its people live outside the areas.
      housingAreaId: w === own ? w.area.id : null,
      registeredByPlanId: w.plan.id,
    });
    await buildConsent(db, { residentId: r.id, scope: 'sharing' });
    return r.id;
  };
  const placementOf = async (w: TWorld) =>
    (
      await buildPlacement(db, {
        companyId: w.company.id,
        partnershipId: w.partnership.id,
        residentId: await person(w),
        startDate: '2026-10-01',
      })
    ).id;
  const escalationOn = async (placementId: string) => {
    const [row] = await db
      .insert(escalations)
      .values({ placementId, source: 'check_in', reason: 'I risiko', openedAt: t.clock.now() })
      .returning({ id: escalations.id });
    return row!.id;
  };
  const openingOf = async (w: TWorld) =>
    (
      await buildOpening(db, {
        partnershipId: w.partnership.id,
        companyId: w.company.id,
        type: 'full_time',
        minAge: 18,
        positions: 10,
        status: 'referred',
      })
    ).id;
  placing.own = await placementOf(own);
  placing.other = await placementOf(other);
  for (let i = 0; i < 6; i++) placing.endable.push(await placementOf(own));
  placing.opening = await openingOf(own);
  placing.otherOpening = await openingOf(other);
  for (let i = 0; i < 6; i++) placing.hirable.push(await person(own));
  placing.spare = await person(own);
  const withEscalations = await placementOf(own);
  for (let i = 0; i < 6; i++) placing.resolvable.push(await escalationOn(withEscalations));
  placing.otherEscalation = await escalationOn(placing.other);
});

/** A steering group per world with goals and milestones to read, change and delete (one per role). */
const steering = {
  ownGroup: '',
  otherGroup: '',
  ownGoal: '',
  otherGoal: '',
  ownGoals: [] as string[],
  otherGoals: [] as string[],
  programmeMilestone: '',
  ownMilestone: '',
  programmeMilestones: [] as string[],
  ownMilestones: [] as string[],
};
const goalBody = (steeringGroupId: string) => ({
  steeringGroupId,
  title: 'Ansættelser',
  kpi: 'hires',
  target: 12,
  periodFrom: '2026-01-01',
  periodTo: '2026-12-31',
  ownerName: 'Styregruppen',
});
const { steeringGroupId: _group, ...goalUpdateBody } = goalBody('');
beforeAll(async () => {
  const now = new Date();
  for (const [w, key] of [
    [own, 'own'],
    [other, 'other'],
  ] as const) {
    const [group] = await t.deps.db
      .insert(steeringGroups)
      .values({
        partnershipId: w.partnership.id,
        name: 'Styregruppen (matrix)',
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: steeringGroups.id });
    const goalRows = await t.deps.db
      .insert(goals)
      .values(
        // The first to read and change; six to delete, as each role's request takes the next one.
        [0, 1, 2, 3, 4, 5, 6].map((n) => ({
          steeringGroupId: group!.id,
          title: `Mål ${n}`,
          kpi: 'hires',
          target: 10,
          periodFrom: '2026-01-01',
          periodTo: '2026-12-31',
          ownerName: 'Styregruppen',
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: goals.id });
    const [first, ...rest] = goalRows.map((g) => g.id);
    if (key === 'own') {
      steering.ownGroup = group!.id;
      steering.ownGoal = first!;
      steering.ownGoals = rest;
    } else {
      steering.otherGroup = group!.id;
      steering.otherGoal = first!;
      steering.otherGoals = rest;
    }
  }
  const milestone = async (partnershipId: string | null) => {
    const [row] = await t.deps.db
      .insert(milestones)
      .values({
        partnershipId,
        title: 'Milepæl (matrix)',
        dueDate: '2026-06-01',
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: milestones.id });
    return row!.id;
  };
  steering.programmeMilestone = await milestone(null);
  steering.ownMilestone = await milestone(own.partnership.id);
  for (let i = 0; i < 6; i++) {
    steering.programmeMilestones.push(await milestone(null));
    steering.ownMilestones.push(await milestone(own.partnership.id));
  }
});

/** A report run per world, asked for by its steering member; the own one built (issue 7 item 5). */
const reportIds = { own: '', other: '' };
beforeAll(async () => {
  for (const [w, key] of [
    [own, 'own'],
    [other, 'other'],
  ] as const) {
    reportIds[key] = await insertRun(t.deps.db, {
      partnershipId: w.partnership.id,
      periodFrom: '2026-01-01',
      periodTo: '2026-06-30',
      format: 'xlsx',
      suppressed: true,
      requestedBy: w.users.steering.id,
      now: t.clock.now(),
    });
  }
  await runReport(t.deps, reportIds.own);
});

async function buildCv(residentId: string) {
  const content = tinyPdf();
  await t.deps.db.insert(residentCvs).values({
    residentId,
    fileName: 'cv.pdf',
    mediaType: 'application/pdf',
    sizeBytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
    uploadedAt: new Date(),
  });
}

describe('authorization matrix', () => {
  const roles: TRole[] = [
    'housing_staff',
    'social_worker',
    'job_consultant',
    'company_contact',
    'steering',
    'admin',
  ];
  for (const c of CASES) {
    it(`${c.method} ${c.name}`, async () => {
      const got: Partial<TExpect> = {};
      for (const role of roles) {
        const res = await sessions.get(role)!.request({
          method: c.method,
          url: c.url(own, other),
          payload: c.body?.(own, other),
          headers: c.headers?.(),
        });
        got[role] = res.statusCode;
      }
      expect(got).toEqual(c.expect);
    });
  }

  it('writes a denied event to the audit log for each refusal', async () => {
    const denied = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'denied'), eq(auditEvents.userId, own.users.company_contact.id)));
    expect(denied.length).toBeGreaterThan(5);
    expect(denied.some((d) => d.entityType === 'user')).toBe(true);
    // A denial found inside a service's transaction survives the rollback.
    const outOfScope = await t.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'denied'),
          eq(auditEvents.userId, own.users.housing_staff.id),
          eq(auditEvents.entityId, other.area.id),
        ),
      );
    expect(outOfScope.length).toBeGreaterThan(0);
  });
});
