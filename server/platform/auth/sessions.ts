import type { TDbOrTx } from '@server/db/client.ts';
import { sessions, users } from '@server/db/schema/index.ts';
import { eq, lt, or } from 'drizzle-orm';
import { randomToken, tokenDigest } from './tokens.ts';

export interface TSessionPolicy {
  secret: string;
  idleMs: number;
  absoluteMs: number;
}

export interface TSessionUser {
  id: string;
  email: string;
  name: string;
  locale: 'da' | 'en';
  status: 'invited' | 'active' | 'disabled';
}

export type TSessionLookup =
  | { status: 'ok'; sessionId: string; csrfToken: string; user: TSessionUser }
  | { status: 'none' }
  | { status: 'expired' };

// Touching last_seen_at on every request would write on every read; a minute's slack in the
// 30-minute idle timeout is harmless.
const TOUCH_AFTER_MS = 60_000;

export async function createSession(
  db: TDbOrTx,
  policy: TSessionPolicy,
  now: Date,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken();
  await db.insert(sessions).values({
    id: tokenDigest(policy.secret, token),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken };
}

/** Finds the session for a cookie token, ending it when idle or absolute time has run out. */
export async function resolveSession(
  db: TDbOrTx,
  policy: TSessionPolicy,
  now: Date,
  token: string,
): Promise<TSessionLookup> {
  const id = tokenDigest(policy.secret, token);
  const [row] = await db
    .select({
      id: sessions.id,
      csrfToken: sessions.csrfToken,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        locale: users.locale,
        status: users.status,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return { status: 'none' };
  const t = now.getTime();
  const expired =
    t - row.lastSeenAt.getTime() > policy.idleMs ||
    t - row.createdAt.getTime() > policy.absoluteMs ||
    row.user.status !== 'active';
  if (expired) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { status: 'expired' };
  }
  if (t - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return { status: 'ok', sessionId: id, csrfToken: row.csrfToken, user: row.user };
}

export async function destroySession(db: TDbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function destroyUserSessions(db: TDbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function purgeExpiredSessions(db: TDbOrTx, policy: TSessionPolicy, now: Date): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.lastSeenAt, new Date(now.getTime() - policy.idleMs)),
        lt(sessions.createdAt, new Date(now.getTime() - policy.absoluteMs)),
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}
