import { takeAuthFailure, useAuthActions, useMe } from '@client/app/auth.ts';
import { currentLang } from '@client/app/i18n.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { parseForm, type TFieldErrors } from '@client/components/form-errors.ts';
import { usePageTitle } from '@client/components/usePageTitle.ts';
import { ZLoginRequest } from '@domain/auth.schema.ts';
import { appErrorMessagesDa, appErrorMessagesEn } from '@domain/errors.ts';
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';

interface TLoginState {
  from?: string;
  notice?: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const me = useMe();
  const { login } = useAuthActions();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as TLoginState;
  const [expired] = useState(() => takeAuthFailure());
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<TFieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (me.data) return <Navigate to={state.from ?? '/'} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const parsed = parseForm(ZLoginRequest, { email, password });
    if (!parsed.ok) {
      setFieldErrors(parsed.errors);
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      await login(parsed.data);
      void navigate(state.from && state.from !== '/login' ? state.from : '/', { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const messages = currentLang() === 'en' ? appErrorMessagesEn : appErrorMessagesDa;
  return (
    <Stack maw={440} mx="auto" mt={{ base: 0, sm: 'xl' }} gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('login.title')}</Title>
        <Text c="dimmed">{t('login.lead')}</Text>
      </Stack>
      {expired === 'SESSION_EXPIRED' && !error ? (
        <Alert color="orange" variant="light" role="status">
          {messages.SESSION_EXPIRED}
        </Alert>
      ) : null}
      {state.notice ? (
        <Alert color="green" variant="light" role="status">
          {t(state.notice)}
        </Alert>
      ) : null}
      <Paper withBorder p="lg" radius="md" shadow="xs">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <ErrorAlert error={error} title={t('login.failed')} />
            <TextInput
              label={t('login.email')}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldErrors.email}
              withAsterisk
            />
            <PasswordInput
              label={t('login.password')}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldErrors.password}
              withAsterisk
            />
            <Button type="submit" loading={busy} fullWidth>
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm">
        {t('login.help')}{' '}
        <Anchor component={Link} to="/tilgaengelighed">
          {t('shell.accessibility')}
        </Anchor>
      </Text>
    </Stack>
  );
}
