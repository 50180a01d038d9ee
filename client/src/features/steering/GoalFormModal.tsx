import { api, request } from '@client/api/client.ts';
import { DateField } from '@client/components/DateField.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import { notifySaved } from '@client/features/assignments/assignment-ui.tsx';
import { useOpeningLabels } from '@client/features/openings/opening-ui.tsx';
import type { TIndicatorDefinitionView } from '@domain/indicator.schema.ts';
import { OPENING_TYPES } from '@domain/opening-types.ts';
import { KPI_CATALOGUE, KPI_KEYS, type TKpiKey } from '@domain/reports/kpi.ts';
import { type TGoal, type TSteeringGroupDetail, ZGoalInput, ZGoalUpdate } from '@domain/steering.schema.ts';
import { Modal, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GOALS_PATH,
  goalFormValues,
  goalPayload,
  INDICATOR_DEFINITIONS_PATH,
  kpiLabel,
  type TGoalFormValues,
} from './steering-ui.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  group: TSteeringGroupDetail;
  editing: TGoal | null;
  /** The period a new goal starts with (this calendar year). */
  defaultPeriod: { periodFrom: string; periodTo: string };
}

/**
 * Add or edit a goal: a KPI from the catalogue, what it needs besides (an opening type; an
 * indicator and an area), target, period and owner. The domain schema checks it here first, with
 * the same Danish messages the server gives.
 */
export function GoalFormModal({ opened, onClose, group, editing, defaultPeriod }: Props) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const openingLabels = useOpeningLabels();
  const [values, setValues] = useState<TGoalFormValues>(() => goalFormValues(editing, defaultPeriod));
  const kpi = (KPI_KEYS as readonly string[]).includes(values.kpi) ? (values.kpi as TKpiKey) : null;
  const needs = kpi ? KPI_CATALOGUE[kpi].needs : undefined;
  const definitions = useQuery({
    queryKey: [INDICATOR_DEFINITIONS_PATH, group.partnershipId],
    enabled: opened && needs === 'indicator_and_area',
    staleTime: 60_000,
    queryFn: ({ signal }) =>
      api.get<TIndicatorDefinitionView[]>(
        INDICATOR_DEFINITIONS_PATH,
        { partnershipId: group.partnershipId },
        signal,
      ),
  });
  const { errors, setErrors, error, setError, busy, submit } = useSchemaSubmit(
    editing ? ZGoalUpdate : ZGoalInput,
    async (data) => {
      if (editing) await request('PUT', `${GOALS_PATH}/${editing.id}`, { body: data });
      else await api.post(GOALS_PATH, data);
      await qc.invalidateQueries({ queryKey: [GOALS_PATH] });
      notifySaved(t, t('steeringPage.goals.saved'));
      onClose();
    },
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (opened) {
      setValues(goalFormValues(editing, defaultPeriod));
      setErrors({});
      setError(null);
    }
  }, [opened, editing]);

  const set = (name: keyof TGoalFormValues, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const body = goalPayload(values);
    await submit(editing ? body : { ...body, steeringGroupId: group.id });
  };

  const unitHint = kpi ? t(`steeringPage.goals.unitHint.${KPI_CATALOGUE[kpi].unit}`) : undefined;
  const choose = { value: '', label: t('common.choose') };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={t(editing ? 'steeringPage.goals.edit' : 'steeringPage.goals.create')}
      size="lg"
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          <TextInput
            label={t('steeringPage.goals.field.title')}
            withAsterisk
            value={values.title}
            error={errors.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            data-autofocus
          />
          <NativeSelect
            label={t('steeringPage.goals.field.kpi')}
            withAsterisk
            value={values.kpi}
            error={errors.kpi}
            onChange={(e) => set('kpi', e.currentTarget.value)}
            data={[choose, ...KPI_KEYS.map((k) => ({ value: k, label: kpiLabel(k, i18n.language) }))]}
          />
          {needs === 'opening_type' ? (
            <NativeSelect
              label={t('steeringPage.goals.field.openingType')}
              withAsterisk
              value={values.openingType}
              error={errors.openingType}
              onChange={(e) => set('openingType', e.currentTarget.value)}
              data={[
                choose,
                ...OPENING_TYPES.map((type) => ({ value: type, label: openingLabels.type(type) })),
              ]}
            />
          ) : null}
          {needs === 'indicator_and_area' ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('steeringPage.goals.field.indicator')}
                withAsterisk
                value={values.indicator}
                error={errors.indicator}
                disabled={definitions.isPending}
                onChange={(e) => set('indicator', e.currentTarget.value)}
                data={[choose, ...(definitions.data ?? []).map((d) => ({ value: d.key, label: d.nameDa }))]}
              />
              <NativeSelect
                label={t('steeringPage.goals.field.area')}
                withAsterisk
                value={values.housingAreaId}
                error={errors.housingAreaId}
                onChange={(e) => set('housingAreaId', e.currentTarget.value)}
                data={[choose, ...group.areas.map((a) => ({ value: a.id, label: a.name }))]}
              />
            </SimpleGrid>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('steeringPage.goals.field.target')}
              description={unitHint}
              withAsterisk
              inputMode="decimal"
              value={values.target}
              error={errors.target}
              onChange={(e) => set('target', e.currentTarget.value)}
            />
            <TextInput
              label={t('steeringPage.goals.field.baseline')}
              description={
                needs === 'indicator_and_area'
                  ? t('steeringPage.goals.hint.baselineArea')
                  : t('steeringPage.goals.hint.baseline')
              }
              inputMode="decimal"
              value={values.baseline}
              error={errors.baseline}
              onChange={(e) => set('baseline', e.currentTarget.value)}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t('steeringPage.goals.field.periodFrom')}
              withAsterisk
              value={values.periodFrom}
              error={errors.periodFrom}
              onChange={(v) => set('periodFrom', v)}
            />
            <DateField
              label={t('steeringPage.goals.field.periodTo')}
              withAsterisk
              value={values.periodTo}
              error={errors.periodTo}
              onChange={(v) => set('periodTo', v)}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('steeringPage.goals.field.ownerUser')}
              description={t('steeringPage.goals.hint.ownerUser')}
              value={values.ownerUserId}
              error={errors.ownerUserId}
              onChange={(e) => set('ownerUserId', e.currentTarget.value)}
              data={[
                { value: '', label: t('common.none') },
                ...group.members.map((m) => ({ value: m.userId, label: m.name })),
                ...(editing?.ownerUserId && !group.members.some((m) => m.userId === editing.ownerUserId)
                  ? [{ value: editing.ownerUserId, label: editing.ownerName ?? '' }]
                  : []),
              ]}
            />
            <TextInput
              label={t('steeringPage.goals.field.ownerName')}
              description={t('steeringPage.goals.hint.ownerName')}
              value={values.ownerName}
              error={errors.ownerName}
              onChange={(e) => set('ownerName', e.currentTarget.value)}
            />
          </SimpleGrid>
          <Textarea
            label={t('steeringPage.goals.field.note')}
            autosize
            minRows={2}
            value={values.note}
            error={errors.note}
            onChange={(e) => set('note', e.currentTarget.value)}
          />
          <FormActions onCancel={onClose} busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
