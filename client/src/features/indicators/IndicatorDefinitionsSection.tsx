import { api } from '@client/api/client.ts';
import { EntitySelect, useEntityOptions } from '@client/components/EntitySelect.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import { SectionCard } from '@client/components/SectionCard.tsx';
import { notifySuccess } from '@client/features/companies/company-ui.tsx';
import {
  INDICATOR_UNITS,
  type TIndicatorDefinitionView,
  type TIndicatorUnit,
  ZCustomIndicatorInput,
} from '@domain/indicator.schema.ts';
import { Button, Modal, NativeSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndicatorDefinitions } from './IndicatorValueModal.tsx';
import { INDICATOR_DEFINITIONS_PATH, INDICATORS_PATH } from './indicator-ui.ts';

/** Jobbro's fixed indicators and the partnerships' own; housing staff and social workers add their own. */
export function IndicatorDefinitionsSection({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  const definitions = useIndicatorDefinitions(null);
  const partnerships = useEntityOptions('/api/partnerships');
  const [adding, setAdding] = useState(false);
  const k = (key: string) => t(`indicators.definitions.${key}`);
  const partnershipName = (id: string | null) =>
    id === null ? k('builtIn') : (partnerships.data?.find((p) => p.value === id)?.label ?? '');

  return (
    <SectionCard
      title={k('title')}
      actions={canCreate ? <Button onClick={() => setAdding(true)}>{k('add')}</Button> : null}
    >
      <Text size="sm" mb="sm">
        {k('lead')}
      </Text>
      <ErrorAlert error={definitions.error} />
      {definitions.data ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640} type="native">
            <Table striped verticalSpacing="xs" fz="sm">
              <caption className="visually-hidden">{k('caption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{k('name')}</Table.Th>
                  <Table.Th scope="col">{k('key')}</Table.Th>
                  <Table.Th scope="col">{k('unit')}</Table.Th>
                  <Table.Th scope="col">{k('owner')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {definitions.data.map((d) => (
                  <Table.Tr key={`${d.partnershipId ?? 'built-in'}-${d.key}`}>
                    <Table.Td>{d.nameDa}</Table.Td>
                    <Table.Td>
                      <code>{d.key}</code>
                    </Table.Td>
                    <Table.Td>{t(`indicators.unit.${d.unit}`)}</Table.Td>
                    <Table.Td>{d.builtIn ? k('builtIn') : partnershipName(d.partnershipId)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      <DefinitionModal opened={adding} onClose={() => setAdding(false)} />
    </SectionCard>
  );
}

interface TDefinitionForm {
  partnershipId: string;
  key: string;
  nameDa: string;
  unit: TIndicatorUnit | '';
}
const EMPTY: TDefinitionForm = { partnershipId: '', key: '', nameDa: '', unit: 'percent' };

function DefinitionModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [values, setValues] = useState<TDefinitionForm>(EMPTY);
  const form = useSchemaSubmit(ZCustomIndicatorInput, async (data) => {
    await api.post<TIndicatorDefinitionView>(INDICATOR_DEFINITIONS_PATH, data);
    await qc.invalidateQueries({ queryKey: [INDICATORS_PATH] });
    notifySuccess(t, t('indicators.definitions.added', { name: data.nameDa }));
    onClose();
  });
  const { setErrors, setError } = form;
  useEffect(() => {
    if (opened) {
      setValues(EMPTY);
      setErrors({});
      setError(null);
    }
  }, [opened, setErrors, setError]);
  const set = (name: keyof TDefinitionForm, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const k = (key: string) => t(`indicators.definitions.${key}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit({ ...values, unit: values.unit || undefined });
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={k('add')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={form.error} />
          <EntitySelect
            path="/api/partnerships"
            label={k('partnership')}
            value={values.partnershipId}
            onChange={(v) => set('partnershipId', v)}
            error={form.errors.partnershipId}
            required
          />
          <TextInput
            label={k('name')}
            value={values.nameDa}
            onChange={(e) => set('nameDa', e.currentTarget.value)}
            error={form.errors.nameDa}
            withAsterisk
          />
          <TextInput
            label={k('key')}
            description={k('keyHint')}
            value={values.key}
            onChange={(e) => set('key', e.currentTarget.value)}
            error={form.errors.key}
            withAsterisk
            autoComplete="off"
          />
          <NativeSelect
            label={k('unit')}
            value={values.unit}
            onChange={(e) => set('unit', e.currentTarget.value)}
            error={form.errors.unit}
            withAsterisk
            data={INDICATOR_UNITS.map((u) => ({ value: u, label: t(`indicators.unit.${u}`) }))}
          />
          <FormActions onCancel={onClose} busy={form.busy} />
        </Stack>
      </form>
    </Modal>
  );
}
