import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerAgreementRoutes } from './modules/agreements/agreements.routes.ts';
import { registerAllocationRoutes } from './modules/allocations/allocations.routes.ts';
import { registerAssignmentRoutes } from './modules/assignments/assignments.routes.ts';
import { registerAuditLogRoutes } from './modules/audit-log/audit-log.routes.ts';
import { registerAuthRoutes } from './modules/auth/auth.routes.ts';
import { registerBiasReportRoutes } from './modules/bias-report/bias-report.routes.ts';
import { registerCompanyRoutes } from './modules/companies/companies.routes.ts';
import { registerCompanyPortalRoutes } from './modules/company-portal/company-portal.routes.ts';
import { registerDashboardRoutes } from './modules/dashboard/dashboard.routes.ts';
import { registerDemoClockRoutes } from './modules/demo/demo-clock.routes.ts';
import { registerEscalationRoutes } from './modules/escalations/escalations.routes.ts';
import { registerEvaluationExportRoutes } from './modules/evaluation-export/evaluation-export.routes.ts';
import { registerFollowUpRoutes } from './modules/follow-ups/follow-ups.routes.ts';
import { registerGoalRoutes } from './modules/goals/goals.routes.ts';
import { registerHealthRoutes } from './modules/health/health.routes.ts';
import { registerHousingAreaRoutes } from './modules/housing-areas/housing-areas.routes.ts';
import { registerHousingOrganisationRoutes } from './modules/housing-organisations/housing-organisations.routes.ts';
import { registerIndicatorRoutes } from './modules/indicators/indicators.routes.ts';
import { registerJobDialogueRoutes } from './modules/job-dialogues/job-dialogues.routes.ts';
import { registerJobcenterRoutes } from './modules/jobcenters/jobcenters.routes.ts';
import { registerMatchingRoutes } from './modules/matching/matching.routes.ts';
import { registerMilestoneRoutes } from './modules/milestones/milestones.routes.ts';
import { registerMunicipalityRoutes } from './modules/municipalities/municipalities.routes.ts';
import { registerNotificationRoutes } from './modules/notifications/notifications.routes.ts';
import { registerOccupationRoutes } from './modules/occupations/occupations.routes.ts';
import { registerOpeningRoutes } from './modules/openings/openings.routes.ts';
import { registerReferralContactRoutes } from './modules/openings/referral-contacts.routes.ts';
import { registerOutboxRoutes } from './modules/outbox/outbox.routes.ts';
import { registerPartnershipRoutes } from './modules/partnerships/partnerships.routes.ts';
import { registerPlacementRoutes } from './modules/placements/placements.routes.ts';
import { registerProposalRoutes } from './modules/proposals/proposals.routes.ts';
import { registerReportRoutes } from './modules/reports/reports.routes.ts';
import { registerResidentImportRoutes } from './modules/resident-imports/resident-imports.routes.ts';
import { registerResidentRightsRoutes } from './modules/resident-rights/resident-rights.routes.ts';
import { registerResidentRoutes } from './modules/residents/residents.routes.ts';
import { registerSocialClauseRoutes } from './modules/social-clauses/social-clauses.routes.ts';
import { registerSocialHousingPlanRoutes } from './modules/social-housing-plans/social-housing-plans.routes.ts';
import { registerSteeringGroupRoutes } from './modules/steering-groups/steering-groups.routes.ts';
import { registerUserRoutes } from './modules/users/users.routes.ts';
import { errorBody, registerErrorHandling } from './platform/errors.ts';
import { registerAccessControl, type TRouteAccess } from './platform/http/access.ts';
import type { TAppDeps } from './platform/http/deps.ts';

/** The largest file any upload route accepts (a 100,000-row jobcenter list is about 12 MB). */
export const MAX_UPLOAD_BYTES = 40 * 1024 * 1024;

export const CLIENT_DIST = fileURLToPath(new URL('../dist/client', import.meta.url));

export interface TBuildOptions {
  /** pino logger options, or false for tests. */
  logger?: boolean | object;
  /** Serve the built client from dist/client (when it exists). */
  serveClient?: boolean;
}

export interface TRegisteredRoute {
  method: string;
  url: string;
  access: TRouteAccess | undefined;
}

/** Builds the Fastify app with every module; main.ts listens, tests use app.inject(). */
export async function buildApp(deps: TAppDeps, options: TBuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Every route is recorded with its access declaration; the route test walks this list.
  const routes: TRegisteredRoute[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) {
      route.config = { ...(route.config ?? {}), access: { public: true, reason: 'API documentation' } };
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, access: route.config?.access });
    }
  });

  registerErrorHandling(app);
  await app.register(fastifyCookie, { secret: deps.config.sessionSecret });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine injects its CSS variables at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: deps.config.secureCookies ? [] : null,
      },
    },
    hsts: deps.config.secureCookies,
  });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    // API responses may carry personal data: never cached by a browser or proxy.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  // File uploads (CVs, jobcenter lists) arrive as multipart/form-data, one file per request;
  // routes read them with request.file() and may lower the size limit (a CV: 5 MB).
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20, fieldSize: 64 * 1024 },
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Jobbro API',
        description:
          'Jobbro: jobs for residents of social housing areas. Errors: { error: { code, message, fields? } }.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'jobbro_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get(
    '/api/openapi.json',
    { config: { access: { public: true, reason: 'API documentation' } }, schema: { hide: true } },
    async () => app.swagger(),
  );

  registerAccessControl(app, deps);
  registerHealthRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerMunicipalityRoutes(app, deps);
  registerPartnershipRoutes(app, deps);
  registerHousingOrganisationRoutes(app, deps);
  registerHousingAreaRoutes(app, deps);
  registerJobcenterRoutes(app, deps);
  registerSocialHousingPlanRoutes(app, deps);
  registerCompanyRoutes(app, deps);
  registerAuditLogRoutes(app, deps);
  registerOutboxRoutes(app, deps);
  registerOccupationRoutes(app);
  registerNotificationRoutes(app, deps);
  registerOpeningRoutes(app, deps);
  registerReferralContactRoutes(app, deps);
  registerAssignmentRoutes(app, deps);
  registerJobDialogueRoutes(app, deps);
  registerSocialClauseRoutes(app, deps);
  registerAgreementRoutes(app, deps);
  registerResidentRoutes(app, deps);
  registerResidentRightsRoutes(app, deps);
  registerResidentImportRoutes(app, deps);
  registerBiasReportRoutes(app, deps);
  registerProposalRoutes(app, deps);
  registerAllocationRoutes(app, deps);
  registerMatchingRoutes(app, deps);
  registerCompanyPortalRoutes(app, deps);
  registerDemoClockRoutes(app, deps);
  registerFollowUpRoutes(app, deps);
  registerPlacementRoutes(app, deps);
  registerEscalationRoutes(app, deps);
  registerIndicatorRoutes(app, deps);
  registerSteeringGroupRoutes(app, deps);
  registerGoalRoutes(app, deps);
  registerMilestoneRoutes(app, deps);
  registerEvaluationExportRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerReportRoutes(app, deps);

  if (options.serveClient && existsSync(path.join(CLIENT_DIST, 'index.html'))) {
    // serve: false — only the two routes below serve files, each with its access declaration.
    await app.register(fastifyStatic, { root: CLIENT_DIST, serve: false, cacheControl: false });
    const publicAccess = { access: { public: true as const, reason: 'the web client' } };
    // Hashed assets are immutable; index.html must always be fresh.
    app.get('/assets/*', { config: publicAccess }, (request, reply) => {
      const file = (request.params as { '*': string })['*'];
      return reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .sendFile(path.join('assets', file));
    });
    app.get('/*', { config: publicAccess }, (request, reply) => {
      if (request.url.startsWith('/api/')) {
        return reply
          .code(404)
          .send(errorBody('ROUTE_NOT_FOUND', `Adressen findes ikke: ${request.method} ${request.url}`));
      }
      const file = (request.params as { '*': string })['*'];
      if (file && existsSync(path.join(CLIENT_DIST, file)) && !file.includes('..'))
        return reply.sendFile(file);
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: TRegisteredRoute[];
  }
}
