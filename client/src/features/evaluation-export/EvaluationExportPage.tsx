import { api } from '@client/api/client.ts';
import { ConfirmDialog } from '@client/components/ConfirmDialog.tsx';
import { DateField } from '@client/components/DateField.tsx';
import { EntitySelect } from '@client/components/EntitySelect.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import {
  parseForm,
  serverFieldErrors,
  type TFieldErrors,
  useSchemaSubmit,
} from '@client/components/form-errors.ts';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { SectionCard } from '@client/components/SectionCard.tsx';
import { notifySuccess } from '@client/features/openings/opening-ui.tsx';
import { formatDate } from '@client/lib/format.ts';
import {
  type TEvaluationExportKey,
  ZEvaluationExportKeyCreate,
  ZEvaluationExportQuery,
} from '@domain/evaluation-export.schema.ts';
import { danishDate } from '@domain/time.ts';
import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Modal,
  NativeSelect,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activeKeys, downloadEvaluationExport, KEYS_PATH } from './evaluation-export-ui.ts';

const ABOUT = ['consent', 'pseudonym', 'content', 'format', 'audit'] as const;

/**
 * /admin/evaluation-export: the secretariat's pseudonymised evaluation export (issue 7 item 6).
 * Keys (created and revoked here; the secret never leaves the server) and the export of one
 * partnership and period as CSV, with what the file holds and why in plain Danish.
 */
export function EvaluationExportPage() {
  const { t } = useTranslation();
  const keys = useQuery({
    queryKey: [KEYS_PATH],
    queryFn: ({ signal }) => api.get<TEvaluationExportKey[]>(KEYS_PATH, undefined, signal),
  });
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader title={t('evaluationExport.title')} lead={t('evaluationExport.lead')} />
      <Stack gap="lg">
        <Alert variant="light" color="blue" title={t('evaluationExport.aboutTitle')}>
          <List spacing={4} size="sm">
            {ABOUT.map((key) => (
              <List.Item key={key}>{t(`evaluationExport.about.${key}`)}</List.Item>
            ))}
          </List>
        </Alert>

        <SectionCard
          title={t('evaluationExport.keysTitle')}
          actions={<Button onClick={() => setCreating(true)}>{t('evaluationExport.createKey')}</Button>}
        >
          <ErrorAlert error={keys.error} />
          {keys.isPending ? <Skeleton height={120} /> : null}
          {keys.data ? <KeysTable keys={keys.data} /> : null}
        </SectionCard>

        <SectionCard title={t('evaluationExport.exportTitle')}>
          {keys.data ? <ExportForm keys={activeKeys(keys.data)} /> : <Skeleton height={120} />}
        </SectionCard>
      </Stack>
      <CreateKeyModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function KeysTable({ keys }: { keys: TEvaluationExportKey[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [revoking, setRevoking] = useState<TEvaluationExportKey | null>(null);

  if (keys.length === 0) return <Text c="dimmed">{t('evaluationExport.noKeys')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={560} type="native">
        <Table striped verticalSpacing="xs" fz="sm">
          <caption className="visually-hidden">{t('evaluationExport.keysTitle')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('evaluationExport.label')}</Table.Th>
              <Table.Th scope="col">{t('evaluationExport.created')}</Table.Th>
              <Table.Th scope="col">{t('evaluationExport.createdBy')}</Table.Th>
              <Table.Th scope="col">{t('evaluationExport.status')}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {t('list.actions')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Th scope="row" fw={600}>
                  {k.label}
                </Table.Th>
                <Table.Td>{formatDate(k.createdAt)}</Table.Td>
                <Table.Td>{k.createdByName ?? '–'}</Table.Td>
                <Table.Td>
                  {k.revokedAt ? (
                    <Badge color="gray" variant="light" tt="none">
                      {t('evaluationExport.revokedOn', { date: formatDate(k.revokedAt) })}
                    </Badge>
                  ) : (
                    <Badge color="green" variant="light" tt="none">
                      {t('evaluationExport.active')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {k.revokedAt ? null : (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('evaluationExport.revokeNamed', { label: k.label })}
                      onClick={() => setRevoking(k)}
                    >
                      {t('evaluationExport.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmDialog
        opened={revoking !== null}
        title={t('evaluationExport.revokeTitle')}
        message={t('evaluationExport.revokeMessage', { label: revoking?.label ?? '' })}
        confirmLabel={t('evaluationExport.revoke')}
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          if (!revoking) return;
          await api.post(`${KEYS_PATH}/${revoking.id}/revoke`);
          await qc.invalidateQueries({ queryKey: [KEYS_PATH] });
          notifySuccess(t, t('evaluationExport.revoked', { label: revoking.label }));
        }}
      />
    </>
  );
}

function CreateKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [label, setLabel] = useState('');
  const { errors, setErrors, error, setError, busy, submit } = useSchemaSubmit(
    ZEvaluationExportKeyCreate,
    async (data) => {
      const created = await api.post<TEvaluationExportKey>(KEYS_PATH, data);
      await qc.invalidateQueries({ queryKey: [KEYS_PATH] });
      notifySuccess(t, t('evaluationExport.keyCreated', { label: created.label }));
      close();
    },
  );
  const close = () => {
    setLabel('');
    setErrors({});
    setError(null);
    onClose();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit({ label });
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={close}
      title={t('evaluationExport.createKey')}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text size="sm">{t('evaluationExport.createKeyLead')}</Text>
          <ErrorAlert error={error} />
          <TextInput
            label={t('evaluationExport.label')}
            description={t('evaluationExport.labelHint')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={errors.label}
            withAsterisk
            data-autofocus
          />
          <FormActions onCancel={close} busy={busy} submitLabel={t('evaluationExport.createKey')} />
        </Stack>
      </form>
    </Modal>
  );
}

function ExportForm({ keys }: { keys: TEvaluationExportKey[] }) {
  const { t } = useTranslation();
  const today = danishDate(new Date());
  const [keyId, setKeyId] = useState('');
  const [partnershipId, setPartnershipId] = useState('');
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The first active key until one is chosen (or the chosen one is revoked).
  const chosenKey = keys.some((k) => k.id === keyId) ? keyId : (keys[0]?.id ?? '');

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const parsed = parseForm(ZEvaluationExportQuery, { keyId: chosenKey, partnershipId, from, to });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const fileName = await downloadEvaluationExport(parsed.data);
      notifySuccess(t, t('evaluationExport.downloaded', { file: fileName }));
    } catch (err) {
      setErrors(serverFieldErrors(err));
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <Stack>
        {keys.length === 0 ? <Text c="dimmed">{t('evaluationExport.noActiveKeys')}</Text> : null}
        <ErrorAlert error={error} />
        <Group align="flex-start" gap="md">
          <NativeSelect
            label={t('evaluationExport.key')}
            value={chosenKey}
            onChange={(e) => setKeyId(e.currentTarget.value)}
            error={errors.keyId}
            withAsterisk
            disabled={keys.length === 0}
            data={
              keys.length === 0
                ? [{ value: '', label: t('common.none') }]
                : keys.map((k) => ({ value: k.id, label: k.label }))
            }
          />
          <EntitySelect
            path="/api/partnerships"
            label={t('evaluationExport.partnership')}
            value={partnershipId}
            onChange={setPartnershipId}
            error={errors.partnershipId}
            required
          />
          <DateField
            label={t('evaluationExport.from')}
            value={from}
            max={to || undefined}
            onChange={setFrom}
            error={errors.from}
            withAsterisk
            clearable={false}
          />
          <DateField
            label={t('evaluationExport.to')}
            value={to}
            min={from || undefined}
            onChange={setTo}
            error={errors.to}
            withAsterisk
            clearable={false}
          />
        </Group>
        <Group>
          <Button type="submit" loading={busy} disabled={keys.length === 0}>
            {t('evaluationExport.download')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
