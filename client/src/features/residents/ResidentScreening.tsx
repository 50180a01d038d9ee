import { api } from '@client/api/client.ts';
import { DateField } from '@client/components/DateField.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import { formatDate } from '@client/lib/format.ts';
import type { TResident } from '@domain/resident.schema.ts';
import {
  BARRIERS,
  EARLIER_WORK,
  HEALTH_LIMITS,
  screeningResult,
  type TBarrier,
  type TScreening,
  ZScreeningInput,
} from '@domain/screening.schema.ts';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess, RESIDENTS_PATH, today } from './resident-ui.tsx';

const LEVELS = ['1', '2', '3', '4', '5'] as const;

interface TDraft {
  screenedOn: string;
  motivation: string;
  barriers: TBarrier[];
  hoursPossible: string;
  earlierWork: string;
  danishLevel: string;
  healthLimits: string;
  nextScreeningOn: string;
  remark: string;
}

const emptyDraft = (): TDraft => ({
  screenedOn: today(),
  motivation: '',
  barriers: [],
  hoursPossible: '',
  earlierWork: '',
  danishLevel: '',
  healthLimits: '',
  nextScreeningOn: '',
  remark: '',
});

/** The draft as the API takes it: empty choices stay empty, so the schema names the field. */
function toInput(d: TDraft) {
  return {
    ...d,
    motivation: d.motivation === '' ? undefined : d.motivation,
    hoursPossible: d.hoursPossible.trim() === '' ? undefined : d.hoursPossible.replace(',', '.'),
    danishLevel: d.danishLevel === '' ? undefined : d.danishLevel,
    earlierWork: d.earlierWork || undefined,
    healthLimits: d.healthLimits || undefined,
    nextScreeningOn: d.nextScreeningOn || null,
  };
}

/** The target group the rule gives the draft, or null while a deciding answer is missing. */
function preview(d: TDraft) {
  const parsed = ZScreeningInput.pick({
    motivation: true,
    barriers: true,
    hoursPossible: true,
    danishLevel: true,
    healthLimits: true,
  }).safeParse(toInput(d));
  return parsed.success ? screeningResult(parsed.data) : null;
}

/** Stepping Stones: the latest result, a new screening with a live preview, and the history. */
export function ScreeningTab({ resident }: { resident: TResident }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const path = `${RESIDENTS_PATH}/${resident.id}/screenings`;
  const screenings = useQuery({
    queryKey: [RESIDENTS_PATH, resident.id, 'screenings'],
    queryFn: ({ signal }) => api.get<TScreening[]>(path, undefined, signal),
  });
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<TDraft>(emptyDraft);
  const { errors, setErrors, error, setError, busy, submit } = useSchemaSubmit(
    ZScreeningInput,
    async (data) => {
      await api.post(path, data);
      setOpen(false);
      setDraft(emptyDraft());
      await qc.invalidateQueries({ queryKey: [RESIDENTS_PATH, resident.id] });
      notifySuccess(t, t('residents.screening.saved'));
    },
  );
  const set = <K extends keyof TDraft>(key: K, value: TDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => {
      const { [key]: _, ...rest } = e;
      return rest;
    });
  };
  const items = screenings.data ?? [];
  const latest = items[0];
  const result = preview(draft);
  const choose = { value: '', label: t('residents.screening.choose') };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} size="h3">
            {t('residents.screening.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('residents.screening.lead')}
          </Text>
        </Stack>
        {resident.canEdit && !open ? (
          <Button onClick={() => setOpen(true)}>{t('residents.screening.new')}</Button>
        ) : null}
      </Group>

      <ErrorAlert error={screenings.error} />
      {screenings.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {screenings.data && !latest ? <Text>{t('residents.screening.none')}</Text> : null}
      {latest ? (
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="screening-latest">
          <Title order={3} size="h4" id="screening-latest" mb="xs">
            {t('residents.screening.latest')}
          </Title>
          <Text fw={700} size="lg">
            {t(`residents.screening.group.${latest.targetGroup}`)}
          </Text>
          <Text size="sm" mb="xs">
            {t('residents.screening.screenedOnBy', {
              date: formatDate(latest.screenedOn),
              name: latest.screenedByName ?? '',
            })}
          </Text>
          <Text fw={600} size="sm">
            {t('residents.screening.reasons')}
          </Text>
          <Text component="ul" size="sm" mt={0} mb="xs" pl="lg">
            {latest.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </Text>
          <Text fw={600}>{t('residents.screening.next', { date: formatDate(latest.nextScreeningOn) })}</Text>
        </Paper>
      ) : null}

      {open ? (
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="screening-form-title">
          <Title order={3} size="h4" id="screening-form-title" mb="sm">
            {t('residents.screening.formTitle')}
          </Title>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void submit(toInput(draft));
            }}
          >
            <Stack gap="sm" maw={720}>
              <ErrorAlert error={error} />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <DateField
                  label={t('residents.screening.field.screenedOn')}
                  value={draft.screenedOn}
                  max={today()}
                  required
                  error={errors.screenedOn}
                  onChange={(v) => set('screenedOn', v)}
                />
                <NativeSelect
                  label={t('residents.screening.field.motivation')}
                  required
                  value={draft.motivation}
                  error={errors.motivation}
                  onChange={(e) => set('motivation', e.currentTarget.value)}
                  data={[
                    choose,
                    ...LEVELS.map((l) => ({ value: l, label: t(`residents.screening.motivation.${l}`) })),
                  ]}
                />
                <TextInput
                  label={t('residents.screening.field.hoursPossible')}
                  required
                  inputMode="decimal"
                  value={draft.hoursPossible}
                  error={errors.hoursPossible}
                  onChange={(e) => set('hoursPossible', e.currentTarget.value)}
                />
                <NativeSelect
                  label={t('residents.screening.field.earlierWork')}
                  required
                  value={draft.earlierWork}
                  error={errors.earlierWork}
                  onChange={(e) => set('earlierWork', e.currentTarget.value)}
                  data={[
                    choose,
                    ...EARLIER_WORK.map((w) => ({
                      value: w,
                      label: t(`residents.screening.earlierWork.${w}`),
                    })),
                  ]}
                />
                <NativeSelect
                  label={t('residents.screening.field.danishLevel')}
                  required
                  value={draft.danishLevel}
                  error={errors.danishLevel}
                  onChange={(e) => set('danishLevel', e.currentTarget.value)}
                  data={[
                    choose,
                    ...LEVELS.map((l) => ({ value: l, label: t(`residents.danishLevel.${l}`) })),
                  ]}
                />
                <NativeSelect
                  label={t('residents.screening.field.healthLimits')}
                  required
                  value={draft.healthLimits}
                  error={errors.healthLimits}
                  onChange={(e) => set('healthLimits', e.currentTarget.value)}
                  data={[
                    choose,
                    ...HEALTH_LIMITS.map((h) => ({
                      value: h,
                      label: t(`residents.screening.healthLimits.${h}`),
                    })),
                  ]}
                />
              </SimpleGrid>
              <Checkbox.Group
                label={t('residents.screening.field.barriers')}
                description={t('residents.screening.field.barriersHint')}
                value={draft.barriers}
                error={errors.barriers}
                onChange={(v) => set('barriers', v as TBarrier[])}
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
                  {BARRIERS.map((b) => (
                    <Checkbox key={b} value={b} label={t(`residents.screening.barrier.${b}`)} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              <DateField
                label={t('residents.screening.field.nextScreeningOn')}
                description={t('residents.screening.field.nextScreeningOnHint')}
                value={draft.nextScreeningOn}
                error={errors.nextScreeningOn}
                onChange={(v) => set('nextScreeningOn', v)}
              />
              <Textarea
                label={t('residents.screening.field.remark')}
                autosize
                minRows={2}
                value={draft.remark}
                error={errors.remark}
                onChange={(e) => set('remark', e.currentTarget.value)}
              />
              <Alert
                color={result?.targetGroup === 1 ? 'green' : result ? 'orange' : 'gray'}
                variant="light"
                title={t('residents.screening.preview')}
                role="status"
                aria-live="polite"
              >
                {result ? (
                  <>
                    <Text fw={700}>{t(`residents.screening.group.${result.targetGroup}`)}</Text>
                    <Text component="ul" size="sm" my={0} pl="lg">
                      {result.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </Text>
                  </>
                ) : (
                  <Text size="sm">{t('residents.screening.previewIncomplete')}</Text>
                )}
              </Alert>
              <Group>
                <Button type="submit" loading={busy}>
                  {t('residents.screening.save')}
                </Button>
                <Button
                  variant="default"
                  onClick={() => {
                    setOpen(false);
                    setErrors({});
                    setError(null);
                  }}
                >
                  {t('residents.screening.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      ) : null}

      {items.length > 0 ? (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('residents.screening.history')}
          </Title>
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={640} type="native">
              <Table striped verticalSpacing="xs" horizontalSpacing="sm" fz="sm">
                <caption className="visually-hidden">{t('residents.screening.historyCaption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('residents.screening.field.screenedOn')}</Table.Th>
                    <Table.Th>{t('residents.screening.due.targetGroup')}</Table.Th>
                    <Table.Th>{t('residents.screening.field.motivation')}</Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>
                      {t('residents.screening.field.hoursPossible')}
                    </Table.Th>
                    <Table.Th>{t('residents.screening.reasons')}</Table.Th>
                    <Table.Th>{t('residents.screening.due.nextScreeningOn')}</Table.Th>
                    <Table.Th>{t('residents.screening.field.screenedBy')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>{formatDate(s.screenedOn)}</Table.Td>
                      <Table.Td>{t(`residents.screening.groupShort.${s.targetGroup}`)}</Table.Td>
                      <Table.Td>{s.motivation}</Table.Td>
                      <Table.Td style={{ textAlign: 'right' }}>{s.hoursPossible}</Table.Td>
                      <Table.Td>{s.reasons.join(' ')}</Table.Td>
                      <Table.Td>{formatDate(s.nextScreeningOn)}</Table.Td>
                      <Table.Td>{s.screenedByName ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </Stack>
      ) : null}
    </Stack>
  );
}
