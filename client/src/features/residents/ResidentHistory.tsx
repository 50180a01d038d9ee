import { api } from '@client/api/client.ts';
import { DataTable, type TColumn } from '@client/components/DataTable.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import { formatDateTime, formatNumber } from '@client/lib/format.ts';
import type { TResident } from '@domain/resident.schema.ts';
import {
  confirmsFullName,
  type TResidentHistoryEvent,
  ZResidentErase,
} from '@domain/resident-rights.schema.ts';
import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifySuccess, RESIDENTS_PATH } from './resident-ui.tsx';

/**
 * The person's history (who did what, when; staff names are fine inside Jobbro) and, for whoever
 * handles the person's rights, the access export (PDF, JSON) and the erasure.
 */
export function HistoryTab({ resident }: { resident: TResident }) {
  const { t } = useTranslation();
  const columns: TColumn<TResidentHistoryEvent>[] = [
    {
      key: 'at',
      header: t('residents.history.at'),
      render: (e) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</span>,
    },
    {
      key: 'purpose',
      header: t('residents.history.purpose'),
      render: (e) => t(`residents.history.purposes.${e.purpose}`),
    },
    { key: 'user', header: t('residents.history.user'), render: (e) => e.userName ?? '–' },
    {
      key: 'organisation',
      header: t('residents.history.organisation'),
      render: (e) => e.organisation ?? '–',
    },
  ];
  return (
    <Stack gap="lg">
      {resident.mayHandleRights ? <RightsActions resident={resident} /> : null}
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('residents.history.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('residents.history.lead')}
        </Text>
        <DataTable<TResidentHistoryEvent>
          path={`${RESIDENTS_PATH}/${resident.id}/history`}
          caption={t('residents.history.title')}
          columns={columns}
          rowKey={(e) => e.id}
          searchable={false}
          countLabel={(n) => t('residents.history.count', { count: n, formatted: formatNumber(n) })}
          emptyState={<Text>{t('residents.history.empty')}</Text>}
        />
      </Stack>
    </Stack>
  );
}

/** The data subject's rights: the access export for the person, and the erasure. */
function RightsActions({ resident }: { resident: TResident }) {
  const { t } = useTranslation();
  const [erasing, setErasing] = useState(false);
  const exportHref = (format: 'pdf' | 'json') => `${RESIDENTS_PATH}/${resident.id}/export?format=${format}`;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('residents.rights.title')}
        </Title>
        <Text size="sm">{t('residents.rights.lead')}</Text>
        <Group gap="sm">
          <Button component="a" href={exportHref('pdf')} download variant="outline">
            {t('residents.rights.exportPdf')}
          </Button>
          <Button component="a" href={exportHref('json')} download variant="outline">
            {t('residents.rights.exportJson')}
          </Button>
          <Button color="red" onClick={() => setErasing(true)}>
            {t('residents.rights.erase')}
          </Button>
        </Group>
      </Stack>
      <EraseModal resident={resident} opened={erasing} onClose={() => setErasing(false)} />
    </Paper>
  );
}

/** Irreversible: says so plainly and asks for the person's full name before it erases. */
function EraseModal({
  resident,
  opened,
  onClose,
}: {
  resident: TResident;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [confirmName, setConfirmName] = useState('');
  const [reason, setReason] = useState('');
  const fullName = `${resident.firstName} ${resident.lastName ?? ''}`.trim();
  const matches = confirmsFullName(confirmName, resident.firstName, resident.lastName ?? '');
  const { errors, setErrors, error, setError, busy, submit } = useSchemaSubmit(
    ZResidentErase,
    async (data) => {
      await api.post(`${RESIDENTS_PATH}/${resident.id}/erase`, data);
      close();
      // The person is gone from every list and count: drop every cached residents answer.
      qc.removeQueries({ queryKey: [RESIDENTS_PATH, resident.id] });
      await qc.invalidateQueries({ queryKey: [RESIDENTS_PATH] });
      notifySuccess(t, t('residents.rights.erased'));
      void navigate('/residents');
    },
  );
  const close = () => {
    setConfirmName('');
    setReason('');
    setErrors({});
    setError(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('residents.rights.eraseTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
      size="lg"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit({ confirmName, reason });
        }}
      >
        <Stack>
          <Alert color="red" variant="light" title={t('residents.rights.irreversible')}>
            {t('residents.rights.eraseExplain')}
          </Alert>
          <Text size="sm">{t('residents.rights.eraseKeeps')}</Text>
          <ErrorAlert error={error} />
          <TextInput
            label={t('residents.rights.confirmName', { name: fullName })}
            value={confirmName}
            error={errors.confirmName}
            autoComplete="off"
            required
            onChange={(e) => {
              setConfirmName(e.currentTarget.value);
              setErrors({});
            }}
          />
          <Textarea
            label={t('residents.rights.reason')}
            description={t('residents.rights.reasonHint')}
            autosize
            minRows={2}
            value={reason}
            error={errors.reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setErrors({});
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={busy} disabled={!matches}>
              {t('residents.rights.eraseConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
