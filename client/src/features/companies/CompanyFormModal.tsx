import { api } from '@client/api/client.ts';
import { ApiError } from '@client/api/errors.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { parseForm, type TFieldErrors } from '@client/components/form-errors.ts';
import { type TCompanyDetail, ZCompanyCreate, ZCompanyUpdate } from '@domain/company.schema.ts';
import { Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPANIES_PATH, notifySuccess, useSizeOptions, useStatusOptions } from './company-ui.tsx';

const FIELDS = ['cvr', 'name', 'address', 'postalCode', 'city', 'industry', 'db07Code', 'website'] as const;
type TValues = Record<(typeof FIELDS)[number] | 'sizeBand' | 'status', string>;

function toValues(c: TCompanyDetail | null): TValues {
  return {
    cvr: c?.cvr ?? '',
    name: c?.name ?? '',
    address: c?.address ?? '',
    postalCode: c?.postalCode ?? '',
    city: c?.city ?? '',
    industry: c?.industry ?? '',
    db07Code: c?.db07Code ?? '',
    website: c?.website ?? '',
    sizeBand: c?.sizeBand ?? '',
    status: c?.status ?? 'prospect',
  };
}

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The company being edited, or null to create one. */
  editing: TCompanyDetail | null;
  onSaved?: (company: TCompanyDetail) => void;
}

/** Create or edit a company; the domain schema shows its Danish messages before the server is asked. */
export function CompanyFormModal({ opened, onClose, editing, onSaved }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const sizeOptions = useSizeOptions();
  const statusOptions = useStatusOptions();
  const [values, setValues] = useState<TValues>(() => toValues(editing));
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (opened) {
      setValues(toValues(editing));
      setErrors({});
      setError(null);
    }
  }, [opened, editing]);

  const set = (name: keyof TValues, value: string) => setValues((v) => ({ ...v, [name]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const { status, ...facts } = values;
    const parsed = editing
      ? parseForm(ZCompanyUpdate, facts)
      : parseForm(ZCompanyCreate, { ...facts, status });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = editing
        ? await api.patch<TCompanyDetail>(`${COMPANIES_PATH}/${editing.id}`, parsed.data)
        : await api.post<TCompanyDetail>(COMPANIES_PATH, parsed.data);
      await qc.invalidateQueries({ queryKey: [COMPANIES_PATH] });
      notifySuccess(t, t('companies.saved'));
      onClose();
      onSaved?.(saved);
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) setErrors(err.fields);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const text = (name: (typeof FIELDS)[number], required = false, hint = false) => (
    <TextInput
      key={name}
      label={t(`companies.field.${name}`)}
      description={hint ? t(`companies.hint.${name}`) : undefined}
      withAsterisk={required}
      value={values[name]}
      error={errors[name]}
      onChange={(e) => set(name, e.currentTarget.value)}
      type={name === 'website' ? 'url' : 'text'}
      inputMode={name === 'cvr' || name === 'postalCode' || name === 'db07Code' ? 'numeric' : undefined}
      data-autofocus={name === 'cvr' || undefined}
    />
  );

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={t(editing ? 'companies.edit' : 'companies.create')}
      size="lg"
      fullScreen={typeof window !== 'undefined' && window.innerWidth < 576}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          {text('cvr', true, true)}
          {text('name', true)}
          {text('address')}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('postalCode')}
            {text('city')}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('industry')}
            {text('db07Code', false, true)}
          </SimpleGrid>
          <NativeSelect
            label={t('companies.field.sizeBand')}
            value={values.sizeBand}
            error={errors.sizeBand}
            onChange={(e) => set('sizeBand', e.currentTarget.value)}
            data={[{ value: '', label: t('common.none') }, ...sizeOptions]}
          />
          {text('website', false, true)}
          {editing ? null : (
            <NativeSelect
              label={t('companies.field.status')}
              value={values.status}
              error={errors.status}
              onChange={(e) => set('status', e.currentTarget.value)}
              data={statusOptions}
            />
          )}
          <FormActions onCancel={onClose} busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
