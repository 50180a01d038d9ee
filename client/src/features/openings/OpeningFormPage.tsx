import { api } from '@client/api/client.ts';
import { meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { ForbiddenNotice } from '@client/app/layouts.tsx';
import { DateField } from '@client/components/DateField.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { FormSection } from '@client/components/FormSection.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import { OccupationSelect } from '@client/components/OccupationSelect.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import type { TAssignmentDetail, TAssignmentListItem } from '@domain/assignment.schema.ts';
import type { TPage } from '@domain/common.schema.ts';
import type { TCompany } from '@domain/company.schema.ts';
import type { THousingArea } from '@domain/housing-area.schema.ts';
import type { TOpeningDraft } from '@domain/job-dialogue.schema.ts';
import type { TOpeningDetail } from '@domain/opening.schema.ts';
import { DRIVER_LICENCES, isFinalStatus } from '@domain/opening.schema.ts';
import { OPENING_TYPE_INFO } from '@domain/opening-types.ts';
import type { TPartnership } from '@domain/partnership.schema.ts';
import { CLAUSE_KIND_LABEL_DA } from '@domain/social-clause.schema.ts';
import {
  Alert,
  Anchor,
  Checkbox,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  applyStartDate,
  applyType,
  emptyOpeningValues,
  isOpeningType,
  type TOpeningFormField,
  type TOpeningFormValues,
  valuesFromDraft,
  valuesFromOpening,
  youthCheck,
  ZOpeningForm,
} from './opening-form.ts';
import { notifySuccess, OPENINGS_PATH, type TCreatedState, useTypeOptions } from './opening-ui.tsx';
import { YouthRulesNotice } from './YouthRulesNotice.tsx';

const page = { page: 1, pageSize: 200 };

/**
 * Create an opening (optionally from a job dialogue's "opening now", an assignment or a company)
 * or edit one. A company contact's company is fixed: it has exactly one.
 */
export function OpeningFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const me = useCurrentMe();
  const editing = id !== undefined;
  const fromDialogue = editing ? null : params.get('fromDialogue');
  const fromAssignment = editing || fromDialogue ? null : params.get('assignmentId');
  const ownCompanyId = me.memberships.every((m) => m.role === 'company_contact')
    ? (me.memberships.find((m) => m.scopeId)?.scopeId ?? null)
    : null;

  const opening = useQuery({
    queryKey: [OPENINGS_PATH, id],
    enabled: editing,
    queryFn: ({ signal }) => api.get<TOpeningDetail>(`${OPENINGS_PATH}/${id}`, undefined, signal),
  });
  const draft = useQuery({
    queryKey: ['/api/job-dialogues', fromDialogue, 'opening-draft'],
    enabled: fromDialogue !== null,
    queryFn: ({ signal }) =>
      api.get<TOpeningDraft>(`/api/job-dialogues/${fromDialogue}/opening-draft`, undefined, signal),
  });
  const assignment = useQuery({
    queryKey: ['/api/assignments', fromAssignment],
    enabled: fromAssignment !== null,
    queryFn: ({ signal }) =>
      api.get<TAssignmentDetail>(`/api/assignments/${fromAssignment}`, undefined, signal),
  });

  const allowed = editing
    ? meCan(me, 'update', { kind: 'opening' })
    : meCan(me, 'create', { kind: 'opening' });
  const title = editing ? t('openings.form.editTitle') : t('openings.form.createTitle');
  if (!allowed) return <ForbiddenNotice />;
  const pending = [opening, draft, assignment].find((q) => q.fetchStatus !== 'idle' && q.isPending);
  if (pending) return <Loader aria-label={t('common.loading')} />;
  const failed = [opening, draft, assignment].find((q) => q.isError);
  if (failed) {
    return (
      <>
        <PageHeader title={title} />
        <ErrorAlert error={failed.error} />
      </>
    );
  }

  if (opening.data && isFinalStatus(opening.data.status)) {
    return (
      <>
        <PageHeader title={title} lead={opening.data.title} />
        <Alert color="orange" variant="light">
          {t('openings.form.closed')}{' '}
          <Anchor component={Link} to={`/openings/${opening.data.id}`}>
            {t('openings.form.backToOpening')}
          </Anchor>
        </Alert>
      </>
    );
  }

  let initial: TOpeningFormValues;
  if (opening.data) initial = valuesFromOpening(opening.data);
  else if (draft.data) initial = valuesFromDraft(draft.data);
  else if (assignment.data) {
    initial = {
      ...emptyOpeningValues(),
      companyId: assignment.data.companyId,
      partnershipId: assignment.data.partnershipId,
      housingAreaId: assignment.data.areas[0]?.id ?? '',
      assignmentId: assignment.data.id,
    };
  } else {
    initial = { ...emptyOpeningValues(), companyId: params.get('companyId') ?? '' };
    const type = params.get('type');
    if (isOpeningType(type)) initial = applyType(initial, type);
  }
  if (ownCompanyId && !editing) {
    // A company contact posts for its own company, usually with itself as the contact person.
    initial = {
      ...initial,
      companyId: ownCompanyId,
      contactName: initial.contactName || me.user.name,
      contactEmail: initial.contactEmail || me.user.email,
    };
  }

  return (
    <>
      <PageHeader title={title} lead={editing ? opening.data?.title : t('openings.form.createLead')} />
      <OpeningForm
        key={id ?? params.toString()}
        initial={initial}
        openingId={id ?? null}
        jobDialogueId={draft.data?.jobDialogueId ?? null}
        companyFixed={editing || ownCompanyId !== null || !!draft.data || !!assignment.data}
        fixedCompanyName={
          opening.data?.companyName ?? draft.data?.companyName ?? assignment.data?.companyName
        }
        assignmentFixed={!!draft.data || !!assignment.data}
      />
    </>
  );
}

/** The fields typed as text. */
type TTextField = {
  [K in TOpeningFormField]: TOpeningFormValues[K] extends string ? K : never;
}[TOpeningFormField];

/** The calendar dates (yyyy-mm-dd strings in the form). */
type TDateField = 'startDate' | 'endDate' | 'applicationDeadline';

/** Fields whose change re-runs the youth check: their old submit errors no longer hold. */
const YOUTH_INPUTS: readonly TOpeningFormField[] = [
  'type',
  'minAge',
  'hoursPerWeek',
  'scheduleDay',
  'scheduleEvening',
  'scheduleWeekend',
  'endTime',
  'startDate',
];

interface FormProps {
  initial: TOpeningFormValues;
  openingId: string | null;
  jobDialogueId: string | null;
  /** Company (and so partnership and area) not to be changed here. */
  companyFixed: boolean;
  fixedCompanyName?: string;
  /** The opening comes of a given assignment (shown read-only). */
  assignmentFixed: boolean;
}

function OpeningForm({
  initial,
  openingId,
  jobDialogueId,
  companyFixed,
  fixedCompanyName,
  assignmentFixed,
}: FormProps) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const typeOptions = useTypeOptions();
  const formRef = useRef<HTMLFormElement>(null);
  const editing = openingId !== null;
  const [values, setValues] = useState<TOpeningFormValues>(initial);

  const { errors, setErrors, error, busy, submit } = useSchemaSubmit(ZOpeningForm, async (data) => {
    if (openingId) {
      // Company, partnership and area stay as created (the server keeps them).
      const { companyId: _c, partnershipId: _p, housingAreaId: _a, ...patch } = data;
      await api.patch(`${OPENINGS_PATH}/${openingId}`, patch);
      await qc.invalidateQueries({ queryKey: [OPENINGS_PATH] });
      notifySuccess(t, t('openings.form.saved'));
      void navigate(`/openings/${openingId}`);
      return;
    }
    const created = await api.post<TOpeningDetail>(
      OPENINGS_PATH,
      jobDialogueId ? { ...data, jobDialogueId } : data,
    );
    qc.setQueryData([OPENINGS_PATH, created.id], created);
    await Promise.all([
      qc.invalidateQueries({ queryKey: [OPENINGS_PATH, 'list'] }),
      qc.invalidateQueries({ queryKey: ['/api/job-dialogues'] }),
      qc.invalidateQueries({ queryKey: ['/api/assignments'] }),
    ]);
    void navigate(`/openings/${created.id}`, { state: { created: true } satisfies TCreatedState });
  });

  /** Change values and drop the submit errors of the fields changed (the live check takes over). */
  const update = (next: (v: TOpeningFormValues) => TOpeningFormValues, fields: TOpeningFormField[]) => {
    setValues(next);
    const youth = fields.some((f) => YOUTH_INPUTS.includes(f));
    setErrors((e) => {
      const rest = { ...e };
      for (const f of fields) delete rest[f];
      if (youth) {
        delete rest.hoursPerWeek;
        delete rest.endTime;
      }
      return rest;
    });
  };
  const set = <K extends TOpeningFormField>(name: K, value: TOpeningFormValues[K]) =>
    update((v) => ({ ...v, [name]: value }), [name]);

  // Company, its partnerships and areas, and its assignments with their clauses.
  const companies = useQuery({
    queryKey: ['/api/companies', 'options-with-partnerships'],
    staleTime: 60_000,
    queryFn: ({ signal }) =>
      api.get<TPage<TCompany>>('/api/companies', { ...page, sort: 'name', dir: 'asc' }, signal),
  });
  const company = companies.data?.items.find((c) => c.id === values.companyId) ?? null;
  const partnershipId =
    values.partnershipId || (company?.partnerships.length === 1 ? company.partnerships[0]?.id : '') || '';
  const canListAreas =
    meCan(me, 'list', { kind: 'housing_area' }) && meCan(me, 'list', { kind: 'partnership' });
  const partnerships = useQuery({
    queryKey: ['/api/partnerships', 'options-with-municipality'],
    enabled: canListAreas,
    staleTime: 5 * 60_000,
    queryFn: ({ signal }) => api.get<TPage<TPartnership>>('/api/partnerships', page, signal),
  });
  const municipalityId = partnerships.data?.items.find((p) => p.id === partnershipId)?.municipalityId ?? null;
  const areas = useQuery({
    queryKey: ['/api/housing-areas', 'in-municipality', municipalityId],
    enabled: canListAreas && municipalityId !== null,
    staleTime: 60_000,
    queryFn: ({ signal }) =>
      api.get<TPage<THousingArea>>(
        '/api/housing-areas',
        { ...page, sort: 'name', dir: 'asc', municipalityId },
        signal,
      ),
  });
  const canListAssignments = meCan(me, 'list', { kind: 'assignment' });
  const assignments = useQuery({
    queryKey: ['/api/assignments', 'for-company', values.companyId],
    enabled: canListAssignments && !assignmentFixed && values.companyId !== '',
    staleTime: 60_000,
    retry: false,
    queryFn: ({ signal }) =>
      api.get<TPage<TAssignmentListItem>>(
        '/api/assignments',
        { ...page, sort: 'startDate', dir: 'desc', companyId: values.companyId },
        signal,
      ),
  });
  const assignment = useQuery({
    queryKey: ['/api/assignments', values.assignmentId],
    enabled: canListAssignments && values.assignmentId !== '',
    retry: false,
    queryFn: ({ signal }) =>
      api.get<TAssignmentDetail>(`/api/assignments/${values.assignmentId}`, undefined, signal),
  });

  const youth = youthCheck(values);
  const typeInfo = values.type ? OPENING_TYPE_INFO[values.type] : null;
  const fieldError = (name: TOpeningFormField): string | undefined => {
    if (errors[name]) return errors[name];
    if (name === 'hoursPerWeek' && youth?.hours.length) return youth.hours.join(' ');
    if (name === 'endTime' && youth?.time.length) return youth.time.join(' ');
    return undefined;
  };
  const errorCount = Object.keys(errors).length;

  const text = (
    name: TTextField,
    opts: {
      required?: boolean;
      type?: 'text' | 'time' | 'email' | 'tel';
      inputMode?: 'numeric' | 'decimal';
      description?: string;
      onChange?: (value: string) => void;
    } = {},
  ) => (
    <TextInput
      label={t(`openings.field.${name}`)}
      withAsterisk={opts.required}
      description={opts.description}
      type={opts.type ?? 'text'}
      inputMode={opts.inputMode}
      value={values[name]}
      error={fieldError(name)}
      onChange={(e) => {
        const value = e.currentTarget.value;
        if (opts.onChange) opts.onChange(value);
        else update((v) => ({ ...v, [name]: value }), [name]);
      }}
    />
  );

  const date = (
    name: TDateField,
    opts: { required?: boolean; description?: string; onChange?: (value: string) => void } = {},
  ) => (
    <DateField
      label={t(`openings.field.${name}`)}
      withAsterisk={opts.required}
      description={opts.description}
      value={values[name]}
      error={fieldError(name)}
      onChange={(value) => {
        if (opts.onChange) opts.onChange(value);
        else update((v) => ({ ...v, [name]: value }), [name]);
      }}
    />
  );

  const onSubmit = async () => {
    await submit(values);
    // Take the user to the first field to fix (WCAG 3.3.1).
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );
  };

  const ageDefault = typeInfo
    ? typeInfo.maxAge === null
      ? t('openings.form.ageDefaultOpen', { min: typeInfo.minAge })
      : t('openings.form.ageDefault', { min: typeInfo.minAge, max: typeInfo.maxAge })
    : undefined;

  const clauses = assignment.data?.clauses ?? [];
  const assignmentOptions = assignments.data?.items ?? [];

  return (
    <form
      ref={formRef}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
      noValidate
      aria-label={editing ? t('openings.form.editTitle') : t('openings.form.createTitle')}
    >
      <Stack gap="lg" maw={860}>
        <ErrorAlert error={error} />
        {errorCount > 0 && !error ? (
          <Alert color="red" variant="light" role="alert" title={t('openings.form.fixTitle')}>
            {t('openings.form.fixErrors', { count: errorCount })}
          </Alert>
        ) : null}

        <FormSection legend={t('openings.form.sectionCompany')}>
          {companyFixed ? (
            <Text>
              <Text component="span" fw={700}>
                {t('openings.company')}:
              </Text>{' '}
              {company?.name ?? fixedCompanyName ?? ''}
            </Text>
          ) : (
            <NativeSelect
              label={t('openings.company')}
              withAsterisk
              value={values.companyId}
              error={fieldError('companyId')}
              disabled={companies.isPending}
              onChange={(e) => {
                const companyId = e.currentTarget.value;
                update(
                  (v) => ({
                    ...v,
                    companyId,
                    partnershipId: '',
                    housingAreaId: '',
                    assignmentId: '',
                    socialClauseId: '',
                  }),
                  ['companyId', 'partnershipId', 'housingAreaId', 'assignmentId', 'socialClauseId'],
                );
              }}
              data={[
                { value: '', label: t('common.choose') },
                ...(companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
              ]}
            />
          )}
          {company && company.partnerships.length > 1 ? (
            <NativeSelect
              label={t('openings.partnership')}
              description={editing ? t('openings.form.fixedAfterCreate') : t('openings.form.partnershipHint')}
              value={values.partnershipId}
              error={fieldError('partnershipId')}
              disabled={editing}
              onChange={(e) => {
                const partnershipId = e.currentTarget.value;
                update(
                  (v) => ({ ...v, partnershipId, housingAreaId: '' }),
                  ['partnershipId', 'housingAreaId'],
                );
              }}
              data={[
                { value: '', label: t('openings.form.ownPartnership') },
                ...company.partnerships.map((p) => ({ value: p.id, label: p.name })),
              ]}
            />
          ) : null}
          {assignmentFixed || (editing && values.assignmentId) ? (
            <Text>
              <Text component="span" fw={700}>
                {t('openings.form.fromAssignment')}:
              </Text>{' '}
              <Anchor component={Link} to={`/assignments/${values.assignmentId}`}>
                {assignment.data?.title ?? t('openings.form.assignmentLink')}
              </Anchor>
            </Text>
          ) : assignmentOptions.length > 0 ? (
            <NativeSelect
              label={t('openings.form.assignment')}
              description={t('openings.form.assignmentHint')}
              value={values.assignmentId}
              error={fieldError('assignmentId')}
              onChange={(e) => {
                const assignmentId = e.currentTarget.value;
                update(
                  (v) => ({ ...v, assignmentId, socialClauseId: '' }),
                  ['assignmentId', 'socialClauseId'],
                );
              }}
              data={[
                { value: '', label: t('common.none') },
                ...assignmentOptions.map((a) => ({ value: a.id, label: a.title })),
              ]}
            />
          ) : null}
          {values.assignmentId && clauses.length > 0 ? (
            <NativeSelect
              label={t('openings.form.socialClause')}
              description={t('openings.form.socialClauseHint')}
              value={values.socialClauseId}
              error={fieldError('socialClauseId')}
              onChange={(e) => set('socialClauseId', e.currentTarget.value)}
              data={[
                { value: '', label: t('common.none') },
                ...clauses.map((c) => ({
                  value: c.id,
                  label: `${CLAUSE_KIND_LABEL_DA[c.kind]} (${c.targetQuantity})`,
                })),
              ]}
            />
          ) : null}
        </FormSection>

        <FormSection legend={t('openings.form.sectionJob')}>
          <NativeSelect
            label={t('openings.type')}
            withAsterisk
            value={values.type}
            error={fieldError('type')}
            description={
              typeInfo
                ? (typeInfo.hoursPerWeek.min === typeInfo.hoursPerWeek.max
                    ? t('openings.form.typeHintOne', { hours: typeInfo.hoursPerWeek.max })
                    : t('openings.form.typeHint', {
                        min: typeInfo.hoursPerWeek.min,
                        max: typeInfo.hoursPerWeek.max,
                      })) +
                  (typeInfo.durationWeeks
                    ? ` ${t('openings.form.typeWeeks', { weeks: typeInfo.durationWeeks })}`
                    : '')
                : t('openings.form.typeChoose')
            }
            onChange={(e) => {
              const type = e.currentTarget.value;
              if (isOpeningType(type)) {
                update((v) => applyType(v, type), ['type', 'hoursPerWeek', 'minAge', 'maxAge', 'endDate']);
              }
            }}
            data={[{ value: '', label: t('common.choose'), disabled: values.type !== '' }, ...typeOptions]}
          />
          {text('title', { required: true })}
          <OccupationSelect
            label={t('openings.occupation')}
            required
            value={values.occupationId}
            error={fieldError('occupationId')}
            onChange={(occupationId, occupation) => {
              // A title is often just the occupation: offer it when none is written yet.
              update(
                (v) => ({
                  ...v,
                  occupationId,
                  title: v.title.trim() === '' && occupation ? occupation.titleDa : v.title,
                }),
                ['occupationId', 'title'],
              );
            }}
          />
          <Textarea
            label={t('openings.field.description')}
            description={t('openings.form.descriptionHint')}
            autosize
            minRows={3}
            value={values.description}
            error={fieldError('description')}
            onChange={(e) => set('description', e.currentTarget.value)}
          />
        </FormSection>

        <FormSection legend={t('openings.form.sectionTime')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('hoursPerWeek', { required: true, inputMode: 'decimal' })}
            {text('positions', { required: true, inputMode: 'numeric' })}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('minHoursPerWeek', {
              inputMode: 'decimal',
              description: t('openings.form.minHoursHint'),
            })}
          </SimpleGrid>
          <Checkbox.Group
            label={t('openings.form.schedule')}
            withAsterisk
            error={fieldError('scheduleDay')}
            value={[
              ...(values.scheduleDay ? ['day'] : []),
              ...(values.scheduleEvening ? ['evening'] : []),
              ...(values.scheduleWeekend ? ['weekend'] : []),
            ]}
            onChange={(checked) =>
              update(
                (v) => ({
                  ...v,
                  scheduleDay: checked.includes('day'),
                  scheduleEvening: checked.includes('evening'),
                  scheduleWeekend: checked.includes('weekend'),
                }),
                ['scheduleDay', 'scheduleEvening', 'scheduleWeekend'],
              )
            }
          >
            <Stack gap={6} mt={6}>
              <Checkbox value="day" label={t('openings.form.scheduleDay')} />
              <Checkbox value="evening" label={t('openings.form.scheduleEvening')} />
              <Checkbox value="weekend" label={t('openings.form.scheduleWeekend')} />
            </Stack>
          </Checkbox.Group>
          {values.scheduleEvening
            ? text('endTime', { type: 'time', description: t('openings.form.endTimeHint') })
            : null}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {date('startDate', {
              required: true,
              onChange: (v) => update((x) => applyStartDate(x, v), ['startDate', 'endDate']),
            })}
            {date('endDate', {
              description: typeInfo?.durationWeeks
                ? t('openings.form.endDateAuto')
                : t('openings.form.endDateHint'),
            })}
            {date('applicationDeadline')}
          </SimpleGrid>
        </FormSection>

        {youth ? <YouthRulesNotice check={youth} startDate={values.startDate} /> : null}

        <FormSection legend={t('openings.form.sectionPlace')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('postalCode', { required: true, inputMode: 'numeric' })}
            {text('city', { required: true })}
          </SimpleGrid>
          {canListAreas ? (
            <NativeSelect
              label={t('openings.form.area')}
              description={
                editing
                  ? t('openings.form.fixedAfterCreate')
                  : municipalityId
                    ? t('openings.form.areaHint')
                    : t('openings.form.areaNeedsCompany')
              }
              value={values.housingAreaId}
              error={fieldError('housingAreaId')}
              disabled={editing || municipalityId === null || areas.isPending}
              onChange={(e) => set('housingAreaId', e.currentTarget.value)}
              data={[
                { value: '', label: t('common.none') },
                ...(areas.data?.items ?? []).map((a) => ({ value: a.id, label: a.name })),
              ]}
            />
          ) : null}
        </FormSection>

        <FormSection legend={t('openings.form.sectionRequirements')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('openings.field.driverLicence')}
              value={values.driverLicence}
              error={fieldError('driverLicence')}
              onChange={(e) => set('driverLicence', e.currentTarget.value)}
              data={[
                { value: '', label: t('openings.form.noRequirement') },
                ...DRIVER_LICENCES.map((l) => ({ value: l, label: t(`openings.licence.${l}`) })),
              ]}
            />
            <NativeSelect
              label={t('openings.field.minDanishLevel')}
              value={values.minDanishLevel}
              error={fieldError('minDanishLevel')}
              onChange={(e) => set('minDanishLevel', e.currentTarget.value)}
              data={[
                { value: '', label: t('openings.form.noRequirement') },
                ...(['1', '2', '3', '4', '5'] as const).map((n) => ({
                  value: n,
                  label: t(`openings.danishLevel.${n}`),
                })),
              ]}
            />
          </SimpleGrid>
          <TagsInput
            label={t('openings.field.skills')}
            description={t('openings.form.skillsHint')}
            value={values.skills}
            error={errors.skills ?? Object.entries(errors).find(([k]) => k.startsWith('skills.'))?.[1]}
            onChange={(v) => set('skills', v)}
            maxTags={20}
            clearable
            clearButtonProps={{ 'aria-label': t('common.remove') }}
          />
          {text('certificates', { description: t('openings.form.certificatesHint') })}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('minAge', { inputMode: 'numeric', description: ageDefault })}
            {text('maxAge', { inputMode: 'numeric', description: t('openings.form.maxAgeHint') })}
          </SimpleGrid>
        </FormSection>

        <FormSection legend={t('openings.form.sectionContact')}>
          {text('contactName')}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('contactEmail', { type: 'email' })}
            {text('contactPhone', { type: 'tel' })}
          </SimpleGrid>
        </FormSection>

        <FormActions
          onCancel={() => navigate(openingId ? `/openings/${openingId}` : '/openings')}
          busy={busy}
          submitLabel={editing ? t('openings.form.saveChanges') : t('openings.form.createSubmit')}
        />
      </Stack>
    </form>
  );
}
