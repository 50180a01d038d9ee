import { ZIdParams, ZListQuery, ZPage } from '@domain/common.schema.ts';
import { ZNotification, ZNotificationListQuery, ZUnreadCount } from '@domain/notification.schema.ts';
import { authOf } from '@server/platform/http/access.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createNotificationsService } from './notifications.service.ts';

/** A user's own notifications: every route acts on the caller's rows only. */
export function registerNotificationRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createNotificationsService(deps);
  const tags = ['Notifikationer'];

  r.get(
    '/api/notifications',
    {
      config: { access: { self: true } },
      schema: {
        tags,
        querystring: ZListQuery.pick({ page: true, pageSize: true }).extend(ZNotificationListQuery.shape),
        response: { 200: ZPage(ZNotification) },
      },
    },
    async (request) => {
      const { page, pageSize, unread } = request.query;
      return service.list(authOf(request).user.id, { page, pageSize }, unread);
    },
  );

  r.get(
    '/api/notifications/unread-count',
    { config: { access: { self: true } }, schema: { tags, response: { 200: ZUnreadCount } } },
    async (request) => ({ count: await service.unreadCount(authOf(request).user.id) }),
  );

  r.post(
    '/api/notifications/:id/read',
    {
      config: { access: { self: true } },
      schema: { tags, params: ZIdParams, response: { 200: ZNotification } },
    },
    async (request) => service.markRead(authOf(request).user.id, request.params.id),
  );

  r.post(
    '/api/notifications/read-all',
    {
      config: { access: { self: true } },
      schema: { tags, response: { 200: z.object({ updated: z.number().int() }) } },
    },
    async (request) => ({ updated: await service.markAllRead(authOf(request).user.id) }),
  );
}
