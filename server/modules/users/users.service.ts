import type { TListQuery, TPage } from '@domain/common.schema.ts';
import { ROLE_SCOPE } from '@domain/roles.ts';
import type { TMembership, TMembershipInput, TUser, TUserInvite, TUserUpdate } from '@domain/user.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  companies,
  housingOrganisations,
  invitations,
  jobcenters,
  memberships,
  partnerships,
  socialHousingPlans,
  users,
} from '@server/db/schema/index.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { loadMemberships, presentMembership } from '@server/platform/auth/actor.repository.ts';
import { destroyUserSessions } from '@server/platform/auth/sessions.ts';
import { randomToken, tokenDigest } from '@server/platform/auth/tokens.ts';
import { AppError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { TRequestContext } from '@server/platform/http/request-context.ts';
import { MAIL_DELIVER_JOB } from '@server/platform/mail/mailer.ts';
import { authorize } from '@server/platform/policy.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { presentUser } from './users.presenter.ts';
import { findUser, insertMembership, listUsers, type TUserFilters } from './users.repository.ts';

const SCOPE_TABLES = {
  housing_organisation: housingOrganisations,
  social_housing_plan: socialHousingPlans,
  jobcenter: jobcenters,
  partnership: partnerships,
  company: companies,
} as const;

export const INVITATION_VALID_MS = 72 * 60 * 60 * 1000;

/** User administration. Accounts are personal data: every read and search is audit-logged. */
export function createUsersService(deps: TAppDeps) {
  const { db, clock, config, mailer, queue } = deps;

  async function present(tx: TDbOrTx, id: string): Promise<TUser> {
    const row = await findUser(tx, id);
    if (!row) throw new AppError('NOT_FOUND');
    const resolved = (await loadMemberships(tx, [id])).get(id) ?? [];
    return presentUser(row, resolved);
  }

  /** Writes the invitation and its mail in the caller's transaction; returns the mail id. */
  async function issueInvitation(
    tx: TDbOrTx,
    ctx: TRequestContext,
    user: { id: string; email: string; name: string },
  ) {
    const token = randomToken();
    // A new invitation replaces any earlier one still open.
    await tx
      .update(invitations)
      .set({ usedAt: clock.now() })
      .where(and(eq(invitations.userId, user.id), isNull(invitations.usedAt)));
    await tx.insert(invitations).values({
      tokenHash: tokenDigest(config.sessionSecret, token),
      userId: user.id,
      invitedBy: ctx.actor?.userId ?? null,
      expiresAt: new Date(clock.now().getTime() + INVITATION_VALID_MS),
      createdAt: clock.now(),
    });
    const link = `${config.publicUrl}/invitation/${token}`;
    return mailer.store(tx, {
      to: user.email,
      subject: 'Du er inviteret til Jobbro',
      text: [
        `Hej ${user.name}`,
        '',
        'Du er blevet oprettet som bruger i Jobbro – systemet, der gør boligorganisationernes indkøb til job for beboerne.',
        '',
        'Vælg din adgangskode via linket herunder. Linket virker i 72 timer.',
        link,
        '',
        'Har du ikke ventet denne invitation, kan du se bort fra mailen.',
        '',
        'Venlig hilsen',
        'Jobbro',
      ].join('\n'),
    });
  }

  async function dispatch(mailId: string): Promise<void> {
    if (mailer.smtpEnabled) await queue.send(MAIL_DELIVER_JOB, { id: mailId });
  }

  async function checkScopeAllowed(input: TMembershipInput): Promise<void> {
    const scopeType = ROLE_SCOPE[input.role];
    if (scopeType === 'global' && input.scopeId) {
      throw new AppError('VALIDATION_FAILED', undefined, {
        scopeId: 'Administratorer har ingen afgrænsning.',
      });
    }
    // A company contact may be created before its company is linked (scope left open).
    if (scopeType === 'company' && !input.scopeId) return;
    if (scopeType !== 'global') {
      if (!input.scopeId)
        throw new AppError('VALIDATION_FAILED', undefined, { scopeId: 'Vælg hvad rollen gælder for.' });
      const table = SCOPE_TABLES[scopeType];
      const [found] = await db.select({ id: table.id }).from(table).where(eq(table.id, input.scopeId));
      if (!found) {
        throw new AppError('VALIDATION_FAILED', undefined, {
          scopeId: 'Den valgte afgrænsning findes ikke for denne rolle.',
        });
      }
    }
  }

  return {
    async list(ctx: TRequestContext, query: TListQuery, filters: TUserFilters): Promise<TPage<TUser>> {
      await authorize(db, ctx, 'list', { kind: 'user' });
      const page = await listUsers(db, query, filters);
      const resolved = await loadMemberships(
        db,
        page.items.map((u) => u.id),
      );
      await recordAudit(db, ctx, {
        action: 'search',
        entityType: 'user',
        details: { criteria: { ...query, ...filters }, resultCount: page.items.length },
      });
      return { ...page, items: page.items.map((u) => presentUser(u, resolved.get(u.id) ?? [])) };
    },

    async get(ctx: TRequestContext, id: string): Promise<TUser> {
      await authorize(db, ctx, 'read', { kind: 'user', id });
      const user = await present(db, id);
      await recordAudit(db, ctx, { action: 'read', entityType: 'user', entityId: id });
      return user;
    },

    /** Creates an invited account with its memberships and e-mails a 72-hour link to set a password. */
    async invite(ctx: TRequestContext, input: TUserInvite): Promise<TUser> {
      await authorize(db, ctx, 'create', { kind: 'user' });
      for (const m of input.memberships) await checkScopeAllowed(m);
      const { user, mailId } = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(users)
          .values({ email: input.email, name: input.name, locale: input.locale, status: 'invited' })
          .returning();
        for (const m of input.memberships) await insertMembership(tx, created!.id, m);
        const mailId = await issueInvitation(tx, ctx, created!);
        await recordAudit(tx, ctx, {
          action: 'create',
          entityType: 'user',
          entityId: created!.id,
          details: { roles: input.memberships.map((m) => m.role) },
        });
        return { user: await present(tx, created!.id), mailId };
      });
      await dispatch(mailId);
      return user;
    },

    async resendInvitation(ctx: TRequestContext, id: string): Promise<void> {
      await authorize(db, ctx, 'update', { kind: 'user', id });
      const mailId = await db.transaction(async (tx) => {
        const user = await findUser(tx, id);
        if (!user) throw new AppError('NOT_FOUND');
        if (user.status !== 'invited') {
          throw new AppError('CONFLICT', 'Brugeren har allerede valgt en adgangskode.');
        }
        const mail = await issueInvitation(tx, ctx, user);
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'user',
          entityId: id,
          details: { invitation: 'resent' },
        });
        return mail;
      });
      await dispatch(mailId);
    },

    /** Disabling a user ends all their sessions in the same transaction. */
    async update(ctx: TRequestContext, id: string, input: TUserUpdate): Promise<TUser> {
      await authorize(db, ctx, 'update', { kind: 'user', id });
      return db.transaction(async (tx) => {
        const current = await findUser(tx, id);
        if (!current) throw new AppError('NOT_FOUND');
        if (input.status === 'disabled' && id === ctx.actor?.userId) {
          throw new AppError('CONFLICT', 'Du kan ikke deaktivere din egen konto.');
        }
        // An invited user becomes active by setting a password, not by an admin's switch.
        const status = input.status === 'active' && current.status === 'invited' ? 'invited' : input.status;
        await tx
          .update(users)
          .set({ name: input.name, locale: input.locale, status, updatedAt: clock.now() })
          .where(eq(users.id, id));
        if (status === 'disabled') await destroyUserSessions(tx, id);
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'user',
          entityId: id,
          details: { fields: Object.keys(input) },
        });
        return present(tx, id);
      });
    },

    async addMembership(ctx: TRequestContext, userId: string, input: TMembershipInput): Promise<TMembership> {
      await authorize(db, ctx, 'update', { kind: 'user', id: userId });
      await checkScopeAllowed(input);
      return db.transaction(async (tx) => {
        if (!(await findUser(tx, userId))) throw new AppError('NOT_FOUND');
        const id = await insertMembership(tx, userId, input);
        await recordAudit(tx, ctx, {
          action: 'create',
          entityType: 'membership',
          entityId: id,
          details: { userId, role: input.role, scopeId: input.scopeId },
        });
        const resolved = (await loadMemberships(tx, [userId])).get(userId) ?? [];
        return presentMembership(resolved.find((m) => m.id === id)!);
      });
    },

    async removeMembership(ctx: TRequestContext, userId: string, membershipId: string): Promise<void> {
      await authorize(db, ctx, 'update', { kind: 'user', id: userId });
      await db.transaction(async (tx) => {
        const removed = await tx
          .delete(memberships)
          .where(and(eq(memberships.id, membershipId), eq(memberships.userId, userId)))
          .returning({ id: memberships.id, role: memberships.role });
        if (removed.length === 0) throw new AppError('NOT_FOUND');
        if (removed[0]!.role === 'admin' && userId === ctx.actor?.userId) {
          throw new AppError('CONFLICT', 'Du kan ikke fjerne din egen administratorrolle.');
        }
        await recordAudit(tx, ctx, {
          action: 'delete',
          entityType: 'membership',
          entityId: membershipId,
          details: { userId },
        });
      });
    },
  };
}
