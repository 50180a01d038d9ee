import { api } from '@client/api/client.ts';
import { ApiError } from '@client/api/errors.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { ConfirmDialog } from '@client/components/ConfirmDialog.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { parseForm, type TFieldErrors, useSchemaSubmit } from '@client/components/form-errors.ts';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { usePageTitle } from '@client/components/usePageTitle.ts';
import { formatDateTime } from '@client/lib/format.ts';
import { type TMembership, type TUser, ZMembershipInput, ZUserUpdate } from '@domain/user.schema.ts';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  draftErrors,
  draftToInput,
  MembershipFields,
  roleLabel,
  STATUS_COLOR,
  type TMembershipDraft,
} from './membership.tsx';

export function UserDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useQuery({
    queryKey: ['/api/users', 'detail', id],
    queryFn: ({ signal }) => api.get<TUser>(`/api/users/${id}`, undefined, signal),
  });
  usePageTitle(user.data?.name ?? t('users.detailTitle'));

  if (user.isPending) return <Skeleton height={240} />;
  if (user.isError) {
    return (
      <Stack>
        <Title order={1}>{t('users.detailTitle')}</Title>
        <ErrorAlert error={user.error} />
        <Anchor component={Link} to="/admin/users">
          {t('users.backToList')}
        </Anchor>
      </Stack>
    );
  }
  return <UserDetail user={user.data} />;
}

function UserDetail({ user }: { user: TUser }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [removing, setRemoving] = useState<TMembership | null>(null);
  const self = me.user.id === user.id;
  const refresh = () => qc.invalidateQueries({ queryKey: ['/api/users'] });

  const act = async (key: string, fn: () => Promise<unknown>, done: string) => {
    setBusy(key);
    setError(null);
    try {
      await fn();
      await refresh();
      notifications.show({ color: 'green', message: done });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Anchor component={Link} to="/admin/users" size="sm" mb="xs" display="inline-block">
        ← {t('users.backToList')}
      </Anchor>
      <PageHeader
        title={user.name}
        lead={user.email}
        actions={
          <>
            {user.status === 'invited' ? (
              <Button
                variant="outline"
                loading={busy === 'resend'}
                onClick={() =>
                  void act(
                    'resend',
                    () => api.post(`/api/users/${user.id}/invitation`),
                    t('users.resent', { email: user.email }),
                  )
                }
              >
                {t('users.resend')}
              </Button>
            ) : null}
            {user.status === 'disabled' ? (
              <Button
                loading={busy === 'status'}
                onClick={() =>
                  void act(
                    'status',
                    () => api.patch(`/api/users/${user.id}`, { status: 'active' }),
                    t('users.enabled'),
                  )
                }
              >
                {t('users.enable')}
              </Button>
            ) : (
              <Button
                color="red"
                variant="outline"
                disabled={self}
                title={self ? t('users.cannotDisableSelf') : undefined}
                loading={busy === 'status'}
                onClick={() =>
                  void act(
                    'status',
                    () => api.patch(`/api/users/${user.id}`, { status: 'disabled' }),
                    t('users.disabled'),
                  )
                }
              >
                {t('users.disable')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <ErrorAlert error={error} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Card withBorder radius="md" padding="lg">
            <Title order={2} size="h3" mb="sm">
              {t('users.facts')}
            </Title>
            <Table variant="vertical" withRowBorders={false}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={160}>{t('users.status')}</Table.Th>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[user.status]}>{t(`users.statusLabel.${user.status}`)}</Badge>
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('users.created')}</Table.Th>
                  <Table.Td>{formatDateTime(user.createdAt)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('users.lastLogin')}</Table.Th>
                  <Table.Td>{formatDateTime(user.lastLoginAt) || t('users.never')}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Card>
          <EditUserCard user={user} onSaved={refresh} />
        </SimpleGrid>

        <Paper withBorder radius="md" p="lg">
          <Title order={2} size="h3" mb="sm">
            {t('users.memberships')}
          </Title>
          {user.memberships.length === 0 ? (
            <Text mb="md">{t('users.noMemberships')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={480} type="native">
              <Table mb="md">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('users.role')}</Table.Th>
                    <Table.Th>{t('users.scope')}</Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>{t('list.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {user.memberships.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>{roleLabel(m.role)}</Table.Td>
                      <Table.Td>{m.scopeName ?? t(`scope.none.${m.scopeType}`)}</Table.Td>
                      <Table.Td style={{ textAlign: 'right' }}>
                        <Button
                          size="compact-sm"
                          variant="outline"
                          color="red"
                          aria-label={t('users.removeMembershipNamed', { role: roleLabel(m.role) })}
                          onClick={() => setRemoving(m)}
                        >
                          {t('common.remove')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <AddMembership userId={user.id} onAdded={refresh} />
        </Paper>
      </Stack>
      <ConfirmDialog
        opened={removing !== null}
        title={t('users.removeMembershipTitle')}
        message={t('users.removeMembershipConfirm', {
          role: removing ? roleLabel(removing.role) : '',
          name: user.name,
        })}
        confirmLabel={t('common.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          await api.delete(`/api/users/${user.id}/memberships/${removing.id}`);
          await refresh();
          notifications.show({ color: 'green', message: t('users.membershipRemoved') });
        }}
      />
    </>
  );
}

function EditUserCard({ user, onSaved }: { user: TUser; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [name, setName] = useState(user.name);
  const [locale, setLocale] = useState(user.locale);
  const {
    errors,
    error,
    busy,
    submit: send,
  } = useSchemaSubmit(ZUserUpdate, async (data) => {
    await api.patch(`/api/users/${user.id}`, data);
    await onSaved();
    notifications.show({ color: 'green', message: t('users.saved') });
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await send({ name, locale });
  };
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h3" mb="sm">
        {t('users.edit')}
      </Title>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          <TextInput
            label={t('field.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            withAsterisk
          />
          <NativeSelect
            label={t('users.locale')}
            value={locale}
            onChange={(e) => setLocale(e.currentTarget.value === 'en' ? 'en' : 'da')}
            data={[
              { value: 'da', label: 'Dansk' },
              { value: 'en', label: 'English' },
            ]}
          />
          <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function AddMembership({ userId, onAdded }: { userId: string; onAdded: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<TMembershipDraft>({ role: '', scopeId: '' });
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const own = draftErrors(draft, '', t('form.required'));
    const parsed = parseForm(ZMembershipInput, draftToInput(draft));
    const all = { ...(parsed.ok ? {} : parsed.errors), ...own };
    setErrors(all);
    if (!parsed.ok || Object.keys(all).length > 0) return;
    setBusy(true);
    try {
      await api.post(`/api/users/${userId}/memberships`, parsed.data);
      await onAdded();
      setDraft({ role: '', scopeId: '' });
      notifications.show({ color: 'green', message: t('users.membershipAdded') });
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fields);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-membership-heading">
      <Stack gap="sm">
        <Title order={3} size="h4" id="add-membership-heading">
          {t('users.addMembership')}
        </Title>
        <ErrorAlert error={error} />
        <Group align="flex-end" gap="md" wrap="wrap">
          <div style={{ flex: '1 1 28rem' }}>
            <MembershipFields value={draft} onChange={setDraft} errors={errors} prefix="" />
          </div>
          <Button type="submit" loading={busy}>
            {t('users.addMembershipSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
