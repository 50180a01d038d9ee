import { meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { DataTable, type TColumn, useListParams } from '@client/components/DataTable.tsx';
import { EntitySelect } from '@client/components/EntitySelect.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { formatDate, formatNumber } from '@client/lib/format.ts';
import type { TAgreement } from '@domain/agreement.schema.ts';
import { Anchor, Button, NativeSelect, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { AgreementFormModal } from './AgreementFormModal.tsx';
import { periodText } from './agreement-format.ts';
import { AGREEMENTS_PATH, AgreementStateBadge, useStateOptions } from './agreement-ui.tsx';

/** Partnership agreements: search, filters, sort and paging, all kept in the URL. */
export function AgreementsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const list = useListParams();
  const stateOptions = useStateOptions();
  const [creating, setCreating] = useState(false);
  const canCreate = meCan(me, 'create', { kind: 'agreement' });
  const canListOrganisations = meCan(me, 'list', { kind: 'housing_organisation' });

  const filters = {
    state: list.params.get('state') ?? '',
    housingOrganisationId: list.params.get('housingOrganisationId') ?? '',
  };

  const columns = useMemo<TColumn<TAgreement>[]>(
    () => [
      {
        key: 'title',
        header: t('agreements.field.title'),
        sortKey: 'title',
        render: (a) => (
          <Anchor component={Link} to={`/agreements/${a.id}`} fw={600}>
            {a.title}
          </Anchor>
        ),
      },
      {
        key: 'companyName',
        header: t('agreements.field.company'),
        sortKey: 'companyName',
        render: (a) => a.companyName,
      },
      {
        key: 'housingOrganisations',
        header: t('agreements.field.housingOrganisations'),
        render: (a) => a.housingOrganisations.map((o) => o.name).join(', '),
      },
      {
        key: 'periodStart',
        header: t('agreements.field.period'),
        sortKey: 'periodStart',
        render: (a) => periodText(t, a),
      },
      {
        key: 'signedOn',
        header: t('agreements.field.signed'),
        sortKey: 'signedOn',
        render: (a) => formatDate(a.signedOn),
      },
      {
        key: 'state',
        header: t('agreements.field.state'),
        render: (a) => <AgreementStateBadge state={a.state} />,
      },
    ],
    [t],
  );

  const createButton = canCreate ? (
    <Button onClick={() => setCreating(true)}>{t('agreements.create')}</Button>
  ) : null;

  return (
    <>
      <PageHeader title={t('agreements.title')} lead={t('agreements.lead')} actions={createButton} />
      <DataTable<TAgreement>
        path={AGREEMENTS_PATH}
        caption={t('agreements.title')}
        columns={columns}
        rowKey={(a) => a.id}
        extraQuery={{
          state: filters.state || undefined,
          housingOrganisationId: filters.housingOrganisationId || undefined,
        }}
        countLabel={(n) => t('agreements.count', { count: n, formatted: formatNumber(n) })}
        filters={
          <>
            <NativeSelect
              label={t('agreements.field.state')}
              value={filters.state}
              onChange={(e) => list.update({ state: e.currentTarget.value || null })}
              data={[{ value: '', label: t('common.all') }, ...stateOptions]}
            />
            {canListOrganisations ? (
              <EntitySelect
                path="/api/housing-organisations"
                label={t('agreements.field.housingOrganisation')}
                value={filters.housingOrganisationId}
                onChange={(v) => list.update({ housingOrganisationId: v || null })}
                emptyLabel={t('common.all')}
              />
            ) : null}
          </>
        }
        emptyState={
          <Stack gap="sm" align="flex-start">
            <Text fw={600}>{canCreate ? t('agreements.emptyCreate') : t('agreements.empty')}</Text>
            {createButton}
          </Stack>
        }
      />
      <AgreementFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        editing={null}
        onSaved={(a) => navigate(`/agreements/${a.id}`)}
      />
    </>
  );
}
