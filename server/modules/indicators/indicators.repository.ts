import type { TIndicatorListQuery, TIndicatorUnit } from '@domain/indicator.schema.ts';
import type { TDbOrTx } from '@server/db/client.ts';
import {
  areaClassificationInputs,
  housingAreas,
  housingOrganisations,
  indicatorDefinitions,
  indicatorValues,
  partnerships,
} from '@server/db/schema/index.ts';
import { fetchPage, orderFor, searchAny, totalCount } from '@server/platform/crud/list-query.ts';
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';

// Indicator values, own indicator definitions and classification inputs. Takes the db or a
// transaction; the service owns transactions.

export interface TAreaRow {
  id: string;
  name: string;
  housingOrganisationId: string;
  socialHousingPlanId: string | null;
  partnershipId: string;
}

const areaColumns = {
  id: housingAreas.id,
  name: housingAreas.name,
  housingOrganisationId: housingAreas.housingOrganisationId,
  socialHousingPlanId: housingAreas.socialHousingPlanId,
  partnershipId: housingOrganisations.partnershipId,
};

export async function findArea(db: TDbOrTx, id: string): Promise<TAreaRow | undefined> {
  const [row] = await db
    .select(areaColumns)
    .from(housingAreas)
    .innerJoin(housingOrganisations, eq(housingOrganisations.id, housingAreas.housingOrganisationId))
    .where(eq(housingAreas.id, id));
  return row;
}

/** Every area, for matching an import file's area names. */
export function allAreas(db: TDbOrTx): Promise<TAreaRow[]> {
  return db
    .select(areaColumns)
    .from(housingAreas)
    .innerJoin(housingOrganisations, eq(housingOrganisations.id, housingAreas.housingOrganisationId));
}

export async function partnershipExists(db: TDbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.id, id));
  return row !== undefined;
}

export interface TCustomDefinitionRow {
  partnershipId: string;
  key: string;
  nameDa: string;
  unit: TIndicatorUnit;
}

export async function customDefinitions(
  db: TDbOrTx,
  partnershipIds?: readonly string[],
): Promise<TCustomDefinitionRow[]> {
  if (partnershipIds && partnershipIds.length === 0) return [];
  const rows = await db
    .select({
      partnershipId: indicatorDefinitions.partnershipId,
      key: indicatorDefinitions.key,
      nameDa: indicatorDefinitions.nameDa,
      unit: indicatorDefinitions.unit,
    })
    .from(indicatorDefinitions)
    .where(partnershipIds ? inArray(indicatorDefinitions.partnershipId, [...partnershipIds]) : undefined);
  return rows.map((r) => ({ ...r, unit: r.unit as TIndicatorUnit }));
}

export async function insertCustomDefinition(
  db: TDbOrTx,
  row: { partnershipId: string; key: string; nameDa: string; unit: TIndicatorUnit },
): Promise<void> {
  await db.insert(indicatorDefinitions).values(row);
}

const valueColumns = {
  id: indicatorValues.id,
  areaId: indicatorValues.housingAreaId,
  areaName: housingAreas.name,
  partnershipId: housingOrganisations.partnershipId,
  indicator: indicatorValues.indicator,
  year: indicatorValues.year,
  value: indicatorValues.value,
  municipalAverage: indicatorValues.municipalAverage,
  source: indicatorValues.source,
  note: indicatorValues.note,
  updatedAt: indicatorValues.updatedAt,
};
export interface TValueRow {
  id: string;
  areaId: string;
  areaName: string;
  partnershipId: string;
  indicator: string;
  year: number;
  value: number;
  municipalAverage: number | null;
  source: string;
  note: string | null;
  updatedAt: Date;
}

export function listValues(db: TDbOrTx, query: TIndicatorListQuery) {
  const where = and(
    searchAny(query.q, [housingAreas.name, indicatorValues.indicator, indicatorValues.source]),
    query.areaId ? eq(indicatorValues.housingAreaId, query.areaId) : undefined,
    query.partnershipId ? eq(housingOrganisations.partnershipId, query.partnershipId) : undefined,
    query.indicator ? eq(indicatorValues.indicator, query.indicator) : undefined,
    query.yearFrom !== undefined ? gte(indicatorValues.year, query.yearFrom) : undefined,
    query.yearTo !== undefined ? lte(indicatorValues.year, query.yearTo) : undefined,
  );
  const order = orderFor(
    query,
    {
      year: { column: indicatorValues.year },
      area: { column: housingAreas.name, text: true },
      indicator: { column: indicatorValues.indicator },
      value: { column: indicatorValues.value },
    },
    'year',
    indicatorValues.id,
  );
  return fetchPage(query, (limit, offset) =>
    db
      .select({ ...valueColumns, total: totalCount })
      .from(indicatorValues)
      .innerJoin(housingAreas, eq(housingAreas.id, indicatorValues.housingAreaId))
      .innerJoin(housingOrganisations, eq(housingOrganisations.id, housingAreas.housingOrganisationId))
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
  );
}

export async function findValue(
  db: TDbOrTx,
  key: { areaId: string; indicator: string; year: number },
): Promise<TValueRow | undefined> {
  const [row] = await db
    .select(valueColumns)
    .from(indicatorValues)
    .innerJoin(housingAreas, eq(housingAreas.id, indicatorValues.housingAreaId))
    .innerJoin(housingOrganisations, eq(housingOrganisations.id, housingAreas.housingOrganisationId))
    .where(
      and(
        eq(indicatorValues.housingAreaId, key.areaId),
        eq(indicatorValues.indicator, key.indicator),
        eq(indicatorValues.year, key.year),
      ),
    );
  return row;
}

export async function findValueById(db: TDbOrTx, id: string): Promise<TValueRow | undefined> {
  const [row] = await db
    .select(valueColumns)
    .from(indicatorValues)
    .innerJoin(housingAreas, eq(housingAreas.id, indicatorValues.housingAreaId))
    .innerJoin(housingOrganisations, eq(housingOrganisations.id, housingAreas.housingOrganisationId))
    .where(eq(indicatorValues.id, id));
  return row;
}

export interface TValueWrite {
  areaId: string;
  indicator: string;
  year: number;
  value: number;
  municipalAverage: number | null;
  source: string;
  note: string | null;
}

/** Inserts or replaces the value of an area, indicator and year. */
export async function upsertValue(db: TDbOrTx, v: TValueWrite, now: Date): Promise<void> {
  const facts = {
    value: v.value,
    municipalAverage: v.municipalAverage,
    source: v.source,
    note: v.note,
    updatedAt: now,
  };
  await db
    .insert(indicatorValues)
    .values({ housingAreaId: v.areaId, indicator: v.indicator, year: v.year, ...facts, createdAt: now })
    .onConflictDoUpdate({
      target: [indicatorValues.housingAreaId, indicatorValues.indicator, indicatorValues.year],
      set: facts,
    });
}

export async function deleteValue(db: TDbOrTx, id: string): Promise<void> {
  await db.delete(indicatorValues).where(eq(indicatorValues.id, id));
}

/** Every value of an area, by indicator and year, for its trend chart. */
export function areaValues(db: TDbOrTx, areaId: string) {
  return db
    .select({
      indicator: indicatorValues.indicator,
      year: indicatorValues.year,
      value: indicatorValues.value,
      municipalAverage: indicatorValues.municipalAverage,
      source: indicatorValues.source,
    })
    .from(indicatorValues)
    .where(eq(indicatorValues.housingAreaId, areaId))
    .orderBy(asc(indicatorValues.indicator), asc(indicatorValues.year));
}

export async function findClassificationInput(db: TDbOrTx, areaId: string, year: number) {
  const [row] = await db
    .select()
    .from(areaClassificationInputs)
    .where(and(eq(areaClassificationInputs.housingAreaId, areaId), eq(areaClassificationInputs.year, year)));
  return row;
}

export async function upsertClassificationInput(
  db: TDbOrTx,
  v: {
    areaId: string;
    year: number;
    residents: number;
    yearsOnList: number;
    values: Record<string, number | null>;
    source: string | null;
    note: string | null;
  },
  now: Date,
): Promise<void> {
  const facts = {
    residents: v.residents,
    yearsOnList: v.yearsOnList,
    values: v.values,
    source: v.source,
    note: v.note,
    updatedAt: now,
  };
  await db
    .insert(areaClassificationInputs)
    .values({ housingAreaId: v.areaId, year: v.year, ...facts, createdAt: now })
    .onConflictDoUpdate({
      target: [areaClassificationInputs.housingAreaId, areaClassificationInputs.year],
      set: facts,
    });
}
