import { meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { DataTable, type TColumn, useListParams } from '@client/components/DataTable.tsx';
import { EntitySelect } from '@client/components/EntitySelect.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { CompanyOpeningsTable } from '@client/features/company-portal/CompanyOpeningsTable.tsx';
import { formatDate, formatNumber } from '@client/lib/format.ts';
import { OPENING_STATUSES, type TOpeningListItem } from '@domain/opening.schema.ts';
import { Button, NativeSelect, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isOpeningType } from './opening-form.ts';
import {
  OPENINGS_PATH,
  OpeningStatusBadge,
  OpeningTitleCell,
  useStatusOptions,
  useTypeOptions,
} from './opening-ui.tsx';

/**
 * The openings a user may see (the server scopes them: a company contact sees only its own
 * company's), with search, filters, sort and paging kept in the URL. Newest first by default.
 */
export function OpeningsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const list = useListParams();
  const statusOptions = useStatusOptions();
  const typeOptions = useTypeOptions();
  const canCreate = meCan(me, 'create', { kind: 'opening' });
  // A company contact has one company: a company column or filter would say nothing.
  const companyContact = me.memberships.every((m) => m.role === 'company_contact');

  const filters = {
    status: list.params.get('status') ?? '',
    type: list.params.get('type') ?? '',
    companyId: list.params.get('companyId') ?? '',
  };

  const columns = useMemo<TColumn<TOpeningListItem>[]>(() => {
    const all: (TColumn<TOpeningListItem> | null)[] = [
      {
        key: 'title',
        header: t('openings.titleAndType'),
        sortKey: 'title',
        render: (o) => <OpeningTitleCell opening={o} />,
      },
      companyContact
        ? null
        : {
            key: 'company',
            header: t('openings.company'),
            sortKey: 'companyName',
            render: (o) => o.companyName,
          },
      {
        key: 'status',
        header: t('openings.status'),
        sortKey: 'status',
        render: (o) => <OpeningStatusBadge status={o.status} />,
      },
      {
        key: 'startDate',
        header: t('openings.field.startDate'),
        sortKey: 'startDate',
        render: (o) => formatDate(o.startDate),
      },
      {
        key: 'positions',
        header: t('openings.positions'),
        align: 'right',
        render: (o) => formatNumber(o.positions),
      },
      { key: 'workplace', header: t('openings.workplace'), render: (o) => `${o.postalCode} ${o.city}` },
      {
        key: 'createdAt',
        header: t('openings.createdAt'),
        sortKey: 'createdAt',
        render: (o) => formatDate(o.createdAt),
      },
    ];
    return all.filter((c): c is TColumn<TOpeningListItem> => c !== null);
  }, [t, companyContact]);

  const createButton = canCreate ? (
    <Button component={Link} to="/openings/new">
      {t('openings.create')}
    </Button>
  ) : null;

  const emptyState = (
    <Stack gap="sm" align="flex-start">
      <Text fw={600}>{t('openings.empty')}</Text>
      <Text>{canCreate ? t('openings.emptyCreate') : t('openings.emptyWait')}</Text>
      {createButton}
    </Stack>
  );
  const header = (
    <PageHeader
      title={t('openings.title')}
      lead={companyContact ? t('openings.leadCompany') : t('openings.lead')}
      actions={createButton}
    />
  );
  // A company contact's own openings come with their pipeline (the company portal, issue 6).
  if (companyContact) {
    return (
      <>
        {header}
        <CompanyOpeningsTable emptyState={emptyState} />
      </>
    );
  }

  return (
    <>
      {header}
      <DataTable<TOpeningListItem>
        path={OPENINGS_PATH}
        caption={t('openings.title')}
        columns={columns}
        rowKey={(o) => o.id}
        searchLabel={t('openings.search')}
        extraQuery={{
          status: (OPENING_STATUSES as readonly string[]).includes(filters.status)
            ? filters.status
            : undefined,
          type: isOpeningType(filters.type) ? filters.type : undefined,
          companyId: filters.companyId || undefined,
        }}
        countLabel={(n) => t('openings.count', { count: n, formatted: formatNumber(n) })}
        filters={
          <>
            <NativeSelect
              label={t('openings.status')}
              value={filters.status}
              onChange={(e) => list.update({ status: e.currentTarget.value || null })}
              data={[{ value: '', label: t('common.all') }, ...statusOptions]}
            />
            <NativeSelect
              label={t('openings.type')}
              value={filters.type}
              onChange={(e) => list.update({ type: e.currentTarget.value || null })}
              data={[{ value: '', label: t('common.all') }, ...typeOptions]}
            />
            {companyContact ? null : (
              <EntitySelect
                path="/api/companies"
                label={t('openings.company')}
                value={filters.companyId}
                onChange={(v) => list.update({ companyId: v || null })}
                emptyLabel={t('common.all')}
              />
            )}
          </>
        }
        emptyState={emptyState}
      />
    </>
  );
}
