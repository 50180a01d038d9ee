import type { TListQuery, TPage } from '@domain/common.schema.ts';
import type { TNotification } from '@domain/notification.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import { notifications, users } from '@server/db/schema/index.ts';
import { fetchPage, totalCount } from '@server/platform/crud/list-query.ts';
import { AppError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { MAIL_DELIVER_JOB } from '@server/platform/mail/mailer.ts';
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { renderNotification, type TNotificationParams } from './notification-templates.ts';

export interface TNotifyRequest {
  recipientIds: string[];
  params: TNotificationParams;
  /** In-app path, e.g. `/openings/<id>`; the e-mail links to PUBLIC_URL + path. */
  link: string | null;
  entity?: { type: string; id: string };
  /** Also send an e-mail (default true). */
  email?: boolean;
}

/** Mails written in a transaction, to hand to the queue once it has committed. */
export interface TPendingMails {
  mailIds: string[];
}

/**
 * The reusable notification module: in-app rows with per-user read state, plus an e-mail per
 * recipient through the outbox and the queue. `notify` runs inside the caller's transaction
 * so a rolled-back change notifies nobody; `dispatch` hands the mails to the queue after commit.
 */
export function createNotificationsService(deps: TAppDeps) {
  const { db, clock, config, mailer, queue } = deps;

  function present(row: typeof notifications.$inferSelect): TNotification {
    return {
      id: row.id,
      kind: row.kind,
      title: row.title,
      body: row.body,
      link: row.link,
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt?.toISOString() ?? null,
    };
  }

  return {
    async notify(tx: TDbOrTx, request: TNotifyRequest): Promise<TPendingMails> {
      const recipientIds = [...new Set(request.recipientIds)];
      if (recipientIds.length === 0) return { mailIds: [] };
      const recipients = await tx
        .select({ id: users.id, email: users.email, locale: users.locale, status: users.status })
        .from(users)
        .where(inArray(users.id, recipientIds));
      const url = request.link ? `${config.publicUrl}${request.link}` : null;
      const mailIds: string[] = [];
      for (const r of recipients) {
        if (r.status === 'disabled') continue;
        const rendered = renderNotification(request.params, r.locale, url);
        const mailId =
          request.email === false
            ? null
            : await mailer.store(tx, { to: r.email, subject: rendered.subject, text: rendered.text });
        if (mailId) mailIds.push(mailId);
        await tx.insert(notifications).values({
          userId: r.id,
          kind: rendered.kind,
          title: rendered.title,
          body: rendered.body,
          link: request.link,
          entityType: request.entity?.type ?? null,
          entityId: request.entity?.id ?? null,
          mailId,
          createdAt: clock.now(),
        });
      }
      return { mailIds };
    },

    /** The notifications written about one object, e.g. to record who was referred an opening. */
    async forEntity(tx: TDbOrTx, entityType: string, entityId: string) {
      return tx
        .select({ id: notifications.id, userId: notifications.userId, mailId: notifications.mailId })
        .from(notifications)
        .where(and(eq(notifications.entityType, entityType), eq(notifications.entityId, entityId)));
    },

    async dispatch(pending: TPendingMails): Promise<void> {
      if (!mailer.smtpEnabled) return;
      for (const id of pending.mailIds) await queue.send(MAIL_DELIVER_JOB, { id });
    },

    async list(
      userId: string,
      query: Pick<TListQuery, 'page' | 'pageSize'>,
      unreadOnly: boolean,
    ): Promise<TPage<TNotification>> {
      const where = and(
        eq(notifications.userId, userId),
        unreadOnly ? isNull(notifications.readAt) : undefined,
      );
      const page = await fetchPage(query, (limit, offset) =>
        db
          .select({ row: notifications, total: totalCount })
          .from(notifications)
          .where(where)
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(limit)
          .offset(offset),
      );
      return { ...page, items: page.items.map((i) => present(i.row)) };
    },

    async unreadCount(userId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
      return row?.n ?? 0;
    },

    /** Marks one of the user's own notifications read; someone else's answers 404. */
    async markRead(userId: string, id: string): Promise<TNotification> {
      const [row] = await db
        .update(notifications)
        .set({ readAt: clock.now() })
        .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
        .returning();
      if (!row) throw new AppError('NOT_FOUND');
      return present(row);
    },

    async markAllRead(userId: string): Promise<number> {
      const rows = await db
        .update(notifications)
        .set({ readAt: clock.now() })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      return rows.length;
    },
  };
}
export type TNotificationsService = ReturnType<typeof createNotificationsService>;
