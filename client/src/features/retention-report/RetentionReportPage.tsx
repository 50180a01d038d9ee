import '@mantine/charts/styles.css';
import { api } from '@client/api/client.ts';
import { DateField } from '@client/components/DateField.tsx';
import { DefinitionsCard } from '@client/components/DefinitionsCard.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { RateBarChart } from '@client/components/RateBarChart.tsx';
import { SectionCard } from '@client/components/SectionCard.tsx';
import { useReportFilters } from '@client/components/useReportFilters.ts';
import { useOpeningLabels } from '@client/features/openings/opening-ui.tsx';
import { formatDate } from '@client/lib/format.ts';
import { OPENING_TYPES, type TOpeningType } from '@domain/opening-types.ts';
import type { TRetentionFiguresOut, TRetentionReport, ZRetentionRow } from '@domain/placement.schema.ts';
import { Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  formatMedianDays,
  formatRetentionCount,
  formatRetentionRate,
  hasTrials,
  milestoneCounts,
  RETENTION_PATH,
  retentionChartRows,
  TRIAL_KEYS,
  trialShares,
} from './retention-report-ui.ts';

type TRow = z.infer<typeof ZRetentionRow>;

/**
 * Retention after a hire (issue 6 item 4): of the hires that have reached 6 and 12 months, the
 * share still in job or education; what the trials led to; the median days from opening to hire.
 * By opening type (chart and table), company and partnership. Counts under 5 come as "< 5".
 */
export function RetentionReportPage() {
  const { t } = useTranslation();
  const { admin, params, partnershipId, set, adminPartnerships } = useReportFilters();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';

  const periodOk = from === '' || to === '' || from <= to;
  const query = { partnershipId: partnershipId || undefined, from: from || undefined, to: to || undefined };
  const ready = periodOk && (!admin || partnershipId !== '');
  const report = useQuery({
    queryKey: [RETENTION_PATH, query],
    enabled: ready,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<TRetentionReport>(RETENTION_PATH, query, signal),
  });
  // The secretariat picks a partnership (useReportFilters); others see all of theirs and may narrow
  // to one when they work in several: those of the unnarrowed report (the same answer when not narrowed).
  const allQuery = { from: from || undefined, to: to || undefined };
  const all = useQuery({
    queryKey: [RETENTION_PATH, allQuery],
    enabled: !admin && periodOk,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<TRetentionReport>(RETENTION_PATH, allQuery, signal),
  });
  const ownPartnerships = admin
    ? []
    : (all.data?.byPartnership ?? []).map((r) => ({ value: r.key, label: r.label }));
  const partnershipOptions = admin
    ? (adminPartnerships.data ?? [])
    : [{ value: '', label: t('retentionReport.allPartnerships') }, ...ownPartnerships];
  const showPicker = admin || ownPartnerships.length > 1 || partnershipId !== '';
  const data = ready ? report.data : undefined;

  return (
    <>
      <PageHeader title={t('retentionReport.title')} lead={t('retentionReport.lead')} />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md" component="section" aria-label={t('retentionReport.filters')}>
          <Group align="flex-start" gap="md">
            {showPicker ? (
              <NativeSelect
                label={t('retentionReport.partnership')}
                value={partnershipId}
                disabled={admin && adminPartnerships.isLoading}
                onChange={(e) => set({ partnershipId: e.currentTarget.value })}
                data={partnershipOptions}
              />
            ) : null}
            <DateField
              label={t('retentionReport.from')}
              value={from || data?.from || ''}
              max={to || data?.to || undefined}
              clearable={false}
              onChange={(v) => set({ from: v })}
            />
            <DateField
              label={t('retentionReport.to')}
              value={to || data?.to || ''}
              min={from || data?.from || undefined}
              clearable={false}
              onChange={(v) => set({ to: v })}
            />
          </Group>
        </Paper>

        <ErrorAlert error={report.error} />
        {ready && report.isPending ? <Loader aria-label={t('common.loading')} /> : null}

        {data ? <ReportBody report={data} /> : null}
      </Stack>
    </>
  );
}

function ReportBody({ report }: { report: TRetentionReport }) {
  const { t } = useTranslation();
  const labels = useOpeningLabels();
  const typeLabel = (r: TRow) =>
    (OPENING_TYPES as readonly string[]).includes(r.key) ? labels.type(r.key as TOpeningType) : r.label;
  const f = report.total;
  const empty = f.hires === 0 && f.trials.total === 0;

  return (
    <>
      <Text fw={600}>
        {t('retentionReport.period', { from: formatDate(report.from), to: formatDate(report.to) })}
        {' · '}
        {t('retentionReport.measuredOn', { date: formatDate(report.today) })}
      </Text>
      {report.suppressed ? <Text size="sm">{t('retentionReport.suppressedNote')}</Text> : null}
      {empty ? (
        <Paper withBorder radius="md" p="xl">
          <Text fw={600}>{t('retentionReport.emptyTitle')}</Text>
          <Text>{t('retentionReport.empty')}</Text>
        </Paper>
      ) : (
        <>
          <KeyFigures figures={f} />
          <TypeChart rows={report.byType} labelOf={typeLabel} />
          <FiguresTable title={t('retentionReport.byType')} rows={report.byType} labelOf={typeLabel} />
          <FiguresTable
            title={t('retentionReport.byCompany')}
            rows={report.byCompany}
            labelOf={(r) => r.label}
          />
          {report.byPartnership.length > 1 ? (
            <FiguresTable
              title={t('retentionReport.byPartnership')}
              rows={report.byPartnership}
              labelOf={(r) => r.label}
            />
          ) : null}
          <Trials figures={f} rows={report.byType} labelOf={typeLabel} />
        </>
      )}
      <DefinitionsCard namespace="retentionReport" keys={DEFINITIONS} />
    </>
  );
}

/** The headline numbers, as a description list so each label stays with its value. */
function KeyFigures({ figures: f }: { figures: TRetentionFiguresOut }) {
  const { t } = useTranslation();
  const milestone = (m: TRetentionFiguresOut['at6']) => {
    const counts = milestoneCounts(m);
    return {
      value: formatRetentionRate(m.rate),
      detail: counts ? t('retentionReport.retainedOf', counts) : t('retentionReport.noneDue'),
      missing:
        m.missing !== 0 ? t('retentionReport.missing', { count: formatRetentionCount(m.missing) }) : null,
    };
  };
  const cards = [
    {
      key: 'hires',
      label: t('retentionReport.hires'),
      value: formatRetentionCount(f.hires),
      detail: t('retentionReport.hiresDetail'),
      missing: null,
    },
    { key: 'at6', label: t('retentionReport.at6'), ...milestone(f.at6) },
    { key: 'at12', label: t('retentionReport.at12'), ...milestone(f.at12) },
    {
      key: 'median',
      label: t('retentionReport.medianDays'),
      value: formatMedianDays(f.medianDaysToHire),
      detail: t('retentionReport.medianDetail'),
      missing: null,
    },
  ];
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="md" m={0}>
      {cards.map((c) => (
        <Paper key={c.key} withBorder radius="md" p="md">
          <Text component="dt" size="sm" fw={600}>
            {c.label}
          </Text>
          <Text component="dd" m={0}>
            <Text span display="block" fz={32} fw={800} c="blue.9" lh={1.2}>
              {c.value}
            </Text>
            <Text span display="block" size="sm">
              {c.detail}
            </Text>
            {c.missing ? (
              <Text span display="block" size="sm" fw={600}>
                {c.missing}
              </Text>
            ) : null}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function TypeChart({ rows, labelOf }: { rows: TRow[]; labelOf: (r: TRow) => string }) {
  const { t } = useTranslation();
  const data = retentionChartRows(rows, labelOf);
  if (data.length === 0) return null;
  return (
    <SectionCard title={t('retentionReport.chartTitle')}>
      <RateBarChart
        h={280}
        data={data}
        series={[
          { name: 'at6', label: t('retentionReport.col.rate6'), color: 'blue.8' },
          { name: 'at12', label: t('retentionReport.col.rate12'), color: 'teal.9' },
        ]}
        formatRate={formatRetentionRate}
        caption={t('retentionReport.chartCaption')}
      />
    </SectionCard>
  );
}

const num = { textAlign: 'right', whiteSpace: 'nowrap' } as const;

function FiguresTable({
  title,
  rows,
  labelOf,
}: {
  title: string;
  rows: TRow[];
  labelOf: (r: TRow) => string;
}) {
  const { t } = useTranslation();
  const rate = (m: TRow['figures']['at6']) => {
    const counts = milestoneCounts(m);
    return (
      <Table.Td style={num}>
        {formatRetentionRate(m.rate)}
        {counts ? (
          <Text span display="block" size="xs" c="dimmed">
            {t('retentionReport.retainedOf', counts)}
          </Text>
        ) : null}
      </Table.Td>
    );
  };
  return (
    <SectionCard title={title}>
      {rows.length === 0 ? (
        <Text>{t('retentionReport.noRows')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640} type="native" tabIndex={0}>
          <Table striped verticalSpacing="xs" horizontalSpacing="sm" fz="sm">
            <caption className="visually-hidden">
              {t('retentionReport.tableCaption', { dimension: title })}
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('retentionReport.col.group')}</Table.Th>
                <Table.Th scope="col" style={num}>
                  {t('retentionReport.col.hires')}
                </Table.Th>
                <Table.Th scope="col" style={num}>
                  {t('retentionReport.col.due6')}
                </Table.Th>
                <Table.Th scope="col" style={num}>
                  {t('retentionReport.col.rate6')}
                </Table.Th>
                <Table.Th scope="col" style={num}>
                  {t('retentionReport.col.due12')}
                </Table.Th>
                <Table.Th scope="col" style={num}>
                  {t('retentionReport.col.rate12')}
                </Table.Th>
                <Table.Th scope="col" style={num}>
                  {t('retentionReport.col.trials')}
                </Table.Th>
                <Table.Th scope="col" style={num}>
                  {t('retentionReport.col.median')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Th scope="row" fw={600}>
                    {labelOf(r)}
                  </Table.Th>
                  <Table.Td style={num}>{formatRetentionCount(r.figures.hires)}</Table.Td>
                  <Table.Td style={num}>{formatRetentionCount(r.figures.at6.due)}</Table.Td>
                  {rate(r.figures.at6)}
                  <Table.Td style={num}>{formatRetentionCount(r.figures.at12.due)}</Table.Td>
                  {rate(r.figures.at12)}
                  <Table.Td style={num}>{formatRetentionCount(r.figures.trials.total)}</Table.Td>
                  <Table.Td style={num}>{formatMedianDays(r.figures.medianDaysToHire)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}

/** What the trials (snusepraktik, virksomhedspraktik) led to: job, education, other, pending. */
function Trials({
  figures,
  rows,
  labelOf,
}: {
  figures: TRetentionFiguresOut;
  rows: TRow[];
  labelOf: (r: TRow) => string;
}) {
  const { t } = useTranslation();
  const trialRows = rows.filter((r) => r.figures.trials.total !== 0);
  const caption = t('retentionReport.trials');
  return (
    <SectionCard title={caption}>
      <Text size="sm" mb="sm">
        {t('retentionReport.trialsLead')}
      </Text>
      {figures.trials.total === 0 || !hasTrials(rows) ? (
        <Text>{t('retentionReport.noTrials')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640} type="native" tabIndex={0}>
          <Table striped verticalSpacing="xs" horizontalSpacing="sm" fz="sm">
            <caption className="visually-hidden">{t('retentionReport.trialsCaption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('retentionReport.col.group')}</Table.Th>
                <Table.Th scope="col" style={num}>
                  {t('retentionReport.trial.total')}
                </Table.Th>
                {TRIAL_KEYS.map((k) => (
                  <Table.Th key={k} scope="col" style={num}>
                    {t(`retentionReport.trial.${k}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...trialRows, { key: '__total', label: t('retentionReport.total'), figures }].map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Th scope="row" fw={r.key === '__total' ? 800 : 600}>
                    {r.key === '__total' ? r.label : labelOf(r)}
                  </Table.Th>
                  <Table.Td style={num}>{formatRetentionCount(r.figures.trials.total)}</Table.Td>
                  {trialShares(r.figures.trials).map((s) => (
                    <Table.Td key={s.key} style={num}>
                      {s.count}
                      <Text span display="block" size="xs" c="dimmed">
                        {s.share}
                      </Text>
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}

const DEFINITIONS = ['hire', 'due', 'retained', 'missing', 'trials', 'daysToHire', 'smallCounts'] as const;
