import { api } from '@client/api/client.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { DateField } from '@client/components/DateField.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import {
  ASSIGNMENTS_PATH,
  notifySaved,
  SOCIAL_CLAUSES_PATH,
} from '@client/features/assignments/assignment-ui.tsx';
import type { TStaffRef } from '@domain/assignment.schema.ts';
import { CLAUSE_KINDS, type TSocialClause, ZSocialClauseInput } from '@domain/social-clause.schema.ts';
import { Modal, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface TValues {
  kind: string;
  description: string;
  targetQuantity: string;
  periodStart: string;
  periodEnd: string;
  responsibleUserId: string;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The assignment the clause is part of; its period is the clause's unless changed. */
  assignment: { id: string; startDate: string; endDate: string };
  editing: TSocialClause | null;
}

/** Add or edit a social clause: kind, target, period (the assignment's by default), who follows it. */
export function ClauseFormModal({ opened, onClose, assignment, editing }: Props) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const staff = useQuery({
    queryKey: [ASSIGNMENTS_PATH, 'staff', assignment.id],
    enabled: opened,
    staleTime: 60_000,
    queryFn: ({ signal }) =>
      api.get<TStaffRef[]>(`${ASSIGNMENTS_PATH}/${assignment.id}/staff`, undefined, signal),
  });
  const initial = (): TValues => ({
    kind: editing?.kind ?? '',
    description: editing?.description ?? '',
    targetQuantity: editing ? String(editing.targetQuantity) : '',
    periodStart: editing?.periodStart ?? assignment.startDate,
    periodEnd: editing?.periodEnd ?? assignment.endDate,
    responsibleUserId: editing ? (editing.responsibleUserId ?? '') : me.user.id,
  });
  const [values, setValues] = useState<TValues>(initial);
  const { errors, setErrors, error, setError, busy, submit } = useSchemaSubmit(
    ZSocialClauseInput,
    async (data) => {
      if (editing) await api.patch(`${SOCIAL_CLAUSES_PATH}/${editing.id}`, data);
      else await api.post(SOCIAL_CLAUSES_PATH, data);
      await Promise.all([
        qc.invalidateQueries({ queryKey: [ASSIGNMENTS_PATH] }),
        qc.invalidateQueries({ queryKey: [SOCIAL_CLAUSES_PATH] }),
      ]);
      notifySaved(t, t('socialClauses.saved'));
      onClose();
    },
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (opened) {
      setValues(initial());
      setErrors({});
      setError(null);
    }
  }, [opened, editing]);

  const set = (name: keyof TValues, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    await submit({
      assignmentId: assignment.id,
      kind: values.kind || undefined,
      description: values.description,
      targetQuantity: values.targetQuantity.trim() === '' ? undefined : values.targetQuantity.trim(),
      periodStart: values.periodStart,
      periodEnd: values.periodEnd,
      responsibleUserId: values.responsibleUserId || null,
    });
  };

  const staffOptions = (staff.data ?? []).map((s) => ({ value: s.id, label: s.name }));
  // The current choice stays visible while the list loads or if the person has left the organisation.
  if (editing?.responsibleUserId && !staffOptions.some((o) => o.value === editing.responsibleUserId)) {
    staffOptions.push({ value: editing.responsibleUserId, label: editing.responsibleName ?? '' });
  }
  if (
    !editing &&
    !staffOptions.some((o) => o.value === me.user.id) &&
    values.responsibleUserId === me.user.id
  ) {
    staffOptions.unshift({ value: me.user.id, label: me.user.name });
  }

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={t(editing ? 'socialClauses.edit' : 'socialClauses.create')}
      size="lg"
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          <NativeSelect
            label={t('socialClauses.field.kind')}
            withAsterisk
            value={values.kind}
            error={errors.kind}
            onChange={(e) => set('kind', e.currentTarget.value)}
            data={[
              { value: '', label: t('common.choose') },
              ...CLAUSE_KINDS.map((k) => ({ value: k, label: t(`socialClauses.kind.${k}`) })),
            ]}
            data-autofocus
          />
          <TextInput
            label={t('socialClauses.field.targetQuantity')}
            description={values.kind ? t(`socialClauses.targetHint.${values.kind}`) : undefined}
            withAsterisk
            inputMode="numeric"
            value={values.targetQuantity}
            error={errors.targetQuantity}
            onChange={(e) => set('targetQuantity', e.currentTarget.value)}
          />
          <Textarea
            label={t('socialClauses.field.description')}
            description={t('socialClauses.hint.description')}
            withAsterisk={values.kind === 'other'}
            autosize
            minRows={2}
            value={values.description}
            error={errors.description}
            onChange={(e) => set('description', e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t('socialClauses.field.periodStart')}
              value={values.periodStart}
              error={errors.periodStart}
              onChange={(v) => set('periodStart', v)}
            />
            <DateField
              label={t('socialClauses.field.periodEnd')}
              value={values.periodEnd}
              error={errors.periodEnd}
              onChange={(v) => set('periodEnd', v)}
            />
          </SimpleGrid>
          <NativeSelect
            label={t('socialClauses.field.responsible')}
            description={t('socialClauses.hint.responsible')}
            value={values.responsibleUserId}
            error={errors.responsibleUserId}
            disabled={staff.isPending}
            onChange={(e) => set('responsibleUserId', e.currentTarget.value)}
            data={[{ value: '', label: t('common.choose') }, ...staffOptions]}
          />
          <FormActions onCancel={onClose} busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
