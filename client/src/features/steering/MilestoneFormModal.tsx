import { api, request } from '@client/api/client.ts';
import { DateField } from '@client/components/DateField.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import { notifySaved } from '@client/features/assignments/assignment-ui.tsx';
import {
  MILESTONE_STATUSES,
  type TMilestone,
  ZMilestoneInput,
  ZMilestoneUpdate,
} from '@domain/steering.schema.ts';
import { Modal, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MILESTONES_PATH } from './steering-ui.ts';

interface TValues {
  scope: 'partnership' | 'programme';
  title: string;
  description: string;
  dueDate: string;
  ownerName: string;
  status: string;
  completedOn: string;
  note: string;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The partnership a new milestone belongs to, unless it is made the whole programme's. */
  partnership: { id: string; name: string };
  /** Whether the user may add the whole programme's milestones (the secretariat). */
  canProgramme: boolean;
  editing: TMilestone | null;
}

const initial = (m: TMilestone | null): TValues => ({
  scope: m && m.partnershipId === null ? 'programme' : 'partnership',
  title: m?.title ?? '',
  description: m?.description ?? '',
  dueDate: m?.dueDate ?? '',
  // A milestone owned by a user keeps that user; the name field is for a named owner.
  ownerName: m && !m.ownerUserId ? (m.ownerName ?? '') : '',
  status: m?.status ?? 'planned',
  completedOn: m?.completedOn ?? '',
  note: m?.note ?? '',
});

/** Add or edit a milestone: date, owner, status (a reached one with the day it was reached). */
export function MilestoneFormModal({ opened, onClose, partnership, canProgramme, editing }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [values, setValues] = useState<TValues>(() => initial(editing));
  const { errors, setErrors, error, setError, busy, submit } = useSchemaSubmit(
    editing ? ZMilestoneUpdate : ZMilestoneInput,
    async (data) => {
      if (editing) await request('PUT', `${MILESTONES_PATH}/${editing.id}`, { body: data });
      else await api.post(MILESTONES_PATH, data);
      await qc.invalidateQueries({ queryKey: [MILESTONES_PATH] });
      notifySaved(t, t('steeringPage.milestones.saved'));
      onClose();
    },
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (opened) {
      setValues(initial(editing));
      setErrors({});
      setError(null);
    }
  }, [opened, editing]);

  const set = (name: keyof TValues, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      title: values.title,
      description: values.description,
      dueDate: values.dueDate || undefined,
      ownerName: values.ownerName,
      ownerUserId: editing?.ownerUserId ?? null,
      status: values.status,
      completedOn: values.status === 'done' ? values.completedOn || null : null,
      note: values.note,
    };
    await submit(
      editing ? body : { ...body, partnershipId: values.scope === 'programme' ? null : partnership.id },
    );
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={t(editing ? 'steeringPage.milestones.edit' : 'steeringPage.milestones.create')}
      size="lg"
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          {!editing && canProgramme ? (
            <NativeSelect
              label={t('steeringPage.milestones.field.scope')}
              value={values.scope}
              onChange={(e) => set('scope', e.currentTarget.value)}
              data={[
                { value: 'partnership', label: partnership.name },
                { value: 'programme', label: t('steeringPage.milestones.programme') },
              ]}
            />
          ) : null}
          <TextInput
            label={t('steeringPage.milestones.field.title')}
            withAsterisk
            value={values.title}
            error={errors.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            data-autofocus
          />
          <Textarea
            label={t('steeringPage.milestones.field.description')}
            autosize
            minRows={2}
            value={values.description}
            error={errors.description}
            onChange={(e) => set('description', e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t('steeringPage.milestones.field.dueDate')}
              withAsterisk
              value={values.dueDate}
              error={errors.dueDate}
              onChange={(v) => set('dueDate', v)}
            />
            <TextInput
              label={t('steeringPage.milestones.field.owner')}
              value={values.ownerName}
              error={errors.ownerName}
              disabled={!!editing?.ownerUserId}
              description={editing?.ownerUserId ? editing.ownerName : undefined}
              onChange={(e) => set('ownerName', e.currentTarget.value)}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('steeringPage.milestones.field.status')}
              value={values.status}
              error={errors.status}
              onChange={(e) => set('status', e.currentTarget.value)}
              data={MILESTONE_STATUSES.map((s) => ({
                value: s,
                label: t(`steeringPage.milestones.status.${s}`),
              }))}
            />
            {values.status === 'done' ? (
              <DateField
                label={t('steeringPage.milestones.field.completedOn')}
                description={t('steeringPage.milestones.hint.completedOn')}
                value={values.completedOn}
                error={errors.completedOn}
                onChange={(v) => set('completedOn', v)}
              />
            ) : null}
          </SimpleGrid>
          <Textarea
            label={t('steeringPage.milestones.field.note')}
            autosize
            minRows={2}
            value={values.note}
            error={errors.note}
            onChange={(e) => set('note', e.currentTarget.value)}
          />
          <FormActions onCancel={onClose} busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
