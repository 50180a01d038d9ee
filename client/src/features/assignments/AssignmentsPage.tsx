import { meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { DataTable, type TColumn, useListParams } from '@client/components/DataTable.tsx';
import { EntitySelect } from '@client/components/EntitySelect.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { formatNumber } from '@client/lib/format.ts';
import type { TAssignmentListItem } from '@domain/assignment.schema.ts';
import { Anchor, Button, Checkbox, NativeSelect, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AssignmentFormModal } from './AssignmentFormModal.tsx';
import { ASSIGNMENTS_PATH, ClauseSummary, formatPeriod, today, useKindOptions } from './assignment-ui.tsx';

/** The assignments the user's organisations buy (or, for others, may see): search, filters, sort, paging. */
export function AssignmentsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const list = useListParams();
  const kindOptions = useKindOptions();
  const [creating, setCreating] = useState(false);
  const canCreate = meCan(me, 'create', { kind: 'assignment' });
  const ownCompany = me.memberships.every((m) => m.role === 'company_contact');

  const filters = {
    kind: list.params.get('kind') ?? '',
    companyId: list.params.get('companyId') ?? '',
    active: list.params.get('active') === '1',
  };

  const columns = useMemo<TColumn<TAssignmentListItem>[]>(
    () => [
      {
        key: 'title',
        header: t('assignments.field.title'),
        sortKey: 'title',
        render: (a) => (
          <Anchor component={Link} to={`/assignments/${a.id}`} fw={600}>
            {a.title}
          </Anchor>
        ),
      },
      {
        key: 'company',
        header: t('assignments.field.company'),
        sortKey: 'companyName',
        render: (a) => a.companyName,
      },
      {
        key: 'kind',
        header: t('assignments.field.kind'),
        sortKey: 'kind',
        render: (a) => t(`assignments.kind.${a.kind}`),
      },
      {
        key: 'period',
        header: t('assignments.field.period'),
        sortKey: 'startDate',
        render: (a) => formatPeriod(a.startDate, a.endDate),
      },
      {
        key: 'clauses',
        header: t('assignments.clauses'),
        render: (a) => <ClauseSummary count={a.clauseCount} behind={a.clausesBehind} />,
      },
      {
        key: 'dialogues',
        header: t('assignments.openDialogues'),
        align: 'right',
        render: (a) => formatNumber(a.openDialogues),
      },
    ],
    [t],
  );

  const createButton = canCreate ? (
    <Button onClick={() => setCreating(true)}>{t('assignments.create')}</Button>
  ) : null;

  return (
    <>
      <PageHeader title={t('assignments.title')} lead={t('assignments.lead')} actions={createButton} />
      <DataTable<TAssignmentListItem>
        path={ASSIGNMENTS_PATH}
        caption={t('assignments.title')}
        columns={columns}
        rowKey={(a) => a.id}
        extraQuery={{
          kind: filters.kind || undefined,
          companyId: filters.companyId || undefined,
          activeOn: filters.active ? today() : undefined,
        }}
        countLabel={(n) => t('assignments.count', { count: n, formatted: formatNumber(n) })}
        filters={
          <>
            <NativeSelect
              label={t('assignments.field.kind')}
              value={filters.kind}
              onChange={(e) => list.update({ kind: e.currentTarget.value || null })}
              data={[{ value: '', label: t('common.all') }, ...kindOptions]}
            />
            {ownCompany ? null : (
              <EntitySelect
                path="/api/companies"
                label={t('assignments.field.company')}
                value={filters.companyId}
                onChange={(v) => list.update({ companyId: v || null })}
                emptyLabel={t('common.all')}
              />
            )}
            <Checkbox
              label={t('assignments.activeToday')}
              checked={filters.active}
              onChange={(e) => list.update({ active: e.currentTarget.checked ? '1' : null })}
              mb={8}
            />
          </>
        }
        emptyState={
          <Stack gap="sm" align="flex-start">
            <Text fw={600}>{canCreate ? t('assignments.emptyCreate') : t('assignments.empty')}</Text>
            {createButton}
          </Stack>
        }
      />
      <AssignmentFormModal opened={creating} onClose={() => setCreating(false)} editing={null} />
    </>
  );
}
