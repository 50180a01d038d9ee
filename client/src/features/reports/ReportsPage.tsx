import { api } from '@client/api/client.ts';
import { DataTable, type TColumn } from '@client/components/DataTable.tsx';
import { DateField } from '@client/components/DateField.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { parseForm, serverFieldErrors, type TFieldErrors } from '@client/components/form-errors.ts';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { SectionCard } from '@client/components/SectionCard.tsx';
import { formatDate, formatDateTime, formatNumber } from '@client/lib/format.ts';
import {
  type TReportFormat,
  type TReportPartnership,
  type TReportRun,
  ZReportCreate,
} from '@domain/reports/report.schema.ts';
import { danishDate } from '@domain/time.ts';
import { Alert, Anchor, Badge, Button, Group, NativeSelect, Progress, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultReportPeriod, isUnfinished, pollInterval, REPORTS_PATH } from './reports-ui.ts';

// /reports (issue 7 item 5): one click per partnership and period gives a PDF (to read, with
// charts) or an Excel workbook (a sheet per table). The report is built in the background: the
// page shows its step and progress, polled every second, then a link to the file, which is kept
// for 24 hours; below, the user's recent reports.

const STATUS_COLOR: Record<TReportRun['status'], string> = {
  queued: 'gray',
  running: 'blue',
  done: 'green',
  failed: 'red',
};

/** The format as the buttons name it. */
function useFormatLabel() {
  const { t } = useTranslation();
  return (format: TReportFormat) => t(`reports.format.${format}`);
}

/** The run being built: its step and progress (text and bar say the same), then the download. */
function RunProgress({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const formatLabel = useFormatLabel();
  const run = useQuery({
    queryKey: [REPORTS_PATH, runId],
    queryFn: ({ signal }) => api.get<TReportRun>(`${REPORTS_PATH}/${runId}`, undefined, signal),
    refetchInterval: (q) => pollInterval(q.state.data),
  });
  const data = run.data;
  const finished = data !== undefined && !isUnfinished(data);
  // The list below shows the finished run too.
  useEffect(() => {
    if (finished) void qc.invalidateQueries({ queryKey: [REPORTS_PATH, 'list'] });
  }, [finished, qc]);
  if (run.error) return <ErrorAlert error={run.error} />;
  if (!data) return null;
  const label = t('reports.progress', {
    format: formatLabel(data.format),
    partnership: data.partnershipName,
    step: t(`reports.step.${data.step}`),
    progress: formatNumber(data.progress),
  });
  return (
    <Stack gap="xs">
      <Text size="sm" aria-live="polite">
        {label}
      </Text>
      <Progress
        value={data.progress}
        striped={!finished}
        animated={!finished}
        size="lg"
        aria-label={t('reports.progressLabel')}
        color={data.status === 'failed' ? 'red' : undefined}
      />
      {data.status === 'done' && data.downloadUrl ? (
        <Group>
          <Button component="a" href={data.downloadUrl} download={data.fileName ?? undefined}>
            {t('reports.download', { fileName: data.fileName })}
          </Button>
          <Text size="sm">{t('reports.kept', { time: formatDateTime(data.expiresAt) })}</Text>
        </Group>
      ) : null}
      {data.status === 'failed' ? (
        <Alert color="red" variant="light" role="alert" title={t('reports.failedTitle')}>
          {data.failureMessage}
        </Alert>
      ) : null}
    </Stack>
  );
}

export function ReportsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const formatLabel = useFormatLabel();
  const today = danishDate(new Date());
  const partnerships = useQuery({
    queryKey: [REPORTS_PATH, 'partnerships'],
    staleTime: 60_000,
    queryFn: ({ signal }) => api.get<TReportPartnership[]>(`${REPORTS_PATH}/partnerships`, undefined, signal),
  });
  const [partnershipId, setPartnershipId] = useState('');
  const [from, setFrom] = useState(defaultReportPeriod(today).from);
  const [to, setTo] = useState(today);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<TReportFormat | null>(null);
  const [runId, setRunId] = useState<string | null>(null);

  const options = partnerships.data ?? [];
  const chosenId = partnershipId || (options.length === 1 ? options[0]!.id : '');
  const chosen = options.find((p) => p.id === chosenId);

  const ask = async (format: TReportFormat) => {
    setError(null);
    const parsed = parseForm(ZReportCreate, { partnershipId: chosenId, from, to, format });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setBusy(format);
    try {
      const created = await api.post<TReportRun>(REPORTS_PATH, parsed.data);
      qc.setQueryData([REPORTS_PATH, created.id], created);
      setRunId(created.id);
      await qc.invalidateQueries({ queryKey: [REPORTS_PATH, 'list'] });
    } catch (err) {
      setErrors(serverFieldErrors(err));
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const columns: TColumn<TReportRun>[] = [
    { key: 'created', header: t('reports.col.created'), render: (r) => formatDateTime(r.createdAt) },
    { key: 'partnership', header: t('reports.col.partnership'), render: (r) => r.partnershipName },
    {
      key: 'period',
      header: t('reports.col.period'),
      render: (r) => `${formatDate(r.from)} – ${formatDate(r.to)}`,
    },
    { key: 'format', header: t('reports.col.format'), render: (r) => formatLabel(r.format) },
    {
      key: 'numbers',
      header: t('reports.col.numbers'),
      render: (r) => (r.suppressed ? t('reports.suppressedShort') : t('reports.exactShort')),
    },
    {
      key: 'status',
      header: t('reports.col.status'),
      render: (r) => (
        <Badge color={STATUS_COLOR[r.status]} tt="none">
          {r.status === 'running'
            ? t('reports.runningAt', { progress: formatNumber(r.progress) })
            : t(`reports.status.${r.status}`)}
        </Badge>
      ),
    },
    {
      key: 'file',
      header: t('reports.col.file'),
      render: (r) =>
        r.downloadUrl ? (
          <Anchor href={r.downloadUrl} download={r.fileName ?? undefined}>
            {r.fileName}
          </Anchor>
        ) : (
          '–'
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('reports.title')} lead={t('reports.lead')} />
      <Stack gap="lg">
        <SectionCard title={t('reports.newTitle')}>
          <Stack gap="md" maw={760}>
            <ErrorAlert error={partnerships.error} />
            {partnerships.data && options.length === 0 ? (
              <Alert color="gray">{t('reports.noPartnerships')}</Alert>
            ) : null}
            <Group align="flex-start" gap="md">
              <NativeSelect
                label={t('reports.partnership')}
                value={chosenId}
                disabled={partnerships.isLoading}
                error={errors.partnershipId}
                onChange={(e) => {
                  setPartnershipId(e.currentTarget.value);
                  setErrors({});
                }}
                data={[
                  { value: '', label: t('reports.choosePartnership') },
                  ...options.map((p) => ({ value: p.id, label: p.name })),
                ]}
              />
              <DateField
                label={t('reports.from')}
                value={from}
                max={to || undefined}
                clearable={false}
                error={errors.from}
                onChange={(v) => {
                  setFrom(v);
                  setErrors({});
                }}
              />
              <DateField
                label={t('reports.to')}
                value={to}
                min={from || undefined}
                clearable={false}
                error={errors.to}
                onChange={(v) => {
                  setTo(v);
                  setErrors({});
                }}
              />
            </Group>
            {chosen ? (
              <Text size="sm">
                {chosen.suppressed ? t('reports.suppressedNote') : t('reports.exactNote')}
              </Text>
            ) : null}
            {errors.format ? <Text c="red.8">{errors.format}</Text> : null}
            <ErrorAlert error={error} />
            <Group>
              <Button onClick={() => void ask('pdf')} loading={busy === 'pdf'} disabled={busy !== null}>
                {t('reports.getPdf')}
              </Button>
              <Button
                onClick={() => void ask('xlsx')}
                loading={busy === 'xlsx'}
                disabled={busy !== null}
                variant="outline"
              >
                {t('reports.getXlsx')}
              </Button>
            </Group>
            {runId ? <RunProgress runId={runId} /> : null}
          </Stack>
        </SectionCard>

        <SectionCard title={t('reports.recentTitle')}>
          <DataTable<TReportRun>
            path={REPORTS_PATH}
            caption={t('reports.recentTitle')}
            columns={columns}
            rowKey={(r) => r.id}
            searchable={false}
            countLabel={(n) => t('reports.count', { count: n, formatted: formatNumber(n) })}
            emptyState={<Text>{t('reports.none')}</Text>}
          />
          <Text size="sm" mt="sm">
            {t('reports.keptNote')}
          </Text>
        </SectionCard>
      </Stack>
    </>
  );
}
