import { api } from '@client/api/client.ts';
import { isAdminMe, meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import type { TReferenceSlug } from '@client/app/navigation.ts';
import { ConfirmDialog } from '@client/components/ConfirmDialog.tsx';
import { DataTable, useListParams } from '@client/components/DataTable.tsx';
import { EntitySelect } from '@client/components/EntitySelect.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { formatNumber } from '@client/lib/format.ts';
import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ResourceFormModal } from './ResourceFormModal.tsx';
import {
  housingAreas,
  housingOrganisations,
  jobcenters,
  municipalities,
  partnerships,
  socialHousingPlans,
  type TFormValues,
  type TResourceDef,
} from './resources.tsx';

/** /admin/<slug> (edit) and /data/<slug> (read, plus what the policy allows). */
export function ReferenceListPage({ slug }: { slug: TReferenceSlug }) {
  switch (slug) {
    case 'partnerships':
      return <ResourceList def={partnerships} />;
    case 'housing-organisations':
      return <ResourceList def={housingOrganisations} />;
    case 'housing-areas':
      return <ResourceList def={housingAreas} />;
    case 'jobcenters':
      return <ResourceList def={jobcenters} />;
    case 'social-housing-plans':
      return <ResourceList def={socialHousingPlans} />;
    case 'municipalities':
      return <ResourceList def={municipalities} />;
    default: {
      const exhaustive: never = slug;
      return exhaustive;
    }
  }
}

function ResourceList<T extends { id: string; name: string }>({ def }: { def: TResourceDef<T> }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const list = useListParams(def.defaultSort);
  const base = isAdminMe(me) ? '/admin' : '/data';
  const [form, setForm] = useState<{ opened: boolean; editing: { id: string; values: TFormValues } | null }>({
    opened: false,
    editing: null,
  });
  const [deleting, setDeleting] = useState<T | null>(null);

  const canCreate = meCan(me, 'create', def.policy());
  const canUpdate = (row: T) => meCan(me, 'update', def.policy(row));
  const canDelete = (row: T) => meCan(me, 'delete', def.policy(row));
  const anyRowActions = meCan(me, 'update', def.policy()) || meCan(me, 'delete', def.policy());
  const columns = useMemo(() => def.columns(t, base), [def, t, base]);
  const k = `ref.${def.slug}`;

  const filterValues = Object.fromEntries(def.filters.map((f) => [f.name, list.params.get(f.name) ?? '']));
  const extraQuery = Object.fromEntries(
    Object.entries(filterValues).map(([name, v]) => [name, v === '' ? undefined : v]),
  );

  const openCreate = () => setForm({ opened: true, editing: null });
  const createButton = canCreate ? <Button onClick={openCreate}>{t(`${k}.create`)}</Button> : null;

  return (
    <>
      <PageHeader title={t(`${k}.title`)} lead={t(`${k}.lead`)} actions={createButton} />
      <DataTable<T>
        path={def.path}
        caption={t(`${k}.title`)}
        columns={columns}
        rowKey={(r) => r.id}
        defaultSort={def.defaultSort}
        extraQuery={extraQuery}
        countLabel={(n) => t(`${k}.count`, { count: n, formatted: formatNumber(n) })}
        filters={def.filters.map((f) => (
          <EntitySelect
            key={f.name}
            path={f.optionsFrom}
            label={t(`field.${f.name.replace(/Id$/, '')}`)}
            value={filterValues[f.name] ?? ''}
            onChange={(v) => list.update({ [f.name]: v || null })}
            emptyLabel={t('common.all')}
          />
        ))}
        emptyState={
          <Stack gap="sm" align="flex-start">
            <Text fw={600}>{canCreate ? t(`${k}.emptyCreate`) : t(`${k}.empty`)}</Text>
            {createButton}
          </Stack>
        }
        rowActions={
          anyRowActions
            ? (row) => (
                <>
                  {canUpdate(row) ? (
                    <Button
                      size="compact-sm"
                      variant="outline"
                      aria-label={t('common.editNamed', { name: row.name })}
                      onClick={() =>
                        setForm({ opened: true, editing: { id: row.id, values: def.toForm(row) } })
                      }
                    >
                      {t('common.edit')}
                    </Button>
                  ) : null}
                  {canDelete(row) ? (
                    <Button
                      size="compact-sm"
                      variant="outline"
                      color="red"
                      aria-label={t('common.deleteNamed', { name: row.name })}
                      onClick={() => setDeleting(row)}
                    >
                      {t('common.delete')}
                    </Button>
                  ) : null}
                </>
              )
            : undefined
        }
      />
      <ResourceFormModal
        opened={form.opened}
        onClose={() => setForm({ opened: false, editing: null })}
        slug={def.slug}
        path={def.path}
        fields={def.fields}
        schema={def.schema}
        editing={form.editing}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={t(`${k}.deleteTitle`)}
        message={t('common.deleteConfirm', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await api.delete(`${def.path}/${deleting.id}`);
          await qc.invalidateQueries({ queryKey: [def.path] });
          notifications.show({ color: 'green', message: t('common.deleted', { name: deleting.name }) });
        }}
      />
    </>
  );
}
