import type {
  TReferralCandidate,
  TReferralContact,
  TReferralContactsUpdate,
} from '@domain/referral-contact.schema.ts';
import { REFERRAL_ROLES } from '@domain/referral-contact.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { housingAreas, partnerships, referralContacts, users } from '@server/db/schema/index.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { TRequestContext } from '@server/platform/http/request-context.ts';
import { authorize } from '@server/platform/policy.ts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { roleHolders } from './openings.repository.ts';

/** The secretariat decides who receives a partnership's openings (issue 3, item 8). */
export function createReferralContactsService(deps: TAppDeps) {
  const { db } = deps;

  async function partnershipOf(tx: TDbOrTx, id: string) {
    const [p] = await tx.select().from(partnerships).where(eq(partnerships.id, id));
    if (!p) throw new AppError('NOT_FOUND');
    return p;
  }

  async function list(tx: TDbOrTx, partnershipId: string): Promise<TReferralContact[]> {
    return tx
      .select({
        id: referralContacts.id,
        userId: referralContacts.userId,
        userName: users.name,
        role: referralContacts.role,
        housingAreaId: referralContacts.housingAreaId,
        housingAreaName: housingAreas.name,
      })
      .from(referralContacts)
      .innerJoin(users, eq(users.id, referralContacts.userId))
      .leftJoin(housingAreas, eq(housingAreas.id, referralContacts.housingAreaId))
      .where(eq(referralContacts.partnershipId, partnershipId))
      .orderBy(asc(referralContacts.role), asc(sql`${users.name} collate da_dk`));
  }

  return {
    async get(ctx: TRequestContext, partnershipId: string): Promise<TReferralContact[]> {
      await authorize(db, ctx, 'read', { kind: 'referral_contacts', partnershipId });
      await partnershipOf(db, partnershipId);
      return list(db, partnershipId);
    },

    /** Whom the admin may choose from: the active job consultants and social workers of the partnership. */
    async candidates(ctx: TRequestContext, partnershipId: string): Promise<TReferralCandidate[]> {
      await authorize(db, ctx, 'read', { kind: 'referral_contacts', partnershipId });
      const partnership = await partnershipOf(db, partnershipId);
      const out: TReferralCandidate[] = [];
      for (const role of REFERRAL_ROLES) {
        const ids = await roleHolders(db, partnership, role);
        if (ids.length === 0) continue;
        const people = await db
          .select({ userId: users.id, name: users.name, email: users.email })
          .from(users)
          .where(inArray(users.id, ids))
          .orderBy(asc(sql`${users.name} collate da_dk`));
        out.push(...people.map((p) => ({ ...p, role })));
      }
      return out;
    },

    /** Replaces the whole configuration; each person must hold the role in this partnership. */
    async replace(
      ctx: TRequestContext,
      partnershipId: string,
      input: TReferralContactsUpdate,
    ): Promise<TReferralContact[]> {
      await authorize(db, ctx, 'update', { kind: 'referral_contacts', partnershipId });
      return db.transaction(async (tx) => {
        const partnership = await partnershipOf(tx, partnershipId);
        const userIds = input.contacts.map((c) => c.userId);
        const consultants = await roleHolders(tx, partnership, 'job_consultant', userIds);
        const workers = await roleHolders(tx, partnership, 'social_worker', userIds);
        const areaIds = input.contacts.map((c) => c.housingAreaId).filter((a): a is string => a !== null);
        const areas = areaIds.length
          ? await tx
              .select({ id: housingAreas.id })
              .from(housingAreas)
              .where(
                and(
                  inArray(housingAreas.id, areaIds),
                  eq(housingAreas.municipalityId, partnership.municipalityId),
                ),
              )
          : [];
        const fields: Record<string, string> = {};
        input.contacts.forEach((c, i) => {
          const holders = c.role === 'job_consultant' ? consultants : workers;
          if (!holders.includes(c.userId)) {
            fields[`contacts.${i}.userId`] =
              c.role === 'job_consultant'
                ? 'Personen er ikke jobkonsulent i partnerskabets kommune.'
                : 'Personen er ikke boligsocial medarbejder i partnerskabet.';
          }
          if (c.housingAreaId && !areas.some((a) => a.id === c.housingAreaId)) {
            fields[`contacts.${i}.housingAreaId`] = 'Boligområdet hører ikke til partnerskabet.';
          }
        });
        if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', undefined, fields);
        await tx.delete(referralContacts).where(eq(referralContacts.partnershipId, partnershipId));
        const unique = [
          ...new Map(input.contacts.map((c) => [`${c.userId}:${c.role}:${c.housingAreaId}`, c])).values(),
        ];
        if (unique.length)
          await tx.insert(referralContacts).values(unique.map((c) => ({ ...c, partnershipId })));
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'referral_contacts',
          entityId: partnershipId,
          details: { count: unique.length },
        });
        return list(tx, partnershipId);
      });
    },
  };
}
