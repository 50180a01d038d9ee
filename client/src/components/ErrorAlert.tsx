import { errorMessage } from '@client/api/errors.ts';
import { currentLang } from '@client/app/i18n.ts';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** An API or network error as one accessible message (role=alert), never a stack trace. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={title ?? t('common.errorTitle')}>
      {errorMessage(error, currentLang())}
    </Alert>
  );
}

/** The message alone, for inline use. */
export function useErrorMessage(): (error: unknown) => string {
  useTranslation();
  return (error) => errorMessage(error, currentLang());
}
