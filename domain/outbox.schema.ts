import { z } from 'zod';

export const ZOutboxMail = z.object({
  id: z.string(),
  createdAt: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(['queued', 'sending', 'sent', 'failed', 'outbox']),
  sentAt: z.string().nullable(),
});
export type TOutboxMail = z.infer<typeof ZOutboxMail>;
