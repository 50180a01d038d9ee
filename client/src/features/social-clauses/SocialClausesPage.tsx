import { DataTable, type TColumn, useListParams } from '@client/components/DataTable.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { formatPeriod, SOCIAL_CLAUSES_PATH } from '@client/features/assignments/assignment-ui.tsx';
import { formatNumber } from '@client/lib/format.ts';
import type { TClauseStatus } from '@domain/rules/clause-progress.ts';
import { CLAUSE_KINDS, type TSocialClauseListItem } from '@domain/social-clause.schema.ts';
import { Anchor, NativeSelect, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ClauseProgress } from './ClauseProgress.tsx';

/** "Bagud" first in the status filter: the clauses that need a push now. */
const STATUS_FILTER_ORDER: readonly TClauseStatus[] = ['behind', 'on_track', 'not_started', 'met'];

/**
 * Every social clause the user may see, with its progress today and the pro-rata expectation.
 */
export function SocialClausesPage() {
  const { t } = useTranslation();
  const list = useListParams();
  const filters = {
    status: list.params.get('status') ?? '',
    kind: list.params.get('kind') ?? '',
  };

  const columns = useMemo<TColumn<TSocialClauseListItem>[]>(
    () => [
      {
        key: 'assignment',
        header: t('socialClauses.field.assignment'),
        sortKey: 'assignmentTitle',
        render: (c) => (
          <Stack gap={2}>
            <Anchor component={Link} to={`/assignments/${c.assignmentId}`} fw={600}>
              {c.assignmentTitle}
            </Anchor>
            <Text size="xs">{c.companyName}</Text>
          </Stack>
        ),
      },
      {
        key: 'kind',
        header: t('socialClauses.field.kind'),
        sortKey: 'kind',
        render: (c) => t(`socialClauses.kind.${c.kind}`),
      },
      {
        key: 'progress',
        header: t('socialClauses.progress'),
        render: (c) => <ClauseProgress kind={c.kind} progress={c.progress} compact />,
      },
      {
        key: 'period',
        header: t('socialClauses.field.period'),
        sortKey: 'periodEnd',
        render: (c) => formatPeriod(c.periodStart, c.periodEnd),
      },
      {
        key: 'responsible',
        header: t('socialClauses.field.responsible'),
        render: (c) => c.responsibleName ?? '',
      },
    ],
    [t],
  );

  return (
    <>
      <PageHeader title={t('socialClauses.title')} lead={t('socialClauses.lead')} />
      <DataTable<TSocialClauseListItem>
        path={SOCIAL_CLAUSES_PATH}
        caption={t('socialClauses.title')}
        columns={columns}
        rowKey={(c) => c.id}
        extraQuery={{ status: filters.status || undefined, kind: filters.kind || undefined }}
        countLabel={(n) => t('socialClauses.count', { count: n, formatted: formatNumber(n) })}
        filters={
          <>
            <NativeSelect
              label={t('socialClauses.field.status')}
              value={filters.status}
              onChange={(e) => list.update({ status: e.currentTarget.value || null })}
              data={[
                { value: '', label: t('common.all') },
                ...STATUS_FILTER_ORDER.map((s) => ({ value: s, label: t(`socialClauses.status.${s}`) })),
              ]}
            />
            <NativeSelect
              label={t('socialClauses.field.kind')}
              value={filters.kind}
              onChange={(e) => list.update({ kind: e.currentTarget.value || null })}
              data={[
                { value: '', label: t('common.all') },
                ...CLAUSE_KINDS.map((k) => ({ value: k, label: t(`socialClauses.kind.${k}`) })),
              ]}
            />
          </>
        }
        emptyState={<Text>{t('socialClauses.empty')}</Text>}
      />
    </>
  );
}
