import { z } from 'zod';
import { ZUuid } from './common.schema.ts';

/**
 * Kinds of notification Jobbro sends. Each has a template (server/modules/notifications) that
 * renders Danish (or English) text from parameters that never include resident data.
 */
export const NOTIFICATION_KINDS = [
  'opening_referred',
  'job_dialogue_due',
  'clause_behind',
  'proposal_made',
  'proposal_sent_to_company',
  'company_answered',
  'placement_hired',
  'placement_at_risk',
  'generic',
] as const;
export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const ZNotification = z.object({
  id: ZUuid,
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  /** In-app path to open, e.g. /openings/…; never an external URL. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationListQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const ZUnreadCount = z.object({ count: z.number().int() });
