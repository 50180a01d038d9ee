import { meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { DataTable, type TColumn, useListParams } from '@client/components/DataTable.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { canImportLists, IMPORT_PAGE } from '@client/features/resident-imports/import-access.ts';
import { formatDate, formatNumber } from '@client/lib/format.ts';
import { CONSENT_SCOPES } from '@domain/consent.schema.ts';
import { RESIDENT_STATUSES, type TResident } from '@domain/resident.schema.ts';
import { Anchor, Button, NativeSelect, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isResidentStatus, OUTSIDE_AREAS } from './resident-form.ts';
import { ConsentBadges, canRegisterResidents, RESIDENTS_PATH, useHousingAreas } from './resident-ui.tsx';

const TARGET_GROUPS: readonly string[] = ['1', '2'];

/**
 * The residents the user may see: the server filters by consent and scope, so a person whose
 * consent (a) is withdrawn is simply not in the other side's list.
 */
export function ResidentsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const list = useListParams('lastName');
  const areas = useHousingAreas();
  const canCreate = canRegisterResidents(me) && meCan(me, 'create', { kind: 'resident' });

  const filters = {
    housingAreaId: list.params.get('housingAreaId') ?? '',
    status: list.params.get('status') ?? '',
    consent: list.params.get('consent') ?? '',
    targetGroup: list.params.get('targetGroup') ?? '',
  };

  const columns = useMemo<TColumn<TResident>[]>(
    () => [
      {
        key: 'name',
        header: t('residents.col.name'),
        sortKey: 'lastName',
        render: (r) => (
          <Anchor component={Link} to={`/residents/${r.id}`} fw={600}>
            {[r.firstName, r.lastName].filter(Boolean).join(' ')}
          </Anchor>
        ),
      },
      {
        key: 'birthDate',
        header: t('residents.col.birthDate'),
        sortKey: 'birthDate',
        render: (r) => formatDate(r.birthDate),
      },
      {
        key: 'area',
        header: t('residents.col.area'),
        render: (r) => r.housingAreaName ?? (r.housingAreaId === null ? t('residents.outsideAreas') : ''),
      },
      {
        key: 'status',
        header: t('residents.col.status'),
        sortKey: 'status',
        render: (r) => (r.status ? t(`residents.status.${r.status}`) : ''),
      },
      {
        key: 'consents',
        header: t('residents.col.consents'),
        render: (r) => <ConsentBadges scopes={r.activeConsentScopes} />,
      },
      {
        key: 'targetGroup',
        header: t('residents.col.targetGroup'),
        render: (r) => (r.targetGroup ? t(`residents.screening.groupShort.${r.targetGroup}`) : ''),
      },
      {
        key: 'updatedAt',
        header: t('residents.col.updatedAt'),
        sortKey: 'updatedAt',
        render: (r) => formatDate(r.updatedAt),
      },
    ],
    [t],
  );

  const createButton = canCreate ? (
    <Button component={Link} to="/residents/new">
      {t('residents.register')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title={t('residents.title')}
        lead={t('residents.lead')}
        actions={
          <>
            <Button component={Link} to="/residents/consents/expiring" variant="default">
              {t('residents.expiringLink')}
            </Button>
            <Button component={Link} to="/residents/screenings/due" variant="default">
              {t('residents.screening.due.link')}
            </Button>
            {canImportLists(me) ? (
              <Button component={Link} to={IMPORT_PAGE} variant="default">
                {t('residentImport.openButton')}
              </Button>
            ) : null}
            {createButton}
          </>
        }
      />
      <DataTable<TResident>
        path={RESIDENTS_PATH}
        caption={t('residents.title')}
        columns={columns}
        rowKey={(r) => r.id}
        defaultSort="lastName"
        searchLabel={t('residents.search')}
        extraQuery={{
          housingAreaId:
            filters.housingAreaId && filters.housingAreaId !== OUTSIDE_AREAS
              ? filters.housingAreaId
              : undefined,
          status: isResidentStatus(filters.status) ? filters.status : undefined,
          consent: (CONSENT_SCOPES as readonly string[]).includes(filters.consent)
            ? filters.consent
            : undefined,
          targetGroup: TARGET_GROUPS.includes(filters.targetGroup) ? filters.targetGroup : undefined,
        }}
        countLabel={(n) => t('residents.count', { count: n, formatted: formatNumber(n) })}
        filters={
          <>
            <NativeSelect
              label={t('residents.filter.area')}
              value={filters.housingAreaId}
              disabled={areas.isPending}
              onChange={(e) => list.update({ housingAreaId: e.currentTarget.value || null })}
              data={[
                { value: '', label: t('common.all') },
                ...(areas.data?.items ?? []).map((a) => ({ value: a.id, label: a.name })),
              ]}
            />
            <NativeSelect
              label={t('residents.filter.status')}
              value={filters.status}
              onChange={(e) => list.update({ status: e.currentTarget.value || null })}
              data={[
                { value: '', label: t('common.all') },
                ...RESIDENT_STATUSES.map((s) => ({ value: s, label: t(`residents.status.${s}`) })),
              ]}
            />
            <NativeSelect
              label={t('residents.filter.consent')}
              value={filters.consent}
              onChange={(e) => list.update({ consent: e.currentTarget.value || null })}
              data={[
                { value: '', label: t('common.all') },
                ...CONSENT_SCOPES.map((s) => ({ value: s, label: t(`residents.scope.${s}`) })),
              ]}
            />
            <NativeSelect
              label={t('residents.filter.targetGroup')}
              value={filters.targetGroup}
              onChange={(e) => list.update({ targetGroup: e.currentTarget.value || null })}
              data={[
                { value: '', label: t('common.all') },
                ...TARGET_GROUPS.map((g) => ({ value: g, label: t(`residents.screening.groupShort.${g}`) })),
              ]}
            />
          </>
        }
        emptyState={
          <Stack gap="sm" align="flex-start">
            <Text fw={600}>{t('residents.empty')}</Text>
            <Text>{t('residents.emptyExplain')}</Text>
            {createButton}
          </Stack>
        }
      />
    </>
  );
}
