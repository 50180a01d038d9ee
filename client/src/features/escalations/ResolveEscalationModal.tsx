import { api } from '@client/api/client.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import { invalidateFollowUpViews } from '@client/features/follow-ups/CheckInModal.tsx';
import { ESCALATIONS_PATH } from '@client/features/follow-ups/follow-up-ui.ts';
import { notifySuccess } from '@client/features/openings/opening-ui.tsx';
import { formatDateTime } from '@client/lib/format.ts';
import { type TEscalation, ZEscalationResolve } from '@domain/placement.schema.ts';
import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "Løs": what was done about it, in a sentence or two; the escalation then leaves the open list. */
export function ResolveEscalationModal({
  escalation: opened,
  onClose,
}: {
  escalation: TEscalation | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [last, setLast] = useState(opened);
  if (opened && opened !== last) setLast(opened);
  const escalation = opened ?? last;
  const [resolution, setResolution] = useState('');
  const { errors, setErrors, error, setError, busy, submit } = useSchemaSubmit(
    ZEscalationResolve,
    async (data) => {
      if (!escalation) return;
      await api.post<TEscalation>(`${ESCALATIONS_PATH}/${escalation.id}/resolve`, data);
      await invalidateFollowUpViews(qc);
      notifySuccess(t, t('escalations.resolved'));
      onClose();
    },
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form for each escalation opened
  useEffect(() => {
    if (opened) {
      setResolution('');
      setErrors({});
      setError(null);
    }
  }, [opened?.id]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    await submit({ resolution });
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened !== null}
      onClose={onClose}
      title={t('escalations.resolveTitle')}
      size="lg"
    >
      {escalation ? (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <Stack>
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {[escalation.residentName, escalation.companyName].filter(Boolean).join(' · ')}
              </Text>
              <Text size="sm">{escalation.reason}</Text>
              <Text size="xs" c="dimmed">
                {t('escalations.openedBy', {
                  at: formatDateTime(escalation.openedAt),
                  by: escalation.openedByName ?? t(`escalations.source.${escalation.source}`),
                })}
              </Text>
            </Stack>
            <ErrorAlert error={error} />
            <Textarea
              label={t('escalations.resolutionLabel')}
              description={t('escalations.resolutionHint')}
              withAsterisk
              autosize
              minRows={3}
              maxLength={1000}
              value={resolution}
              error={errors.resolution}
              onChange={(e) => setResolution(e.currentTarget.value)}
              data-autofocus
            />
            <FormActions onCancel={onClose} busy={busy} submitLabel={t('escalations.resolve')} />
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
