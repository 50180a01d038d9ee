import { api } from '@client/api/client.ts';
import { DateField } from '@client/components/DateField.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import { invalidateFollowUpViews } from '@client/features/follow-ups/CheckInModal.tsx';
import { notifySuccess } from '@client/features/openings/opening-ui.tsx';
import { PLACEMENT_END_REASONS, type TPlacementDetail, ZPlacementEnd } from '@domain/placement.schema.ts';
import { danishDate } from '@domain/time.ts';
import { Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { END_STATUSES, endBody, PLACEMENTS_PATH, suggestedEndDate, type TEndValues } from './placement-ui.ts';

/**
 * "Afslut forløb": how it ended (completed, converted to an ordinary job, into education, stopped
 * early with a reason), the end date and a note. Health details never go in: "personlige forhold"
 * covers them.
 */
export function EndPlacementModal({
  placement,
  opened,
  onClose,
}: {
  placement: TPlacementDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const initial = (): TEndValues => ({
    status: '',
    endDate: suggestedEndDate(placement, danishDate(new Date())),
    reason: '',
    note: '',
  });
  const [values, setValues] = useState<TEndValues>(initial);
  const { errors, setErrors, error, setError, busy, submit } = useSchemaSubmit(
    ZPlacementEnd,
    async (data) => {
      await api.post(`${PLACEMENTS_PATH}/${placement.id}/end`, data);
      await invalidateFollowUpViews(qc);
      notifySuccess(t, t('placements.ended'));
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
  }, [opened]);

  const set = (name: keyof TEndValues, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    await submit(endBody(values));
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={t('placements.endTitle')}
      size="lg"
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          <Text size="sm">{t('placements.endLead')}</Text>
          <ErrorAlert error={error} />
          <NativeSelect
            label={t('placements.endField.status')}
            withAsterisk
            value={values.status}
            error={errors.status}
            onChange={(e) => set('status', e.currentTarget.value)}
            data={[
              { value: '', label: t('common.choose') },
              ...END_STATUSES.map((s) => ({ value: s, label: t(`placements.status.${s}`) })),
            ]}
            data-autofocus
          />
          <DateField
            label={t('placements.endField.endDate')}
            withAsterisk
            min={placement.startDate}
            clearable={false}
            value={values.endDate}
            error={errors.endDate}
            onChange={(v) => set('endDate', v)}
            maw={360}
          />
          {values.status === 'ended_early' ? (
            <NativeSelect
              label={t('placements.endField.reason')}
              description={t('placements.endHint.reason')}
              withAsterisk
              value={values.reason}
              error={errors.reason}
              onChange={(e) => set('reason', e.currentTarget.value)}
              data={[
                { value: '', label: t('common.choose') },
                ...PLACEMENT_END_REASONS.map((r) => ({ value: r, label: t(`placements.endReason.${r}`) })),
              ]}
            />
          ) : null}
          <Textarea
            label={t('placements.endField.note')}
            withAsterisk={values.status === 'ended_early' && values.reason === 'other'}
            autosize
            minRows={2}
            maxLength={1000}
            value={values.note}
            error={errors.note}
            onChange={(e) => set('note', e.currentTarget.value)}
          />
          <FormActions onCancel={onClose} busy={busy} submitLabel={t('placements.end')} />
        </Stack>
      </form>
    </Modal>
  );
}
