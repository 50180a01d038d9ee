import { useCurrentMe } from '@client/app/auth.ts';
import { DataTable, type TColumn } from '@client/components/DataTable.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { formatDateTime, formatNumber } from '@client/lib/format.ts';
import type { TOutboxMail } from '@domain/outbox.schema.ts';
import { Alert, Badge, Spoiler, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Demo mode: mails are kept here instead of being sent, so invitations can be followed. */
export function OutboxPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const columns: TColumn<TOutboxMail>[] = [
    { key: 'createdAt', header: t('outbox.createdAt'), render: (m) => formatDateTime(m.createdAt) },
    { key: 'to', header: t('outbox.to'), render: (m) => m.to },
    { key: 'subject', header: t('outbox.subject'), render: (m) => <Text fw={600}>{m.subject}</Text> },
    {
      key: 'text',
      header: t('outbox.text'),
      render: (m) => (
        <Spoiler maxHeight={48} showLabel={t('outbox.showMore')} hideLabel={t('outbox.showLess')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxWidth: '36rem' }}>
            {m.text}
          </Text>
        </Spoiler>
      ),
    },
    { key: 'status', header: t('outbox.status'), render: (m) => <Badge color="gray">{m.status}</Badge> },
  ];
  return (
    <>
      <PageHeader title={t('outbox.title')} lead={t('outbox.lead')} />
      {me.demo ? (
        <DataTable<TOutboxMail>
          path="/api/outbox"
          caption={t('outbox.title')}
          columns={columns}
          rowKey={(m) => m.id}
          searchable={false}
          countLabel={(n) => t('outbox.count', { count: n, formatted: formatNumber(n) })}
          emptyState={<Text fw={600}>{t('outbox.empty')}</Text>}
        />
      ) : (
        <Alert color="gray">{t('outbox.notDemo')}</Alert>
      )}
    </>
  );
}
