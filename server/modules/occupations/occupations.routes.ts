import {
  findOccupation,
  occupationPage,
  ZOccupation,
  ZOccupationListQuery,
  ZOccupationPage,
} from '@domain/occupations.ts';
import { AppError } from '@server/platform/errors.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

// The occupation list is code (domain/occupations.data.ts), not a table: no repository, no
// transaction, no audit of reads (it holds no personal data).

const ZOccupationParams = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,100}$/, { error: 'Ugyldigt stillings-id.' }),
});

export function registerOccupationRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Stillinger'];

  r.get(
    '/api/occupations',
    {
      config: { access: { subject: 'occupation', action: 'list' } },
      schema: { tags, querystring: ZOccupationListQuery, response: { 200: ZOccupationPage } },
    },
    async (request) => occupationPage(request.query),
  );

  r.get(
    '/api/occupations/:id',
    {
      config: { access: { subject: 'occupation', action: 'read' } },
      schema: { tags, params: ZOccupationParams, response: { 200: ZOccupation } },
    },
    async (request) => {
      const occupation = findOccupation(request.params.id);
      if (!occupation) throw new AppError('NOT_FOUND', 'Stillingen findes ikke.');
      return occupation;
    },
  );
}
