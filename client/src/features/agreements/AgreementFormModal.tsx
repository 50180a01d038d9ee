import { api } from '@client/api/client.ts';
import { isAdminMe } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { CompanySelect } from '@client/components/CompanySelect.tsx';
import { DateField } from '@client/components/DateField.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { serverFieldErrors, type TFieldErrors } from '@client/components/form-errors.ts';
import { notifySuccess } from '@client/features/companies/company-ui.tsx';
import type { TAgreement } from '@domain/agreement.schema.ts';
import {
  Button,
  Fieldset,
  Group,
  Modal,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  agreementToForm,
  emptyAgreementForm,
  newCommitmentRow,
  type TAgreementForm,
  type TCommitmentDraft,
  validateAgreementForm,
} from './agreement-form.ts';
import { AGREEMENTS_PATH, useHousingOrganisations, useKindOptions, usePerOptions } from './agreement-ui.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The agreement being edited, or null to create one. */
  editing: TAgreement | null;
  /** Creating from a company's page: that company, chosen already. */
  company?: { id: string; name: string } | null;
  onSaved?: (agreement: TAgreement) => void;
}

/** Create or edit a partnership agreement, validated with the shared schema before it is sent. */
export function AgreementFormModal({ opened, onClose, editing, company = null, onSaved }: Props) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const kindOptions = useKindOptions();
  const perOptions = usePerOptions();
  const organisations = useHousingOrganisations(opened);
  // Housing staff make agreements for their own organisation(s), chosen already.
  const ownOrgIds = useMemo(
    () =>
      me.memberships.filter((m) => m.role === 'housing_staff' && m.scopeId).map((m) => m.scopeId as string),
    [me],
  );
  const initial = () => (editing ? agreementToForm(editing) : emptyAgreementForm(ownOrgIds, company));
  const [values, setValues] = useState<TAgreementForm>(initial);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (opened) {
      setValues(initial());
      setErrors({});
      setError(null);
    }
  }, [opened, editing]);

  // Staff see the organisations of their own partnership(s); the secretariat sees all, by partnership.
  const organisationOptions = useMemo(() => {
    const all = organisations.data ?? [];
    const ownPartnerships = new Set(all.filter((o) => ownOrgIds.includes(o.id)).map((o) => o.partnershipId));
    const shown =
      isAdminMe(me) || ownPartnerships.size === 0
        ? all
        : all.filter(
            (o) => ownPartnerships.has(o.partnershipId) || values.housingOrganisationIds.includes(o.id),
          );
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const o of shown) {
      const items = groups.get(o.partnershipName) ?? [];
      items.push({ value: o.id, label: o.name });
      groups.set(o.partnershipName, items);
    }
    return [...groups].map(([group, items]) => ({ group, items }));
  }, [organisations.data, me, ownOrgIds, values.housingOrganisationIds]);

  const set = <K extends keyof TAgreementForm>(name: K, value: TAgreementForm[K]) =>
    setValues((v) => ({ ...v, [name]: value }));
  const setRow = (key: string, patch: Partial<TCommitmentDraft>) =>
    setValues((v) => ({
      ...v,
      commitments: v.commitments.map((c) => (c.key === key ? { ...c, ...patch } : c)),
    }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const result = validateAgreementForm(values, t('form.required'));
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = editing
        ? await api.patch<TAgreement>(`${AGREEMENTS_PATH}/${editing.id}`, result.data)
        : await api.post<TAgreement>(AGREEMENTS_PATH, result.data);
      await qc.invalidateQueries({ queryKey: [AGREEMENTS_PATH] });
      notifySuccess(t, t('agreements.saved'));
      onClose();
      onSaved?.(saved);
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
      title={t(editing ? 'agreements.edit' : 'agreements.create')}
      size="xl"
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          <CompanySelect
            label={t('agreements.field.company')}
            value={values.company}
            onChange={(c) => set('company', c)}
            error={errors.companyId}
            required
          />
          <MultiSelect
            label={t('agreements.field.housingOrganisations')}
            description={t('agreements.hint.housingOrganisations')}
            data={organisationOptions}
            value={values.housingOrganisationIds}
            onChange={(ids) => set('housingOrganisationIds', ids)}
            error={errors.housingOrganisationIds}
            withAsterisk
            searchable
            disabled={organisations.isLoading}
          />
          <TextInput
            label={t('agreements.field.title')}
            value={values.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errors.title}
            withAsterisk
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField
              label={t('agreements.field.periodStart')}
              value={values.periodStart}
              onChange={(v) => set('periodStart', v)}
              error={errors.periodStart}
              withAsterisk
            />
            <DateField
              label={t('agreements.field.periodEnd')}
              description={t('agreements.hint.periodEnd')}
              value={values.periodEnd}
              onChange={(v) => set('periodEnd', v)}
              error={errors.periodEnd}
            />
            <DateField
              label={t('agreements.field.signedOn')}
              description={t('agreements.hint.signedOn')}
              value={values.signedOn}
              onChange={(v) => set('signedOn', v)}
              error={errors.signedOn}
            />
          </SimpleGrid>

          <Stack gap="sm">
            <Text fw={600} component="h3" fz="md" m={0}>
              {t('agreements.field.commitments')}
            </Text>
            {errors.commitments ? (
              <Text c="red.8" size="sm" role="alert">
                {errors.commitments}
              </Text>
            ) : null}
            {values.commitments.map((c, i) => (
              <Fieldset key={c.key} legend={t('agreements.commitment.legend', { n: i + 1 })} p="sm">
                <Group align="flex-start" gap="sm" wrap="wrap">
                  <NativeSelect
                    label={t('agreements.commitment.kind')}
                    value={c.kind}
                    onChange={(e) =>
                      setRow(c.key, { kind: e.currentTarget.value as TCommitmentDraft['kind'] })
                    }
                    error={errors[`commitments.${i}.kind`]}
                    data={[{ value: '', label: t('common.choose') }, ...kindOptions]}
                    withAsterisk
                    style={{ flex: '1 1 11rem' }}
                  />
                  <TextInput
                    type="number"
                    min={1}
                    label={t('agreements.commitment.quantity')}
                    value={c.quantity}
                    onChange={(e) => setRow(c.key, { quantity: e.currentTarget.value })}
                    error={errors[`commitments.${i}.quantity`]}
                    withAsterisk
                    style={{ flex: '0 1 6rem' }}
                  />
                  <NativeSelect
                    label={t('agreements.commitment.per')}
                    value={c.per}
                    onChange={(e) => setRow(c.key, { per: e.currentTarget.value as TCommitmentDraft['per'] })}
                    error={errors[`commitments.${i}.per`]}
                    data={perOptions}
                    withAsterisk
                    style={{ flex: '1 1 10rem' }}
                  />
                  <TextInput
                    label={t('agreements.commitment.note')}
                    value={c.note}
                    onChange={(e) => setRow(c.key, { note: e.currentTarget.value })}
                    error={errors[`commitments.${i}.note`]}
                    style={{ flex: '2 1 12rem' }}
                  />
                  <Button
                    variant="outline"
                    color="red"
                    mt={25}
                    onClick={() =>
                      setValues((v) => ({ ...v, commitments: v.commitments.filter((x) => x.key !== c.key) }))
                    }
                  >
                    {t('agreements.commitment.remove', { n: i + 1 })}
                  </Button>
                </Group>
              </Fieldset>
            ))}
            <Group>
              <Button
                variant="outline"
                onClick={() =>
                  setValues((v) => ({ ...v, commitments: [...v.commitments, newCommitmentRow()] }))
                }
              >
                {t('agreements.commitment.add')}
              </Button>
            </Group>
          </Stack>

          <Textarea
            label={t('agreements.field.note')}
            autosize
            minRows={2}
            value={values.note}
            onChange={(e) => set('note', e.currentTarget.value)}
            error={errors.note}
          />
          <FormActions onCancel={onClose} busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
