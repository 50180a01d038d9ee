import { api } from '@client/api/client.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import { ZPlacementFlag } from '@domain/placement.schema.ts';
import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACEMENTS_PATH } from './placement-ui.ts';

/**
 * The company's "Noget går skævt": what has happened, in its own words. The job consultant and the
 * social worker are told at once, and it stays open for them until someone resolves it.
 */
export function FlagPlacementModal({
  placementId,
  opened,
  onClose,
  onFlagged,
}: {
  placementId: string;
  opened: boolean;
  onClose: () => void;
  onFlagged: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const { errors, setErrors, error, setError, busy, submit } = useSchemaSubmit(
    ZPlacementFlag,
    async (data) => {
      await api.post(`${PLACEMENTS_PATH}/${placementId}/flag`, data);
      await qc.invalidateQueries({ queryKey: [PLACEMENTS_PATH] });
      onFlagged();
      onClose();
    },
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (opened) {
      setText('');
      setErrors({});
      setError(null);
    }
  }, [opened]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    await submit({ text });
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={t('placements.flagTitle')}
      size="lg"
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          <Text size="sm">{t('placements.flagLead')}</Text>
          <ErrorAlert error={error} />
          <Textarea
            label={t('placements.flagText')}
            description={t('placements.flagHint')}
            withAsterisk
            autosize
            minRows={4}
            maxLength={1000}
            value={text}
            error={errors.text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-autofocus
          />
          <FormActions onCancel={onClose} busy={busy} submitLabel={t('placements.flagSend')} />
        </Stack>
      </form>
    </Modal>
  );
}
