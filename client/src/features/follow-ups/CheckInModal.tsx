import { api } from '@client/api/client.ts';
import { currentLang } from '@client/app/i18n.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import { notifySuccess } from '@client/features/openings/opening-ui.tsx';
import { PLACEMENTS_PATH } from '@client/features/placements/placement-ui.ts';
import { formatDate } from '@client/lib/format.ts';
import { CHECK_IN_CONTACTS, CHECK_IN_STATUSES, type TFollowUp, ZCheckIn } from '@domain/placement.schema.ts';
import { RETENTION_OUTCOMES, TRIAL_OUTCOMES } from '@domain/reports/retention.ts';
import { Alert, Group, Modal, NativeSelect, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkInBody,
  checkInLabel,
  EMPTY_CHECK_IN,
  ESCALATIONS_PATH,
  FOLLOW_UPS_PATH,
  outcomeFieldOf,
  type TCheckInValues,
} from './follow-up-ui.ts';

/** Everything a check-in changes: the lists, the placement, its escalations and the start page. */
export async function invalidateFollowUpViews(qc: ReturnType<typeof useQueryClient>): Promise<void> {
  await Promise.all([
    qc.invalidateQueries({ queryKey: [FOLLOW_UPS_PATH] }),
    qc.invalidateQueries({ queryKey: [PLACEMENTS_PATH] }),
    qc.invalidateQueries({ queryKey: [ESCALATIONS_PATH] }),
  ]);
}

/**
 * "Registrér opfølgning": whom they spoke to, how it is going, notes and the action taken, and the
 * outcome where this check-in measures one (retention at 6 and 12 months, a trial's at its end).
 * "I risiko" opens an escalation on the server, which tells both professionals at once.
 */
export function CheckInModal({
  followUp: opened,
  onClose,
}: {
  followUp: TFollowUp | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  // The last follow-up stays in the dialog while it fades out.
  const [last, setLast] = useState(opened);
  if (opened && opened !== last) setLast(opened);
  const followUp = opened ?? last;
  const [values, setValues] = useState<TCheckInValues>(EMPTY_CHECK_IN);
  const measures = followUp?.measures ?? null;
  const outcomeField = outcomeFieldOf(measures);
  const { errors, setErrors, error, setError, busy, submit } = useSchemaSubmit(ZCheckIn, async (data) => {
    if (!followUp) return;
    await api.post<TFollowUp>(`${FOLLOW_UPS_PATH}/${followUp.id}/check-in`, data);
    await invalidateFollowUpViews(qc);
    notifySuccess(t, data.status === 'at_risk' ? t('followUps.recordedAtRisk') : t('followUps.recorded'));
    onClose();
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form for each follow-up opened
  useEffect(() => {
    if (opened) {
      setValues(EMPTY_CHECK_IN);
      setErrors({});
      setError(null);
    }
  }, [opened?.id]);

  const set = <K extends keyof TCheckInValues>(name: K, value: TCheckInValues[K]) =>
    setValues((v) => ({ ...v, [name]: value }));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    await submit(checkInBody(values, measures));
  };
  const label = followUp ? checkInLabel(followUp.key, currentLang()) : '';

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened !== null}
      onClose={onClose}
      title={t('followUps.recordTitle', { label })}
      size="lg"
    >
      {followUp ? (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <Stack>
            <Text size="sm">
              {t('followUps.recordLead', {
                name: followUp.residentName ?? t('followUps.unnamed'),
                company: followUp.companyName,
                date: formatDate(followUp.dueDate),
              })}
            </Text>
            <ErrorAlert error={error} />
            <NativeSelect
              label={t('followUps.field.contactedWith')}
              withAsterisk
              value={values.contactedWith}
              error={errors.contactedWith}
              onChange={(e) => set('contactedWith', e.currentTarget.value as TCheckInValues['contactedWith'])}
              data={[
                { value: '', label: t('common.choose') },
                ...CHECK_IN_CONTACTS.map((c) => ({ value: c, label: t(`followUps.contact.${c}`) })),
              ]}
              data-autofocus
            />
            <Radio.Group
              label={t('followUps.field.status')}
              withAsterisk
              value={values.status}
              onChange={(v) => set('status', v as TCheckInValues['status'])}
              error={errors.status}
            >
              <Group mt="xs" gap="lg">
                {CHECK_IN_STATUSES.map((s) => (
                  <Radio key={s} value={s} label={t(`followUps.status.${s}`)} />
                ))}
              </Group>
            </Radio.Group>
            {values.status === 'at_risk' ? (
              <Alert color="orange" variant="light" title={t('followUps.atRiskTitle')}>
                {t('followUps.atRiskHint')}
              </Alert>
            ) : null}
            {values.status === 'ended' ? <Text size="sm">{t('followUps.endedHint')}</Text> : null}
            {outcomeField === 'retentionOutcome' ? (
              <Radio.Group
                label={t('followUps.field.retentionOutcome')}
                description={t('followUps.hint.retentionOutcome', {
                  months: measures === 'retention_12' ? 12 : 6,
                })}
                withAsterisk
                value={values.retentionOutcome}
                onChange={(v) => set('retentionOutcome', v as TCheckInValues['retentionOutcome'])}
                error={errors.retentionOutcome}
              >
                <Stack mt="xs" gap="xs">
                  {RETENTION_OUTCOMES.map((o) => (
                    <Radio key={o} value={o} label={t(`followUps.retentionOutcome.${o}`)} />
                  ))}
                </Stack>
              </Radio.Group>
            ) : null}
            {outcomeField === 'trialOutcome' ? (
              <Radio.Group
                label={t('followUps.field.trialOutcome')}
                description={t('followUps.hint.trialOutcome')}
                withAsterisk
                value={values.trialOutcome}
                onChange={(v) => set('trialOutcome', v as TCheckInValues['trialOutcome'])}
                error={errors.trialOutcome}
              >
                <Group mt="xs" gap="lg">
                  {TRIAL_OUTCOMES.map((o) => (
                    <Radio key={o} value={o} label={t(`followUps.trialOutcome.${o}`)} />
                  ))}
                </Group>
              </Radio.Group>
            ) : null}
            <Textarea
              label={t('followUps.field.notes')}
              description={t('followUps.hint.notes')}
              autosize
              minRows={3}
              maxLength={4000}
              value={values.notes}
              error={errors.notes}
              onChange={(e) => set('notes', e.currentTarget.value)}
            />
            <Textarea
              label={t('followUps.field.actionTaken')}
              description={t('followUps.hint.actionTaken')}
              autosize
              minRows={2}
              maxLength={1000}
              value={values.actionTaken}
              error={errors.actionTaken}
              onChange={(e) => set('actionTaken', e.currentTarget.value)}
            />
            <FormActions onCancel={onClose} busy={busy} submitLabel={t('followUps.save')} />
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
