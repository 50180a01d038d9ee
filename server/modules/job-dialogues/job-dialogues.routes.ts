import { ZIdParams, ZPage } from '@domain/common.schema.ts';
import {
  ZDialogueOutcomeInput,
  ZJobDialogue,
  ZJobDialogueCreate,
  ZJobDialogueDetail,
  ZJobDialogueListQuery,
  ZJobDialogueReassign,
  ZOpeningDraft,
} from '@domain/job-dialogue.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createJobDialoguesService } from './job-dialogues.service.ts';

export function registerJobDialogueRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createJobDialoguesService(deps);
  const tags = ['Jobdialoger'];

  r.get(
    '/api/job-dialogues',
    {
      config: { access: { subject: 'job_dialogue', action: 'list' } },
      schema: { tags, querystring: ZJobDialogueListQuery, response: { 200: ZPage(ZJobDialogue) } },
    },
    async (request) => service.list(request.ctx, request.query),
  );

  r.get(
    '/api/job-dialogues/:id',
    {
      config: { access: { subject: 'job_dialogue', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: ZJobDialogueDetail } },
    },
    async (request) => service.get(request.ctx, request.params.id),
  );

  r.post(
    '/api/job-dialogues',
    {
      config: { access: { subject: 'job_dialogue', action: 'create' } },
      schema: { tags, body: ZJobDialogueCreate, response: { 201: ZJobDialogueDetail } },
    },
    async (request, reply) => {
      const created = await service.create(request.ctx, request.body);
      reply.code(201);
      return created;
    },
  );

  r.post(
    '/api/job-dialogues/:id/outcome',
    {
      config: { access: { subject: 'job_dialogue', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZDialogueOutcomeInput, response: { 200: ZJobDialogueDetail } },
    },
    async (request) => service.recordOutcome(request.ctx, request.params.id, request.body),
  );

  r.post(
    '/api/job-dialogues/:id/assignee',
    {
      config: { access: { subject: 'job_dialogue', action: 'update' } },
      schema: { tags, params: ZIdParams, body: ZJobDialogueReassign, response: { 200: ZJobDialogueDetail } },
    },
    async (request) => service.reassign(request.ctx, request.params.id, request.body.assignedToUserId),
  );

  r.get(
    '/api/job-dialogues/:id/opening-draft',
    {
      config: { access: { subject: 'job_dialogue', action: 'read' } },
      schema: { tags, params: ZIdParams, response: { 200: ZOpeningDraft } },
    },
    async (request) => service.openingDraft(request.ctx, request.params.id),
  );
}
