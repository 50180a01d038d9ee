import { toQueryString } from '@client/api/client.ts';
import { DataTable, type TColumn, useListParams } from '@client/components/DataTable.tsx';
import { DateField } from '@client/components/DateField.tsx';
import { EntitySelect } from '@client/components/EntitySelect.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { formatDateTime, formatNumber } from '@client/lib/format.ts';
import { AUDIT_ACTIONS, type TAuditAction, type TAuditEvent } from '@domain/audit.schema.ts';
import { Badge, Button, Code, NativeSelect, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const ACTION_COLOR: Record<TAuditAction, string> = {
  login: 'green',
  login_failed: 'orange',
  logout: 'gray',
  read: 'blue',
  search: 'blue',
  create: 'teal',
  update: 'indigo',
  delete: 'red',
  export: 'grape',
  erase: 'red',
  denied: 'red',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The append-only audit log: who did what, when, from where; filter and export as CSV. */
export function AuditPage() {
  const { t } = useTranslation();
  const list = useListParams();
  const get = (k: string) => list.params.get(k) ?? '';
  const filters = {
    from: ISO_DATE.test(get('from')) ? get('from') : undefined,
    to: ISO_DATE.test(get('to')) ? get('to') : undefined,
    userId: get('userId') || undefined,
    action: (AUDIT_ACTIONS as readonly string[]).includes(get('action')) ? get('action') : undefined,
    entityType: get('entityType') || undefined,
    searched: get('searched') || undefined,
  };

  const columns: TColumn<TAuditEvent>[] = [
    {
      key: 'at',
      header: t('audit.at'),
      render: (e) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</span>,
    },
    { key: 'user', header: t('audit.user'), render: (e) => e.userEmail ?? '–' },
    {
      key: 'action',
      header: t('audit.action'),
      render: (e) => (
        <Badge color={ACTION_COLOR[e.action]} style={{ minWidth: 'max-content' }}>
          {t(`audit.actions.${e.action}`)}
        </Badge>
      ),
    },
    {
      key: 'entity',
      header: t('audit.entity'),
      render: (e) =>
        e.entityType ? (
          <Text size="sm">
            {e.entityType}
            {e.entityId ? (
              <>
                {' '}
                <Code>{e.entityId.slice(0, 8)}</Code>
              </>
            ) : null}
          </Text>
        ) : (
          '–'
        ),
    },
    {
      key: 'details',
      header: t('audit.details'),
      render: (e) =>
        e.details && Object.keys(e.details).length > 0 ? (
          <Text size="xs" style={{ fontFamily: 'monospace', overflowWrap: 'anywhere', maxWidth: '24rem' }}>
            {JSON.stringify(e.details)}
          </Text>
        ) : (
          ''
        ),
    },
    { key: 'ip', header: t('audit.ip'), render: (e) => e.ip ?? '' },
  ];

  const exportHref = `/api/audit-events/export.csv${toQueryString(filters)}`;
  const dateInput = (k: 'from' | 'to') => (
    <DateField
      label={t(`audit.${k}`)}
      value={ISO_DATE.test(get(k)) ? get(k) : ''}
      onChange={(v) => list.update({ [k]: v || null })}
    />
  );

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        lead={t('audit.lead')}
        actions={
          <Button component="a" href={exportHref} download variant="outline">
            {t('audit.export')}
          </Button>
        }
      />
      <DataTable<TAuditEvent>
        path="/api/audit-events"
        caption={t('audit.title')}
        columns={columns}
        rowKey={(e) => e.id}
        searchable={false}
        extraQuery={filters}
        countLabel={(n) => t('audit.count', { count: n, formatted: formatNumber(n) })}
        filters={
          <>
            {dateInput('from')}
            {dateInput('to')}
            <EntitySelect
              path="/api/users"
              label={t('audit.user')}
              value={get('userId')}
              onChange={(v) => list.update({ userId: v || null })}
              emptyLabel={t('common.all')}
            />
            <NativeSelect
              label={t('audit.action')}
              value={get('action')}
              onChange={(e) => list.update({ action: e.currentTarget.value || null })}
              data={[
                { value: '', label: t('common.all') },
                ...AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) })),
              ]}
            />
            <TextInput
              label={t('audit.entityType')}
              description={t('audit.entityTypeHint')}
              value={get('entityType')}
              onChange={(e) => list.update({ entityType: e.currentTarget.value.trim() || null })}
            />
            <SearchedFilter value={get('searched')} onChange={(v) => list.update({ searched: v || null })} />
          </>
        }
        emptyState={<Text fw={600}>{t('audit.empty')}</Text>}
      />
    </>
  );
}

/**
 * "Was this text searched?": searches keep only a fingerprint of the typed text, so the whole
 * text is compared (case and spaces aside), not a part of it. Applied on Enter or when leaving
 * the field, not per keystroke, so no half-typed name is sent.
 */
function SearchedFilter({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const apply = () => {
    if (text.trim() !== value) onChange(text.trim());
  };
  return (
    <TextInput
      label={t('audit.searched')}
      description={t('audit.searchedHint')}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply();
      }}
    />
  );
}
