import { meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { DataTable, type TColumn, useListParams } from '@client/components/DataTable.tsx';
import { EntitySelect } from '@client/components/EntitySelect.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { formatNumber } from '@client/lib/format.ts';
import { INDICATOR_YEAR_MIN, type TIndicatorValue } from '@domain/indicator.schema.ts';
import { danishDate } from '@domain/time.ts';
import { Anchor, NativeSelect, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IndicatorDefinitionsSection } from './IndicatorDefinitionsSection.tsx';
import { IndicatorImportPanel } from './IndicatorImportPanel.tsx';
import { useIndicatorDefinitions } from './IndicatorValueModal.tsx';
import { formatIndicatorValue, INDICATORS_PATH } from './indicator-ui.ts';

/** The years the year filter offers: next year back to the first year an indicator may have. */
function filterYears(): number[] {
  const next = Number(danishDate(new Date()).slice(0, 4)) + 1;
  return Array.from({ length: next - INDICATOR_YEAR_MIN + 1 }, (_, i) => next - i);
}

/**
 * /indicators: every area's indicator values with filters, sorting and paging; the import (dry
 * run, per-row errors, then store) and the indicators themselves (the fixed ones and own).
 */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const list = useListParams('year');
  const definitions = useIndicatorDefinitions(null);
  const partnershipId = list.params.get('partnershipId') ?? '';
  const areaId = list.params.get('areaId') ?? '';
  const indicator = list.params.get('indicator') ?? '';
  const year = list.params.get('year') ?? '';
  const k = (key: string, vars: Record<string, unknown> = {}) => t(`indicators.${key}`, vars);

  const columns = useMemo<TColumn<TIndicatorValue>[]>(
    () => [
      {
        key: 'area',
        header: t('indicators.column.area'),
        sortKey: 'area',
        render: (r) => (
          <Anchor component={Link} to={`/areas/${r.areaId}`} fw={600}>
            {r.areaName}
          </Anchor>
        ),
      },
      {
        key: 'indicator',
        header: t('indicators.column.indicator'),
        sortKey: 'indicator',
        render: (r) => r.indicatorNameDa,
      },
      { key: 'year', header: t('indicators.column.year'), sortKey: 'year', render: (r) => r.year },
      {
        key: 'value',
        header: t('indicators.column.value'),
        sortKey: 'value',
        align: 'right',
        render: (r) => formatIndicatorValue(r.value, r.unit),
      },
      {
        key: 'municipalAverage',
        header: t('indicators.column.municipalAverage'),
        align: 'right',
        render: (r) => formatIndicatorValue(r.municipalAverage, r.unit),
      },
      { key: 'source', header: t('indicators.column.source'), render: (r) => r.source },
    ],
    [t],
  );

  const canImport = meCan(me, 'create', { kind: 'area_indicator' });
  return (
    <>
      <PageHeader title={k('title')} lead={k('lead')} />
      <Stack gap="xl">
        <DataTable<TIndicatorValue>
          path={INDICATORS_PATH}
          caption={k('caption')}
          columns={columns}
          rowKey={(r) => r.id}
          defaultSort="year"
          searchLabel={k('search')}
          extraQuery={{
            partnershipId: partnershipId || undefined,
            areaId: areaId || undefined,
            indicator: indicator || undefined,
            yearFrom: year || undefined,
            yearTo: year || undefined,
          }}
          countLabel={(n) => k('count', { count: n, formatted: formatNumber(n) })}
          filters={
            <>
              <EntitySelect
                path="/api/partnerships"
                label={k('filter.partnership')}
                value={partnershipId}
                onChange={(v) => list.update({ partnershipId: v || null })}
                emptyLabel={t('common.all')}
              />
              <EntitySelect
                path="/api/housing-areas"
                label={k('filter.area')}
                value={areaId}
                onChange={(v) => list.update({ areaId: v || null })}
                emptyLabel={t('common.all')}
              />
              <NativeSelect
                label={k('filter.indicator')}
                value={indicator}
                onChange={(e) => list.update({ indicator: e.currentTarget.value || null })}
                disabled={definitions.isLoading}
                data={[
                  { value: '', label: t('common.all') },
                  ...(definitions.data ?? [])
                    // The same key may be several partnerships' own: offer it once.
                    .filter((d, i, all) => all.findIndex((o) => o.key === d.key) === i)
                    .map((d) => ({ value: d.key, label: d.nameDa })),
                ]}
                style={{ maxWidth: '24rem' }}
              />
              <NativeSelect
                label={k('filter.year')}
                value={year}
                onChange={(e) => list.update({ year: e.currentTarget.value || null })}
                data={[
                  { value: '', label: t('common.all') },
                  ...filterYears().map((y) => ({ value: String(y), label: String(y) })),
                ]}
              />
            </>
          }
          emptyState={<Text fw={600}>{canImport ? k('emptyCanImport') : k('empty')}</Text>}
        />
        {canImport ? <IndicatorImportPanel /> : null}
        <IndicatorDefinitionsSection canCreate={meCan(me, 'create', { kind: 'indicator_definition' })} />
      </Stack>
    </>
  );
}
