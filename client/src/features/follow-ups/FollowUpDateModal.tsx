import { api } from '@client/api/client.ts';
import { currentLang } from '@client/app/i18n.ts';
import { DateField } from '@client/components/DateField.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import { notifySuccess } from '@client/features/openings/opening-ui.tsx';
import { formatDate } from '@client/lib/format.ts';
import { type TFollowUp, ZFollowUpCreate, ZFollowUpReschedule } from '@domain/placement.schema.ts';
import { Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateFollowUpViews } from './CheckInModal.tsx';
import { checkInLabel, FOLLOW_UPS_PATH } from './follow-up-ui.ts';

/** What the dialog does: move a planned check-in, or add an extra one to a placement. */
export type TFollowUpDateTarget =
  | { kind: 'reschedule'; followUp: TFollowUp; placementStart: string }
  | { kind: 'extra'; placementId: string; placementStart: string; suggested: string };

/**
 * "Flyt dato" and "Tilføj ekstra opfølgning": one date, never before the placement started (the
 * server says so too, at the field).
 */
export function FollowUpDateModal({
  target: opened,
  onClose,
}: {
  target: TFollowUpDateTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [last, setLast] = useState(opened);
  if (opened && opened !== last) setLast(opened);
  const target = opened ?? last;
  const [dueDate, setDueDate] = useState('');
  const schema = target?.kind === 'extra' ? ZFollowUpCreate : ZFollowUpReschedule;
  const { errors, setErrors, error, setError, busy, submit } = useSchemaSubmit(schema, async (data) => {
    if (!target) return;
    if (target.kind === 'reschedule')
      await api.post(`${FOLLOW_UPS_PATH}/${target.followUp.id}/reschedule`, data);
    else await api.post(FOLLOW_UPS_PATH, data);
    await invalidateFollowUpViews(qc);
    notifySuccess(t, target.kind === 'reschedule' ? t('followUps.rescheduled') : t('followUps.added'));
    onClose();
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time the dialog opens
  useEffect(() => {
    if (opened) {
      setDueDate(opened.kind === 'reschedule' ? opened.followUp.dueDate : opened.suggested);
      setErrors({});
      setError(null);
    }
  }, [opened]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!target) return;
    await submit(target.kind === 'extra' ? { placementId: target.placementId, dueDate } : { dueDate });
  };
  const label = target?.kind === 'reschedule' ? checkInLabel(target.followUp.key, currentLang()) : '';

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened !== null}
      onClose={onClose}
      title={
        target?.kind === 'reschedule' ? t('followUps.rescheduleTitle', { label }) : t('followUps.extraTitle')
      }
    >
      {target ? (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <Stack>
            <Text size="sm">
              {target.kind === 'reschedule'
                ? t('followUps.rescheduleLead', { date: formatDate(target.followUp.dueDate) })
                : t('followUps.extraLead')}
            </Text>
            <ErrorAlert error={error} />
            <DateField
              label={target.kind === 'reschedule' ? t('followUps.newDate') : t('followUps.extraDate')}
              withAsterisk
              min={target.placementStart}
              value={dueDate}
              error={errors.dueDate}
              onChange={setDueDate}
              clearable={false}
            />
            <FormActions
              onCancel={onClose}
              busy={busy}
              submitLabel={target.kind === 'reschedule' ? t('followUps.reschedule') : t('followUps.addExtra')}
            />
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
