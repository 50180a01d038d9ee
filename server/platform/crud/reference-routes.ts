import { type TListQuery, type TPage, ZIdParams, ZListQuery, ZOk } from '@domain/common.schema.ts';
import type { TResource, TResourceKind } from '@domain/policy.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit.ts';
import { AppError, fieldsFromIssues } from '../errors.ts';
import type { TAppDeps } from '../http/deps.ts';
import { authorize } from '../policy.ts';

// Reference data (municipalities, partnerships, organisations, areas, jobcenters, plans) shares
// one shape of API: list with search/sort/paging and filters, read, create, update, delete.
// Each feature module supplies its repository and schemas; this file supplies the use cases
// (policy check per instance, transaction, audit event) and the thin routes, once.

export interface TReferenceRepository<TOut, TIn, TFilters> {
  list(db: TDbOrTx, query: TListQuery, filters: TFilters): Promise<TPage<TOut>>;
  findById(db: TDbOrTx, id: string): Promise<TOut | undefined>;
  insert(db: TDbOrTx, input: TIn): Promise<string>;
  update(db: TDbOrTx, id: string, input: TIn): Promise<void>;
  remove(db: TDbOrTx, id: string): Promise<void>;
}

export interface TReferenceResourceDef<TOut extends { id: string }, TIn extends object, TFilters> {
  subject: TResourceKind;
  /** e.g. '/api/housing-areas' */
  path: string;
  /** OpenAPI tag. */
  tag: string;
  output: z.ZodType<TOut>;
  /** The input's fields; PATCH accepts any subset of them. */
  fields: z.ZodObject<z.ZodRawShape>;
  /** The full input with cross-field checks, applied to create and to the merged update. */
  input: z.ZodType<TIn>;
  filters: z.ZodType<TFilters>;
  sorts: readonly [string, ...string[]];
  repository: TReferenceRepository<TOut, TIn, TFilters>;
  /** The instance as the policy sees it. */
  resourceOf(row: TOut): TResource;
}

export function registerReferenceResource<TOut extends { id: string }, TIn extends object, TFilters>(
  app: FastifyInstance,
  deps: TAppDeps,
  def: TReferenceResourceDef<TOut, TIn, TFilters>,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { repository: repo, subject } = def;
  // Fastify's type provider cannot resolve a generic response schema statically; the zod
  // serializer still checks every response against `def.output` at run time.
  const output = def.output as z.ZodType;
  const listQuery = ZListQuery.extend({ sort: z.enum(def.sorts).optional() }).and(def.filters);

  async function load(db: TDbOrTx, id: string): Promise<TOut> {
    const row = await repo.findById(db, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  r.get(
    def.path,
    {
      config: { access: { subject, action: 'list' } },
      schema: {
        tags: [def.tag],
        querystring: listQuery,
        response: {
          200: z.object({
            items: z.array(output),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const { q, sort, dir, page, pageSize, ...filters } = request.query as TListQuery & TFilters;
      return repo.list(deps.db, { q, sort, dir, page, pageSize }, filters as TFilters);
    },
  );

  r.get(
    `${def.path}/:id`,
    {
      config: { access: { subject, action: 'read' } },
      schema: { tags: [def.tag], params: ZIdParams, response: { 200: output } },
    },
    async (request) => {
      const row = await load(deps.db, request.params.id);
      await authorize(deps.db, request.ctx, 'read', def.resourceOf(row));
      return row;
    },
  );

  r.post(
    def.path,
    {
      config: { access: { subject, action: 'create' } },
      schema: { tags: [def.tag], body: def.fields, response: { 201: output } },
    },
    async (request, res) => {
      const input = def.input.parse(request.body);
      const id = await deps.db.transaction(async (tx) => {
        const newId = await repo.insert(tx, input);
        const created = await load(tx, newId);
        await authorize(deps.db, request.ctx, 'create', def.resourceOf(created));
        await recordAudit(tx, request.ctx, { action: 'create', entityType: subject, entityId: newId });
        return newId;
      });
      res.code(201);
      return load(deps.db, id);
    },
  );

  r.patch(
    `${def.path}/:id`,
    {
      config: { access: { subject, action: 'update' } },
      schema: { tags: [def.tag], params: ZIdParams, body: def.fields.partial(), response: { 200: output } },
    },
    async (request) => {
      const { id } = request.params;
      await deps.db.transaction(async (tx) => {
        const current = await load(tx, id);
        await authorize(deps.db, request.ctx, 'update', def.resourceOf(current));
        const currentInput = Object.fromEntries(
          Object.keys(def.fields.shape).map((k) => [k, current[k as keyof TOut]]),
        );
        const merged = def.input.safeParse({ ...currentInput, ...(request.body as object) });
        if (!merged.success)
          throw new AppError('VALIDATION_FAILED', undefined, fieldsFromIssues(merged.error.issues));
        await repo.update(tx, id, merged.data);
        // Moving an instance (e.g. an area to another organisation) must stay within the actor's scope.
        await authorize(deps.db, request.ctx, 'update', def.resourceOf(await load(tx, id)));
        await recordAudit(tx, request.ctx, {
          action: 'update',
          entityType: subject,
          entityId: id,
          details: { fields: Object.keys(request.body as object) },
        });
      });
      return load(deps.db, id);
    },
  );

  r.delete(
    `${def.path}/:id`,
    {
      config: { access: { subject, action: 'delete' } },
      schema: { tags: [def.tag], params: ZIdParams, response: { 200: ZOk } },
    },
    async (request) => {
      const { id } = request.params;
      await deps.db.transaction(async (tx) => {
        const current = await load(tx, id);
        await authorize(deps.db, request.ctx, 'delete', def.resourceOf(current));
        await repo.remove(tx, id);
        await recordAudit(tx, request.ctx, { action: 'delete', entityType: subject, entityId: id });
      });
      return { ok: true as const };
    },
  );
}
