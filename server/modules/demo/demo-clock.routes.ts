import { ZDemoClock, ZDemoClockAdvance } from '@domain/demo-clock.schema.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { OffsetClock } from '@server/platform/clock.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

const DAY_MS = 86_400_000;

/**
 * The test clock's two routes, registered only when JOBBRO_TEST_CLOCK is on (demo mode only, so
 * never in production): read Jobbro's "now", and move it forward by whole days.
 */
export function registerDemoClockRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const clock = deps.clock;
  if (!deps.config.testClock || !(clock instanceof OffsetClock)) return;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Demo'];
  const present = () => ({ now: clock.now().toISOString(), offsetDays: Math.round(clock.offset / DAY_MS) });

  r.get(
    '/api/demo/clock',
    {
      config: { access: { subject: 'demo_clock', action: 'read' } },
      schema: { tags, response: { 200: ZDemoClock } },
    },
    async () => present(),
  );

  r.post(
    '/api/demo/clock',
    {
      config: { access: { subject: 'demo_clock', action: 'update' } },
      schema: { tags, body: ZDemoClockAdvance, response: { 200: ZDemoClock } },
    },
    async (request) => {
      clock.advance(request.body.days * DAY_MS);
      await recordAudit(deps.db, request.ctx, {
        action: 'update',
        entityType: 'demo_clock',
        details: { days: request.body.days },
      });
      return present();
    },
  );
}
