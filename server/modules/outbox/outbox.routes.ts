import { ZListQuery, ZPage } from '@domain/common.schema.ts';
import { ZOutboxMail } from '@domain/outbox.schema.ts';
import { mailOutbox } from '@server/db/schema/index.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { fetchPage, totalCount } from '@server/platform/crud/list-query.ts';
import { AppError } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { authorize } from '@server/platform/policy.ts';
import { desc } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/** Demo mode's mailbox: without SMTP, admins read here the mails Jobbro would have sent. */
export function registerOutboxRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/outbox',
    {
      config: { access: { subject: 'mail_outbox', action: 'list' } },
      schema: {
        tags: ['Demo'],
        querystring: ZListQuery.pick({ page: true, pageSize: true }),
        response: { 200: ZPage(ZOutboxMail) },
      },
    },
    async (request) => {
      if (!deps.config.demo) throw new AppError('DEMO_ONLY');
      await authorize(deps.db, request.ctx, 'list', { kind: 'mail_outbox' });
      const page = await fetchPage(request.query, (limit, offset) =>
        deps.db
          .select({ ...mailOutboxColumns, total: totalCount })
          .from(mailOutbox)
          .orderBy(desc(mailOutbox.createdAt))
          .limit(limit)
          .offset(offset),
      );
      await recordAudit(deps.db, request.ctx, {
        action: 'read',
        entityType: 'mail_outbox',
        details: { page: request.query.page },
      });
      return {
        ...page,
        items: page.items.map((m) => ({
          ...m,
          createdAt: m.createdAt.toISOString(),
          sentAt: m.sentAt?.toISOString() ?? null,
        })),
      };
    },
  );
}

const mailOutboxColumns = {
  id: mailOutbox.id,
  createdAt: mailOutbox.createdAt,
  to: mailOutbox.to,
  subject: mailOutbox.subject,
  text: mailOutbox.textBody,
  status: mailOutbox.status,
  sentAt: mailOutbox.sentAt,
};
