import { api } from '@client/api/client.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import { formatDateTime } from '@client/lib/format.ts';
import { type TResident, type TResidentNote, ZResidentNoteInput } from '@domain/resident.schema.ts';
import { Badge, Button, Checkbox, Group, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess, RESIDENTS_PATH } from './resident-ui.tsx';

/**
 * Case notes: newest first, with author and time; only the professional view has them. A note can
 * record a counselling session (vejledningssamtale), which the partnership reports count.
 */
export function NotesTab({ resident }: { resident: TResident }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const path = `${RESIDENTS_PATH}/${resident.id}/notes`;
  const notes = useQuery({
    queryKey: [RESIDENTS_PATH, resident.id, 'notes'],
    queryFn: ({ signal }) => api.get<TResidentNote[]>(path, undefined, signal),
  });
  const [text, setText] = useState('');
  const [counselling, setCounselling] = useState(false);
  const { errors, setErrors, error, busy, submit } = useSchemaSubmit(ZResidentNoteInput, async (data) => {
    await api.post(path, data);
    setText('');
    setCounselling(false);
    await qc.invalidateQueries({ queryKey: [RESIDENTS_PATH, resident.id, 'notes'] });
    notifySuccess(t, t('residents.notes.added'));
  });
  const items = [...(notes.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('residents.notes.title')}
      </Title>
      {resident.canEdit ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit({ text, kind: counselling ? 'counselling' : 'note' });
          }}
        >
          <Stack gap="xs" maw={720}>
            <ErrorAlert error={error} />
            <Textarea
              label={t('residents.notes.text')}
              description={t('residents.notes.textHint')}
              autosize
              minRows={3}
              value={text}
              error={errors.text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setErrors({});
              }}
            />
            <Checkbox
              label={t('residents.notes.counselling')}
              description={t('residents.notes.counsellingHint')}
              checked={counselling}
              onChange={(e) => setCounselling(e.currentTarget.checked)}
            />
            <Group>
              <Button type="submit" loading={busy}>
                {t('residents.notes.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      <ErrorAlert error={notes.error} />
      {notes.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {notes.data && items.length === 0 ? <Text>{t('residents.notes.none')}</Text> : null}
      {items.length > 0 ? (
        <Stack
          component="ul"
          gap="sm"
          p={0}
          m={0}
          aria-label={t('residents.notes.listLabel')}
          style={{ listStyle: 'none' }}
        >
          {items.map((n) => (
            <Paper component="li" key={n.id} withBorder radius="md" p="sm">
              <Group gap="xs" mb={4}>
                <Text size="sm" c="dimmed">
                  {t('residents.notes.by', { name: n.authorName ?? '', time: formatDateTime(n.createdAt) })}
                </Text>
                {n.kind === 'counselling' ? (
                  <Badge color="blue" tt="none">
                    {t('residents.notes.counselling')}
                  </Badge>
                ) : null}
              </Group>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{n.text}</Text>
            </Paper>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
