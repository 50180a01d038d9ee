import type { TActor } from '@domain/policy.ts';
import type { TClock } from '../clock.ts';
import { AppError } from '../errors.ts';

/** What a service needs to know about the request it serves: who, when, and for the audit log. */
export interface TRequestContext {
  actor: TActor | null;
  requestId: string;
  ip: string | null;
  clock: TClock;
}

/** The logged-in actor of a route that requires a session (the access hook has checked it). */
export function requireActor(ctx: TRequestContext): TActor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}
