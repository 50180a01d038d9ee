import type { TDbOrTx } from '@server/db/client.ts';
import { loginAttempts } from '@server/db/schema/index.ts';
import { and, eq, lt, sql } from 'drizzle-orm';

// Fixed-window counters in PostgreSQL, so every app server behind a load balancer shares them.

export function windowStart(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/** Adds one to the key's counter in the current window and returns the new count. */
export async function bumpAttempts(db: TDbOrTx, key: string, now: Date, windowMs: number): Promise<number> {
  const [row] = await db
    .insert(loginAttempts)
    .values({ key, windowStart: windowStart(now, windowMs), count: 1 })
    .onConflictDoUpdate({
      target: [loginAttempts.key, loginAttempts.windowStart],
      set: { count: sql`${loginAttempts.count} + 1` },
    })
    .returning({ count: loginAttempts.count });
  return row!.count;
}

export async function countAttempts(db: TDbOrTx, key: string, now: Date, windowMs: number): Promise<number> {
  const [row] = await db
    .select({ count: loginAttempts.count })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.key, key), eq(loginAttempts.windowStart, windowStart(now, windowMs))));
  return row?.count ?? 0;
}

export async function clearAttempts(db: TDbOrTx, key: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}

export async function purgeOldAttempts(db: TDbOrTx, before: Date): Promise<number> {
  const rows = await db.delete(loginAttempts).where(lt(loginAttempts.windowStart, before)).returning();
  return rows.length;
}
