import type {
  TAcceptInvitationRequest,
  TChangePasswordRequest,
  TLoginRequest,
  TMe,
} from '@domain/auth.schema.ts';
import { invitations, users } from '@server/db/schema/index.ts';
import { DEMO_PASSWORD } from '@server/modules/demo/demo-data.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { loadMemberships, presentMembership } from '@server/platform/auth/actor.repository.ts';
import { bumpAttempts, clearAttempts, countAttempts } from '@server/platform/auth/login-throttle.ts';
import {
  hashPassword,
  passwordWeakness,
  verifyAgainstDummy,
  verifyPassword,
} from '@server/platform/auth/passwords.ts';
import { createSession, destroySession, destroyUserSessions } from '@server/platform/auth/sessions.ts';
import { tokenDigest } from '@server/platform/auth/tokens.ts';
import { AppError } from '@server/platform/errors.ts';
import type { TRequestAuth } from '@server/platform/http/access.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { TRequestContext } from '@server/platform/http/request-context.ts';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';

export interface TLoginResult {
  token: string;
  me: TMe;
}

export function createAuthService(deps: TAppDeps) {
  const { db, clock, config } = deps;
  const sessionPolicy = {
    secret: config.sessionSecret,
    idleMs: config.sessionIdleMs,
    absoluteMs: config.sessionAbsoluteMs,
  };

  async function meFor(userId: string, csrfToken: string): Promise<TMe> {
    const [user] = await db
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
      .from(users)
      .where(eq(users.id, userId));
    const resolved = (await loadMemberships(db, [userId])).get(userId) ?? [];
    return {
      user: user!,
      memberships: resolved.map(presentMembership),
      roles: [...new Set(resolved.map((m) => m.role))],
      csrfToken,
      demo: config.demo,
    };
  }

  return {
    /**
     * Password login with throttling per IP (all attempts) and per account (failures), both
     * counted in PostgreSQL so every app server shares them.
     */
    async login(ctx: TRequestContext, input: TLoginRequest, userAgent: string | null): Promise<TLoginResult> {
      const now = clock.now();
      const windowMs = config.loginLimitWindowMs;
      const accountKey = `account:${input.email}`;
      const ipCount = await bumpAttempts(db, `ip:${ctx.ip ?? 'unknown'}`, now, windowMs);
      const accountFailures = await countAttempts(db, accountKey, now, windowMs);
      const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${input.email}`);
      if (ipCount > config.loginLimitPerIp || accountFailures >= config.loginLimitPerAccount) {
        await recordAudit(db, ctx, {
          action: 'login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          userId: user?.id ?? null,
          details: { reason: 'rate_limited' },
        });
        throw new AppError('RATE_LIMITED');
      }

      let ok = false;
      if (user?.passwordHash) ok = await verifyPassword(user.passwordHash, input.password);
      else await verifyAgainstDummy(input.password);
      // The published demo password opens nothing outside demo mode, whatever the database holds.
      if (!config.demo && input.password === DEMO_PASSWORD) ok = false;
      if (!user || !ok) {
        await bumpAttempts(db, accountKey, now, windowMs);
        await recordAudit(db, ctx, {
          action: 'login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          userId: user?.id ?? null,
          details: { reason: user ? 'wrong_password' : 'unknown_account' },
        });
        throw new AppError('INVALID_CREDENTIALS');
      }
      if (user.status !== 'active') {
        await recordAudit(db, ctx, {
          action: 'login_failed',
          entityType: 'user',
          entityId: user.id,
          userId: user.id,
          details: { reason: 'disabled' },
        });
        throw new AppError('ACCOUNT_DISABLED');
      }

      const session = await db.transaction(async (tx) => {
        const created = await createSession(tx, sessionPolicy, now, user.id, { ip: ctx.ip, userAgent });
        await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
        await clearAttempts(tx, accountKey);
        await recordAudit(tx, ctx, {
          action: 'login',
          entityType: 'user',
          entityId: user.id,
          userId: user.id,
        });
        return created;
      });
      return { token: session.token, me: await meFor(user.id, session.csrfToken) };
    },

    async logout(ctx: TRequestContext, auth: TRequestAuth): Promise<void> {
      await db.transaction(async (tx) => {
        await destroySession(tx, auth.sessionId);
        await recordAudit(tx, ctx, { action: 'logout', entityType: 'user', entityId: auth.user.id });
      });
    },

    /** The access hook already loaded the user and memberships: no further queries. */
    me(auth: TRequestAuth): TMe {
      const { id, email, name, locale } = auth.user;
      return {
        user: { id, email, name, locale },
        memberships: auth.memberships,
        roles: [...new Set(auth.memberships.map((m) => m.role))],
        csrfToken: auth.csrfToken,
        demo: config.demo,
      };
    },

    /** Changing the password ends every other session of the user. */
    async changePassword(
      ctx: TRequestContext,
      auth: TRequestAuth,
      input: TChangePasswordRequest,
    ): Promise<void> {
      const [user] = await db.select().from(users).where(eq(users.id, auth.user.id));
      if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
        throw new AppError('WRONG_PASSWORD', undefined, {
          currentPassword: 'Den nuværende adgangskode er forkert.',
        });
      }
      const weakness = passwordWeakness(input.newPassword);
      if (weakness) throw new AppError('PASSWORD_TOO_WEAK', weakness, { newPassword: weakness });
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash, passwordChangedAt: clock.now(), updatedAt: clock.now() })
          .where(eq(users.id, user.id));
        await destroyUserSessions(tx, user.id);
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'user',
          entityId: user.id,
          details: { fields: ['password'] },
        });
      });
    },

    async invitationInfo(
      token: string,
    ): Promise<{ email: string; name: string; invitationId: string; userId: string }> {
      const [row] = await db
        .select({
          invitationId: invitations.id,
          userId: users.id,
          email: users.email,
          name: users.name,
          status: users.status,
        })
        .from(invitations)
        .innerJoin(users, eq(users.id, invitations.userId))
        .where(
          and(
            eq(invitations.tokenHash, tokenDigest(config.sessionSecret, token)),
            isNull(invitations.usedAt),
            gt(invitations.expiresAt, clock.now()),
          ),
        );
      if (!row || row.status === 'disabled') throw new AppError('INVITATION_INVALID');
      return row;
    },

    async acceptInvitation(ctx: TRequestContext, input: TAcceptInvitationRequest): Promise<void> {
      const invitation = await this.invitationInfo(input.token);
      const weakness = passwordWeakness(input.password);
      if (weakness) throw new AppError('PASSWORD_TOO_WEAK', weakness, { password: weakness });
      const passwordHash = await hashPassword(input.password);
      await db.transaction(async (tx) => {
        const used = await tx
          .update(invitations)
          .set({ usedAt: clock.now() })
          .where(and(eq(invitations.id, invitation.invitationId), isNull(invitations.usedAt)))
          .returning({ id: invitations.id });
        if (used.length === 0) throw new AppError('INVITATION_INVALID');
        await tx
          .update(users)
          .set({ passwordHash, status: 'active', passwordChangedAt: clock.now(), updatedAt: clock.now() })
          .where(eq(users.id, invitation.userId));
        await recordAudit(tx, ctx, {
          action: 'update',
          entityType: 'user',
          entityId: invitation.userId,
          userId: invitation.userId,
          details: { fields: ['password'], via: 'invitation' },
        });
      });
    },
  };
}
export type TAuthService = ReturnType<typeof createAuthService>;
