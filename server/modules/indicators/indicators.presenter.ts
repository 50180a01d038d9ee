import type {
  TAreaClassificationView,
  TIndicatorDefinition,
  TIndicatorValue,
} from '@domain/indicator.schema.ts';
import type { TAreaClassification, TAreaClassificationInput } from '@domain/rules/area-classification.ts';
import type { areaClassificationInputs } from '@server/db/schema/index.ts';
import type { TAreaRow, TValueRow } from './indicators.repository.ts';

// The only way indicator rows leave the server. No personal data here: the same shape for every role.

export function presentValue(
  row: TValueRow,
  definition: Pick<TIndicatorDefinition, 'nameDa' | 'unit'>,
): TIndicatorValue {
  return {
    id: row.id,
    areaId: row.areaId,
    areaName: row.areaName,
    partnershipId: row.partnershipId,
    indicator: row.indicator,
    indicatorNameDa: definition.nameDa,
    unit: definition.unit,
    year: row.year,
    value: row.value,
    municipalAverage: row.municipalAverage,
    source: row.source,
    note: row.note,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentClassification(
  area: Pick<TAreaRow, 'id' | 'name'>,
  year: number,
  input: typeof areaClassificationInputs.$inferSelect | null,
  classify: (input: TAreaClassificationInput) => TAreaClassification,
): TAreaClassificationView {
  if (!input) return { areaId: area.id, areaName: area.name, year, input: null, classification: null };
  return {
    areaId: area.id,
    areaName: area.name,
    year,
    input: {
      residents: input.residents,
      yearsOnList: input.yearsOnList,
      values: input.values,
      source: input.source,
      note: input.note,
      updatedAt: input.updatedAt.toISOString(),
    },
    classification: classify({
      year,
      residents: input.residents,
      yearsOnList: input.yearsOnList,
      values: input.values,
    }),
  };
}
