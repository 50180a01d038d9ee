import { Button, Fieldset, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyExperience, MAX_EXPERIENCES, move, type TExperienceFormValues } from './resident-form.ts';

type TEntryField = Exclude<keyof TExperienceFormValues, 'key'>;

/**
 * The experience entries of the resident form: add, change, reorder and remove, each entry a
 * fieldset ("Erfaring 1" …) whose fields carry their own messages (`experiences.0.title` …).
 * `onChange` says which messages the change makes stale: the exact keys, or 'all' of the entries'
 * (moving or removing shifts the indexes they are keyed by).
 */
export function ExperienceEditor({
  entries,
  errors,
  onChange,
}: {
  entries: TExperienceFormValues[];
  errors: Record<string, string>;
  onChange: (next: TExperienceFormValues[], staleErrors: string[] | 'all') => void;
}) {
  const { t } = useTranslation();
  // After "Tilføj erfaring", the new entry's first field gets the focus.
  const [focusKey, setFocusKey] = useState<string | null>(null);
  useEffect(() => {
    if (!focusKey) return;
    document.getElementById(`${focusKey}-title`)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const setField = (i: number, field: TEntryField, value: string) =>
    onChange(
      entries.map((e, j) => (j === i ? { ...e, [field]: value } : e)),
      [`experiences.${i}.${field}`, 'experiences'],
    );
  const restructure = (next: TExperienceFormValues[]) => onChange(next, 'all');

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('residents.form.experienceLead')}
      </Text>
      {entries.length === 0 ? <Text size="sm">{t('residents.form.experienceNone')}</Text> : null}
      {entries.map((e, i) => {
        const n = i + 1;
        const err = (field: TEntryField) => errors[`experiences.${i}.${field}`];
        return (
          <Paper key={e.key} withBorder radius="md" p="sm">
            <Fieldset
              variant="unstyled"
              legend={
                <Text fw={600} size="sm">
                  {t('residents.form.experienceLegend', { n })}
                </Text>
              }
            >
              <Stack gap="xs">
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    id={`${e.key}-title`}
                    label={t('residents.field.experienceTitle')}
                    withAsterisk
                    autoComplete="off"
                    value={e.title}
                    error={err('title')}
                    onChange={(ev) => setField(i, 'title', ev.currentTarget.value)}
                  />
                  <TextInput
                    label={t('residents.field.experienceEmployer')}
                    autoComplete="off"
                    value={e.employer}
                    error={err('employer')}
                    onChange={(ev) => setField(i, 'employer', ev.currentTarget.value)}
                  />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 2 }}>
                  <TextInput
                    label={t('residents.field.experienceFromYear')}
                    inputMode="numeric"
                    maxLength={4}
                    autoComplete="off"
                    value={e.fromYear}
                    error={err('fromYear')}
                    onChange={(ev) => setField(i, 'fromYear', ev.currentTarget.value)}
                  />
                  <TextInput
                    label={t('residents.field.experienceToYear')}
                    description={t('residents.form.experienceToYearHint')}
                    inputMode="numeric"
                    maxLength={4}
                    autoComplete="off"
                    value={e.toYear}
                    error={err('toYear')}
                    onChange={(ev) => setField(i, 'toYear', ev.currentTarget.value)}
                  />
                </SimpleGrid>
                <Textarea
                  label={t('residents.field.experienceDescription')}
                  description={t('residents.form.experienceDescriptionHint')}
                  autosize
                  minRows={1}
                  maxRows={4}
                  value={e.description}
                  error={err('description')}
                  onChange={(ev) => setField(i, 'description', ev.currentTarget.value)}
                />
                <Group gap="xs" justify="flex-end">
                  <Button
                    variant="default"
                    size="xs"
                    disabled={i === 0}
                    aria-label={t('residents.form.experienceMoveUpNamed', { n })}
                    onClick={() => restructure(move(entries, i, -1))}
                  >
                    {t('residents.form.experienceMoveUp')}
                  </Button>
                  <Button
                    variant="default"
                    size="xs"
                    disabled={i === entries.length - 1}
                    aria-label={t('residents.form.experienceMoveDownNamed', { n })}
                    onClick={() => restructure(move(entries, i, 1))}
                  >
                    {t('residents.form.experienceMoveDown')}
                  </Button>
                  <Button
                    variant="light"
                    color="red"
                    size="xs"
                    aria-label={t('residents.form.experienceRemoveNamed', { n })}
                    onClick={() => restructure(entries.filter((_, j) => j !== i))}
                  >
                    {t('residents.form.experienceRemove')}
                  </Button>
                </Group>
              </Stack>
            </Fieldset>
          </Paper>
        );
      })}
      {errors.experiences ? (
        <Text c="red.8" size="sm" role="alert">
          {errors.experiences}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="light"
          disabled={entries.length >= MAX_EXPERIENCES}
          onClick={() => {
            const added = emptyExperience();
            restructure([...entries, added]);
            setFocusKey(added.key);
          }}
        >
          {t('residents.form.experienceAdd')}
        </Button>
        {entries.length >= MAX_EXPERIENCES ? (
          <Text size="sm">{t('residents.form.experienceMax')}</Text>
        ) : null}
      </Group>
    </Stack>
  );
}
