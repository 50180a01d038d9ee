import { api } from '@client/api/client.ts';
import { DateField } from '@client/components/DateField.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import {
  ASSIGNMENTS_PATH,
  JOB_DIALOGUES_PATH,
  notifySaved,
  today,
} from '@client/features/assignments/assignment-ui.tsx';
import {
  ASKED_KINDS,
  DIALOGUE_OUTCOMES,
  NO_REASONS,
  type TJobDialogueDetail,
  ZDialogueOutcomeInput,
} from '@domain/job-dialogue.schema.ts';
import { addDays } from '@domain/time.ts';
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

interface TValues {
  askedKinds: string[];
  outcome: string;
  reminderDate: string;
  noReason: string;
  note: string;
}

/**
 * Recording the dialogue: what was asked and the answer. "Jobåbning nu" goes on to the opening
 * form, prefilled from the dialogue; "Senere" sets the reminder day; "Nej" asks why.
 */
export function DialogueOutcomeForm({ dialogue }: { dialogue: TJobDialogueDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState<TValues>({
    askedKinds: dialogue.askedKinds,
    outcome: '',
    reminderDate: '',
    noReason: '',
    note: '',
  });
  const { errors, error, busy, submit } = useSchemaSubmit(ZDialogueOutcomeInput, async (data) => {
    await api.post(`${JOB_DIALOGUES_PATH}/${dialogue.id}/outcome`, data);
    await Promise.all([
      qc.invalidateQueries({ queryKey: [JOB_DIALOGUES_PATH] }),
      qc.invalidateQueries({ queryKey: [ASSIGNMENTS_PATH] }),
    ]);
    if (data.outcome === 'opening_now') {
      await navigate(`/openings/new?fromDialogue=${dialogue.id}`);
      return;
    }
    notifySaved(t, t('jobDialogues.outcomeSaved'));
    setValues((v) => ({ ...v, outcome: '', reminderDate: '', noReason: '', note: '' }));
  });
  const set = <K extends keyof TValues>(name: K, value: TValues[K]) =>
    setValues((v) => ({ ...v, [name]: value }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    await submit({
      askedKinds: values.askedKinds,
      outcome: values.outcome || undefined,
      reminderDate: values.outcome === 'later' ? values.reminderDate || null : null,
      noReason: values.outcome === 'no' ? values.noReason || null : null,
      note: values.note,
    });
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <Checkbox.Group
          label={t('jobDialogues.askedLabel')}
          description={t('jobDialogues.askedHint')}
          withAsterisk
          value={values.askedKinds}
          onChange={(v) => set('askedKinds', v)}
          error={errors.askedKinds}
        >
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mt="xs">
            {ASKED_KINDS.map((k) => (
              <Checkbox key={k} value={k} label={t(`jobDialogues.asked.${k}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Radio.Group
          label={t('jobDialogues.outcomeLabel')}
          withAsterisk
          value={values.outcome}
          onChange={(v) => set('outcome', v)}
          error={errors.outcome}
        >
          <Group mt="xs" gap="lg">
            {DIALOGUE_OUTCOMES.map((o) => (
              <Radio key={o} value={o} label={t(`jobDialogues.outcome.${o}`)} />
            ))}
          </Group>
        </Radio.Group>
        {values.outcome === 'opening_now' ? <Text size="sm">{t('jobDialogues.openingNowHint')}</Text> : null}
        {values.outcome === 'later' ? (
          <DateField
            label={t('jobDialogues.reminderDate')}
            description={t('jobDialogues.reminderHint')}
            withAsterisk
            min={addDays(today(), 1)}
            value={values.reminderDate}
            error={errors.reminderDate}
            onChange={(v) => set('reminderDate', v)}
            maw={360}
          />
        ) : null}
        {values.outcome === 'no' ? (
          <NativeSelect
            label={t('jobDialogues.noReason')}
            withAsterisk
            value={values.noReason}
            error={errors.noReason}
            onChange={(e) => set('noReason', e.currentTarget.value)}
            data={[
              { value: '', label: t('common.choose') },
              ...NO_REASONS.map((r) => ({ value: r, label: t(`jobDialogues.reason.${r}`) })),
            ]}
          />
        ) : null}
        <Textarea
          label={values.outcome === 'no' ? t('jobDialogues.noNote') : t('jobDialogues.note')}
          withAsterisk={values.outcome === 'no' && values.noReason === 'other'}
          autosize
          minRows={2}
          value={values.note}
          error={errors.note}
          onChange={(e) => set('note', e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={busy}>
            {values.outcome === 'opening_now' ? t('jobDialogues.saveAndOpen') : t('jobDialogues.saveOutcome')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
