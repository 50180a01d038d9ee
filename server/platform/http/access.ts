import { timingSafeEqual } from 'node:crypto';
import type { TMeMembership } from '@domain/auth.schema.ts';
import { can, resourceOfKind, type TAction, type TActor, type TResourceKind } from '@domain/policy.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../audit.ts';
import { loadMemberships, presentMembership, toActor } from '../auth/actor.repository.ts';
import { resolveSession, type TSessionUser } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import type { TAppDeps } from './deps.ts';
import type { TRequestContext } from './request-context.ts';

/**
 * Every route declares who may call it (STYLE.md 2); a test fails on a route without one.
 * - public: no session needed (login, health, docs, the client's static files);
 * - self: any logged-in user, acting on their own account;
 * - subject + action: a logged-in user whom the policy lets take the action on some instance
 *   of the subject. Services then check the specific instance with `authorize`.
 */
export type TRouteAccess =
  | { public: true; reason: string }
  | { self: true }
  | { subject: TResourceKind; action: TAction };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: TRouteAccess;
  }
  interface FastifyRequest {
    auth: TRequestAuth | null;
    ctx: TRequestContext;
  }
}

export interface TRequestAuth {
  sessionId: string;
  csrfToken: string;
  user: TSessionUser;
  actor: TActor;
  memberships: TMeMembership[];
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sessionCookieName(secure: boolean): string {
  // The __Host- prefix pins the cookie to this host, path / and https (RFC 6265bis).
  return secure ? '__Host-jobbro_session' : 'jobbro_session';
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export function registerAccessControl(app: FastifyInstance, deps: TAppDeps): void {
  const cookieName = sessionCookieName(deps.config.secureCookies);
  const policy = {
    secret: deps.config.sessionSecret,
    idleMs: deps.config.sessionIdleMs,
    absoluteMs: deps.config.sessionAbsoluteMs,
  };

  app.decorateRequest('auth', null);
  app.decorateRequest('ctx', null as unknown as TRequestContext);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.ctx = { actor: null, requestId: request.id, ip: request.ip ?? null, clock: deps.clock };
    const access = request.routeOptions.config.access;
    // Unknown routes reach the not-found handler, which answers 404 without touching data.
    if (!request.routeOptions.url) return;
    if (!access) throw new AppError('FORBIDDEN', 'Ruten mangler en adgangserklæring.');

    let expired = false;
    // Only the API looks at sessions: the client's static files need no database round trip.
    const raw = request.url.startsWith('/api/') ? request.cookies[cookieName] : undefined;
    if (raw) {
      const unsigned = request.unsignCookie(raw);
      if (unsigned.valid && unsigned.value) {
        const found = await resolveSession(deps.db, policy, deps.clock.now(), unsigned.value);
        if (found.status === 'ok') {
          const resolved = (await loadMemberships(deps.db, [found.user.id])).get(found.user.id) ?? [];
          request.auth = {
            sessionId: found.sessionId,
            csrfToken: found.csrfToken,
            user: found.user,
            actor: toActor(found.user.id, resolved),
            memberships: resolved.map(presentMembership),
          };
          request.ctx.actor = request.auth.actor;
        } else if (found.status === 'expired') {
          expired = true;
        }
      }
      if (!request.auth) reply.clearCookie(cookieName, { path: '/' });
    }

    if ('public' in access) return;
    if (!request.auth) throw new AppError(expired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');

    if (STATE_CHANGING.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, request.auth.csrfToken)) {
        throw new AppError('CSRF_FAILED');
      }
    }

    if ('subject' in access && !can(request.auth.actor, access.action, resourceOfKind(access.subject))) {
      await recordAudit(deps.db, request.ctx, {
        action: 'denied',
        entityType: access.subject,
        details: { action: access.action, route: `${request.method} ${request.routeOptions.url}` },
      });
      throw new AppError('FORBIDDEN');
    }
  });
}

/** The authenticated caller of a non-public route (the access hook guarantees one). */
export function authOf(request: FastifyRequest): TRequestAuth {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return request.auth;
}
