import { DataTable, type TColumn } from '@client/components/DataTable.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { formatDateTime, formatNumber } from '@client/lib/format.ts';
import type { TNotification } from '@domain/notification.schema.ts';
import { Anchor, Badge, Button, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { NOTIFICATIONS_PATH, useMarkAllRead, useMarkRead } from './notifications.api.ts';

/** The user's own notifications, newest first; unread can be filtered and marked read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unread = params.get('unread') === 'true';
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const columns: TColumn<TNotification>[] = [
    { key: 'createdAt', header: t('notifications.when'), render: (n) => formatDateTime(n.createdAt) },
    {
      key: 'title',
      header: t('notifications.what'),
      render: (n) => (
        <Stack gap={2}>
          {n.link ? (
            <Anchor
              component={Link}
              to={n.link}
              fw={n.readAt ? 400 : 700}
              onClick={() => !n.readAt && markRead.mutate(n.id)}
            >
              {n.title}
            </Anchor>
          ) : (
            <Text fw={n.readAt ? 400 : 700}>{n.title}</Text>
          )}
          <Text size="sm" c="dimmed">
            {n.body}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'readAt',
      header: t('notifications.status'),
      render: (n) =>
        n.readAt ? (
          <Badge color="gray" variant="light">
            {t('notifications.read')}
          </Badge>
        ) : (
          // Filled: the theme's default light variant with a fixed shade fails 4.5:1 contrast.
          <Badge color="blue.9" variant="filled">
            {t('notifications.unread')}
          </Badge>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        lead={t('notifications.lead')}
        actions={
          <Button variant="outline" onClick={() => markAll.mutate()} loading={markAll.isPending}>
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <DataTable<TNotification>
        path={NOTIFICATIONS_PATH}
        caption={t('notifications.title')}
        columns={columns}
        rowKey={(n) => n.id}
        searchable={false}
        extraQuery={{ unread: unread ? 'true' : undefined }}
        filters={
          <SegmentedControl
            aria-label={t('notifications.filter')}
            value={unread ? 'unread' : 'all'}
            onChange={(v) => {
              const next = new URLSearchParams(params);
              if (v === 'unread') next.set('unread', 'true');
              else next.delete('unread');
              next.delete('page');
              setParams(next);
            }}
            data={[
              { value: 'all', label: t('notifications.all') },
              { value: 'unread', label: t('notifications.onlyUnread') },
            ]}
          />
        }
        countLabel={(n) => t('notifications.count', { count: n, formatted: formatNumber(n) })}
        emptyState={<Text>{unread ? t('notifications.emptyUnread') : t('notifications.empty')}</Text>}
        rowActions={(n) =>
          n.readAt ? null : (
            <Button size="compact-sm" variant="subtle" onClick={() => markRead.mutate(n.id)}>
              {t('notifications.markRead')}
            </Button>
          )
        }
      />
    </>
  );
}
