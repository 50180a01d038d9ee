import { api, request } from '@client/api/client.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import { notifySaved } from '@client/features/assignments/assignment-ui.tsx';
import type { TPage } from '@domain/common.schema.ts';
import type { TPartnership } from '@domain/partnership.schema.ts';
import {
  type TSteeringGroupDetail,
  ZSteeringGroupInput,
  ZSteeringGroupUpdate,
} from '@domain/steering.schema.ts';
import { Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STEERING_GROUPS_PATH } from './steering-ui.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The group to edit; null: set up a new one (the secretariat). */
  editing: TSteeringGroupDetail | null;
  onCreated?: (id: string) => void;
}

/** Set up a partnership's steering group (the secretariat), or change its name and mandate. */
export function GroupFormModal({ opened, onClose, editing, onCreated }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [values, setValues] = useState({ partnershipId: '', name: '', mandate: '' });
  const partnerships = useQuery({
    queryKey: ['/api/partnerships', 'steering-choice'],
    enabled: opened && !editing,
    queryFn: ({ signal }) =>
      api.get<TPage<TPartnership>>('/api/partnerships', { pageSize: 200, sort: 'name' }, signal),
  });
  const { errors, setErrors, error, setError, busy, submit } = useSchemaSubmit(
    editing ? ZSteeringGroupUpdate : ZSteeringGroupInput,
    async (data) => {
      if (editing) {
        await request('PUT', `${STEERING_GROUPS_PATH}/${editing.id}`, { body: data });
      } else {
        const created = await api.post<TSteeringGroupDetail>(STEERING_GROUPS_PATH, data);
        onCreated?.(created.id);
      }
      await qc.invalidateQueries({ queryKey: [STEERING_GROUPS_PATH] });
      notifySaved(t, t('steeringPage.group.saved'));
      onClose();
    },
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (opened) {
      setValues({ partnershipId: '', name: editing?.name ?? '', mandate: editing?.mandate ?? '' });
      setErrors({});
      setError(null);
    }
  }, [opened, editing]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { name: values.name, mandate: values.mandate };
    await submit(editing ? body : { ...body, partnershipId: values.partnershipId || undefined });
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={t(editing ? 'steeringPage.group.edit' : 'steeringPage.group.create')}
      size="lg"
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          {!editing ? (
            <NativeSelect
              label={t('steeringPage.group.field.partnership')}
              withAsterisk
              value={values.partnershipId}
              error={errors.partnershipId}
              disabled={partnerships.isPending}
              onChange={(e) => setValues((v) => ({ ...v, partnershipId: e.currentTarget.value }))}
              data={[
                { value: '', label: t('common.choose') },
                ...(partnerships.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
              ]}
            />
          ) : null}
          <TextInput
            label={t('steeringPage.group.field.name')}
            withAsterisk
            value={values.name}
            error={errors.name}
            onChange={(e) => setValues((v) => ({ ...v, name: e.currentTarget.value }))}
            data-autofocus
          />
          <Textarea
            label={t('steeringPage.group.field.mandate')}
            description={t('steeringPage.group.hint.mandate')}
            autosize
            minRows={3}
            value={values.mandate}
            error={errors.mandate}
            onChange={(e) => setValues((v) => ({ ...v, mandate: e.currentTarget.value }))}
          />
          <FormActions onCancel={onClose} busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
