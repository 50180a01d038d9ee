import { z } from 'zod';
import { ZIsoDate, ZUuid } from './common.schema.ts';

export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'read',
  'search',
  'create',
  'update',
  'delete',
  'export',
  /** A resident anonymised: on their erasure request or by the retention rule (issue 4). */
  'erase',
  'denied',
] as const;
export type TAuditAction = (typeof AUDIT_ACTIONS)[number];

export const ZAuditEvent = z.object({
  id: z.string(),
  at: z.string(),
  userId: ZUuid.nullable(),
  userEmail: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

export const ZAuditQuery = z.object({
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  userId: ZUuid.optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  entityType: z.string().max(60).optional(),
  /**
   * "Was this text searched?": searches keep only a keyed fingerprint of the typed text, so the
   * server fingerprints this text the same way and finds the searches that match it.
   */
  searched: z.string().trim().min(1).max(200).optional(),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;
