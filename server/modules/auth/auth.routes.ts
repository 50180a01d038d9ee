import {
  ZAcceptInvitationRequest,
  ZChangePasswordRequest,
  ZInvitationInfo,
  ZLoginRequest,
  ZMe,
} from '@domain/auth.schema.ts';
import { ZOk } from '@domain/common.schema.ts';
import { authOf, sessionCookieName } from '@server/platform/http/access.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAuthService } from './auth.service.ts';

export function registerAuthRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const auth = createAuthService(deps);
  const cookieName = sessionCookieName(deps.config.secureCookies);
  const tags = ['Login og konto'];

  r.post(
    '/api/auth/login',
    {
      config: { access: { public: true, reason: 'logging in' } },
      schema: { tags, body: ZLoginRequest, response: { 200: ZMe } },
    },
    async (request, reply) => {
      const result = await auth.login(request.ctx, request.body, request.headers['user-agent'] ?? null);
      reply.setCookie(cookieName, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.secureCookies,
        signed: true,
      });
      return result.me;
    },
  );

  r.post(
    '/api/auth/logout',
    { config: { access: { self: true } }, schema: { tags, response: { 200: ZOk } } },
    async (request, reply) => {
      await auth.logout(request.ctx, authOf(request));
      reply.clearCookie(cookieName, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/me',
    { config: { access: { self: true } }, schema: { tags, response: { 200: ZMe } } },
    async (request) => auth.me(authOf(request)),
  );

  r.post(
    '/api/auth/password',
    {
      config: { access: { self: true } },
      schema: { tags, body: ZChangePasswordRequest, response: { 200: ZOk } },
    },
    async (request, reply) => {
      await auth.changePassword(request.ctx, authOf(request), request.body);
      // Every session of the user ended, this one too: the client logs in again.
      reply.clearCookie(cookieName, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/auth/invitations/:token',
    {
      config: { access: { public: true, reason: 'an invited user opens the link before having a password' } },
      schema: {
        tags,
        params: z.object({ token: z.string().min(20).max(200) }),
        response: { 200: ZInvitationInfo },
      },
    },
    async (request) => {
      const info = await auth.invitationInfo(request.params.token);
      return { email: info.email, name: info.name };
    },
  );

  r.post(
    '/api/auth/invitations/accept',
    {
      config: { access: { public: true, reason: 'an invited user sets the first password' } },
      schema: { tags, body: ZAcceptInvitationRequest, response: { 200: ZOk } },
    },
    async (request) => {
      await auth.acceptInvitation(request.ctx, request.body);
      return { ok: true as const };
    },
  );
}
