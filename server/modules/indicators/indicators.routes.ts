import { ZIdParams, ZOk, ZPage } from '@domain/common.schema.ts';
import {
  ZAreaClassificationView,
  ZClassificationInputBody,
  ZClassificationQuery,
  ZCustomIndicatorInput,
  ZIndicatorDefinition,
  ZIndicatorDefinitionQuery,
  ZIndicatorImportFile,
  ZIndicatorImportResult,
  ZIndicatorListQuery,
  ZIndicatorSeries,
  ZIndicatorSeriesQuery,
  ZIndicatorValue,
  ZIndicatorValueInput,
} from '@domain/indicator.schema.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createIndicatorsService } from './indicators.service.ts';

// Area indicators (issue 7 item 2) and area classification (item 3). Route level: the roles that
// may read or write some area's figures; the service checks the area.

const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

export function registerIndicatorRoutes(app: FastifyInstance, deps: TAppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createIndicatorsService(deps);
  const tags = ['Indikatorer'];

  r.get(
    '/api/indicators',
    {
      config: { access: { subject: 'area_indicator', action: 'list' } },
      schema: {
        tags,
        summary: 'Indikatorværdier pr. område og år',
        querystring: ZIndicatorListQuery,
        response: { 200: ZPage(ZIndicatorValue) },
      },
    },
    async (request) => service.list(request.ctx, request.query),
  );

  r.get(
    '/api/indicators/definitions',
    {
      config: { access: { subject: 'indicator_definition', action: 'list' } },
      schema: {
        tags,
        summary: 'Jobbros faste indikatorer og partnerskabernes egne',
        querystring: ZIndicatorDefinitionQuery,
        response: { 200: z.array(ZIndicatorDefinition) },
      },
    },
    async (request) => service.definitions(request.ctx, request.query.partnershipId),
  );

  r.post(
    '/api/indicators/definitions',
    {
      config: { access: { subject: 'indicator_definition', action: 'create' } },
      schema: { tags, body: ZCustomIndicatorInput, response: { 200: ZIndicatorDefinition } },
    },
    async (request) => service.defineIndicator(request.ctx, request.body),
  );

  r.put(
    '/api/indicators',
    {
      config: { access: { subject: 'area_indicator', action: 'update' } },
      schema: { tags, body: ZIndicatorValueInput, response: { 200: ZIndicatorValue } },
    },
    async (request) => service.upsert(request.ctx, request.body),
  );

  r.delete(
    '/api/indicators/:id',
    {
      config: { access: { subject: 'area_indicator', action: 'delete' } },
      schema: { tags, params: ZIdParams, response: { 200: ZOk } },
    },
    async (request) => {
      await service.remove(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/indicators/series',
    {
      config: { access: { subject: 'area_indicator', action: 'read' } },
      schema: {
        tags,
        summary: 'Et områdes indikatorer år for år med kommunens gennemsnit',
        querystring: ZIndicatorSeriesQuery,
        response: { 200: ZIndicatorSeries },
      },
    },
    async (request) => service.series(request.ctx, request.query.areaId),
  );

  r.post(
    '/api/indicators/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { access: { subject: 'area_indicator', action: 'create' } },
      schema: {
        tags,
        summary: 'Indlæs indikatorværdier fra CSV eller XLSX (prøvekørsel eller gem alt-eller-intet)',
        body: ZIndicatorImportFile,
        response: { 200: ZIndicatorImportResult },
      },
    },
    async (request) => service.importFile(request.ctx, request.body),
  );

  r.get(
    '/api/areas/:id/classification',
    {
      config: { access: { subject: 'area_classification', action: 'read' } },
      schema: {
        tags,
        summary: 'Områdets klassifikation for et år (udsat område, ghettoområde, hårdt ghettoområde)',
        params: ZIdParams,
        querystring: ZClassificationQuery,
        response: { 200: ZAreaClassificationView },
      },
    },
    async (request) => service.classification(request.ctx, request.params.id, request.query.year),
  );

  r.put(
    '/api/areas/:id/classification',
    {
      config: { access: { subject: 'area_classification', action: 'update' } },
      schema: {
        tags,
        params: ZIdParams,
        body: ZClassificationInputBody,
        response: { 200: ZAreaClassificationView },
      },
    },
    async (request) => service.storeClassification(request.ctx, request.params.id, request.body),
  );
}
