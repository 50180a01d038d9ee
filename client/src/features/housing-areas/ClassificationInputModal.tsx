import { request } from '@client/api/client.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { serverFieldErrors, type TFieldErrors } from '@client/components/form-errors.ts';
import { notifySuccess } from '@client/features/companies/company-ui.tsx';
import { formatNumber } from '@client/lib/format.ts';
import type { TAreaClassificationView } from '@domain/indicator.schema.ts';
import type { TClassificationRules } from '@domain/rules/area-classification.ts';
import { Fieldset, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  classificationPath,
  classificationToForm,
  measuresOf,
  type TClassificationForm,
  validateClassificationForm,
} from './classification-ui.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  areaId: string;
  /** The area's registered residents, offered when no inputs are stored yet. */
  areaResidents: number;
  rules: TClassificationRules;
  view: TAreaClassificationView;
}

/** The inputs of one year: the criteria's values (empty = not known), residents, years on the list. */
export function ClassificationInputModal({ opened, onClose, areaId, areaResidents, rules, view }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [values, setValues] = useState<TClassificationForm>(() =>
    classificationToForm(view, rules, areaResidents),
  );
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (opened) {
      setValues(classificationToForm(view, rules, areaResidents));
      setErrors({});
      setError(null);
    }
  }, [opened]);

  const set = (name: 'residents' | 'yearsOnList' | 'source' | 'note', value: string) =>
    setValues((v) => ({ ...v, [name]: value }));
  const setValue = (measure: string, value: string) =>
    setValues((v) => ({ ...v, values: { ...v.values, [measure]: value } }));
  const k = (key: string, vars: Record<string, unknown> = {}) =>
    t(`areaPage.classification.modal.${key}`, vars);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const result = validateClassificationForm(values, rules);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = await request<TAreaClassificationView>('PUT', classificationPath(areaId), {
        body: result.data,
      });
      qc.setQueryData([classificationPath(areaId), rules.year], saved);
      notifySuccess(t, t('areaPage.classification.saved'));
      onClose();
    } catch (err) {
      setErrors(serverFieldErrors(err));
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={k('title', { year: rules.year })}
      size="xl"
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Text size="sm">{k('lead')}</Text>
          <ErrorAlert error={error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={k('residents')}
              description={k('residentsHint', { minimum: formatNumber(rules.minimumResidents.threshold) })}
              value={values.residents}
              onChange={(e) => set('residents', e.currentTarget.value)}
              error={errors.residents}
              withAsterisk
              inputMode="numeric"
              autoComplete="off"
            />
            <TextInput
              label={k('yearsOnList')}
              description={k('yearsOnListHint')}
              value={values.yearsOnList}
              onChange={(e) => set('yearsOnList', e.currentTarget.value)}
              error={errors.yearsOnList}
              withAsterisk
              inputMode="numeric"
              autoComplete="off"
            />
          </SimpleGrid>
          <Fieldset legend={k('criteria')}>
            <Stack gap="sm">
              {measuresOf(rules).map((c) => (
                <TextInput
                  key={c.measure}
                  label={t('areaPage.classification.criterionN', { id: c.id, measure: c.measureDa })}
                  description={k(`unitHint.${c.unit}`)}
                  value={values.values[c.measure] ?? ''}
                  onChange={(e) => setValue(c.measure, e.currentTarget.value)}
                  error={errors[`values.${c.measure}`]}
                  inputMode="decimal"
                  autoComplete="off"
                />
              ))}
            </Stack>
          </Fieldset>
          <TextInput
            label={k('source')}
            value={values.source}
            onChange={(e) => set('source', e.currentTarget.value)}
            error={errors.source}
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
