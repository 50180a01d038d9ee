import '@mantine/charts/styles.css';
import { api } from '@client/api/client.ts';
import { ConfirmDialog } from '@client/components/ConfirmDialog.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { SectionCard } from '@client/components/SectionCard.tsx';
import { notifySuccess } from '@client/features/companies/company-ui.tsx';
import { IndicatorValueModal } from '@client/features/indicators/IndicatorValueModal.tsx';
import {
  formatAxisTick,
  formatIndicatorValue,
  hasMunicipalLine,
  INDICATOR_SERIES_PATH,
  INDICATORS_PATH,
  sourcesOf,
  type TSeriesIndicator,
  trendDescription,
  trendRows,
  valueAxisMax,
  valueAxisTicks,
} from '@client/features/indicators/indicator-ui.ts';
import type { TPage } from '@domain/common.schema.ts';
import type { TIndicatorSeries, TIndicatorValue } from '@domain/indicator.schema.ts';
import { LineChart } from '@mantine/charts';
import { Anchor, Box, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface Props {
  area: { id: string; name: string };
  partnershipId: string | null;
  canEdit: boolean;
  canDelete: boolean;
  canImport: boolean;
}

/**
 * The area's indicators: one trend chart per indicator with the municipal average as a dashed
 * line, and under each the same numbers as a table (the chart's text alternative) with the
 * source, the note and, for those who may, edit and delete.
 */
export function AreaIndicatorsSection({ area, partnershipId, canEdit, canDelete, canImport }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [modal, setModal] = useState<{ opened: boolean; editing: TIndicatorValue | null }>({
    opened: false,
    editing: null,
  });
  const [deleting, setDeleting] = useState<TIndicatorValue | null>(null);
  const series = useQuery({
    queryKey: [INDICATORS_PATH, 'series', area.id],
    queryFn: ({ signal }) => api.get<TIndicatorSeries>(INDICATOR_SERIES_PATH, { areaId: area.id }, signal),
  });
  // The stored rows carry what the chart's points do not: the id (to edit and delete) and the note.
  const listQuery = { areaId: area.id, sort: 'year', dir: 'asc', page: 1, pageSize: 200 };
  const values = useQuery({
    queryKey: [INDICATORS_PATH, 'list', listQuery],
    queryFn: ({ signal }) => api.get<TPage<TIndicatorValue>>(INDICATORS_PATH, listQuery, signal),
  });

  const addButton = canEdit ? (
    <Button onClick={() => setModal({ opened: true, editing: null })}>{t('areaPage.indicators.add')}</Button>
  ) : null;
  const importLink = canImport ? (
    <Button component={Link} to="/indicators#import" variant="outline">
      {t('areaPage.indicators.import')}
    </Button>
  ) : null;
  const indicators = series.data?.indicators ?? [];

  return (
    <SectionCard
      title={t('areaPage.indicators.title')}
      actions={
        addButton || importLink ? (
          <Group gap="sm">
            {importLink}
            {addButton}
          </Group>
        ) : undefined
      }
    >
      <ErrorAlert error={series.error ?? values.error} />
      {series.isPending ? <Skeleton height={240} /> : null}
      {series.data && indicators.length === 0 ? (
        <Text>
          {canEdit || canImport ? t('areaPage.indicators.emptyCanEdit') : t('areaPage.indicators.empty')}
        </Text>
      ) : null}
      <Stack gap="lg">
        {indicators.map((indicator) => (
          <IndicatorTrend
            key={indicator.indicator}
            areaName={area.name}
            indicator={indicator}
            rows={(values.data?.items ?? []).filter((v) => v.indicator === indicator.indicator)}
            onEdit={canEdit ? (v) => setModal({ opened: true, editing: v }) : null}
            onDelete={canDelete ? setDeleting : null}
          />
        ))}
      </Stack>
      {indicators.length > 0 ? (
        <Text size="sm" c="dimmed" mt="md">
          {t('areaPage.indicators.listLink')}{' '}
          <Anchor component={Link} to={`/indicators?areaId=${area.id}`}>
            {t('areaPage.indicators.listLinkText')}
          </Anchor>
        </Text>
      ) : null}
      <IndicatorValueModal
        opened={modal.opened}
        onClose={() => setModal({ opened: false, editing: null })}
        area={area}
        partnershipId={partnershipId}
        editing={modal.editing}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('areaPage.indicators.deleteTitle')}
        message={t('areaPage.indicators.deleteConfirm', {
          name: deleting?.indicatorNameDa ?? '',
          year: deleting?.year ?? '',
        })}
        confirmLabel={t('common.delete')}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await api.delete(`${INDICATORS_PATH}/${deleting.id}`);
          await qc.invalidateQueries({ queryKey: [INDICATORS_PATH] });
          notifySuccess(t, t('areaPage.indicators.deleted'));
        }}
      />
    </SectionCard>
  );
}

function IndicatorTrend({
  areaName,
  indicator,
  rows,
  onEdit,
  onDelete,
}: {
  areaName: string;
  indicator: TSeriesIndicator;
  rows: TIndicatorValue[];
  onEdit: ((v: TIndicatorValue) => void) | null;
  onDelete: ((v: TIndicatorValue) => void) | null;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const unit = indicator.unit;
  const fmt = (v: number | null) => formatIndicatorValue(v, unit);
  const data = trendRows(indicator.points);
  const axisMax = valueAxisMax(unit, indicator.points);
  const withActions = onEdit !== null || onDelete !== null;
  const municipalLabel = t('areaPage.indicators.municipalLine');

  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={headingId}>
      <Title order={3} fz="h4" id={headingId} mb={4}>
        {indicator.nameDa}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('areaPage.indicators.sources', { sources: sourcesOf(indicator.points) })}
      </Text>
      <Box role="img" aria-label={trendDescription(t, areaName, indicator)} mb="md">
        <div aria-hidden="true">
          <LineChart
            h={220}
            data={data}
            dataKey="year"
            series={[
              { name: 'area', label: areaName, color: 'blue.8' },
              // The municipal line only where the source gives an average (not in the legend otherwise).
              ...(hasMunicipalLine(indicator.points)
                ? [
                    {
                      name: 'municipalAverage',
                      label: municipalLabel,
                      color: 'gray.7',
                      strokeDasharray: '6 4',
                    },
                  ]
                : []),
            ]}
            curveType="linear"
            withLegend
            withDots
            connectNulls
            valueFormatter={(v) => fmt(v)}
            yAxisProps={{
              domain: [0, axisMax],
              ticks: valueAxisTicks(axisMax),
              tickFormatter: (v: number) => formatAxisTick(v, unit),
            }}
            tooltipProps={{ isAnimationActive: false }}
            lineChartProps={{ accessibilityLayer: false }}
            lineProps={{ isAnimationActive: false }}
          />
        </div>
      </Box>
      <Table.ScrollContainer minWidth={560} type="native">
        <Table striped verticalSpacing={4} fz="sm">
          <caption className="visually-hidden">
            {t('areaPage.indicators.tableCaption', { name: indicator.nameDa })}
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('areaPage.indicators.year')}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {areaName}
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {municipalLabel}
              </Table.Th>
              <Table.Th scope="col">{t('areaPage.indicators.source')}</Table.Th>
              <Table.Th scope="col">{t('areaPage.indicators.note')}</Table.Th>
              {withActions ? (
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('list.actions')}
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Th scope="row" fw={600}>
                  {v.year}
                </Table.Th>
                <Table.Td style={{ textAlign: 'right' }}>{fmt(v.value)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{fmt(v.municipalAverage)}</Table.Td>
                <Table.Td>{v.source}</Table.Td>
                <Table.Td>{v.note ?? ''}</Table.Td>
                {withActions ? (
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      {onEdit ? (
                        <Button
                          size="compact-sm"
                          variant="outline"
                          aria-label={t('areaPage.indicators.editNamed', {
                            name: v.indicatorNameDa,
                            year: v.year,
                          })}
                          onClick={() => onEdit(v)}
                        >
                          {t('common.edit')}
                        </Button>
                      ) : null}
                      {onDelete ? (
                        <Button
                          size="compact-sm"
                          variant="outline"
                          color="red"
                          aria-label={t('areaPage.indicators.deleteNamed', {
                            name: v.indicatorNameDa,
                            year: v.year,
                          })}
                          onClick={() => onDelete(v)}
                        >
                          {t('common.delete')}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
