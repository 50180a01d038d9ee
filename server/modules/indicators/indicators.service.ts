import type { TPage } from '@domain/common.schema.ts';
import {
  builtInIndicator,
  INDICATOR_CATALOGUE,
  INDICATOR_IMPORT_COLUMNS,
  indicatorValueProblems,
  mapIndicatorHeader,
  parseDanishNumber,
  type TAreaClassificationView,
  type TCustomIndicatorInput,
  type TIndicatorDefinition,
  type TIndicatorDefinitionView,
  type TIndicatorImportField,
  type TIndicatorImportFile,
  type TIndicatorImportResult,
  type TIndicatorImportRow,
  type TIndicatorListQuery,
  type TIndicatorSeries,
  type TIndicatorValue,
  type TIndicatorValueInput,
  ZIndicatorValueInput,
} from '@domain/indicator.schema.ts';
import { can } from '@domain/policy.ts';
import {
  CLASSIFICATION_RULES,
  classifyArea,
  findClassificationRules,
  ZAreaClassificationInput,
} from '@domain/rules/area-classification.ts';
import { recordAudit } from '@server/platform/audit.ts';
import { AppError, fieldError, fieldsFromIssues } from '@server/platform/errors.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import type { TRequestContext } from '@server/platform/http/request-context.ts';
import { requireActor } from '@server/platform/http/request-context.ts';
import { authorize } from '@server/platform/policy.ts';
import { detectSpreadsheetKind, fileError, readSpreadsheet } from '@server/platform/spreadsheet.ts';
import { presentClassification, presentValue } from './indicators.presenter.ts';
import {
  allAreas,
  areaValues,
  customDefinitions,
  deleteValue,
  findArea,
  findClassificationInput,
  findValue,
  findValueById,
  insertCustomDefinition,
  listValues,
  partnershipExists,
  type TAreaRow,
  type TCustomDefinitionRow,
  upsertClassificationInput,
  upsertValue,
} from './indicators.repository.ts';

export const MAX_INDICATOR_IMPORT_ROWS = 5000;

const areaResource = (kind: 'area_indicator' | 'area_classification', area: TAreaRow) => ({
  kind,
  id: area.id,
  housingOrganisationId: area.housingOrganisationId,
  socialHousingPlanId: area.socialHousingPlanId,
});

/** The built-in indicator, or the area's partnership's own; null when the key is unknown there. */
function definitionFor(
  key: string,
  partnershipId: string,
  customs: readonly TCustomDefinitionRow[],
): TIndicatorDefinition | null {
  const builtIn = builtInIndicator(key);
  if (builtIn) return builtIn;
  const own = customs.find((c) => c.key === key && c.partnershipId === partnershipId);
  return own ? { key: own.key, nameDa: own.nameDa, unit: own.unit, builtIn: false } : null;
}

const unknownIndicator = (key: string) =>
  `Ukendt indikator "${key}". Brug en af Jobbros faste indikatorer eller partnerskabets egne.`;

/**
 * Area indicators and classification (issue 7 items 2-3). Aggregates about areas: every staff
 * role reads them; the secretariat and the area's organisation and social plan write them.
 */
export function createIndicatorsService(deps: TAppDeps) {
  const { db, clock } = deps;

  async function areaOr404(id: string): Promise<TAreaRow> {
    const area = await findArea(db, id);
    if (!area) throw new AppError('NOT_FOUND', 'Boligområdet findes ikke.');
    return area;
  }

  function nameOf(key: string, partnershipId: string, customs: readonly TCustomDefinitionRow[]) {
    return definitionFor(key, partnershipId, customs) ?? { key, nameDa: key, unit: 'number' as const };
  }

  return {
    async list(ctx: TRequestContext, query: TIndicatorListQuery): Promise<TPage<TIndicatorValue>> {
      await authorize(db, ctx, 'list', { kind: 'area_indicator' });
      const page = await listValues(db, query);
      const customs = await customDefinitions(db, [...new Set(page.items.map((i) => i.partnershipId))]);
      return {
        ...page,
        items: page.items.map((row) => presentValue(row, nameOf(row.indicator, row.partnershipId, customs))),
      };
    },

    /** The catalogue and the partnerships' own indicators (one partnership's when asked). */
    async definitions(
      ctx: TRequestContext,
      partnershipId: string | undefined,
    ): Promise<TIndicatorDefinitionView[]> {
      await authorize(db, ctx, 'list', { kind: 'indicator_definition' });
      const own = await customDefinitions(db, partnershipId ? [partnershipId] : undefined);
      return [
        ...INDICATOR_CATALOGUE.map((d) => ({ ...d, partnershipId: null })),
        ...own
          .map((d) => ({
            key: d.key,
            nameDa: d.nameDa,
            unit: d.unit,
            builtIn: false,
            partnershipId: d.partnershipId,
          }))
          .sort((a, b) => a.nameDa.localeCompare(b.nameDa, 'da-DK')),
      ];
    },

    /** Adds a partnership's own indicator; its key is then valid for the partnership's areas. */
    async defineIndicator(
      ctx: TRequestContext,
      input: TCustomIndicatorInput,
    ): Promise<TIndicatorDefinitionView> {
      if (!(await partnershipExists(db, input.partnershipId))) {
        throw new AppError('NOT_FOUND', 'Partnerskabet findes ikke.');
      }
      await authorize(db, ctx, 'create', {
        kind: 'indicator_definition',
        partnershipId: input.partnershipId,
      });
      const existing = await customDefinitions(db, [input.partnershipId]);
      if (existing.some((d) => d.key === input.key)) {
        throw new AppError('CONFLICT', `Partnerskabet har allerede en indikator med nøglen "${input.key}".`, {
          key: `Partnerskabet har allerede en indikator med nøglen "${input.key}".`,
        });
      }
      await db.transaction(async (tx) => {
        await insertCustomDefinition(tx, input);
        await recordAudit(tx, ctx, {
          action: 'create',
          entityType: 'indicator_definition',
          entityId: input.partnershipId,
          details: { key: input.key },
        });
      });
      return {
        key: input.key,
        nameDa: input.nameDa,
        unit: input.unit,
        builtIn: false,
        partnershipId: input.partnershipId,
      };
    },

    /** Stores the value of an area, indicator and year, replacing one already there. */
    async upsert(ctx: TRequestContext, input: TIndicatorValueInput): Promise<TIndicatorValue> {
      const area = await areaOr404(input.areaId);
      await authorize(db, ctx, 'update', areaResource('area_indicator', area));
      const customs = await customDefinitions(db, [area.partnershipId]);
      const definition = definitionFor(input.indicator, area.partnershipId, customs);
      if (!definition) throw fieldError('indicator', unknownIndicator(input.indicator));
      const problems = indicatorValueProblems(definition.unit, input);
      const [field, message] = Object.entries(problems)[0] ?? [];
      if (field && message) throw new AppError('VALIDATION_FAILED', message, problems);
      const before = await findValue(db, input);
      await db.transaction(async (tx) => {
        await upsertValue(tx, input, clock.now());
        await recordAudit(tx, ctx, {
          action: before ? 'update' : 'create',
          entityType: 'area_indicator',
          entityId: area.id,
          details: { indicator: input.indicator, year: input.year },
        });
      });
      const row = await findValue(db, input);
      return presentValue(row!, definition);
    },

    async remove(ctx: TRequestContext, id: string): Promise<void> {
      const row = await findValueById(db, id);
      if (!row) throw new AppError('NOT_FOUND', 'Værdien findes ikke.');
      const area = await areaOr404(row.areaId);
      await authorize(db, ctx, 'delete', areaResource('area_indicator', area));
      await db.transaction(async (tx) => {
        await deleteValue(tx, row.id);
        await recordAudit(tx, ctx, {
          action: 'delete',
          entityType: 'area_indicator',
          entityId: area.id,
          details: { indicator: row.indicator, year: row.year },
        });
      });
    },

    /** An area's yearly values per indicator with the municipal line, in catalogue order. */
    async series(ctx: TRequestContext, areaId: string): Promise<TIndicatorSeries> {
      await authorize(db, ctx, 'read', { kind: 'area_indicator' });
      const area = await areaOr404(areaId);
      const rows = await areaValues(db, area.id);
      const customs = await customDefinitions(db, [area.partnershipId]);
      const keys = [...new Set(rows.map((r) => r.indicator))];
      keys.sort((a, b) => catalogueIndex(a) - catalogueIndex(b) || a.localeCompare(b, 'da-DK'));
      return {
        areaId: area.id,
        areaName: area.name,
        indicators: keys.map((key) => {
          const d = nameOf(key, area.partnershipId, customs);
          return {
            indicator: key,
            nameDa: d.nameDa,
            unit: d.unit,
            points: rows
              .filter((r) => r.indicator === key)
              .map((r) => ({
                year: r.year,
                value: r.value,
                municipalAverage: r.municipalAverage,
                source: r.source,
              })),
          };
        }),
      };
    },

    /**
     * Checks an import file row by row; without `dryRun` stores every row in one transaction, and
     * nothing at all when any row is bad.
     */
    async importFile(ctx: TRequestContext, file: TIndicatorImportFile): Promise<TIndicatorImportResult> {
      await authorize(db, ctx, 'create', { kind: 'area_indicator' });
      const actor = requireActor(ctx);
      const content = Buffer.from(file.contentBase64, 'base64');
      const kind = await detectSpreadsheetKind(content);
      if (!kind) throw fileError('Filen skal være CSV eller XLSX.');
      const table = await readSpreadsheet(kind, content);
      const [header, ...body] = table;
      if (!header || header.every((h) => !h?.trim())) throw fileError('Filen er tom.');
      const byColumn = header.map((h) => mapIndicatorHeader(h ?? ''));
      const required: TIndicatorImportField[] = ['area', 'indicator', 'year', 'value', 'source'];
      const missing = required.filter((f) => !byColumn.includes(f));
      if (missing.length > 0) {
        const names = missing.map((f) => `"${INDICATOR_IMPORT_COLUMNS[f][0]}"`).join(', ');
        throw fileError(`Filen mangler kolonnerne ${names} i første række.`);
      }
      const present = byColumn.filter((f): f is TIndicatorImportField => f !== null);
      if (new Set(present).size !== present.length)
        throw fileError('Filen har den samme kolonne flere gange.');
      const parsed: { row: number; values: Partial<Record<TIndicatorImportField, string>> }[] = [];
      body.forEach((cells, i) => {
        if (cells.every((c) => !c?.trim())) return;
        const values: Partial<Record<TIndicatorImportField, string>> = {};
        byColumn.forEach((field, col) => {
          if (field) values[field] = (cells[col] ?? '').trim();
        });
        parsed.push({ row: i + 2, values });
      });
      if (parsed.length === 0) throw fileError('Filen har ingen rækker under overskrifterne.');
      if (parsed.length > MAX_INDICATOR_IMPORT_ROWS) {
        throw fileError(`Højst ${MAX_INDICATOR_IMPORT_ROWS} rækker pr. fil.`);
      }

      const areas = await allAreas(db);
      const customs = await customDefinitions(db);
      const byName = new Map<string, TAreaRow[]>();
      for (const a of areas) {
        const k = a.name.toLocaleLowerCase('da-DK');
        byName.set(k, [...(byName.get(k) ?? []), a]);
      }
      const seen = new Map<string, number>();
      const checked: { out: TIndicatorImportRow; write: TIndicatorValueInput | null }[] = [];
      for (const { row, values } of parsed) {
        const errors: Record<string, string> = {};
        const matches = byName.get((values.area ?? '').toLocaleLowerCase('da-DK')) ?? [];
        const area = matches.length === 1 ? matches[0]! : null;
        if (!values.area) errors.area = 'Området skal udfyldes.';
        else if (matches.length === 0) errors.area = `Ukendt boligområde "${values.area}".`;
        else if (matches.length > 1) errors.area = `Flere boligområder hedder "${values.area}".`;
        else if (!can(actor, 'update', areaResource('area_indicator', area!))) {
          errors.area = `Du kan ikke ændre tal for ${area!.name}.`;
        }
        const indicatorText = values.indicator ?? '';
        const ownByName = customs.find(
          (c) =>
            c.partnershipId === area?.partnershipId &&
            c.nameDa.toLocaleLowerCase('da-DK') === indicatorText.toLocaleLowerCase('da-DK'),
        );
        const key = ownByName?.key ?? catalogueKeyByName(indicatorText) ?? indicatorText;
        const number = (field: 'year' | 'value' | 'municipalAverage') => {
          const n = parseDanishNumber(values[field] ?? '');
          return n === null ? undefined : n;
        };
        const candidate = {
          areaId: area?.id ?? '00000000-0000-4000-8000-000000000000',
          indicator: key,
          year: values.year === '' ? undefined : (number('year') ?? values.year),
          value: number('value'),
          municipalAverage: number('municipalAverage') ?? null,
          source: values.source ?? '',
          note: values.note ?? null,
        };
        const result = ZIndicatorValueInput.safeParse(candidate);
        if (!result.success) {
          for (const [k, m] of Object.entries(fieldsFromIssues(result.error.issues))) errors[k] ??= m;
        }
        if (!indicatorText) errors.indicator = 'Indikatoren skal udfyldes.';
        const definition = area && indicatorText ? definitionFor(key, area.partnershipId, customs) : null;
        if (area && indicatorText && !definition) errors.indicator ??= unknownIndicator(indicatorText);
        let write: TIndicatorValueInput | null = null;
        if (result.success && area && definition) {
          for (const [k, m] of Object.entries(indicatorValueProblems(definition.unit, result.data))) {
            errors[k] ??= m;
          }
          const dupKey = `${area.id}|${result.data.indicator}|${result.data.year}`;
          const first = seen.get(dupKey);
          if (first !== undefined) errors.year ??= `Samme område, indikator og år som række ${first}.`;
          else seen.set(dupKey, row);
          if (Object.keys(errors).length === 0) write = result.data;
        }
        const stringValues = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v ?? '']));
        checked.push({ out: { row, values: stringValues, errors, action: null }, write });
      }
      for (const c of checked) {
        if (c.write) c.out.action = (await findValue(db, c.write)) ? 'update' : 'create';
      }
      const invalid = checked.filter((c) => !c.write).length;
      const store = !file.dryRun && invalid === 0;
      if (store) {
        await db.transaction(async (tx) => {
          const now = clock.now();
          for (const c of checked) await upsertValue(tx, c.write!, now);
          await recordAudit(tx, ctx, {
            action: 'create',
            entityType: 'area_indicator',
            details: { import: file.fileName, rows: checked.length },
          });
        });
      }
      const rows = checked.map((c) => c.out);
      return {
        fileName: file.fileName,
        rows,
        counts: {
          total: rows.length,
          create: rows.filter((r) => r.action === 'create').length,
          update: rows.filter((r) => r.action === 'update').length,
          invalid,
        },
        stored: store,
      };
    },

    /** The stored inputs of an area and year and what the year's rules make of them. */
    async classification(
      ctx: TRequestContext,
      areaId: string,
      year: number,
    ): Promise<TAreaClassificationView> {
      await authorize(db, ctx, 'read', { kind: 'area_classification' });
      const area = await areaOr404(areaId);
      const rules = findClassificationRules(year);
      if (!rules) throw fieldError('year', noRulesMessage(year));
      const input = await findClassificationInput(db, area.id, year);
      return presentClassification(area, year, input ?? null, (i) => classifyArea(i, rules));
    },

    /** Stores an area's inputs for a year, validated by that year's rules. */
    async storeClassification(
      ctx: TRequestContext,
      areaId: string,
      body: Record<string, unknown>,
    ): Promise<TAreaClassificationView> {
      const area = await areaOr404(areaId);
      await authorize(db, ctx, 'update', areaResource('area_classification', area));
      const { source, note, ...rest } = body;
      const parsed = ZAreaClassificationInput.safeParse(rest);
      if (!parsed.success) {
        const fields = fieldsFromIssues(parsed.error.issues);
        const first = parsed.error.issues[0]!;
        const field = first.path.length === 0 ? 'year' : undefined;
        throw new AppError('VALIDATION_FAILED', first.message, field ? { year: first.message } : fields);
      }
      const input = parsed.data;
      await db.transaction(async (tx) => {
        const before = await findClassificationInput(tx, area.id, input.year);
        await upsertClassificationInput(
          tx,
          {
            areaId: area.id,
            year: input.year,
            residents: input.residents,
            yearsOnList: input.yearsOnList,
            values: input.values,
            source: (source as string | null | undefined) ?? null,
            note: (note as string | null | undefined) ?? null,
          },
          clock.now(),
        );
        await recordAudit(tx, ctx, {
          action: before ? 'update' : 'create',
          entityType: 'area_classification',
          entityId: area.id,
          details: { year: input.year },
        });
      });
      return this.classification(ctx, area.id, input.year);
    },
  };
}

/** Catalogue order first, a partnership's own indicators after. */
function catalogueIndex(key: string): number {
  const i = INDICATOR_CATALOGUE.findIndex((d) => d.key === key);
  return i === -1 ? INDICATOR_CATALOGUE.length : i;
}

/** A file may name a built-in indicator by its key or its Danish name. */
function catalogueKeyByName(text: string): string | null {
  const t = text.trim().toLocaleLowerCase('da-DK');
  return (
    INDICATOR_CATALOGUE.find((d) => d.key === t || d.nameDa.toLocaleLowerCase('da-DK') === t)?.key ?? null
  );
}

function noRulesMessage(year: number): string {
  const known = Object.keys(CLASSIFICATION_RULES).join(', ');
  return `Der findes ingen klassifikationsregler for ${year}. Kendte år: ${known}.`;
}
