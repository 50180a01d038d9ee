import { api } from '@client/api/client.ts';
import { ApiError } from '@client/api/errors.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { CompanySelect, type TCompanyChoice } from '@client/components/CompanySelect.tsx';
import { DateField } from '@client/components/DateField.tsx';
import { EntitySelect } from '@client/components/EntitySelect.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { parseForm, type TFieldErrors } from '@client/components/form-errors.ts';
import { formatNumber } from '@client/lib/format.ts';
import {
  type TAssignmentCreated,
  type TAssignmentDetail,
  ZAssignmentInput,
} from '@domain/assignment.schema.ts';
import type { TPage } from '@domain/common.schema.ts';
import type { THousingArea } from '@domain/housing-area.schema.ts';
import { Checkbox, Modal, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { parseDanishAmount } from './amount.ts';
import {
  ASSIGNMENTS_PATH,
  JOB_DIALOGUES_PATH,
  notifySaved,
  SOCIAL_CLAUSES_PATH,
  today,
  useKindOptions,
} from './assignment-ui.tsx';

interface TValues {
  company: TCompanyChoice | null;
  housingOrganisationId: string;
  housingAreaIds: string[];
  kind: string;
  title: string;
  description: string;
  value: string;
  startDate: string;
  endDate: string;
  contractReference: string;
}

function toValues(a: TAssignmentDetail | null, company: TCompanyChoice | null, orgId: string): TValues {
  return {
    company: a ? { id: a.companyId, name: a.companyName } : company,
    housingOrganisationId: a?.housingOrganisationId ?? orgId,
    housingAreaIds: a?.areas.map((x) => x.id) ?? [],
    kind: a?.kind ?? '',
    title: a?.title ?? '',
    description: a?.description ?? '',
    value: a?.valueDkk === null || a?.valueDkk === undefined ? '' : formatNumber(a.valueDkk),
    startDate: a?.startDate ?? today(),
    endDate: a?.endDate ?? '',
    contractReference: a?.contractReference ?? '',
  };
}

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The assignment being edited, or null to register one. */
  editing: TAssignmentDetail | null;
  /** Registering from a company's page: that company, chosen already. */
  company?: TCompanyChoice | null;
}

/**
 * Register or edit an assignment. Registering one creates its job dialogue (due today, the
 * user's own), and the user goes straight on to it: buying work is the moment to ask for jobs.
 */
export function AssignmentFormModal({ opened, onClose, editing, company = null }: Props) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const kindOptions = useKindOptions();
  // A housing staff member works for one organisation (usually): it is the assignment's buyer.
  const ownOrgs = me.memberships
    .filter((m) => m.role === 'housing_staff' && m.scopeId)
    .map((m) => ({ value: m.scopeId as string, label: m.scopeName ?? '' }));
  const presetOrg = ownOrgs.length === 1 ? (ownOrgs[0]?.value ?? '') : '';
  const [values, setValues] = useState<TValues>(() => toValues(editing, company, presetOrg));
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (opened) {
      setValues(toValues(editing, company, presetOrg));
      setErrors({});
      setError(null);
    }
  }, [opened, editing]);

  const orgId = values.housingOrganisationId;
  const areas = useQuery({
    queryKey: ['/api/housing-areas', 'of-organisation', orgId],
    enabled: opened && orgId !== '',
    staleTime: 60_000,
    queryFn: ({ signal }) =>
      api.get<TPage<THousingArea>>(
        '/api/housing-areas',
        { housingOrganisationId: orgId, sort: 'name', dir: 'asc', page: 1, pageSize: 200 },
        signal,
      ),
  });

  const set = <K extends keyof TValues>(name: K, value: TValues[K]) =>
    setValues((v) => ({ ...v, [name]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const body = {
      companyId: values.company?.id,
      housingOrganisationId: values.housingOrganisationId || null,
      housingAreaIds: values.housingAreaIds,
      kind: values.kind || undefined,
      title: values.title,
      description: values.description,
      valueDkk: parseDanishAmount(values.value),
      startDate: values.startDate,
      endDate: values.endDate,
      contractReference: values.contractReference,
    };
    const parsed = parseForm(ZAssignmentInput, body);
    // Choices not made get a message about choosing, not the schema's "Ugyldigt id.".
    const missing: TFieldErrors = {};
    if (!values.company) missing.companyId = t('assignments.chooseCompany');
    if (!values.housingOrganisationId) missing.housingOrganisationId = t('assignments.chooseOrganisation');
    if (!values.kind) missing.kind = t('assignments.chooseKind');
    if (!parsed.ok || Object.keys(missing).length > 0) {
      setErrors({ ...(parsed.ok ? {} : parsed.errors), ...missing });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      if (editing) {
        await api.patch<TAssignmentDetail>(`${ASSIGNMENTS_PATH}/${editing.id}`, parsed.data);
        await Promise.all([
          qc.invalidateQueries({ queryKey: [ASSIGNMENTS_PATH] }),
          qc.invalidateQueries({ queryKey: [SOCIAL_CLAUSES_PATH] }),
        ]);
        notifySaved(t, t('assignments.saved'));
        onClose();
      } else {
        const created = await api.post<TAssignmentCreated>(ASSIGNMENTS_PATH, parsed.data);
        await Promise.all([
          qc.invalidateQueries({ queryKey: [ASSIGNMENTS_PATH] }),
          qc.invalidateQueries({ queryKey: [JOB_DIALOGUES_PATH] }),
        ]);
        onClose();
        await navigate(`/job-dialogues/${created.jobDialogueId}`, { state: { assignmentCreated: true } });
      }
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) setErrors(err.fields);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const text = (name: 'title' | 'contractReference', required = false) => (
    <TextInput
      label={t(`assignments.field.${name}`)}
      withAsterisk={required}
      value={values[name]}
      error={errors[name]}
      onChange={(e) => set(name, e.currentTarget.value)}
    />
  );
  const date = (name: 'startDate' | 'endDate') => (
    <DateField
      label={t(`assignments.field.${name}`)}
      withAsterisk
      value={values[name]}
      error={errors[name]}
      onChange={(v) => set(name, v)}
    />
  );

  let organisationField = null;
  if (editing) {
    organisationField = (
      <Text size="sm">
        {t('assignments.field.housingOrganisation')}: <strong>{editing.housingOrganisationName}</strong>
      </Text>
    );
  } else if (ownOrgs.length > 1) {
    organisationField = (
      <NativeSelect
        label={t('assignments.field.housingOrganisation')}
        withAsterisk
        value={orgId}
        error={errors.housingOrganisationId}
        onChange={(e) =>
          setValues((v) => ({ ...v, housingOrganisationId: e.currentTarget.value, housingAreaIds: [] }))
        }
        data={[{ value: '', label: t('common.choose') }, ...ownOrgs]}
      />
    );
  } else if (ownOrgs.length === 0) {
    // The secretariat registers on behalf of an organisation.
    organisationField = (
      <EntitySelect
        path="/api/housing-organisations"
        label={t('assignments.field.housingOrganisation')}
        required
        value={orgId}
        error={errors.housingOrganisationId}
        onChange={(v) => setValues((old) => ({ ...old, housingOrganisationId: v, housingAreaIds: [] }))}
      />
    );
  }

  const areaItems = areas.data?.items ?? [];
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={t(editing ? 'assignments.edit' : 'assignments.create')}
      size="lg"
      fullScreen={typeof window !== 'undefined' && window.innerWidth < 576}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          {editing ? null : <Text size="sm">{t('assignments.createLead')}</Text>}
          <ErrorAlert error={error} />
          <CompanySelect
            label={t('assignments.field.company')}
            required
            // The company is fixed once registered: a new supplier is a new assignment.
            disabled={editing !== null}
            value={values.company}
            error={errors.companyId}
            onChange={(c) => set('company', c)}
          />
          {organisationField}
          {orgId ? (
            <Checkbox.Group
              label={t('assignments.field.areas')}
              description={t('assignments.hint.areas')}
              value={values.housingAreaIds}
              onChange={(ids) => set('housingAreaIds', ids)}
              error={errors.housingAreaIds}
            >
              {areas.isPending ? (
                <Text size="sm" mt="xs">
                  {t('common.loading')}
                </Text>
              ) : areaItems.length === 0 ? (
                <Text size="sm" mt="xs">
                  {t('assignments.noAreas')}
                </Text>
              ) : (
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                  {areaItems.map((a) => (
                    <Checkbox key={a.id} value={a.id} label={a.name} />
                  ))}
                </SimpleGrid>
              )}
            </Checkbox.Group>
          ) : null}
          <NativeSelect
            label={t('assignments.field.kind')}
            withAsterisk
            value={values.kind}
            error={errors.kind}
            onChange={(e) => set('kind', e.currentTarget.value)}
            data={[{ value: '', label: t('common.choose') }, ...kindOptions]}
          />
          {text('title', true)}
          <Textarea
            label={t('assignments.field.description')}
            autosize
            minRows={2}
            value={values.description}
            error={errors.description}
            onChange={(e) => set('description', e.currentTarget.value)}
          />
          <TextInput
            label={t('assignments.field.valueDkk')}
            description={t('assignments.hint.valueDkk')}
            inputMode="numeric"
            value={values.value}
            error={errors.valueDkk}
            onChange={(e) => set('value', e.currentTarget.value)}
            onBlur={() => {
              const n = parseDanishAmount(values.value);
              if (typeof n === 'number' && Number.isInteger(n) && n >= 0) set('value', formatNumber(n));
            }}
            rightSection={<span aria-hidden="true">kr.</span>}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {date('startDate')}
            {date('endDate')}
          </SimpleGrid>
          {text('contractReference')}
          <FormActions
            onCancel={onClose}
            busy={busy}
            submitLabel={editing ? undefined : t('assignments.createSubmit')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
