import { ApiError } from '@client/api/errors.ts';
import { changePassword } from '@client/app/auth.ts';
import { ErrorAlert, useErrorMessage } from '@client/components/ErrorAlert.tsx';
import { parseForm, serverFieldErrors, type TFieldErrors } from '@client/components/form-errors.ts';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { ZChangePasswordRequest } from '@domain/auth.schema.ts';
import { Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [fieldErrors, setFieldErrors] = useState<TFieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const parsed = parseForm(ZChangePasswordRequest, { currentPassword, newPassword });
    const errors: TFieldErrors = parsed.ok ? {} : { ...parsed.errors };
    if (!errors.newPassword && repeat !== newPassword) errors.repeat = t('password.mismatch');
    setFieldErrors(errors);
    if (!parsed.ok || Object.keys(errors).length > 0) return;
    setBusy(true);
    try {
      await changePassword(parsed.data);
      setCurrent('');
      setNew('');
      setRepeat('');
      notifications.show({ color: 'green', message: t('password.changed') });
    } catch (err) {
      const fields = serverFieldErrors(err);
      // Put the two known refusals at the field they concern.
      if (err instanceof ApiError && err.code === 'WRONG_PASSWORD') fields.currentPassword = message(err);
      else if (err instanceof ApiError && err.code === 'PASSWORD_TOO_WEAK') fields.newPassword = message(err);
      else setError(err);
      setFieldErrors(fields);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('password.title')} lead={t('password.lead')} />
      <Paper withBorder p="lg" radius="md" maw={520}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <ErrorAlert error={error} />
            <PasswordInput
              label={t('password.current')}
              autoComplete="current-password"
              value={currentPassword}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={fieldErrors.currentPassword}
              withAsterisk
            />
            <PasswordInput
              label={t('password.new')}
              description={t('password.rules')}
              autoComplete="new-password"
              value={newPassword}
              onChange={(e) => setNew(e.currentTarget.value)}
              error={fieldErrors.newPassword}
              withAsterisk
            />
            <PasswordInput
              label={t('password.repeat')}
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.currentTarget.value)}
              error={fieldErrors.repeat}
              withAsterisk
            />
            <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
              {t('password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
