import { request } from '@client/api/client.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { parseForm, serverFieldErrors, type TFieldErrors } from '@client/components/form-errors.ts';
import { usePageTitle } from '@client/components/usePageTitle.ts';
import { ZNewPassword } from '@domain/auth.schema.ts';
import { Button, Paper, PasswordInput, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';

interface TInvitationInfo {
  email: string;
  name: string;
}

/** A new user opens the link from the invitation mail and chooses a password. */
export function InvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t('invitation.title'));
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const info = useQuery({
    queryKey: ['invitation', token],
    queryFn: () =>
      request<TInvitationInfo>('GET', `/api/auth/invitations/${encodeURIComponent(token)}`, {
        expect401: true,
      }),
    retry: false,
  });
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [fieldErrors, setFieldErrors] = useState<TFieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const parsed = parseForm(ZNewPassword, password);
    const errors: TFieldErrors = parsed.ok ? {} : { password: parsed.errors._ ?? '' };
    if (parsed.ok && repeat !== password) errors.repeat = t('password.mismatch');
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    try {
      await request('POST', '/api/auth/invitations/accept', { body: { token, password }, expect401: true });
      void navigate('/login', { replace: true, state: { notice: 'invitation.accepted' } });
    } catch (err) {
      setFieldErrors(serverFieldErrors(err));
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Stack maw={480} mx="auto" mt={{ base: 0, sm: 'xl' }} gap="lg">
      <Title order={1}>{t('invitation.title')}</Title>
      {info.isPending ? <Skeleton height={80} /> : null}
      {info.isError ? <ErrorAlert error={info.error} title={t('invitation.invalidTitle')} /> : null}
      {info.data ? (
        <>
          <Text>{t('invitation.welcome', { name: info.data.name, email: info.data.email })}</Text>
          <Paper withBorder p="lg" radius="md" shadow="xs">
            <form onSubmit={(e) => void submit(e)} noValidate>
              <Stack>
                <ErrorAlert error={error} />
                <PasswordInput
                  label={t('password.new')}
                  description={t('password.rules')}
                  autoComplete="new-password"
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={fieldErrors.password}
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
                <Button type="submit" loading={busy}>
                  {t('invitation.submit')}
                </Button>
              </Stack>
            </form>
          </Paper>
        </>
      ) : null}
    </Stack>
  );
}
