import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The footer every dialog form shares: cancel, then the submit button with its busy state. */
export function FormActions({
  onCancel,
  busy,
  submitLabel,
}: {
  onCancel: () => void;
  busy: boolean;
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
