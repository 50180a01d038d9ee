import { randomUUID } from 'node:crypto';
import type { TRole } from '@domain/roles.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  agreementCommitments,
  agreementHousingOrganisations,
  agreements,
  assignments,
  companies,
  companyPartnerships,
  followUps,
  housingAreas,
  housingOrganisations,
  jobcenters,
  jobDialogues,
  municipalities,
  openings,
  partnerships,
  placements,
  residentConsents,
  residents,
  socialClauses,
  socialHousingPlans,
  users,
} from '@server/db/schema/index.ts';
import { insertMembership } from '@server/modules/users/users.repository.ts';
import { hashPassword } from '@server/platform/auth/passwords.ts';

// buildX(db, overrides) factories (STYLE.md 7): each inserts a valid row and returns it.

export const TEST_PASSWORD = 'Korrekt-Hest-Batteri-42';
let passwordHash: Promise<string> | undefined;
let seq = 0;
const next = () => ++seq;

export async function buildMunicipality(db: TDbOrTx, o: Partial<typeof municipalities.$inferInsert> = {}) {
  const n = next();
  // Codes are unique; tests in one database stay well under 900 municipalities.
  const code = String(100 + (n % 900)).padStart(3, '0');
  const [row] = await db
    .insert(municipalities)
    .values({ code, name: `Testkommune ${n}`, ...o })
    .returning();
  return row!;
}

export async function buildPartnership(db: TDbOrTx, o: Partial<typeof partnerships.$inferInsert> = {}) {
  const municipalityId = o.municipalityId ?? (await buildMunicipality(db)).id;
  const [row] = await db
    .insert(partnerships)
    .values({ name: `Partnerskab ${next()}`, ...o, municipalityId })
    .returning();
  return row!;
}

export async function buildHousingOrganisation(
  db: TDbOrTx,
  o: Partial<typeof housingOrganisations.$inferInsert> = {},
) {
  const partnershipId = o.partnershipId ?? (await buildPartnership(db)).id;
  const [row] = await db
    .insert(housingOrganisations)
    .values({ name: `Boligselskab ${next()}`, ...o, partnershipId })
    .returning();
  return row!;
}

export async function buildSocialHousingPlan(
  db: TDbOrTx,
  o: Partial<typeof socialHousingPlans.$inferInsert> = {},
) {
  const partnershipId = o.partnershipId ?? (await buildPartnership(db)).id;
  const [row] = await db
    .insert(socialHousingPlans)
    .values({
      name: `Helhedsplan ${next()}`,
      periodStart: '2022-01-01',
      periodEnd: '2025-12-31',
      ...o,
      partnershipId,
    })
    .returning();
  return row!;
}

export async function buildJobcenter(db: TDbOrTx, o: Partial<typeof jobcenters.$inferInsert> = {}) {
  const municipalityId = o.municipalityId ?? (await buildMunicipality(db)).id;
  const [row] = await db
    .insert(jobcenters)
    .values({ name: `Jobcenter ${next()}`, ...o, municipalityId })
    .returning();
  return row!;
}

export async function buildHousingArea(db: TDbOrTx, o: Partial<typeof housingAreas.$inferInsert> = {}) {
  const housingOrganisationId = o.housingOrganisationId ?? (await buildHousingOrganisation(db)).id;
  const municipalityId = o.municipalityId ?? (await buildMunicipality(db)).id;
  const [row] = await db
    .insert(housingAreas)
    .values({
      name: `Område ${next()}`,
      postalCode: '8800',
      residentsCount: 500,
      ...o,
      housingOrganisationId,
      municipalityId,
    })
    .returning();
  return row!;
}

/** A valid 8-digit CVR (modulus 11) that is new in this test run. */
export function nextCvr(): string {
  const weights = [2, 7, 6, 5, 4, 3, 2];
  for (;;) {
    const n = next();
    const base = String(1_000_000 + ((n * 7_919 + Math.floor(Math.random() * 1_000_000)) % 8_999_999));
    const sum = [...base].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
    const check = (11 - (sum % 11)) % 11;
    if (check < 10) return `${base}${check}`;
  }
}

/** A company, linked to the given partnerships (none by default). */
export async function buildCompany(
  db: TDbOrTx,
  o: Partial<typeof companies.$inferInsert> & { partnershipIds?: string[] } = {},
) {
  const { partnershipIds = [], ...values } = o;
  const [row] = await db
    .insert(companies)
    .values({ cvr: nextCvr(), name: `Virksomhed ${next()} ApS`, city: 'Viborg', ...values })
    .returning();
  if (partnershipIds.length > 0) {
    await db
      .insert(companyPartnerships)
      .values(partnershipIds.map((partnershipId) => ({ companyId: row!.id, partnershipId })));
  }
  return row!;
}

export async function buildUser(
  db: TDbOrTx,
  o: Partial<typeof users.$inferInsert> & { role?: TRole; scopeId?: string | null } = {},
) {
  const { role, scopeId, ...values } = o;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [row] = await db
    .insert(users)
    .values({
      email: `bruger${next()}-${randomUUID().slice(0, 6)}@jobbro.test`,
      name: `Bruger ${seq}`,
      passwordHash: await passwordHash,
      status: 'active',
      ...values,
    })
    .returning();
  if (role) await insertMembership(db, row!.id, { role, scopeId: scopeId ?? null });
  return row!;
}

/**
 * One partnership with everything in it, for scope tests: an organisation with an area in a
 * social housing plan, a jobcenter in the same municipality, a company working in the
 * partnership, and one user per role (the company contact belongs to that company).
 */
export async function buildPartnershipWorld(db: TDbOrTx) {
  const municipality = await buildMunicipality(db);
  const partnership = await buildPartnership(db, { municipalityId: municipality.id });
  const organisation = await buildHousingOrganisation(db, { partnershipId: partnership.id });
  const plan = await buildSocialHousingPlan(db, { partnershipId: partnership.id });
  const jobcenter = await buildJobcenter(db, { municipalityId: municipality.id });
  const area = await buildHousingArea(db, {
    housingOrganisationId: organisation.id,
    municipalityId: municipality.id,
    socialHousingPlanId: plan.id,
  });
  const company = await buildCompany(db, { partnershipIds: [partnership.id] });
  const usersByRole = {
    admin: await buildUser(db, { role: 'admin' }),
    housing_staff: await buildUser(db, { role: 'housing_staff', scopeId: organisation.id }),
    social_worker: await buildUser(db, { role: 'social_worker', scopeId: plan.id }),
    job_consultant: await buildUser(db, { role: 'job_consultant', scopeId: jobcenter.id }),
    company_contact: await buildUser(db, { role: 'company_contact', scopeId: company.id }),
    steering: await buildUser(db, { role: 'steering', scopeId: partnership.id }),
  } satisfies Record<TRole, unknown>;
  return { municipality, partnership, organisation, plan, jobcenter, area, company, users: usersByRole };
}

/** An assignment the world's organisation buys from the world's company (calendar year 2026). */
export async function buildAssignment(
  db: TDbOrTx,
  o: Partial<typeof assignments.$inferInsert> &
    Pick<typeof assignments.$inferInsert, 'partnershipId' | 'companyId' | 'housingOrganisationId'>,
) {
  const now = new Date();
  const [row] = await db
    .insert(assignments)
    .values({
      kind: 'renovation',
      title: `Opgave ${next()}`,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      createdAt: now,
      updatedAt: now,
      ...o,
    })
    .returning();
  return row!;
}

export async function buildSocialClause(
  db: TDbOrTx,
  o: Partial<typeof socialClauses.$inferInsert> & Pick<typeof socialClauses.$inferInsert, 'assignmentId'>,
) {
  const now = new Date();
  const [row] = await db
    .insert(socialClauses)
    .values({
      kind: 'apprentices',
      targetQuantity: 3,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      createdAt: now,
      updatedAt: now,
      ...o,
    })
    .returning();
  return row!;
}

/**
 * A placement stored directly (no follow-up plan: add check-ins with buildFollowUp, or hire
 * through recordHireInTx): an active full-time job from 01.03.2026, 37 hours; counts toward
 * clause fulfilment. Give `partnershipId` and `residentId` for scope and retention tests.
 */
export async function buildPlacement(
  db: TDbOrTx,
  o: Partial<typeof placements.$inferInsert> & Pick<typeof placements.$inferInsert, 'companyId'>,
) {
  const now = new Date();
  const [row] = await db
    .insert(placements)
    .values({
      startDate: '2026-03-01',
      type: 'full_time',
      status: 'active',
      hoursPerWeek: 37,
      wageSubsidy: 'none',
      hiredAt: now,
      createdAt: now,
      updatedAt: now,
      ...o,
    })
    .returning();
  return row!;
}

/** A planned check-in of a placement (a hire makes the real plan: placement-hire.ts). */
export async function buildFollowUp(
  db: TDbOrTx,
  o: Partial<typeof followUps.$inferInsert> & Pick<typeof followUps.$inferInsert, 'placementId'>,
) {
  const now = new Date();
  const [row] = await db
    .insert(followUps)
    .values({ key: 'week_1', dueDate: '2026-11-24', state: 'planned', createdAt: now, updatedAt: now, ...o })
    .returning();
  return row!;
}

/** An opening inserted directly (no referral); use the API to test the referral itself. */
export async function buildOpening(
  db: TDbOrTx,
  o: Partial<typeof openings.$inferInsert> &
    Pick<typeof openings.$inferInsert, 'partnershipId' | 'companyId'>,
) {
  const now = new Date();
  const [row] = await db
    .insert(openings)
    .values({
      type: 'apprentice',
      title: `Jobåbning ${next()}`,
      occupationId: 'toemrer',
      hoursPerWeek: 37,
      scheduleDay: true,
      scheduleEvening: false,
      scheduleWeekend: false,
      startDate: '2026-08-01',
      positions: 1,
      postalCode: '8800',
      city: 'Viborg',
      minAge: 16,
      createdAt: now,
      updatedAt: now,
      ...o,
    })
    .returning();
  return row!;
}

/** A signed partnership agreement (2026 onwards) with its organisations and commitments. */
export async function buildAgreement(
  db: TDbOrTx,
  o: Partial<typeof agreements.$inferInsert> &
    Pick<typeof agreements.$inferInsert, 'companyId'> & {
      housingOrganisationIds: string[];
      commitments?: Omit<typeof agreementCommitments.$inferInsert, 'agreementId'>[];
    },
) {
  const { housingOrganisationIds, commitments = [], ...values } = o;
  const now = new Date();
  const [row] = await db
    .insert(agreements)
    .values({
      title: `Aftale ${next()}`,
      periodStart: '2026-01-01',
      signedOn: '2025-12-15',
      createdAt: now,
      updatedAt: now,
      ...values,
    })
    .returning();
  await db.insert(agreementHousingOrganisations).values(
    housingOrganisationIds.map((housingOrganisationId) => ({
      agreementId: row!.id,
      housingOrganisationId,
    })),
  );
  if (commitments.length > 0)
    await db
      .insert(agreementCommitments)
      .values(commitments.map((c, position) => ({ position, ...c, agreementId: row!.id })));
  return row!;
}

/** A job dialogue about an assignment, open and due on 24.11.2026 unless told otherwise. */
export async function buildJobDialogue(
  db: TDbOrTx,
  o: Partial<typeof jobDialogues.$inferInsert> & Pick<typeof jobDialogues.$inferInsert, 'assignmentId'>,
) {
  const now = new Date();
  const [row] = await db
    .insert(jobDialogues)
    .values({ dueDate: '2026-11-24', createdAt: now, updatedAt: now, ...o })
    .returning();
  return row!;
}

/**
 * A resident registered by the housing side (give `registeredByPlanId`) or by a jobcenter (give
 * `registeredByJobcenterId`); `municipalityId` is required, born 1990, active.
 */
export async function buildResident(
  db: TDbOrTx,
  o: Partial<typeof residents.$inferInsert> & Pick<typeof residents.$inferInsert, 'municipalityId'>,
) {
  const now = new Date();
  const n = next();
  const [row] = await db
    .insert(residents)
    .values({
      registeredBySide: o.registeredByJobcenterId ? 'jobcenter' : 'housing',
      firstName: `Beboer${n}`,
      lastName: `Efternavn${n}`,
      birthDate: '1990-05-17',
      postalCode: '8800',
      lastActivityAt: now,
      createdAt: now,
      updatedAt: now,
      ...o,
    })
    .returning();
  return row!;
}

/** A consent given on 01.01.2026 in the current text version, expiring after 24 months. */
export async function buildConsent(
  db: TDbOrTx,
  o: Partial<typeof residentConsents.$inferInsert> &
    Pick<typeof residentConsents.$inferInsert, 'residentId' | 'scope'>,
) {
  const [row] = await db
    .insert(residentConsents)
    .values({
      textVersion: '2026-1',
      givenOn: '2026-01-01',
      method: 'paper',
      expiresOn: '2027-12-31',
      registeredAt: new Date(),
      ...o,
    })
    .returning();
  return row!;
}
