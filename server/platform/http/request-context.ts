import type { TActor } from '@domain/policy.ts';
import type { TClock } from '../clock.ts';

/** What a service needs to know about the request it serves: who, when, and for the audit log. */
export interface TRequestContext {
  actor: TActor | null;
  requestId: string;
  ip: string | null;
  clock: TClock;
}
