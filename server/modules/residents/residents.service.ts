import type { TPage } from '@domain/common.schema.ts';
import { defaultConsentExpiry, type TConsentInput } from '@domain/consent.schema.ts';
import { CONSENT_TEXTS } from '@domain/consent-texts.ts';
import { isAdmin, type TActor } from '@domain/policy.ts';
import {
  residentInputSchema,
  type TConsent,
  type TExpiringConsent,
  type TResident,
  type TResidentCreate,
  type TResidentInput,
  type TResidentListQuery,
  type TResidentNote,
  type TResponsibleStaff,
  ZResidentFields,
} from '@domain/resident.schema.ts';
import { mayRegisterResident, residentAccess } from '@domain/resident-access.ts';
import {
  defaultNextScreening,
  screeningAgeProblem,
  screeningResult,
  type TScreening,
  type TScreeningDue,
  type TScreeningInput,
} from '@domain/screening.schema.ts';
import { residentConsents, residentNotes, residentScreenings, residents } from '@server/db/schema/index.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { listWindow } from '@server/platform/crud/list-query.ts';
import { AppError, fieldError, fieldsFromIssues } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { requireActor, type TRequestContext } from '@server/platform/http/request-context.ts';
import { auditedCriteria } from '@server/platform/search-fingerprint.ts';
import { eq } from 'drizzle-orm';
import { presentCv } from './cv.presenter.ts';
import { cvMetaOf } from './cv.repository.ts';
import { residentGate, type TSeen } from './residents.policy.ts';
import { presentConsent, presentNote, presentResident, presentScreening } from './residents.presenter.ts';
import {
  consentState,
  consentsOf,
  expiringConsents,
  findArea,
  findConsent,
  jobcenterMunicipalities,
  listResidents,
  notesOf,
  planMunicipalities,
  responsibleStaff,
  scopeOf,
  screeningsDue,
  screeningsOf,
  touchResidentActivity,
} from './residents.repository.ts';

const UNKNOWN_AREA = 'Ukendt boligområde.';
const RESPONSIBLE_MESSAGES = {
  social_worker: 'Vælg en aktiv boligsocial medarbejder i personens kommune.',
  job_consultant: 'Vælg en aktiv jobkonsulent i personens kommune.',
} as const;

/**
 * Residents, their consents and case notes (issue 4 items 1, 2, 6). Every person is checked with
 * residentAccess() on the Copenhagen day of the request, so a withdrawal or an expiry counts on
 * the very next request; a person the actor may not see answers 404, never 403. Every read,
 * search and write is audit-logged, a refusal too.
 */
export function createResidentsService(deps: TAppDeps) {
  const { db, clock } = deps;
  const { today, denied, see, seeToEdit, seeAsProfessional } = residentGate(deps);

  async function profile(seen: TSeen): Promise<TResident> {
    // The CV's metadata belongs to the professional view only; no query for the others.
    const cv = seen.access.view === 'professional' ? await cvMetaOf(db, seen.resident.row.id) : undefined;
    return presentResident(seen.resident, seen.consents, seen.access, today(), {
      withConsentHistory: true,
      cv: cv ? presentCv(cv) : null,
    });
  }

  /** The municipalities the actor works in as each registering role. */
  async function workingMunicipalities(actor: TActor) {
    const plans = actor.memberships
      .filter((m) => m.role === 'social_worker' && m.scopeId)
      .map((m) => m.scopeId as string);
    const jobcenterIds = actor.memberships
      .filter((m) => m.role === 'job_consultant' && m.scopeId)
      .map((m) => m.scopeId as string);
    return {
      plans: await planMunicipalities(db, plans),
      jobcenters: await jobcenterMunicipalities(db, jobcenterIds),
    };
  }

  /** The area must exist and lie in a municipality the actor works in (as the given role, or any). */
  async function areaFor(actor: TActor, areaId: string, role?: 'social_worker' | 'job_consultant') {
    const area = await findArea(db, areaId);
    const work = await workingMunicipalities(actor);
    const municipalities = new Set([
      ...(role !== 'job_consultant' ? work.plans.values() : []),
      ...(role !== 'social_worker' ? work.jobcenters.values() : []),
    ]);
    if (!area || !municipalities.has(area.municipalityId)) throw fieldError('housingAreaId', UNKNOWN_AREA);
    return area;
  }

  /**
   * A responsible social worker or job consultant must be an active user holding that role in the
   * person's municipality. On a change only what changed is checked (all of it when the person
   * moved municipality), so a save never fails on a choice nobody touched.
   */
  async function checkResponsible(
    input: Pick<TResidentInput, 'responsibleSocialWorkerId' | 'responsibleJobConsultantId'>,
    municipalityId: string,
    before?: Pick<TResidentInput, 'responsibleSocialWorkerId' | 'responsibleJobConsultantId'> & {
      municipalityId: string;
    },
  ) {
    const checks = [
      ['responsibleSocialWorkerId', 'social_worker', RESPONSIBLE_MESSAGES.social_worker],
      ['responsibleJobConsultantId', 'job_consultant', RESPONSIBLE_MESSAGES.job_consultant],
    ] as const;
    for (const [field, role, message] of checks) {
      const userId = input[field];
      if (!userId) continue;
      if (before && before.municipalityId === municipalityId && before[field] === userId) continue;
      const found = await responsibleStaff(db, [municipalityId], { userId, role });
      if (found.length === 0) throw fieldError(field, message);
    }
  }

  /** A consent's text version must exist and it cannot be given in the future. */
  function checkConsent(c: TConsentInput, day: string, prefix: string): void {
    if (!CONSENT_TEXTS[c.textVersion]) {
      throw fieldError(`${prefix}textVersion`, 'Ukendt version af samtykketeksten.');
    }
    if (c.givenOn > day) throw fieldError(`${prefix}givenOn`, 'Datoen for samtykket ligger i fremtiden.');
  }

  function consentValues(residentId: string, c: TConsentInput, actor: TActor, now: Date) {
    return {
      residentId,
      scope: c.scope,
      textVersion: c.textVersion,
      givenOn: c.givenOn,
      method: c.method,
      witnessName: c.witnessName,
      expiresOn: c.expiresOn ?? defaultConsentExpiry(c.givenOn),
      registeredBy: actor.userId,
      registeredAt: now,
    };
  }

  return {
    /** The people the actor may see, searched, filtered, sorted and paged; the search is logged. */
    async list(ctx: TRequestContext, query: TResidentListQuery): Promise<TPage<TResident>> {
      const actor = requireActor(ctx);
      const { q, sort, dir, page, pageSize, limit, offset, ...filters } = query;
      const day = today();
      const result = await listResidents(
        db,
        actor,
        day,
        { q, sort, dir, ...listWindow({ page, pageSize, limit, offset }) },
        filters,
      );
      const consents = await consentsOf(
        db,
        result.items.map((r) => r.row.id),
      );
      const items: TResident[] = [];
      for (const r of result.items) {
        const own = consents.filter((c) => c.row.residentId === r.row.id);
        const access = residentAccess(actor, scopeOf(r), own.map(consentState), day);
        // The SQL scope and residentAccess are the same rules; a row only SQL lets through is dropped.
        if (!access.view) continue;
        items.push(
          presentResident(r, own, { ...access, view: access.view }, day, { withConsentHistory: false }),
        );
      }
      await recordAudit(db, ctx, {
        action: 'search',
        entityType: 'resident',
        // The typed text is usually a name: only its keyed fingerprint is kept (search-fingerprint.ts).
        details: { criteria: auditedCriteria(deps.config.sessionSecret, query), resultCount: result.total },
      });
      return { ...result, items };
    },

    /** The profile with its consent history, as the actor's view allows; the read is logged. */
    async get(ctx: TRequestContext, id: string): Promise<TResident> {
      const seen = await see(ctx, id, 'read');
      await recordAudit(db, ctx, {
        action: 'read',
        entityType: 'resident',
        entityId: id,
        details: { basis: seen.access.basis },
      });
      return profile(seen);
    },

    /**
     * Registers a person on the side the actor works on (its social housing plan or jobcenter),
     * with the consents given at the same meeting, in one transaction.
     */
    async create(ctx: TRequestContext, body: TResidentCreate): Promise<TResident> {
      const actor = requireActor(ctx);
      if (!mayRegisterResident(actor)) {
        await recordAudit(db, ctx, {
          action: 'denied',
          entityType: 'resident',
          details: { action: 'create' },
        });
        throw new AppError('FORBIDDEN');
      }
      const day = today();
      const { registeredAs, consents, ...fields } = body;
      const parsed = residentInputSchema(day).safeParse(fields);
      if (!parsed.success) {
        throw new AppError('VALIDATION_FAILED', undefined, fieldsFromIssues(parsed.error.issues));
      }
      const input = parsed.data;
      for (const [i, c] of consents.entries()) checkConsent(c, day, `consents.${i}.`);

      const roles = (['social_worker', 'job_consultant'] as const).filter((role) =>
        actor.memberships.some((m) => m.role === role && m.scopeId),
      );
      if (registeredAs && !roles.includes(registeredAs)) {
        throw fieldError('registeredAs', 'Du har ikke den rolle.');
      }
      if (!registeredAs && roles.length > 1) {
        throw fieldError(
          'registeredAs',
          'Vælg om du registrerer som boligsocial medarbejder eller jobkonsulent.',
        );
      }
      const role = registeredAs ?? roles[0]!;
      const area = input.housingAreaId ? await areaFor(actor, input.housingAreaId, role) : null;
      const work = await workingMunicipalities(actor);
      // The registering organisation: the plan of the person's area if it is the actor's,
      // else the actor's one plan (or jobcenter) in the person's municipality.
      const own = role === 'social_worker' ? work.plans : work.jobcenters;
      const candidates = [...own.entries()].filter(([, m]) => !area || m === area.municipalityId);
      const orgId =
        role === 'social_worker' && area?.socialHousingPlanId && own.has(area.socialHousingPlanId)
          ? area.socialHousingPlanId
          : candidates.length === 1 || (role === 'job_consultant' && candidates.length > 0)
            ? candidates[0]![0]
            : null;
      if (!orgId)
        throw fieldError('housingAreaId', 'Vælg boligområdet, så det er klart, hvem der registrerer.');
      const municipalityId = area?.municipalityId ?? own.get(orgId)!;
      await checkResponsible(input, municipalityId);

      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const { healthNeedConsent, ...profileFields } = input;
        const [created] = await tx
          .insert(residents)
          .values({
            ...profileFields,
            healthNeedConsent,
            municipalityId,
            registeredBySide: role === 'social_worker' ? 'housing' : 'jobcenter',
            registeredByPlanId: role === 'social_worker' ? orgId : null,
            registeredByJobcenterId: role === 'job_consultant' ? orgId : null,
            lastActivityAt: now,
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: residents.id });
        const residentId = created!.id;
        await recordAudit(tx, ctx, {
          action: 'create',
          entityType: 'resident',
          entityId: residentId,
          details: { registeredBySide: role === 'social_worker' ? 'housing' : 'jobcenter' },
        });
        for (const c of consents) {
          const [consent] = await tx
            .insert(residentConsents)
            .values(consentValues(residentId, c, actor, now))
            .returning({ id: residentConsents.id });
          await recordAudit(tx, ctx, {
            action: 'create',
            entityType: 'resident_consent',
            entityId: consent!.id,
            details: { residentId, scope: c.scope },
          });
        }
        return residentId;
      });
      return profile(await see(ctx, id, 'read'));
    },

    /** A partial update merged with the stored profile and validated as a whole. */
    async update(ctx: TRequestContext, id: string, patch: Record<string, unknown>): Promise<TResident> {
      const actor = requireActor(ctx);
      const { resident } = await seeToEdit(ctx, id, 'update');
      const stored: Record<string, unknown> = resident.row;
      const merged = residentInputSchema(today()).safeParse({
        ...Object.fromEntries(Object.keys(ZResidentFields.shape).map((k) => [k, stored[k]])),
        ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      });
      if (!merged.success) {
        throw new AppError('VALIDATION_FAILED', undefined, fieldsFromIssues(merged.error.issues));
      }
      const input = merged.data;
      let municipalityId = resident.row.municipalityId;
      if (input.housingAreaId && input.housingAreaId !== resident.row.housingAreaId) {
        municipalityId = (await areaFor(actor, input.housingAreaId)).municipalityId;
      }
      await checkResponsible(input, municipalityId, resident.row);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx
          .update(residents)
          .set({ ...input, municipalityId, lastActivityAt: now, updatedAt: now })
          .where(eq(residents.id, id));
        // Which fields changed, never their values.
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'resident',
          entityId: id,
          details: { fields: Object.keys(patch).sort() },
        });
      });
      return profile(await see(ctx, id, 'read'));
    },

    /** The consent history, newest first; the read is logged. */
    async consents(ctx: TRequestContext, id: string): Promise<TConsent[]> {
      const seen = await see(ctx, id, 'read');
      if (!(seen.access.view === 'professional' || seen.access.view === 'administrative')) {
        await denied(ctx, id, 'read', 'no_consent_view');
        throw new AppError('FORBIDDEN');
      }
      await recordAudit(db, ctx, {
        action: 'read',
        entityType: 'resident',
        entityId: id,
        details: { basis: seen.access.basis, part: 'consents' },
      });
      const day = today();
      return seen.consents.map((c) => presentConsent(c, day));
    },

    async addConsent(ctx: TRequestContext, id: string, input: TConsentInput): Promise<TConsent> {
      const actor = requireActor(ctx);
      await seeToEdit(ctx, id, 'update');
      const day = today();
      checkConsent(input, day, '');
      const now = clock.now();
      const consentId = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(residentConsents)
          .values(consentValues(id, input, actor, now))
          .returning({ id: residentConsents.id });
        await touchResidentActivity(tx, id, now);
        await recordAudit(tx, ctx, {
          action: 'create',
          entityType: 'resident_consent',
          entityId: created!.id,
          details: { residentId: id, scope: input.scope },
        });
        return created!.id;
      });
      return presentConsent((await findConsent(db, id, consentId))!, day);
    },

    /** Withdrawal takes effect at once: the consent stops counting on the next request. */
    async withdrawConsent(ctx: TRequestContext, id: string, consentId: string): Promise<TConsent> {
      const actor = requireActor(ctx);
      const seen = await seeToEdit(ctx, id, 'update');
      const consent = seen.consents.find((c) => c.row.id === consentId);
      if (!consent) throw new AppError('NOT_FOUND');
      if (consent.row.withdrawnOn) throw new AppError('CONFLICT', 'Samtykket er allerede trukket tilbage.');
      const day = today();
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx
          .update(residentConsents)
          .set({ withdrawnOn: day, withdrawnBy: actor.userId, withdrawnAt: now })
          .where(eq(residentConsents.id, consentId));
        await touchResidentActivity(tx, id, now);
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'resident_consent',
          entityId: consentId,
          details: { residentId: id, scope: consent.row.scope, change: 'withdrawn' },
        });
      });
      return presentConsent((await findConsent(db, id, consentId))!, day);
    },

    /** Case notes, newest first: the professional view only; the read is logged. */
    async notes(ctx: TRequestContext, id: string): Promise<TResidentNote[]> {
      const seen = await seeAsProfessional(ctx, id, 'read');
      await recordAudit(db, ctx, {
        action: 'read',
        entityType: 'resident',
        entityId: id,
        details: { basis: seen.access.basis, part: 'notes' },
      });
      return (await notesOf(db, id)).map(presentNote);
    },

    /** A note, or the record of a counselling session (kind 'counselling', counted in the reports). */
    async addNote(
      ctx: TRequestContext,
      id: string,
      text: string,
      kind: TResidentNote['kind'] = 'note',
    ): Promise<TResidentNote> {
      const actor = requireActor(ctx);
      await seeAsProfessional(ctx, id, 'update');
      const now = clock.now();
      const noteId = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(residentNotes)
          .values({ residentId: id, text, kind, authorId: actor.userId, createdAt: now })
          .returning({ id: residentNotes.id });
        await touchResidentActivity(tx, id, now);
        await recordAudit(tx, ctx, {
          action: 'create',
          entityType: 'resident_note',
          entityId: created!.id,
          details: { residentId: id, kind },
        });
        return created!.id;
      });
      return presentNote((await notesOf(db, id)).find((n) => n.id === noteId)!);
    },

    /** Stepping Stones screenings, newest first: the professional view only; the read is logged. */
    async screenings(ctx: TRequestContext, id: string): Promise<TScreening[]> {
      const seen = await seeAsProfessional(ctx, id, 'read');
      await recordAudit(db, ctx, {
        action: 'read',
        entityType: 'resident_screening',
        entityId: id,
        details: { basis: seen.access.basis, part: 'screenings' },
      });
      return (await screeningsOf(db, id)).map(presentScreening);
    },

    /**
     * Screens the person (18-64 on the day, not in the future): the target group and its reasons
     * are decided now and stored as decided, so a later change of the rule leaves history as it was.
     */
    async addScreening(ctx: TRequestContext, id: string, input: TScreeningInput): Promise<TScreening> {
      const actor = requireActor(ctx);
      const seen = await seeAsProfessional(ctx, id, 'update');
      if (!seen.access.canEdit) {
        await denied(ctx, id, 'update', 'read_only');
        throw new AppError('FORBIDDEN');
      }
      if (input.screenedOn > today()) throw fieldError('screenedOn', 'Datoen ligger i fremtiden.');
      const ageProblem = screeningAgeProblem(seen.resident.row.birthDate, input.screenedOn);
      if (ageProblem) throw fieldError('screenedOn', ageProblem);
      const result = screeningResult(input);
      const nextScreeningOn =
        input.nextScreeningOn ?? defaultNextScreening(input.screenedOn, result.targetGroup);
      if (nextScreeningOn <= input.screenedOn) {
        throw fieldError('nextScreeningOn', 'Næste screening skal ligge efter screeningsdatoen.');
      }
      const now = clock.now();
      const screeningId = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(residentScreenings)
          .values({
            residentId: id,
            screenedOn: input.screenedOn,
            motivation: input.motivation,
            barriers: [...new Set(input.barriers)],
            hoursPossible: input.hoursPossible,
            earlierWork: input.earlierWork,
            danishLevel: input.danishLevel,
            healthLimits: input.healthLimits,
            targetGroup: result.targetGroup,
            reasons: result.reasons,
            nextScreeningOn,
            remark: input.remark,
            screenedBy: actor.userId,
            createdAt: now,
          })
          .returning({ id: residentScreenings.id });
        await touchResidentActivity(tx, id, now);
        // The group, never the answers: the audit log holds no case data.
        await recordAudit(tx, ctx, {
          action: 'create',
          entityType: 'resident_screening',
          entityId: created!.id,
          details: { residentId: id, targetGroup: result.targetGroup },
        });
        return created!.id;
      });
      return presentScreening((await screeningsOf(db, id)).find((s) => s.row.id === screeningId)!);
    },

    /** People whose next screening is due within `days` (overdue included), soonest first; logged. */
    async screeningsDue(ctx: TRequestContext, days: number): Promise<TScreeningDue[]> {
      const actor = requireActor(ctx);
      const rows = await screeningsDue(db, actor, today(), days);
      await recordAudit(db, ctx, {
        action: 'search',
        entityType: 'resident_screening',
        details: { criteria: { dueWithinDays: days }, resultCount: rows.length },
      });
      return rows.map((r) => ({ ...r, targetGroup: r.targetGroup === 1 ? 1 : 2 }));
    },

    /**
     * The social workers and job consultants who may be made responsible for people in the
     * municipalities the actor works in (admins: every municipality). Staff names, no resident data.
     */
    async responsibleStaff(ctx: TRequestContext): Promise<TResponsibleStaff[]> {
      const actor = requireActor(ctx);
      if (isAdmin(actor)) return responsibleStaff(db, null);
      const work = await workingMunicipalities(actor);
      return responsibleStaff(db, [...new Set([...work.plans.values(), ...work.jobcenters.values()])]);
    },

    /** Active consents of the actor's people that lapse within `days`, soonest first; logged. */
    async expiring(ctx: TRequestContext, days: number): Promise<TExpiringConsent[]> {
      const actor = requireActor(ctx);
      const rows = await expiringConsents(db, actor, today(), days);
      await recordAudit(db, ctx, {
        action: 'search',
        entityType: 'resident_consent',
        details: { criteria: { expiringWithinDays: days }, resultCount: rows.length },
      });
      return rows.map((r) => ({ ...r, expiresOn: r.expiresOn! }));
    },
  };
}
