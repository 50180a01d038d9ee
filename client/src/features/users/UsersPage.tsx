import { api } from '@client/api/client.ts';
import { ApiError } from '@client/api/errors.ts';
import { DataTable, type TColumn, useListParams } from '@client/components/DataTable.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { parseForm, type TFieldErrors } from '@client/components/form-errors.ts';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { formatDateTime, formatNumber } from '@client/lib/format.ts';
import { ROLES } from '@domain/roles.ts';
import { type TUser, USER_STATUSES, ZUserInvite } from '@domain/user.schema.ts';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  draftErrors,
  draftToInput,
  MembershipFields,
  roleLabel,
  STATUS_COLOR,
  type TMembershipDraft,
} from './membership.tsx';

export function UsersPage() {
  const { t } = useTranslation();
  const list = useListParams('name');
  const [inviting, setInviting] = useState(false);
  const role = list.params.get('role') ?? '';
  const status = list.params.get('status') ?? '';

  const columns: TColumn<TUser>[] = [
    {
      key: 'name',
      header: t('field.name'),
      sortKey: 'name',
      render: (u) => (
        <Anchor component={Link} to={`/admin/users/${u.id}`} fw={600}>
          {u.name}
        </Anchor>
      ),
    },
    { key: 'email', header: t('field.email'), sortKey: 'email', render: (u) => u.email },
    {
      key: 'status',
      header: t('users.status'),
      sortKey: 'status',
      render: (u) => <Badge color={STATUS_COLOR[u.status]}>{t(`users.statusLabel.${u.status}`)}</Badge>,
    },
    {
      key: 'roles',
      header: t('users.roles'),
      render: (u) =>
        u.memberships.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('users.noMemberships')}
          </Text>
        ) : (
          <Stack gap={2}>
            {u.memberships.map((m) => (
              <Text key={m.id} size="sm">
                {roleLabel(m.role)}
                {m.scopeName ? ` · ${m.scopeName}` : ''}
              </Text>
            ))}
          </Stack>
        ),
    },
    {
      key: 'lastLoginAt',
      header: t('users.lastLogin'),
      sortKey: 'lastLoginAt',
      render: (u) => formatDateTime(u.lastLoginAt) || t('users.never'),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        lead={t('users.lead')}
        actions={<Button onClick={() => setInviting(true)}>{t('users.invite')}</Button>}
      />
      <DataTable<TUser>
        path="/api/users"
        caption={t('users.title')}
        columns={columns}
        rowKey={(u) => u.id}
        defaultSort="name"
        extraQuery={{ role: role || undefined, status: status || undefined }}
        countLabel={(n) => t('users.count', { count: n, formatted: formatNumber(n) })}
        filters={
          <>
            <NativeSelect
              label={t('users.role')}
              value={role}
              onChange={(e) => list.update({ role: e.currentTarget.value || null })}
              data={[
                { value: '', label: t('common.all') },
                ...ROLES.map((r) => ({ value: r, label: roleLabel(r) })),
              ]}
            />
            <NativeSelect
              label={t('users.status')}
              value={status}
              onChange={(e) => list.update({ status: e.currentTarget.value || null })}
              data={[
                { value: '', label: t('common.all') },
                ...USER_STATUSES.map((s) => ({ value: s, label: t(`users.statusLabel.${s}`) })),
              ]}
            />
          </>
        }
        emptyState={<Text fw={600}>{t('users.empty')}</Text>}
      />
      <InviteUserModal opened={inviting} onClose={() => setInviting(false)} />
    </>
  );
}

type TKeyedDraft = TMembershipDraft & { key: string };
let draftSeq = 0;
const newDraft = (): TKeyedDraft => ({ role: '', scopeId: '', key: `draft-${++draftSeq}` });

function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [locale, setLocale] = useState<'da' | 'en'>('da');
  const [memberships, setMemberships] = useState<TKeyedDraft[]>(() => [newDraft()]);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setEmail('');
    setName('');
    setLocale('da');
    setMemberships([newDraft()]);
    setErrors({});
    setError(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const parsed = parseForm(ZUserInvite, {
      email,
      name,
      locale,
      memberships: memberships.map(draftToInput),
    });
    const own = memberships.reduce<TFieldErrors>(
      (acc, m, i) => Object.assign(acc, draftErrors(m, `memberships.${i}.`, t('form.required'))),
      {},
    );
    const all = { ...(parsed.ok ? {} : parsed.errors), ...own };
    setErrors(all);
    if (!parsed.ok || Object.keys(all).length > 0) return;
    setBusy(true);
    try {
      await api.post('/api/users', parsed.data);
      await qc.invalidateQueries({ queryKey: ['/api/users'] });
      notifications.show({ color: 'green', message: t('users.invited', { email: parsed.data.email }) });
      close();
    } catch (err) {
      if (err instanceof ApiError) {
        if (err.code === 'EMAIL_TAKEN') setErrors({ email: err.serverMessage ?? t('users.emailTaken') });
        else if (Object.keys(err.fields).length > 0) setErrors(err.fields);
      }
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={close}
      title={t('users.invite')}
      size="lg"
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Text size="sm">{t('users.inviteLead')}</Text>
          <ErrorAlert error={error} />
          <TextInput
            label={t('field.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            withAsterisk
            data-autofocus
          />
          <TextInput
            label={t('field.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
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
          <Text fw={700} mt="sm">
            {t('users.memberships')}
          </Text>
          {memberships.map((m, i) => (
            <Paper key={m.key} withBorder p="sm" radius="sm">
              <Group align="flex-start" wrap="nowrap">
                <div style={{ flex: 1 }}>
                  <MembershipFields
                    value={m}
                    prefix={`memberships.${i}.`}
                    errors={errors}
                    onChange={(v) =>
                      setMemberships((all) => all.map((x, j) => (j === i ? { ...v, key: x.key } : x)))
                    }
                  />
                </div>
                {memberships.length > 1 ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={28}
                    aria-label={t('users.removeMembershipN', { n: i + 1 })}
                    onClick={() => setMemberships((all) => all.filter((_, j) => j !== i))}
                  >
                    <span aria-hidden="true">✕</span>
                  </ActionIcon>
                ) : null}
              </Group>
            </Paper>
          ))}
          <Button
            variant="subtle"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => setMemberships((all) => [...all, newDraft()])}
          >
            {t('users.addAnotherMembership')}
          </Button>
          <FormActions onCancel={close} busy={busy} submitLabel={t('users.sendInvite')} />
        </Stack>
      </form>
    </Modal>
  );
}
