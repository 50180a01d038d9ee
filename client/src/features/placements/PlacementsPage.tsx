import { useCurrentMe } from '@client/app/auth.ts';
import { DataTable, type TColumn, useListParams } from '@client/components/DataTable.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { useOpeningLabels, useTypeOptions } from '@client/features/openings/opening-ui.tsx';
import { formatDate, formatNumber } from '@client/lib/format.ts';
import { OPENING_TYPES } from '@domain/opening-types.ts';
import { PLACEMENT_STATUSES, type TPlacementListItem } from '@domain/placement.schema.ts';
import { Anchor, Badge, NativeSelect, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PlacementStatusBadge } from './PlacementStatusBadge.tsx';
import { isCompanyOnly, PLACEMENTS_PATH } from './placement-ui.ts';

/**
 * "Ansættelser": the placements of the people the professional works with, or — for a company's
 * contact — the company's own (first names only). Search, status and type filters, sort and
 * paging in the URL.
 */
export function PlacementsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const company = isCompanyOnly(me);
  const list = useListParams();
  const labels = useOpeningLabels();
  const typeOptions = useTypeOptions();
  const status = list.params.get('status') ?? '';
  const type = list.params.get('type') ?? '';

  const columns = useMemo<TColumn<TPlacementListItem>[]>(
    () => [
      {
        key: 'person',
        header: company ? t('placements.field.employee') : t('placements.field.resident'),
        sortKey: 'residentName',
        render: (p) => (
          <Anchor component={Link} to={`/placements/${p.id}`} fw={600}>
            {p.residentName ?? t('placements.unnamed')}
          </Anchor>
        ),
      },
      {
        key: 'opening',
        header: company ? t('placements.field.opening') : t('placements.field.companyOpening'),
        sortKey: company ? undefined : 'companyName',
        render: (p) => (
          <>
            {company ? null : <Text size="sm">{p.companyName}</Text>}
            <Text size={company ? 'sm' : 'xs'} c={company ? undefined : 'dimmed'}>
              {p.openingTitle ?? t('placements.noOpening')}
            </Text>
          </>
        ),
      },
      { key: 'type', header: t('placements.field.type'), render: (p) => labels.type(p.type) },
      {
        key: 'status',
        header: t('placements.field.status'),
        sortKey: 'status',
        render: (p) => (
          <Stack gap={4} align="flex-start">
            <PlacementStatusBadge status={p.status} />
            {p.openEscalations > 0 ? (
              <Badge color="red" variant="filled" tt="none">
                {company
                  ? t('placements.flaggedCount', { count: p.openEscalations })
                  : t('placements.escalationCount', { count: p.openEscalations })}
              </Badge>
            ) : null}
          </Stack>
        ),
      },
      {
        key: 'start',
        header: t('placements.field.startDate'),
        sortKey: 'startDate',
        render: (p) => formatDate(p.startDate),
      },
      {
        key: 'end',
        header: t('placements.field.endDate'),
        render: (p) => (p.endDate ? formatDate(p.endDate) : '–'),
      },
      {
        key: 'next',
        header: t('placements.field.nextDue'),
        sortKey: 'nextDueDate',
        render: (p) => (p.nextDueDate ? formatDate(p.nextDueDate) : '–'),
      },
    ],
    [t, company, labels],
  );

  return (
    <>
      <PageHeader
        title={t('placements.title')}
        lead={company ? t('placements.leadCompany') : t('placements.lead')}
      />
      <DataTable<TPlacementListItem>
        path={PLACEMENTS_PATH}
        caption={t('placements.title')}
        columns={columns}
        rowKey={(p) => p.id}
        searchLabel={company ? t('placements.searchCompany') : t('placements.search')}
        extraQuery={{
          status: (PLACEMENT_STATUSES as readonly string[]).includes(status) ? status : undefined,
          type: (OPENING_TYPES as readonly string[]).includes(type) ? type : undefined,
        }}
        countLabel={(n) => t('placements.count', { count: n, formatted: formatNumber(n) })}
        filters={
          <>
            <NativeSelect
              label={t('placements.field.status')}
              value={status}
              onChange={(e) => list.update({ status: e.currentTarget.value || null })}
              data={[
                { value: '', label: t('common.all') },
                ...PLACEMENT_STATUSES.map((s) => ({ value: s, label: t(`placements.status.${s}`) })),
              ]}
            />
            <NativeSelect
              label={t('placements.field.type')}
              value={type}
              onChange={(e) => list.update({ type: e.currentTarget.value || null })}
              data={[{ value: '', label: t('common.all') }, ...typeOptions]}
            />
          </>
        }
        emptyState={
          <Stack gap="xs" align="flex-start">
            <Text fw={600}>{company ? t('placements.emptyCompany') : t('placements.empty')}</Text>
            <Text>{company ? t('placements.emptyCompanyHint') : t('placements.emptyHint')}</Text>
          </Stack>
        }
      />
    </>
  );
}
