import { DataTable, type TColumn } from '@client/components/DataTable.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { formatDate, formatNumber } from '@client/lib/format.ts';
import type { TPage } from '@domain/common.schema.ts';
import {
  DEFAULT_RETENTION_MONTHS,
  type TRetentionItem,
  type TRetentionPage,
} from '@domain/resident-rights.schema.ts';
import { Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESIDENTS_PATH } from './resident-ui.tsx';

/**
 * For the secretariat: who the nightly retention job anonymises within the next month (no
 * activity for the configured months), soonest first. Working with a person moves the date.
 */
export function RetentionPage() {
  const { t } = useTranslation();
  const [months, setMonths] = useState(DEFAULT_RETENTION_MONTHS);
  const onData = useCallback((data: TPage<TRetentionItem>) => setMonths((data as TRetentionPage).months), []);
  const columns: TColumn<TRetentionItem>[] = [
    {
      key: 'name',
      header: t('residents.retention.name'),
      render: (r) => <Text fw={600} size="sm">{`${r.firstName} ${r.lastName}`}</Text>,
    },
    {
      key: 'registeredBy',
      header: t('residents.retention.registeredBy'),
      render: (r) => r.registeredBy ?? '–',
    },
    {
      key: 'lastActivityAt',
      header: t('residents.retention.lastActivity'),
      render: (r) => formatDate(r.lastActivityAt),
    },
    { key: 'dueOn', header: t('residents.retention.dueOn'), render: (r) => formatDate(r.dueOn) },
    {
      key: 'daysLeft',
      header: t('residents.retention.daysLeft'),
      align: 'right',
      render: (r) => (r.daysLeft === 0 ? t('residents.retention.tonight') : formatNumber(r.daysLeft)),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('residents.retention.title', { months })}
        lead={t('residents.retention.lead', { months })}
      />
      <DataTable<TRetentionItem>
        path={`${RESIDENTS_PATH}/retention`}
        caption={t('residents.retention.caption')}
        columns={columns}
        rowKey={(r) => r.residentId}
        searchable={false}
        onData={onData}
        countLabel={(n) => t('residents.retention.count', { count: n, formatted: formatNumber(n) })}
        emptyState={<Text>{t('residents.retention.empty')}</Text>}
      />
    </>
  );
}
