import { api } from '@client/api/client.ts';
import { ApiError } from '@client/api/errors.ts';
import { DateField } from '@client/components/DateField.tsx';
import { EntitySelect } from '@client/components/EntitySelect.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { parseForm, type TFieldErrors } from '@client/components/form-errors.ts';
import { Checkbox, Modal, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyForm, formToInput, type TFieldDef, type TFormValues } from './resources.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
  slug: string;
  path: string;
  fields: TFieldDef[];
  schema: Parameters<typeof parseForm>[0];
  /** The row being edited, or null to create. */
  editing: { id: string; values: TFormValues } | null;
}

/** Create or edit one reference-data row; the domain schema validates before the server does. */
export function ResourceFormModal({ opened, onClose, slug, path, fields, schema, editing }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [values, setValues] = useState<TFormValues>(() => editing?.values ?? emptyForm(fields));
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (opened) {
      setValues(editing?.values ?? emptyForm(fields));
      setErrors({});
      setError(null);
    }
  }, [opened, editing, fields]);

  const set = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const parsed = parseForm(schema, formToInput(fields, values));
    if (!parsed.ok) {
      const fieldErrors = { ...parsed.errors };
      // An empty required picker or date says "Skal udfyldes", not "Ugyldigt id".
      for (const f of fields) {
        const v = values[f.name];
        if (f.required && typeof v === 'string' && v.trim() === '' && fieldErrors[f.name]) {
          fieldErrors[f.name] = t('form.required');
        }
      }
      setErrors(fieldErrors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      if (editing) await api.patch(`${path}/${editing.id}`, parsed.data);
      else await api.post(path, parsed.data);
      await qc.invalidateQueries({ queryKey: [path] });
      notifications.show({ color: 'green', message: t(`ref.${slug}.saved`) });
      onClose();
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) setErrors(err.fields);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const label = (f: TFieldDef) => t(`field.${f.name.replace(/Id$/, '')}`);
  const common = (f: TFieldDef) => ({
    label: label(f),
    description: f.hintKey ? t(f.hintKey) : undefined,
    error: errors[f.name],
    withAsterisk: f.required,
  });

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={t(editing ? `ref.${slug}.edit` : `ref.${slug}.create`)}
      size="lg"
      fullScreen={typeof window !== 'undefined' && window.innerWidth < 576}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          {fields.map((f) => {
            const v = values[f.name];
            const s = typeof v === 'string' ? v : '';
            switch (f.kind) {
              case 'checkbox':
                return (
                  <Checkbox
                    key={f.name}
                    label={label(f)}
                    description={t(`hint.${f.name}`)}
                    checked={v === true}
                    onChange={(e) => set(f.name, e.currentTarget.checked)}
                    error={errors[f.name]}
                  />
                );
              case 'select':
                return (
                  <EntitySelect
                    key={f.name}
                    path={f.optionsFrom ?? ''}
                    label={label(f)}
                    value={s}
                    onChange={(x) => set(f.name, x)}
                    error={errors[f.name]}
                    required={f.required}
                    emptyLabel={f.required ? t('common.choose') : t('common.none')}
                  />
                );
              case 'textarea':
                return (
                  <Textarea
                    key={f.name}
                    {...common(f)}
                    autosize
                    minRows={3}
                    value={s}
                    onChange={(e) => set(f.name, e.currentTarget.value)}
                  />
                );
              case 'number':
                return (
                  <NumberInput
                    key={f.name}
                    {...common(f)}
                    value={s}
                    onChange={(x) => set(f.name, String(x))}
                    thousandSeparator="."
                    decimalSeparator=","
                    allowDecimal={false}
                    min={0}
                  />
                );
              case 'date':
                return <DateField key={f.name} {...common(f)} value={s} onChange={(x) => set(f.name, x)} />;
              default:
                return (
                  <TextInput
                    key={f.name}
                    {...common(f)}
                    type={f.kind === 'email' ? 'email' : f.kind === 'url' ? 'url' : 'text'}
                    value={s}
                    onChange={(e) => set(f.name, e.currentTarget.value)}
                    data-autofocus={f.name === 'name' || undefined}
                  />
                );
            }
          })}
          <FormActions onCancel={onClose} busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
