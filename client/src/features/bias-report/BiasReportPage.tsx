import '@mantine/charts/styles.css';
import { api, toQueryString } from '@client/api/client.ts';
import { DateField } from '@client/components/DateField.tsx';
import { EntitySelect } from '@client/components/EntitySelect.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { RateBarChart } from '@client/components/RateBarChart.tsx';
import { SectionCard } from '@client/components/SectionCard.tsx';
import { useReportFilters } from '@client/components/useReportFilters.ts';
import { formatDate } from '@client/lib/format.ts';
import {
  biasPeriodProblem,
  defaultBiasPeriod,
  type TBiasDimensionReport,
  type TBiasGroup,
  type TBiasReport,
} from '@domain/reports/bias.schema.ts';
import { danishDate } from '@domain/time.ts';
import { Alert, Box, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  BIAS_REPORT_PATH,
  chartRows,
  flaggedCount,
  formatCount,
  formatRate,
  fourFifthsLine,
  groupLabelKey,
} from './bias-report-ui.ts';

const DEFINITION_ORDER = [
  'population',
  'proposed',
  'hired',
  'proposalRate',
  'hireRate',
  'fourFifths',
  'smallCounts',
  'age',
  'protected',
] as const;

/** A warning triangle beside the flag's text (never colour alone, WCAG 1.4.1). */
function FlagIcon() {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width="16"
      height="16"
      viewBox="0 0 24 24"
      style={{ flex: 'none' }}
    >
      <path d="M12 2 1 21h22L12 2Z" fill="currentColor" />
      <path d="M11 9h2v6h-2zM11 17h2v2h-2z" fill="#fff" />
    </svg>
  );
}

/**
 * The bias report (issue 5 item 7): per partnership and period, proposal and hire rates by area,
 * age band and self-reported gender, with the four-fifths rule. Each chart has a table with the
 * same numbers under it (its text alternative); small counts come from the server as "< 5".
 */
export function BiasReportPage() {
  const { t } = useTranslation();
  const { admin, params, partnershipId, set, adminPartnerships: partnerships } = useReportFilters();
  const fallback = defaultBiasPeriod(danishDate(new Date()));
  const from = params.get('from') ?? fallback.from;
  const to = params.get('to') ?? fallback.to;

  const periodOk = from !== '' && to !== '' && biasPeriodProblem(from, to) === null;
  const query = { partnershipId: partnershipId || undefined, from, to };
  const ready = periodOk && (!admin || partnershipId !== '');
  const report = useQuery({
    queryKey: [BIAS_REPORT_PATH, query],
    enabled: ready,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<TBiasReport>(BIAS_REPORT_PATH, query, signal),
  });
  const data = ready ? report.data : undefined;
  const href = (format: 'xlsx' | 'csv') => `${BIAS_REPORT_PATH}${toQueryString({ ...query, format })}`;
  const flagged = data ? flaggedCount(data.dimensions) : 0;

  return (
    <>
      <PageHeader
        title={t('biasReport.title')}
        lead={t('biasReport.lead')}
        actions={
          data ? (
            <>
              <Button component="a" href={href('xlsx')} download variant="outline">
                {t('biasReport.downloadXlsx')}
              </Button>
              <Button component="a" href={href('csv')} download variant="outline">
                {t('biasReport.downloadCsv')}
              </Button>
            </>
          ) : null
        }
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md" component="section" aria-label={t('biasReport.filters')}>
          <Group align="flex-start" gap="md">
            {admin ? (
              <EntitySelect
                path="/api/partnerships"
                label={t('biasReport.partnership')}
                value={partnershipId}
                onChange={(v) => set({ partnershipId: v })}
              />
            ) : null}
            <DateField
              label={t('biasReport.from')}
              value={from}
              max={to || undefined}
              clearable={false}
              onChange={(v) => set({ from: v })}
            />
            <DateField
              label={t('biasReport.to')}
              value={to}
              min={from || undefined}
              clearable={false}
              onChange={(v) => set({ to: v })}
            />
          </Group>
        </Paper>

        <Alert variant="light" color="blue" title={t('biasReport.protectedTitle')}>
          {t('biasReport.protected')}
        </Alert>

        <ErrorAlert error={report.error} />
        {admin && !partnershipId && !partnerships.isLoading ? (
          <Text>{t('biasReport.choosePartnership')}</Text>
        ) : null}
        {ready && report.isPending ? <Loader aria-label={t('common.loading')} /> : null}

        {data ? (
          <>
            <Text fw={600}>
              {t('biasReport.periodSummary', {
                partnership: data.partnership.name,
                from: formatDate(data.period.from),
                to: formatDate(data.period.to),
              })}
            </Text>
            {data.empty ? (
              // Nothing to compare yet: say so, and still show who is in the population.
              <Paper withBorder radius="md" p="xl">
                <Title order={2} fz="h3" mb="xs">
                  {t('biasReport.emptyTitle')}
                </Title>
                <Text>{t('biasReport.empty')}</Text>
              </Paper>
            ) : (
              <Text role="status">
                {flagged > 0
                  ? t('biasReport.flaggedSummary', { count: flagged })
                  : t('biasReport.noneFlagged')}
              </Text>
            )}
            {data.dimensions.map((d) => (
              <DimensionSection key={d.dimension} dimension={d} report={data} withChart={!data.empty} />
            ))}
            <Definitions report={data} />
          </>
        ) : null}
      </Stack>
    </>
  );
}

function useGroupLabel(dimension: TBiasDimensionReport['dimension']) {
  const { t } = useTranslation();
  return (g: TBiasGroup) => {
    const key = groupLabelKey(dimension, g);
    return key ? t(key, { defaultValue: g.label }) : g.label;
  };
}

function DimensionSection({
  dimension,
  report,
  withChart,
}: {
  dimension: TBiasDimensionReport;
  report: TBiasReport;
  withChart: boolean;
}) {
  const { t } = useTranslation();
  const labelOf = useGroupLabel(dimension.dimension);
  const title = t(`biasReport.dimension.${dimension.dimension}`);
  const minCount = report.definitions.minCount;
  const lines = [
    // Labels on either side of their line, so two close lines stay readable.
    {
      which: 'proposal' as const,
      label: t('biasReport.lineProposal'),
      color: 'blue.9',
      pos: 'insideTopRight' as const,
    },
    {
      which: 'hire' as const,
      label: t('biasReport.lineHire'),
      color: 'teal.9',
      pos: 'insideBottomRight' as const,
    },
  ].flatMap((l) => {
    const y = fourFifthsLine(dimension, l.which, report.definitions.fourFifths);
    return y === null
      ? []
      : [{ y, label: l.label, labelPosition: l.pos, color: l.color, strokeDasharray: '6 4' }];
  });
  const rows = chartRows(dimension).map((r, i) => ({ ...r, label: labelOf(dimension.groups[i]!) }));
  const rateCell = (rate: number | null) => (
    <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{formatRate(rate)}</Table.Td>
  );
  const countCell = (n: number | null) => (
    <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{formatCount(n, minCount)}</Table.Td>
  );

  return (
    <SectionCard title={title}>
      {withChart ? (
        <RateBarChart
          h={300}
          mb="md"
          data={rows}
          series={[
            { name: 'proposalRate', label: t('biasReport.proposalRate'), color: 'blue.8' },
            { name: 'hireRate', label: t('biasReport.hireRate'), color: 'teal.9' },
          ]}
          referenceLines={lines}
          formatRate={formatRate}
          caption={t('biasReport.chartCaption')}
        />
      ) : null}
      <Table.ScrollContainer minWidth={720} type="native">
        <Table striped verticalSpacing="xs" horizontalSpacing="sm" fz="sm">
          <caption className="visually-hidden">{t('biasReport.tableCaption', { dimension: title })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('biasReport.group')}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {t('biasReport.population')}
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {t('biasReport.proposed')}
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {t('biasReport.proposalRate')}
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {t('biasReport.hired')}
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {t('biasReport.hireRate')}
              </Table.Th>
              <Table.Th scope="col">{t('biasReport.fourFifths')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dimension.groups.map((g) => (
              <Table.Tr key={g.key}>
                <Table.Th scope="row" fw={600}>
                  {labelOf(g)}
                </Table.Th>
                {countCell(g.population)}
                {countCell(g.proposed)}
                {rateCell(g.proposalRate)}
                {countCell(g.hired)}
                {rateCell(g.hireRate)}
                <Table.Td>
                  <GroupNotes group={g} dimension={dimension} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </SectionCard>
  );
}

function GroupNotes({ group, dimension }: { group: TBiasGroup; dimension: TBiasDimensionReport }) {
  const { t } = useTranslation();
  const notes: { key: string; text: string; flag: boolean }[] = [];
  if (group.fourFifthsFlag.proposal)
    notes.push({ key: 'fp', text: t('biasReport.flagProposal'), flag: true });
  if (group.fourFifthsFlag.hire) notes.push({ key: 'fh', text: t('biasReport.flagHire'), flag: true });
  if (dimension.referenceGroup.proposal === group.key)
    notes.push({ key: 'rp', text: t('biasReport.referenceProposal'), flag: false });
  if (dimension.referenceGroup.hire === group.key)
    notes.push({ key: 'rh', text: t('biasReport.referenceHire'), flag: false });
  if (group.suppressed) notes.push({ key: 's', text: t('biasReport.suppressed'), flag: false });
  if (notes.length === 0) return null;
  return (
    <Stack gap={2}>
      {notes.map((n) =>
        n.flag ? (
          <Group key={n.key} gap={6} wrap="nowrap" c="red.9" data-flag="four-fifths">
            <FlagIcon />
            <Text size="sm" fw={700} c="red.9">
              {n.text}
            </Text>
          </Group>
        ) : (
          <Text key={n.key} size="sm">
            {n.text}
          </Text>
        ),
      )}
    </Stack>
  );
}

function Definitions({ report }: { report: TBiasReport }) {
  const { t } = useTranslation();
  const d = report.definitions;
  const values = {
    percent: `${Math.round(d.fourFifths * 100)} %`,
    minCount: d.minCount,
    maxHidden: d.minCount - 1,
    date: formatDate(d.ageOn),
  };
  return (
    <SectionCard title={t('biasReport.definitions')}>
      <Box component="dl" m={0}>
        {DEFINITION_ORDER.map((key) => (
          <Box key={key} mb="sm">
            <Text component="dt" fw={700}>
              {t(`biasReport.term.${key}`)}
            </Text>
            <Text component="dd" m={0}>
              {t(`biasReport.definition.${key}`, values)}
            </Text>
          </Box>
        ))}
        <Box mb="sm">
          <Text component="dt" fw={700}>
            {t('biasReport.dimension.age_band')}
          </Text>
          <Text component="dd" m={0}>
            {d.ageBands.map((b) => t(`biasReport.ageBand.${b.key}`, { defaultValue: b.label })).join(', ')}
          </Text>
        </Box>
      </Box>
    </SectionCard>
  );
}
