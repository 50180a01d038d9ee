import { api, request } from '@client/api/client.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { serverFieldErrors, type TFieldErrors } from '@client/components/form-errors.ts';
import { notifySuccess } from '@client/features/companies/company-ui.tsx';
import type { TIndicatorDefinitionView, TIndicatorValue } from '@domain/indicator.schema.ts';
import { INDICATOR_UNIT_LABELS_DA } from '@domain/indicator.schema.ts';
import { Modal, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EMPTY_VALUE_FORM,
  INDICATOR_DEFINITIONS_PATH,
  INDICATORS_PATH,
  type TValueForm,
  validateValueForm,
  valueToForm,
} from './indicator-ui.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  area: { id: string; name: string };
  /** The area's partnership: its own indicators are offered beside the fixed ones. */
  partnershipId: string | null;
  /** The value being edited (its indicator and year are then fixed), or null to add one. */
  editing: TIndicatorValue | null;
}

/** The fixed indicators and the partnership's own, for the dialog's select. */
export function useIndicatorDefinitions(partnershipId: string | null, enabled = true) {
  const query = partnershipId ? { partnershipId } : undefined;
  return useQuery({
    queryKey: [INDICATORS_PATH, 'definitions', partnershipId],
    enabled,
    staleTime: 60_000,
    queryFn: ({ signal }) => api.get<TIndicatorDefinitionView[]>(INDICATOR_DEFINITIONS_PATH, query, signal),
  });
}

/** Adds or edits one value of an area: indicator, year, value, municipal average, source, note. */
export function IndicatorValueModal({ opened, onClose, area, partnershipId, editing }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const definitions = useIndicatorDefinitions(partnershipId, opened);
  const [values, setValues] = useState<TValueForm>(EMPTY_VALUE_FORM);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // Reset whenever the dialog opens (or opens on another value).
  useEffect(() => {
    if (opened) {
      setValues(editing ? valueToForm(editing) : EMPTY_VALUE_FORM);
      setErrors({});
      setError(null);
    }
  }, [opened, editing]);

  const definition = (definitions.data ?? []).find((d) => d.key === values.indicator) ?? null;
  const unit = definition?.unit ?? editing?.unit ?? null;
  const set = (name: keyof TValueForm, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const k = (key: string) => t(`areaPage.indicators.modal.${key}`);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const result = validateValueForm(values, area.id, unit, t('form.required'));
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await request<TIndicatorValue>('PUT', INDICATORS_PATH, { body: result.data });
      await qc.invalidateQueries({ queryKey: [INDICATORS_PATH] });
      notifySuccess(t, t('areaPage.indicators.saved'));
      onClose();
    } catch (err) {
      setErrors(serverFieldErrors(err));
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const options = (definitions.data ?? []).map((d) => ({
    value: d.key,
    label: `${d.nameDa} (${INDICATOR_UNIT_LABELS_DA[d.unit]})`,
  }));
  // An edited value of an indicator no longer offered still shows its own name.
  if (editing && !options.some((o) => o.value === editing.indicator)) {
    options.push({ value: editing.indicator, label: editing.indicatorNameDa });
  }
  const valueHint = unit ? t(`areaPage.indicators.modal.valueHint.${unit}`) : undefined;

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={t(editing ? 'areaPage.indicators.modal.editTitle' : 'areaPage.indicators.modal.createTitle', {
        area: area.name,
      })}
      size="lg"
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          <NativeSelect
            label={k('indicator')}
            value={values.indicator}
            onChange={(e) => set('indicator', e.currentTarget.value)}
            error={errors.indicator}
            withAsterisk
            disabled={editing !== null || definitions.isLoading}
            data={[{ value: '', label: t('common.choose') }, ...options]}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={k('year')}
              value={values.year}
              onChange={(e) => set('year', e.currentTarget.value)}
              error={errors.year}
              withAsterisk
              disabled={editing !== null}
              inputMode="numeric"
              autoComplete="off"
            />
            <TextInput
              label={k('value')}
              description={valueHint}
              value={values.value}
              onChange={(e) => set('value', e.currentTarget.value)}
              error={errors.value}
              withAsterisk
              inputMode="decimal"
              autoComplete="off"
            />
            <TextInput
              label={k('municipalAverage')}
              description={k('municipalAverageHint')}
              value={values.municipalAverage}
              onChange={(e) => set('municipalAverage', e.currentTarget.value)}
              error={errors.municipalAverage}
              inputMode="decimal"
              autoComplete="off"
            />
          </SimpleGrid>
          <TextInput
            label={k('source')}
            description={k('sourceHint')}
            value={values.source}
            onChange={(e) => set('source', e.currentTarget.value)}
            error={errors.source}
            withAsterisk
          />
          <Textarea
            label={k('note')}
            value={values.note}
            onChange={(e) => set('note', e.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={2}
          />
          <FormActions onCancel={onClose} busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
