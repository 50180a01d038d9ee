import { api } from '@client/api/client.ts';
import { ConfirmDialog } from '@client/components/ConfirmDialog.tsx';
import { DateField } from '@client/components/DateField.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import { formatDate } from '@client/lib/format.ts';
import {
  CONSENT_METHODS,
  CONSENT_SCOPES,
  type TConsentScope,
  ZConsentInput,
} from '@domain/consent.schema.ts';
import { CONSENT_TEXTS, CURRENT_CONSENT_TEXT_VERSION } from '@domain/consent-texts.ts';
import type { TConsent, TResident } from '@domain/resident.schema.ts';
import {
  Badge,
  Blockquote,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess, RESIDENTS_PATH, today } from './resident-ui.tsx';

function ConsentStatus({ c }: { c: TConsent }) {
  const { t } = useTranslation();
  if (c.active)
    return (
      <Badge color="teal" variant="light">
        {t('residents.consent.active')}
      </Badge>
    );
  if (c.withdrawnOn)
    return (
      <Badge color="gray" variant="light">
        {t('residents.consent.withdrawn')}
      </Badge>
    );
  if (c.expiresOn && c.expiresOn < today())
    return (
      <Badge color="orange" variant="light">
        {t('residents.consent.expired')}
      </Badge>
    );
  return (
    <Badge color="gray" variant="light">
      {t('residents.consent.notActive')}
    </Badge>
  );
}

/** The consent history (kept, never rewritten), giving a consent and withdrawing one. */
export function ConsentsTab({ resident }: { resident: TResident }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [giving, setGiving] = useState(false);
  const [withdrawing, setWithdrawing] = useState<TConsent | null>(null);
  const consents = resident.consents ?? [];
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: [RESIDENTS_PATH, resident.id] }),
      qc.invalidateQueries({ queryKey: [RESIDENTS_PATH, 'list'] }),
    ]);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('residents.consent.historyCaption')}
        </Title>
        {resident.canEdit ? (
          <Button onClick={() => setGiving(true)}>{t('residents.consent.give')}</Button>
        ) : null}
      </Group>
      {consents.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text>{t('residents.consent.none')}</Text>
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720} type="native">
            <Table striped verticalSpacing="xs" horizontalSpacing="sm" fz="sm">
              <caption className="visually-hidden">{t('residents.consent.historyCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('residents.consent.scope')}</Table.Th>
                  <Table.Th>{t('residents.consent.givenOn')}</Table.Th>
                  <Table.Th>{t('residents.consent.method')}</Table.Th>
                  <Table.Th>{t('residents.consent.expiresOn')}</Table.Th>
                  <Table.Th>{t('residents.consent.withdrawnOn')}</Table.Th>
                  <Table.Th>{t('residents.consent.status')}</Table.Th>
                  {resident.canEdit ? <Table.Th>{t('list.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {consents.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{t(`residents.scope.${c.scope}`)}</Table.Td>
                    <Table.Td>
                      {formatDate(c.givenOn)}
                      {c.registeredByName ? (
                        <Text size="xs" c="dimmed">
                          {t('residents.consent.byName', { name: c.registeredByName })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {t(`residents.method.${c.method}`)}
                      {c.witnessName ? (
                        <Text size="xs" c="dimmed">
                          {c.witnessName}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{formatDate(c.expiresOn)}</Table.Td>
                    <Table.Td>
                      {formatDate(c.withdrawnOn)}
                      {c.withdrawnByName ? (
                        <Text size="xs" c="dimmed">
                          {t('residents.consent.byName', { name: c.withdrawnByName })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <ConsentStatus c={c} />
                    </Table.Td>
                    {resident.canEdit ? (
                      <Table.Td>
                        {c.active ? (
                          <Button
                            size="xs"
                            variant="default"
                            color="red"
                            onClick={() => setWithdrawing(c)}
                            aria-label={t('residents.consent.withdrawNamed', {
                              scope: t(`residents.badge.${c.scope}`),
                            })}
                          >
                            {t('residents.consent.withdraw')}
                          </Button>
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <GiveConsentModal
        opened={giving}
        residentId={resident.id}
        onClose={() => setGiving(false)}
        onSaved={async () => {
          await refresh();
          notifySuccess(t, t('residents.consent.given'));
        }}
      />
      <ConfirmDialog
        opened={withdrawing !== null}
        title={t('residents.consent.withdrawTitle')}
        message={t('residents.consent.withdrawMessage', {
          scope: withdrawing ? t(`residents.scope.${withdrawing.scope}`) : '',
        })}
        confirmLabel={t('residents.consent.withdraw')}
        onClose={() => setWithdrawing(null)}
        onConfirm={async () => {
          if (!withdrawing) return;
          await api.post(`${RESIDENTS_PATH}/${resident.id}/consents/${withdrawing.id}/withdraw`);
          await refresh();
          notifySuccess(t, t('residents.consent.withdrawn'));
        }}
      />
    </Stack>
  );
}

interface TGiveValues {
  scope: TConsentScope;
  givenOn: string;
  method: string;
  witnessName: string;
  expiresOn: string;
}

/** Register a consent: the text of the chosen scope is shown, as the person was shown it. */
function GiveConsentModal({
  opened,
  residentId,
  onClose,
  onSaved,
}: {
  opened: boolean;
  residentId: string;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const initial = (): TGiveValues => ({
    scope: 'sharing',
    givenOn: today(),
    method: 'paper',
    witnessName: '',
    expiresOn: '',
  });
  const [values, setValues] = useState<TGiveValues>(initial);
  const { errors, setErrors, error, setError, busy, submit } = useSchemaSubmit(
    ZConsentInput,
    async (data) => {
      await api.post(`${RESIDENTS_PATH}/${residentId}/consents`, data);
      await onSaved();
      close();
    },
  );
  const close = () => {
    setValues(initial());
    setErrors({});
    setError(null);
    onClose();
  };
  const set = <K extends keyof TGiveValues>(name: K, value: TGiveValues[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => {
      const { [name]: _drop, ...rest } = e;
      return rest;
    });
  };
  const text = CONSENT_TEXTS[CURRENT_CONSENT_TEXT_VERSION]?.[values.scope];

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('residents.consent.giveTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit({
            ...values,
            textVersion: CURRENT_CONSENT_TEXT_VERSION,
            witnessName: values.method === 'verbal_witnessed' ? values.witnessName : '',
          });
        }}
      >
        <Stack gap="md">
          <ErrorAlert error={error} />
          <NativeSelect
            label={t('residents.consent.scope')}
            withAsterisk
            value={values.scope}
            error={errors.scope}
            onChange={(e) => {
              const scope = CONSENT_SCOPES.find((s) => s === e.currentTarget.value);
              if (scope) set('scope', scope);
            }}
            data={CONSENT_SCOPES.map((s) => ({ value: s, label: t(`residents.scope.${s}`) }))}
          />
          {text ? (
            <Blockquote color="teal" p="md" aria-live="polite">
              <Text fw={700} size="sm" mb={4}>
                {text.title}
              </Text>
              <Text size="sm">{text.body}</Text>
              <Text size="xs" c="dimmed" mt={6}>
                {t('residents.consent.textTitle', { version: CURRENT_CONSENT_TEXT_VERSION })}
              </Text>
            </Blockquote>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t('residents.form.givenOn')}
              withAsterisk
              value={values.givenOn}
              max={today()}
              error={errors.givenOn}
              onChange={(v) => set('givenOn', v)}
            />
            <NativeSelect
              label={t('residents.form.method')}
              withAsterisk
              value={values.method}
              error={errors.method}
              onChange={(e) => set('method', e.currentTarget.value)}
              data={CONSENT_METHODS.map((m) => ({ value: m, label: t(`residents.method.${m}`) }))}
            />
          </SimpleGrid>
          {values.method === 'verbal_witnessed' ? (
            <TextInput
              label={t('residents.form.witnessName')}
              withAsterisk
              value={values.witnessName}
              error={errors.witnessName}
              onChange={(e) => set('witnessName', e.currentTarget.value)}
            />
          ) : null}
          <DateField
            label={t('residents.form.expiresOn')}
            description={t('residents.form.expiresHint')}
            value={values.expiresOn}
            error={errors.expiresOn}
            onChange={(v) => set('expiresOn', v)}
          />
          <FormActions onCancel={close} busy={busy} submitLabel={t('residents.consent.giveSubmit')} />
        </Stack>
      </form>
    </Modal>
  );
}
