import { meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { DataTable, type TColumn, useListParams } from '@client/components/DataTable.tsx';
import { EntitySelect } from '@client/components/EntitySelect.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { formatNumber } from '@client/lib/format.ts';
import type { TCompany } from '@domain/company.schema.ts';
import { Anchor, Button, NativeSelect, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CompanyFormModal } from './CompanyFormModal.tsx';
import { COMPANIES_PATH, StatusBadge, useSizeOptions, useStatusOptions } from './company-ui.tsx';

/** The companies register: search, filters, sort and paging, all kept in the URL. */
export function CompaniesPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const list = useListParams('name');
  const statusOptions = useStatusOptions();
  const sizeOptions = useSizeOptions();
  const [creating, setCreating] = useState(false);
  const canCreate = meCan(me, 'create', { kind: 'company' });
  const canListPartnerships = meCan(me, 'list', { kind: 'partnership' });

  const filters = {
    status: list.params.get('status') ?? '',
    sizeBand: list.params.get('sizeBand') ?? '',
    partnershipId: list.params.get('partnershipId') ?? '',
  };

  const columns = useMemo<TColumn<TCompany>[]>(
    () => [
      {
        key: 'name',
        header: t('companies.field.name'),
        sortKey: 'name',
        render: (c) => (
          <Anchor component={Link} to={`/companies/${c.id}`} fw={600}>
            {c.name}
          </Anchor>
        ),
      },
      { key: 'cvr', header: t('companies.field.cvr'), sortKey: 'cvr', render: (c) => c.cvr },
      { key: 'city', header: t('companies.field.city'), sortKey: 'city', render: (c) => c.city ?? '' },
      { key: 'industry', header: t('companies.field.industry'), render: (c) => c.industry ?? '' },
      {
        key: 'sizeBand',
        header: t('companies.field.sizeBand'),
        sortKey: 'sizeBand',
        render: (c) => (c.sizeBand ? t(`companies.size.${c.sizeBand}`) : ''),
      },
      {
        key: 'status',
        header: t('companies.field.status'),
        sortKey: 'status',
        render: (c) => <StatusBadge status={c.status} />,
      },
    ],
    [t],
  );

  const createButton = canCreate ? (
    <Button onClick={() => setCreating(true)}>{t('companies.create')}</Button>
  ) : null;
  const importButton = canCreate ? (
    <Button component={Link} to="/companies/import" variant="outline">
      {t('companies.import')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title={t('companies.title')}
        lead={t('companies.lead')}
        actions={
          <>
            {importButton}
            {createButton}
          </>
        }
      />
      <DataTable<TCompany>
        path={COMPANIES_PATH}
        caption={t('companies.title')}
        columns={columns}
        rowKey={(c) => c.id}
        defaultSort="name"
        extraQuery={{
          status: filters.status || undefined,
          sizeBand: filters.sizeBand || undefined,
          partnershipId: filters.partnershipId || undefined,
        }}
        countLabel={(n) => t('companies.count', { count: n, formatted: formatNumber(n) })}
        filters={
          <>
            <NativeSelect
              label={t('companies.field.status')}
              value={filters.status}
              onChange={(e) => list.update({ status: e.currentTarget.value || null })}
              data={[{ value: '', label: t('common.all') }, ...statusOptions]}
            />
            <NativeSelect
              label={t('companies.field.sizeBand')}
              value={filters.sizeBand}
              onChange={(e) => list.update({ sizeBand: e.currentTarget.value || null })}
              data={[{ value: '', label: t('common.all') }, ...sizeOptions]}
            />
            {canListPartnerships ? (
              <EntitySelect
                path="/api/partnerships"
                label={t('companies.field.partnership')}
                value={filters.partnershipId}
                onChange={(v) => list.update({ partnershipId: v || null })}
                emptyLabel={t('common.all')}
              />
            ) : null}
          </>
        }
        emptyState={
          <Stack gap="sm" align="flex-start">
            <Text fw={600}>{canCreate ? t('companies.emptyCreate') : t('companies.empty')}</Text>
            {createButton}
          </Stack>
        }
      />
      <CompanyFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        editing={null}
        onSaved={(c) => navigate(`/companies/${c.id}`)}
      />
    </>
  );
}
