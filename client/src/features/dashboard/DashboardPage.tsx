import '@mantine/charts/styles.css';
import { api } from '@client/api/client.ts';
import { meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { DateField } from '@client/components/DateField.tsx';
import { DefinitionsCard } from '@client/components/DefinitionsCard.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { SectionCard } from '@client/components/SectionCard.tsx';
import { useOpeningLabels } from '@client/features/openings/opening-ui.tsx';
import { formatGoalValue, kpiLabel } from '@client/features/steering/steering-ui.ts';
import { TrafficLightBadge } from '@client/features/steering/TrafficLightBadge.tsx';
import { formatDate } from '@client/lib/format.ts';
import { OPENING_TYPES, type TOpeningType } from '@domain/opening-types.ts';
import type { TDashboard, TDashboardBreakdown, TDashboardRow } from '@domain/reports/dashboard.schema.ts';
import type { TGoal } from '@domain/steering.schema.ts';
import { BarChart, LineChart } from '@mantine/charts';
import {
  Anchor,
  Box,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  breakdownCsv,
  DASHBOARD_PATH,
  FUNNEL_KEYS,
  formatCount,
  formatDays,
  formatPercent,
  funnelChartRows,
  isEmptyFunnel,
  monthLabel,
  nextSort,
  sortRows,
  stepShares,
  type TFunnelKey,
  type TSort,
  trendRows,
} from './dashboard-ui.ts';

const FILTER_KEYS = [
  'partnershipId',
  'from',
  'to',
  'municipalityId',
  'housingOrganisationId',
  'companyId',
  'openingType',
] as const;
type TFilterKey = (typeof FILTER_KEYS)[number];

/** The filters, kept in the address so a view can be linked and reloaded. */
function useDashboardFilters() {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<
    TFilterKey,
    string
  >;
  // From the address as it is now, not as of the last render: two quick changes must not undo each other.
  const set = (patch: Partial<Record<TFilterKey, string>>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  return { values, set };
}

/**
 * The steering dashboard (issue 7 item 4): from openings to people still in work a year on, for
 * the partnerships the user may see, with breakdowns, the median times and clause fulfilment.
 * Aggregates only; for aggregate-only viewers counts under 5 come as "< 5".
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const { values, set } = useDashboardFilters();
  const periodOk = values.from === '' || values.to === '' || values.from <= values.to;
  const query = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v || undefined]));
  const dashboard = useQuery({
    queryKey: [DASHBOARD_PATH, query],
    enabled: periodOk,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<TDashboard>(DASHBOARD_PATH, query, signal),
  });
  const data = periodOk ? dashboard.data : undefined;

  return (
    <>
      <PageHeader title={t('dashboard.title')} lead={t('dashboard.lead')} />
      <Stack gap="lg">
        <Filters values={values} set={set} data={data} />
        {!periodOk ? (
          <Text role="alert" c="red.9" fw={600}>
            {t('dashboard.periodProblem')}
          </Text>
        ) : null}
        <ErrorAlert error={dashboard.error} />
        {periodOk && dashboard.isPending ? <Loader aria-label={t('common.loading')} /> : null}
        {data ? <DashboardBody d={data} filtered={hasFilters(values)} /> : null}
      </Stack>
    </>
  );
}

const hasFilters = (v: Record<TFilterKey, string>) =>
  v.municipalityId !== '' || v.housingOrganisationId !== '' || v.companyId !== '' || v.openingType !== '';

function Filters({
  values,
  set,
  data,
}: {
  values: Record<TFilterKey, string>;
  set: (patch: Partial<Record<TFilterKey, string>>) => void;
  data: TDashboard | undefined;
}) {
  const { t } = useTranslation();
  const labels = useOpeningLabels();
  const options = data?.options;
  const choose = (list: { id: string; name: string }[] | undefined, all: string) => [
    { value: '', label: all },
    ...(list ?? []).map((o) => ({ value: o.id, label: o.name })),
  ];
  // Narrowing to another partnership drops the filters that belong to the old one.
  const changePartnership = (partnershipId: string) =>
    set({ partnershipId, municipalityId: '', housingOrganisationId: '', companyId: '' });
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('dashboard.filters')}>
      <Group align="flex-start" gap="md">
        {(options?.partnerships.length ?? 0) > 1 || values.partnershipId !== '' ? (
          <NativeSelect
            label={t('dashboard.partnership')}
            value={values.partnershipId}
            onChange={(e) => changePartnership(e.currentTarget.value)}
            data={choose(options?.partnerships, t('dashboard.allPartnerships'))}
          />
        ) : null}
        <DateField
          label={t('dashboard.from')}
          value={values.from || data?.period.from || ''}
          max={values.to || data?.period.to || undefined}
          clearable={false}
          onChange={(v) => set({ from: v })}
        />
        <DateField
          label={t('dashboard.to')}
          value={values.to || data?.period.to || ''}
          min={values.from || data?.period.from || undefined}
          clearable={false}
          onChange={(v) => set({ to: v })}
        />
        <NativeSelect
          label={t('dashboard.city')}
          value={values.municipalityId}
          onChange={(e) => set({ municipalityId: e.currentTarget.value })}
          data={choose(options?.municipalities, t('dashboard.allCities'))}
        />
        <NativeSelect
          label={t('dashboard.organisation')}
          value={values.housingOrganisationId}
          onChange={(e) => set({ housingOrganisationId: e.currentTarget.value })}
          data={choose(options?.housingOrganisations, t('dashboard.allOrganisations'))}
        />
        <NativeSelect
          label={t('dashboard.company')}
          value={values.companyId}
          onChange={(e) => set({ companyId: e.currentTarget.value })}
          data={choose(options?.companies, t('dashboard.allCompanies'))}
        />
        <NativeSelect
          label={t('dashboard.openingType')}
          value={values.openingType}
          onChange={(e) => set({ openingType: e.currentTarget.value })}
          data={[
            { value: '', label: t('dashboard.allTypes') },
            ...OPENING_TYPES.map((type) => ({ value: type, label: labels.type(type) })),
          ]}
        />
      </Group>
    </Paper>
  );
}

/** Row labels in the UI's language: opening types and months translated, names as they are. */
function useRowLabel() {
  const { i18n } = useTranslation();
  const labels = useOpeningLabels();
  const locale = i18n.language === 'en' ? 'en' : 'da';
  return (dimension: TDashboardBreakdown['dimension'], r: TDashboardRow) => {
    if (dimension === 'opening_type' && (OPENING_TYPES as readonly string[]).includes(r.key))
      return labels.type(r.key as TOpeningType);
    if (dimension === 'month') return monthLabel(r.key, locale);
    return r.label;
  };
}

function DashboardBody({ d, filtered }: { d: TDashboard; filtered: boolean }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const empty = isEmptyFunnel(d.funnel);
  return (
    <>
      <Box>
        <Text fw={600}>
          {t('dashboard.period', { from: formatDate(d.period.from), to: formatDate(d.period.to) })}
          {' · '}
          {t('dashboard.measuredOn', { date: formatDate(d.today) })}
        </Text>
        <Text size="sm">
          {t('dashboard.partnerships', { names: d.partnerships.map((p) => p.name).join(', ') })}
        </Text>
        {meCan(me, 'create', { kind: 'report' }) ? (
          <Anchor component={Link} to="/reports" size="sm">
            {t('dashboard.reportLink')}
          </Anchor>
        ) : null}
      </Box>
      {d.suppressed ? (
        <Paper withBorder radius="md" p="md" bg="blue.0">
          <Text size="sm">{t('dashboard.suppressedNote', { min: d.minCount })}</Text>
        </Paper>
      ) : null}
      {empty ? (
        <Paper withBorder radius="md" p="xl">
          <Text fw={600}>{t('dashboard.emptyTitle')}</Text>
          <Text>{filtered ? t('dashboard.emptyFiltered') : t('dashboard.empty')}</Text>
        </Paper>
      ) : null}
      <KeyFigures d={d} />
      <GoalStatus d={d} />
      {empty ? null : (
        <>
          <Funnel d={d} />
          <Trend d={d} />
          <Breakdowns d={d} />
        </>
      )}
      <DefinitionsCard namespace="dashboard" keys={DEFINITIONS} />
    </>
  );
}

/**
 * The steering groups' goals in the period with their traffic lights (the steering page has the
 * details and the editing). The light is in words; the colour only repeats it.
 */
function GoalStatus({ d }: { d: TDashboard }) {
  const { t, i18n } = useTranslation();
  const days = t('steeringPage.goals.days');
  const value = (g: TGoal) =>
    g.actualSuppressed
      ? t('steeringPage.goals.suppressed')
      : g.actual === null
        ? '–'
        : formatGoalValue(g.actual, g, days);
  return (
    <SectionCard title={t('dashboard.goals.title')}>
      {d.goals.length === 0 ? (
        <Text>
          {t('dashboard.goals.empty')}{' '}
          <Anchor component={Link} to="/steering">
            {t('dashboard.goals.link')}
          </Anchor>
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={560}>
            <Table striped aria-label={t('dashboard.goals.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('dashboard.goals.goal')}</Table.Th>
                  <Table.Th scope="col">{t('dashboard.goals.period')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dashboard.goals.target')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dashboard.goals.actual')}
                  </Table.Th>
                  <Table.Th scope="col">{t('dashboard.goals.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.goals.map((g) => (
                  <Table.Tr key={g.id}>
                    <Table.Th scope="row" fw={500}>
                      {g.title}
                      <Text size="xs" c="dimmed">
                        {kpiLabel(g.kpi, i18n.language)}
                        {g.housingAreaName ? ` · ${g.housingAreaName}` : ''}
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      {formatDate(g.periodFrom)} – {formatDate(g.periodTo)}
                    </Table.Td>
                    <Table.Td ta="right">{formatGoalValue(g.target, g, days)}</Table.Td>
                    <Table.Td ta="right">{value(g)}</Table.Td>
                    <Table.Td>
                      <TrafficLightBadge goal={g} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Anchor component={Link} to="/steering" size="sm">
            {t('dashboard.goals.link')}
          </Anchor>
        </>
      )}
    </SectionCard>
  );
}

/** The headline numbers as a description list, so each label stays with its value. */
function KeyFigures({ d }: { d: TDashboard }) {
  const { t } = useTranslation();
  const f = d.funnel;
  const retained = (n: number | null, due: number | null) =>
    due === 0
      ? t('dashboard.noneDue')
      : t('dashboard.retainedOf', { retained: formatCount(n), due: formatCount(due) });
  const medianDetail = (openings: number | null) =>
    t('dashboard.medianOver', { count: formatCount(openings) });
  const cards = [
    {
      key: 'hires',
      label: t('dashboard.kpi.hires'),
      value: formatCount(f.hires),
      detail: t('dashboard.kpi.hiresDetail'),
    },
    {
      key: 'r6',
      label: t('dashboard.kpi.retention6'),
      value: formatPercent(f.retention6Rate),
      detail: retained(f.retained6, f.due6),
    },
    {
      key: 'r12',
      label: t('dashboard.kpi.retention12'),
      value: formatPercent(f.retention12Rate),
      detail: retained(f.retained12, f.due12),
    },
    {
      key: 'referral',
      label: t('dashboard.kpi.medianReferral'),
      value: formatDays(d.medians.daysToReferral.days),
      detail: medianDetail(d.medians.daysToReferral.openings),
    },
    {
      key: 'proposal',
      label: t('dashboard.kpi.medianProposal'),
      value: formatDays(d.medians.daysToFirstProposal.days),
      detail: medianDetail(d.medians.daysToFirstProposal.openings),
    },
    {
      key: 'clauses',
      label: t('dashboard.kpi.clauses'),
      value: formatPercent(d.clauseFulfilment.percent),
      detail:
        d.clauseFulfilment.target === 0
          ? t('dashboard.kpi.noClauses')
          : t('dashboard.kpi.clausesDetail', {
              fulfilled: formatCount(d.clauseFulfilment.fulfilled),
              target: formatCount(d.clauseFulfilment.target),
            }),
    },
    {
      key: 'apprentices',
      label: t('dashboard.kpi.apprenticeships'),
      value: formatCount(d.kpis.apprenticeships),
      detail: t('dashboard.kpi.apprenticeshipsDetail'),
    },
    {
      key: 'leisure',
      label: t('dashboard.kpi.leisureJobs'),
      value: formatCount(d.kpis.leisureJobs),
      detail: t('dashboard.kpi.leisureJobsDetail'),
    },
    {
      key: 'education',
      label: t('dashboard.kpi.intoEducation'),
      value: formatCount(d.kpis.intoEducation),
      detail: t('dashboard.kpi.intoEducationDetail'),
    },
  ];
  return (
    <SimpleGrid
      component="dl"
      cols={{ base: 1, xs: 2, md: 3 }}
      spacing="md"
      m={0}
      aria-label={t('dashboard.keyFigures')}
    >
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
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** A chart as a figure: the chart is hidden from screen readers, the caption and the table say it. */
function Figure({ caption, children }: { caption: string; children: ReactNode }) {
  const captionId = useId();
  return (
    <Box component="figure" m={0} mb="md" aria-labelledby={captionId}>
      <div aria-hidden="true">{children}</div>
      <Text component="figcaption" id={captionId} size="sm" mt="xs">
        {caption}
      </Text>
    </Box>
  );
}

const num = { textAlign: 'right', whiteSpace: 'nowrap' } as const;

function Funnel({ d }: { d: TDashboard }) {
  const { t } = useTranslation();
  const stepLabel = (k: TFunnelKey) => t(`dashboard.step.${k}`);
  const shares = stepShares(d.funnel);
  return (
    <SectionCard title={t('dashboard.funnelTitle')}>
      <Figure caption={t('dashboard.funnelCaption')}>
        <BarChart
          h={280}
          data={funnelChartRows(d.funnel, stepLabel)}
          dataKey="label"
          series={[{ name: 'count', label: t('dashboard.count'), color: 'blue.8' }]}
          valueFormatter={(v) => formatCount(v)}
          tooltipProps={{ isAnimationActive: false }}
          barChartProps={{ accessibilityLayer: false }}
          barProps={{ isAnimationActive: false }}
        />
      </Figure>
      <Table.ScrollContainer minWidth={420} type="native" tabIndex={0}>
        <Table striped verticalSpacing="xs" horizontalSpacing="sm" fz="sm">
          <caption className="visually-hidden">{t('dashboard.funnelTitle')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboard.col.step')}</Table.Th>
              <Table.Th scope="col" style={num}>
                {t('dashboard.count')}
              </Table.Th>
              <Table.Th scope="col" style={num}>
                {t('dashboard.col.share')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {FUNNEL_KEYS.map((k, i) => (
              <Table.Tr key={k}>
                <Table.Th scope="row" fw={600}>
                  {stepLabel(k)}
                </Table.Th>
                <Table.Td style={num}>{formatCount(d.funnel[k])}</Table.Td>
                <Table.Td style={num}>{i === 0 ? '' : formatPercent(shares[i] ?? null)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" mt="xs">
        {t('dashboard.shareNote')}
      </Text>
    </SectionCard>
  );
}

function Trend({ d }: { d: TDashboard }) {
  const { t, i18n } = useTranslation();
  const months = d.breakdowns.find((b) => b.dimension === 'month')?.rows ?? [];
  if (months.length < 2) return null;
  const locale = i18n.language === 'en' ? 'en' : 'da';
  return (
    <SectionCard title={t('dashboard.trendTitle')}>
      <Figure caption={t('dashboard.trendCaption')}>
        <LineChart
          h={280}
          data={trendRows(months, (k) => monthLabel(k, locale))}
          dataKey="month"
          series={[
            { name: 'openings', label: t('dashboard.step.openings'), color: 'blue.8' },
            { name: 'proposals', label: t('dashboard.step.proposals'), color: 'orange.9' },
            { name: 'hires', label: t('dashboard.step.hires'), color: 'teal.9', strokeDasharray: '6 4' },
          ]}
          curveType="linear"
          withLegend
          withDots
          valueFormatter={(v) => formatCount(v)}
          tooltipProps={{ isAnimationActive: false }}
          lineChartProps={{ accessibilityLayer: false }}
          lineProps={{ isAnimationActive: false }}
        />
      </Figure>
    </SectionCard>
  );
}

function Breakdowns({ d }: { d: TDashboard }) {
  const { t } = useTranslation();
  const rowLabel = useRowLabel();
  const dimensionLabel = (b: TDashboardBreakdown) => t(`dashboard.dimension.${b.dimension}`);
  const download = () => {
    const csv = breakdownCsv(
      d.breakdowns,
      {
        dimension: t('dashboard.col.dimension'),
        group: t('dashboard.col.group'),
        steps: Object.fromEntries(FUNNEL_KEYS.map((k) => [k, t(`dashboard.step.${k}`)])) as Record<
          TFunnelKey,
          string
        >,
        rate6: t('dashboard.col.rate6'),
        rate12: t('dashboard.col.rate12'),
      },
      dimensionLabel,
      (b, r) => rowLabel(b.dimension, r),
    );
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `overblik-${d.period.from}-${d.period.to}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <>
      <Group justify="flex-end">
        <Button variant="default" onClick={download}>
          {t('dashboard.downloadCsv')}
        </Button>
      </Group>
      {d.breakdowns
        .filter((b) => b.dimension !== 'partnership' || b.rows.length > 1)
        .map((b) => (
          <BreakdownTable key={b.dimension} breakdown={b} title={t(`dashboard.by.${b.dimension}`)} />
        ))}
    </>
  );
}

function BreakdownTable({ breakdown, title }: { breakdown: TDashboardBreakdown; title: string }) {
  const { t } = useTranslation();
  const rowLabel = useRowLabel();
  const [sort, setSort] = useState<TSort>({ key: 'label', dir: 'asc' });
  // Months keep their order until the user sorts by a column.
  const [touched, setTouched] = useState(false);
  const labelOf = (r: TDashboardRow) => rowLabel(breakdown.dimension, r);
  const rows =
    breakdown.dimension === 'month' && !touched ? breakdown.rows : sortRows(breakdown.rows, sort, labelOf);
  const header = (key: TSort['key'], label: string) => {
    const active = (breakdown.dimension !== 'month' || touched) && sort.key === key;
    return (
      <Table.Th
        key={key}
        scope="col"
        style={key === 'label' ? undefined : num}
        aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      >
        <UnstyledButton
          fw={700}
          fz="sm"
          onClick={() => {
            setTouched(true);
            setSort(nextSort(sort, key));
          }}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
        </UnstyledButton>
      </Table.Th>
    );
  };
  return (
    <SectionCard title={title}>
      {rows.length === 0 ? (
        <Text>{t('dashboard.noRows')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760} type="native" tabIndex={0}>
          <Table striped verticalSpacing="xs" horizontalSpacing="sm" fz="sm">
            <caption className="visually-hidden">{t('dashboard.tableCaption', { dimension: title })}</caption>
            <Table.Thead>
              <Table.Tr>
                {header('label', t(`dashboard.dimension.${breakdown.dimension}`))}
                {FUNNEL_KEYS.map((k) => header(k, t(`dashboard.step.${k}`)))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Th scope="row" fw={600}>
                    {labelOf(r)}
                  </Table.Th>
                  {FUNNEL_KEYS.map((k) => (
                    <Table.Td key={k} style={num}>
                      {formatCount(r.funnel[k])}
                      {k === 'retained6' || k === 'retained12' ? (
                        <Text span display="block" size="xs" c="dimmed">
                          {formatPercent(
                            k === 'retained6' ? r.funnel.retention6Rate : r.funnel.retention12Rate,
                          )}
                        </Text>
                      ) : null}
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

const DEFINITIONS = [
  'openings',
  'referrals',
  'proposals',
  'interviews',
  'hires',
  'retained',
  'medians',
  'clauses',
  'intoEducation',
  'smallCounts',
] as const;
