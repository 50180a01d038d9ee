import type { TDb, TDbOrTx } from '@server/db/client.ts';
import { mailOutbox } from '@server/db/schema/index.ts';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { TClock } from '../clock.ts';

export interface TMailMessage {
  to: string;
  subject: string;
  text: string;
}

export const MAIL_DELIVER_JOB = 'mail.deliver';
export const MAIL_SWEEP_JOB = 'mail.sweep';

/** Reuses up to 5 SMTP connections (unless SMTP_URL says otherwise): a burst leaves in parallel. */
function pooled(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  return url.toString();
}

/**
 * Every mail is first written to mail_outbox inside the caller's transaction, so a rolled-back
 * change sends nothing. With SMTP_URL it is then delivered by the queue; without it stays in
 * the outbox (status 'outbox'), where admins read it in demo mode.
 */
export class Mailer {
  private transport: Transporter | null;
  constructor(private readonly opts: { smtpUrl: string | undefined; from: string; clock: TClock }) {
    this.transport = opts.smtpUrl ? nodemailer.createTransport(pooled(opts.smtpUrl)) : null;
  }

  get smtpEnabled(): boolean {
    return this.transport !== null;
  }

  async store(db: TDbOrTx, message: TMailMessage): Promise<string> {
    const [row] = await db
      .insert(mailOutbox)
      .values({
        createdAt: this.opts.clock.now(),
        to: message.to,
        subject: message.subject,
        textBody: message.text,
        status: this.transport ? 'queued' : 'outbox',
      })
      .returning({ id: mailOutbox.id });
    return row!.id;
  }

  /** Sends one stored mail over SMTP; safe to call twice (only a 'queued' row is sent). */
  async deliver(db: TDb, id: string): Promise<void> {
    if (!this.transport) return;
    const [row] = await db
      .update(mailOutbox)
      .set({ status: 'sending', attempts: sql`${mailOutbox.attempts} + 1` })
      .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'queued')))
      .returning();
    if (!row) return;
    try {
      await this.transport.sendMail({
        from: this.opts.from,
        to: row.to,
        subject: row.subject,
        text: row.textBody,
      });
      await db
        .update(mailOutbox)
        .set({ status: 'sent', sentAt: this.opts.clock.now(), error: null })
        .where(eq(mailOutbox.id, id));
    } catch (err) {
      const failed = row.attempts >= 5;
      await db
        .update(mailOutbox)
        .set({
          status: failed ? 'failed' : 'queued',
          error: err instanceof Error ? err.message.slice(0, 500) : 'unknown',
        })
        .where(eq(mailOutbox.id, id));
      if (!failed) throw err; // the queue retries with backoff
    }
  }

  /** Mail still queued (its job lost, e.g. a crash right after commit) or stuck sending. */
  async findStale(db: TDb, olderThanMs: number): Promise<string[]> {
    const before = new Date(this.opts.clock.now().getTime() - olderThanMs);
    await db
      .update(mailOutbox)
      .set({ status: 'queued' })
      .where(and(eq(mailOutbox.status, 'sending'), lt(mailOutbox.createdAt, before)));
    const rows = await db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(inArray(mailOutbox.status, ['queued']), lt(mailOutbox.createdAt, before)));
    return rows.map((r) => r.id);
  }

  close(): void {
    this.transport?.close();
  }
}
