import { api } from '@client/api/client.ts';
import { ApiError } from '@client/api/errors.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { ForbiddenNotice } from '@client/app/layouts.tsx';
import { DateField } from '@client/components/DateField.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { FormSection } from '@client/components/FormSection.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import { OccupationSelect } from '@client/components/OccupationSelect.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import type { TMe } from '@domain/auth.schema.ts';
import { CONSENT_METHODS, CONSENT_SCOPES, type TConsentScope } from '@domain/consent.schema.ts';
import { CONSENT_TEXTS, CURRENT_CONSENT_TEXT_VERSION } from '@domain/consent-texts.ts';
import { DRIVER_LICENCES } from '@domain/opening.schema.ts';
import {
  BENEFIT_GROUPS,
  EDUCATION_LEVELS,
  GENDERS,
  JOBCENTER_CATEGORIES,
  RESIDENT_STATUSES,
  SUPPORT_NEEDS,
  type TResident,
  type TSupportNeed,
} from '@domain/resident.schema.ts';
import {
  Accordion,
  ActionIcon,
  Alert,
  Checkbox,
  Fieldset,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ExperienceEditor } from './ExperienceEditor.tsx';
import { ResidentNotFound } from './ResidentPage.tsx';
import { ResponsiblePickers } from './ResponsibleStaff.tsx';
import {
  consentFieldError,
  emptyResidentValues,
  isEducationLevel,
  isResidentStatus,
  move,
  OUTSIDE_AREAS,
  registeringRoles,
  residentFormSchema,
  type TRegisteringRole,
  type TResidentFormField,
  type TResidentFormValues,
  valuesFromResident,
} from './resident-form.ts';
import {
  canRegisterResidents,
  notifySuccess,
  OccupationName,
  occupationTitle,
  RESIDENTS_PATH,
  today,
  useHousingAreas,
  useOccupation,
} from './resident-ui.tsx';

const MAX_OCCUPATIONS = 5;

/** Register a resident (with the consents given), or edit one (`/residents/:id/edit`). */
export function ResidentFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const me = useCurrentMe();
  const editing = id !== undefined;
  const resident = useQuery({
    queryKey: [RESIDENTS_PATH, id],
    enabled: editing,
    retry: false,
    queryFn: ({ signal }) => api.get<TResident>(`${RESIDENTS_PATH}/${id}`, undefined, signal),
  });
  const title = editing ? t('residents.form.editTitle') : t('residents.form.createTitle');
  if (!editing && !canRegisterResidents(me)) return <ForbiddenNotice />;
  if (editing && resident.isPending) return <Loader aria-label={t('common.loading')} />;
  if (editing && resident.error instanceof ApiError && resident.error.status === 404)
    return <ResidentNotFound />;
  if (editing && resident.isError) {
    return (
      <>
        <PageHeader title={title} />
        <ErrorAlert error={resident.error} />
      </>
    );
  }
  if (resident.data && !resident.data.canEdit) return <ForbiddenNotice />;
  const day = today();
  const initial = resident.data ? valuesFromResident(resident.data, day) : emptyResidentValues(day);
  return (
    <>
      <PageHeader
        title={title}
        lead={
          resident.data
            ? [resident.data.firstName, resident.data.lastName].filter(Boolean).join(' ')
            : t('residents.form.createLead')
        }
      />
      <ResidentForm
        key={id ?? 'new'}
        initial={initial}
        residentId={id ?? null}
        municipalityId={resident.data?.municipalityId ?? null}
        registeringAs={editing ? [] : registeringChoices(me.memberships)}
      />
    </>
  );
}

type TTextField = 'firstName' | 'lastName' | 'phone' | 'email' | 'postalCode' | 'hoursPerWeek';

/** The sides a user may register a person for, with the scope's name ("Jobcenter Viborg"). */
function registeringChoices(memberships: TMe['memberships']) {
  return registeringRoles(memberships).map((role) => ({
    role,
    scopes: memberships
      .filter((m) => m.role === role)
      .map((m) => m.scopeName)
      .filter((n): n is string => n !== null),
  }));
}

function ResidentForm({
  initial,
  residentId,
  municipalityId,
  registeringAs,
}: {
  initial: TResidentFormValues;
  residentId: string | null;
  /** The person's municipality when editing (the responsible staff are offered from it). */
  municipalityId: string | null;
  /** Registration only: the user's professional roles; more than one asks "Registreret af". */
  registeringAs: { role: TRegisteringRole; scopes: string[] }[];
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const areas = useHousingAreas();
  const editing = residentId !== null;
  const [values, setValues] = useState<TResidentFormValues>(initial);
  // Picking an occupation adds it to the ranked list; the picker is then emptied for the next.
  const [pickerKey, setPickerKey] = useState(0);
  // A link to a section (the CV tab's "#experiences") lands there once the form is shown.
  useEffect(() => {
    const id = window.location.hash.slice(1);
    if (id) document.getElementById(id)?.scrollIntoView();
  }, []);

  const askRegisteredAs = registeringAs.length > 1;
  const { errors, setErrors, error, busy, submit } = useSchemaSubmit(
    residentFormSchema(today(), { requireRegisteredAs: askRegisteredAs }),
    async (data) => {
      if (residentId) {
        const { consents: _consents, registeredAs: _registeredAs, ...patch } = data;
        const saved = await api.patch<TResident>(`${RESIDENTS_PATH}/${residentId}`, patch);
        qc.setQueryData([RESIDENTS_PATH, residentId], saved);
        await qc.invalidateQueries({ queryKey: [RESIDENTS_PATH, 'list'] });
        notifySuccess(t, t('residents.form.saved'));
        void navigate(`/residents/${residentId}`);
        return;
      }
      const created = await api.post<TResident>(RESIDENTS_PATH, data);
      qc.setQueryData([RESIDENTS_PATH, created.id], created);
      await qc.invalidateQueries({ queryKey: [RESIDENTS_PATH, 'list'] });
      notifySuccess(t, t('residents.form.created'));
      void navigate(`/residents/${created.id}`);
    },
  );

  const update = (next: (v: TResidentFormValues) => TResidentFormValues, fields: string[]) => {
    setValues(next);
    setErrors((e) => {
      const rest = { ...e };
      for (const key of Object.keys(rest)) {
        if (fields.some((f) => key === f || key.startsWith(`${f}.`))) delete rest[key];
      }
      return rest;
    });
  };
  const set = <K extends TResidentFormField>(name: K, value: TResidentFormValues[K]) =>
    update((v) => ({ ...v, [name]: value }), [name]);
  /** The first error of a field or of one of its items (skills.2 → skills). */
  const fieldError = (name: string): string | undefined => {
    if (errors[name]) return errors[name];
    const key = Object.keys(errors).find((k) => k.startsWith(`${name}.`));
    return key ? errors[key] : undefined;
  };
  const errorCount = Object.keys(errors).length;

  const text = (
    name: TTextField,
    opts: {
      required?: boolean;
      type?: 'text' | 'email' | 'tel';
      inputMode?: 'numeric' | 'decimal';
      description?: string;
      autoComplete?: string;
    } = {},
  ) => (
    <TextInput
      label={t(`residents.field.${name}`)}
      withAsterisk={opts.required}
      description={opts.description}
      type={opts.type ?? 'text'}
      inputMode={opts.inputMode}
      autoComplete={opts.autoComplete ?? 'off'}
      value={values[name]}
      error={fieldError(name)}
      onChange={(e) => set(name, e.currentTarget.value)}
    />
  );

  const onSubmit = async () => {
    await submit(values);
    // Take the user to the first field to fix (WCAG 3.3.1).
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );
  };

  const toggleSupport = (need: TSupportNeed, on: boolean) =>
    update(
      (v) => ({
        ...v,
        supportNeeds: on ? [...v.supportNeeds, need] : v.supportNeeds.filter((n) => n !== need),
      }),
      ['supportNeeds'],
    );

  const occupationCount = values.occupationIds.length;
  // Where the person lives decides whose staff may be responsible: the chosen area's municipality,
  // else the one stored (editing), else every municipality the user works in.
  const chosenArea = areas.data?.items.find((a) => a.id === values.housingAreaId);
  const personMunicipality = chosenArea ? chosenArea.municipalityId : municipalityId;

  return (
    <form
      ref={formRef}
      noValidate
      aria-label={editing ? t('residents.form.editTitle') : t('residents.form.createTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      <Stack gap="lg" maw={860}>
        <ErrorAlert error={error} />
        {errorCount > 0 && !error ? (
          <Alert color="red" variant="light" role="alert" title={t('residents.form.fixTitle')}>
            {t('residents.form.fixErrors', { count: errorCount })}
          </Alert>
        ) : null}

        <FormSection legend={t('residents.form.sectionPerson')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('firstName', { required: true })}
            {text('lastName', { required: true })}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t('residents.field.birthDate')}
              withAsterisk
              description={t('residents.form.birthDateHint')}
              value={values.birthDate}
              max={today()}
              error={fieldError('birthDate')}
              onChange={(v) => set('birthDate', v)}
            />
            {text('postalCode', { required: true, inputMode: 'numeric' })}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('phone', { type: 'tel' })}
            {text('email', { type: 'email' })}
          </SimpleGrid>
          <NativeSelect
            label={t('residents.field.housingAreaId')}
            withAsterisk
            description={t('residents.form.areaHint')}
            value={values.housingAreaId}
            error={fieldError('housingAreaId')}
            disabled={areas.isPending}
            onChange={(e) => set('housingAreaId', e.currentTarget.value)}
            data={[
              { value: '', label: t('common.choose') },
              ...(areas.data?.items ?? []).map((a) => ({ value: a.id, label: a.name })),
              { value: OUTSIDE_AREAS, label: t('residents.outsideAreas') },
            ]}
          />
          {askRegisteredAs ? (
            <NativeSelect
              label={t('residents.form.registeredAs')}
              withAsterisk
              description={t('residents.form.registeredAsHint')}
              value={values.registeredAs}
              error={fieldError('registeredAs')}
              onChange={(e) => {
                const role = registeringAs.find((r) => r.role === e.currentTarget.value)?.role ?? '';
                set('registeredAs', role);
              }}
              data={[
                { value: '', label: t('common.choose') },
                ...registeringAs.map((r) => ({
                  value: r.role,
                  label: [t(`residents.form.registeredAsRole.${r.role}`), ...r.scopes].join(' – '),
                })),
              ]}
            />
          ) : null}
        </FormSection>

        <FormSection legend={t('residents.form.sectionJob')}>
          <NativeSelect
            label={t('residents.field.status')}
            value={values.status}
            error={fieldError('status')}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isResidentStatus(v)) set('status', v);
            }}
            data={RESIDENT_STATUSES.map((s) => ({ value: s, label: t(`residents.status.${s}`) }))}
          />
          <Stack gap={6}>
            <Text fw={500} size="sm" id="occupations-heading">
              {t('residents.field.occupationIds')}
            </Text>
            {occupationCount === 0 ? (
              <Text size="sm" c="dimmed">
                {t('residents.form.occupationsNone')}
              </Text>
            ) : (
              <Paper withBorder radius="md" p="xs">
                <ol aria-labelledby="occupations-heading" style={{ margin: 0, paddingLeft: '1.5rem' }}>
                  {values.occupationIds.map((occ, i) => (
                    <li key={occ}>
                      <OccupationRow
                        id={occ}
                        first={i === 0}
                        last={i === occupationCount - 1}
                        onMove={(by) => set('occupationIds', move(values.occupationIds, i, by))}
                        onRemove={() =>
                          set(
                            'occupationIds',
                            values.occupationIds.filter((x) => x !== occ),
                          )
                        }
                      />
                    </li>
                  ))}
                </ol>
              </Paper>
            )}
            {occupationCount < MAX_OCCUPATIONS ? (
              <OccupationSelect
                key={pickerKey}
                label={t('residents.form.occupationAdd')}
                description={t('residents.form.occupationHint')}
                value={null}
                error={fieldError('occupationIds')}
                onChange={(occId) => {
                  if (occId && !values.occupationIds.includes(occId)) {
                    set('occupationIds', [...values.occupationIds, occId]);
                  }
                  setPickerKey((k) => k + 1);
                }}
              />
            ) : (
              <Text size="sm">{t('residents.form.occupationHint')}</Text>
            )}
          </Stack>
          <TagsInput
            label={t('residents.field.skills')}
            description={t('residents.form.skillsHint')}
            value={values.skills}
            error={fieldError('skills')}
            onChange={(v) => set('skills', v)}
            maxTags={30}
            clearable
            clearButtonProps={{ 'aria-label': t('common.remove') }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('residents.field.educationLevel')}
              value={values.educationLevel}
              error={fieldError('educationLevel')}
              onChange={(e) => {
                const v = e.currentTarget.value;
                if (isEducationLevel(v)) set('educationLevel', v);
              }}
              data={EDUCATION_LEVELS.map((l) => ({ value: l, label: t(`residents.education.${l}`) }))}
            />
            <NativeSelect
              label={t('residents.field.danishLevel')}
              value={values.danishLevel}
              error={fieldError('danishLevel')}
              onChange={(e) => set('danishLevel', e.currentTarget.value)}
              data={[
                { value: '', label: t('residents.notStated') },
                ...(['1', '2', '3', '4', '5'] as const).map((n) => ({
                  value: n,
                  label: t(`residents.danishLevel.${n}`),
                })),
              ]}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('residents.field.driverLicences')}
            value={values.driverLicences}
            error={fieldError('driverLicences')}
            onChange={(v) => set('driverLicences', v)}
          >
            <Group gap="md" mt={6}>
              {DRIVER_LICENCES.map((l) => (
                <Checkbox key={l} value={l} label={t(`openings.licence.${l}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('hoursPerWeek', { inputMode: 'decimal', description: t('residents.form.hoursHint') })}
            <Checkbox.Group
              label={t('residents.field.availability')}
              value={[
                ...(values.availableDay ? ['day'] : []),
                ...(values.availableEvening ? ['evening'] : []),
                ...(values.availableWeekend ? ['weekend'] : []),
              ]}
              onChange={(checked) =>
                update(
                  (v) => ({
                    ...v,
                    availableDay: checked.includes('day'),
                    availableEvening: checked.includes('evening'),
                    availableWeekend: checked.includes('weekend'),
                  }),
                  ['availableDay', 'availableEvening', 'availableWeekend'],
                )
              }
            >
              <Group gap="md" mt={6}>
                <Checkbox value="day" label={t('residents.availableDay')} />
                <Checkbox value="evening" label={t('residents.availableEvening')} />
                <Checkbox value="weekend" label={t('residents.availableWeekend')} />
              </Group>
            </Checkbox.Group>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t('residents.field.availableFrom')}
              description={t('residents.form.availableFromHint')}
              value={values.availableFrom}
              error={fieldError('availableFrom')}
              onChange={(v) => set('availableFrom', v)}
            />
          </SimpleGrid>
        </FormSection>

        <div id="experiences" style={{ scrollMarginTop: 80 }}>
          <FormSection legend={t('residents.form.sectionExperience')}>
            <ExperienceEditor
              entries={values.experiences}
              errors={errors}
              onChange={(next, stale) => {
                setValues((v) => ({ ...v, experiences: next }));
                setErrors((e) =>
                  Object.fromEntries(
                    Object.entries(e).filter(([k]) =>
                      stale === 'all'
                        ? k !== 'experiences' && !k.startsWith('experiences.')
                        : !stale.includes(k),
                    ),
                  ),
                );
              }}
            />
          </FormSection>
        </div>

        <FormSection legend={t('residents.form.sectionCase')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('residents.field.benefitGroup')}
              value={values.benefitGroup}
              error={fieldError('benefitGroup')}
              onChange={(e) => set('benefitGroup', e.currentTarget.value)}
              data={[
                { value: '', label: t('residents.notStated') },
                ...BENEFIT_GROUPS.map((g) => ({ value: g, label: t(`residents.benefitGroup.${g}`) })),
              ]}
            />
            <NativeSelect
              label={t('residents.field.jobcenterCategory')}
              value={values.jobcenterCategory}
              error={fieldError('jobcenterCategory')}
              onChange={(e) => set('jobcenterCategory', e.currentTarget.value)}
              data={[
                { value: '', label: t('residents.notStated') },
                ...JOBCENTER_CATEGORIES.map((c) => ({ value: c, label: t(`residents.category.${c}`) })),
              ]}
            />
          </SimpleGrid>
          <Fieldset
            variant="unstyled"
            legend={
              <Text fw={500} size="sm">
                {t('residents.field.supportNeeds')}
              </Text>
            }
          >
            <Stack gap={8}>
              <Text size="sm" c="dimmed">
                {t('residents.form.supportHint')}
              </Text>
              <Checkbox
                label={t('residents.field.healthNeedConsent')}
                checked={values.healthNeedConsent}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  update(
                    (v) => ({
                      ...v,
                      healthNeedConsent: on,
                      // Without the consent, a health need cannot stay recorded.
                      supportNeeds: on ? v.supportNeeds : v.supportNeeds.filter((n) => n !== 'health'),
                    }),
                    ['healthNeedConsent', 'supportNeeds'],
                  );
                }}
              />
              {SUPPORT_NEEDS.map((need) => (
                <Checkbox
                  key={need}
                  label={t(`residents.supportNeed.${need}`)}
                  description={
                    need === 'health' && !values.healthNeedConsent
                      ? t('residents.form.healthDisabled')
                      : undefined
                  }
                  disabled={need === 'health' && !values.healthNeedConsent}
                  checked={values.supportNeeds.includes(need)}
                  onChange={(e) => toggleSupport(need, e.currentTarget.checked)}
                />
              ))}
              {fieldError('supportNeeds') ? (
                <Text c="red.8" size="sm" role="alert">
                  {fieldError('supportNeeds')}
                </Text>
              ) : null}
            </Stack>
          </Fieldset>
          <NativeSelect
            label={t('residents.field.gender')}
            description={t('residents.form.genderHint')}
            value={values.gender}
            error={fieldError('gender')}
            onChange={(e) => set('gender', e.currentTarget.value)}
            data={[
              { value: '', label: t('residents.notStated') },
              ...GENDERS.map((g) => ({ value: g, label: t(`residents.gender.${g}`) })),
            ]}
          />
        </FormSection>

        <FormSection legend={t('residents.form.sectionResponsible')}>
          <ResponsiblePickers
            municipalityId={personMunicipality}
            values={values}
            errors={errors}
            onChange={(field, value) => set(field, value)}
          />
        </FormSection>

        {editing ? null : (
          <FormSection legend={t('residents.form.sectionConsent')}>
            <Text size="sm">{t('residents.form.consentLead')}</Text>
            {CONSENT_SCOPES.map((scope) => (
              <ConsentChoice
                key={scope}
                scope={scope}
                checked={values.consentScopes.includes(scope)}
                onChange={(on) =>
                  update(
                    (v) => ({
                      ...v,
                      consentScopes: CONSENT_SCOPES.filter((s) =>
                        s === scope ? on : v.consentScopes.includes(s),
                      ),
                    }),
                    ['consents'],
                  )
                }
              />
            ))}
            {values.consentScopes.length > 0 ? (
              <>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <DateField
                    label={t('residents.form.givenOn')}
                    withAsterisk
                    value={values.consentGivenOn}
                    max={today()}
                    error={consentFieldError(errors, 'givenOn')}
                    onChange={(v) => update((x) => ({ ...x, consentGivenOn: v }), ['consents'])}
                  />
                  <NativeSelect
                    label={t('residents.form.method')}
                    withAsterisk
                    value={values.consentMethod}
                    error={consentFieldError(errors, 'method')}
                    onChange={(e) => {
                      const method = e.currentTarget.value;
                      update((x) => ({ ...x, consentMethod: method }), ['consents']);
                    }}
                    data={CONSENT_METHODS.map((m) => ({ value: m, label: t(`residents.method.${m}`) }))}
                  />
                </SimpleGrid>
                {values.consentMethod === 'verbal_witnessed' ? (
                  <TextInput
                    label={t('residents.form.witnessName')}
                    withAsterisk
                    value={values.consentWitnessName}
                    error={consentFieldError(errors, 'witnessName')}
                    onChange={(e) => {
                      const witness = e.currentTarget.value;
                      update((x) => ({ ...x, consentWitnessName: witness }), ['consents']);
                    }}
                  />
                ) : null}
                <DateField
                  label={t('residents.form.expiresOn')}
                  description={t('residents.form.expiresHint')}
                  value={values.consentExpiresOn}
                  error={consentFieldError(errors, 'expiresOn')}
                  onChange={(v) => update((x) => ({ ...x, consentExpiresOn: v }), ['consents'])}
                />
              </>
            ) : null}
          </FormSection>
        )}

        <FormActions
          onCancel={() => navigate(residentId ? `/residents/${residentId}` : '/residents')}
          busy={busy}
          submitLabel={editing ? t('residents.form.saveChanges') : t('residents.form.createSubmit')}
        />
      </Stack>
    </form>
  );
}

function OccupationRow({
  id,
  first,
  last,
  onMove,
  onRemove,
}: {
  id: string;
  first: boolean;
  last: boolean;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap" py={2}>
      <Text size="sm">
        <OccupationName id={id} />
      </Text>
      <Group gap={4} wrap="nowrap">
        <OccupationAction label="moveUp" id={id} disabled={first} onClick={() => onMove(-1)} glyph="↑" />
        <OccupationAction label="moveDown" id={id} disabled={last} onClick={() => onMove(1)} glyph="↓" />
        <OccupationAction label="removeNamed" id={id} onClick={onRemove} glyph="✕" />
      </Group>
    </Group>
  );
}

function OccupationAction({
  label,
  id,
  disabled,
  onClick,
  glyph,
}: {
  label: 'moveUp' | 'moveDown' | 'removeNamed';
  id: string;
  disabled?: boolean;
  onClick: () => void;
  glyph: string;
}) {
  const { t } = useTranslation();
  const occupation = useOccupation(id);
  return (
    <ActionIcon
      variant="default"
      size="md"
      disabled={disabled}
      onClick={onClick}
      aria-label={t(`residents.form.${label}`, { name: occupationTitle(occupation.data, id) })}
    >
      <span aria-hidden="true">{glyph}</span>
    </ActionIcon>
  );
}

/** One scope: the checkbox, and the text the person is shown, in an expandable panel. */
function ConsentChoice({
  scope,
  checked,
  onChange,
}: {
  scope: TConsentScope;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const text = CONSENT_TEXTS[CURRENT_CONSENT_TEXT_VERSION]?.[scope];
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="xs">
        <Checkbox
          label={t(`residents.scope.${scope}`)}
          checked={checked}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        {text ? (
          <Accordion variant="contained" chevronPosition="left">
            <Accordion.Item value={scope}>
              <Accordion.Control>
                {t('residents.form.consentText')}: {text.title}
              </Accordion.Control>
              <Accordion.Panel>
                <Text size="sm">{text.body}</Text>
                <Text size="xs" c="dimmed" mt={4}>
                  {t('residents.consent.textTitle', { version: CURRENT_CONSENT_TEXT_VERSION })}
                </Text>
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        ) : null}
      </Stack>
    </Paper>
  );
}
