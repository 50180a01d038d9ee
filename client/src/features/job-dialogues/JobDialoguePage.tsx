import { api } from '@client/api/client.ts';
import { meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { Fact, FactGrid, SectionCard } from '@client/components/SectionCard.tsx';
import { usePageTitle } from '@client/components/usePageTitle.ts';
import {
  ASSIGNMENTS_PATH,
  JOB_DIALOGUES_PATH,
  notifySaved,
} from '@client/features/assignments/assignment-ui.tsx';
import { formatDate, formatDateTime } from '@client/lib/format.ts';
import type { TStaffRef } from '@domain/assignment.schema.ts';
import {
  type TJobDialogueDetail,
  type ZJobDialogueEvent,
  ZJobDialogueReassign,
} from '@domain/job-dialogue.schema.ts';
import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  NativeSelect,
  Skeleton,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { z } from 'zod';
import { DialogueOutcomeForm } from './DialogueOutcomeForm.tsx';
import { DialogueStateBadge } from './dialogue-ui.tsx';

export function JobDialoguePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const dialogue = useQuery({
    queryKey: [JOB_DIALOGUES_PATH, 'detail', id],
    queryFn: ({ signal }) => api.get<TJobDialogueDetail>(`${JOB_DIALOGUES_PATH}/${id}`, undefined, signal),
  });
  usePageTitle(
    dialogue.data
      ? t('jobDialogues.detailTitle', { company: dialogue.data.companyName })
      : t('jobDialogues.title'),
  );
  if (dialogue.isPending) return <Skeleton height={240} />;
  if (dialogue.isError) {
    return (
      <Stack>
        <Title order={1}>{t('jobDialogues.title')}</Title>
        <ErrorAlert error={dialogue.error} />
        <Anchor component={Link} to="/job-dialogues">
          {t('jobDialogues.backToList')}
        </Anchor>
      </Stack>
    );
  }
  return <DialogueDetail dialogue={dialogue.data} />;
}

function DialogueDetail({ dialogue: d }: { dialogue: TJobDialogueDetail }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const location = useLocation();
  const justCreated = (location.state as { assignmentCreated?: boolean } | null)?.assignmentCreated === true;
  const canUpdate = meCan(me, 'update', { kind: 'job_dialogue' });
  const [reassigning, setReassigning] = useState(false);
  const recordable = d.state === 'open' || d.state === 'overdue' || d.state === 'waiting';

  return (
    <>
      <Anchor component={Link} to="/job-dialogues" size="sm" mb="xs" display="inline-block">
        ← {t('jobDialogues.backToList')}
      </Anchor>
      {justCreated ? (
        <Alert
          color="green"
          variant="light"
          role="status"
          mb="md"
          title={t('jobDialogues.assignmentSavedTitle')}
        >
          {t('jobDialogues.assignmentSaved')}
        </Alert>
      ) : null}
      <PageHeader
        title={t('jobDialogues.detailTitle', { company: d.companyName })}
        lead={
          <Group gap="xs" component="span">
            <DialogueStateBadge state={d.state} />
            <span>{t('jobDialogues.dueText', { date: formatDate(d.dueDate) })}</span>
          </Group>
        }
      />
      <Stack gap="lg">
        <SectionCard title={t('jobDialogues.facts')}>
          <FactGrid>
            <Fact label={t('jobDialogues.field.company')}>
              <Anchor component={Link} to={`/companies/${d.companyId}`}>
                {d.companyName}
              </Anchor>
            </Fact>
            <Fact label={t('jobDialogues.field.assignment')}>
              <Anchor component={Link} to={`/assignments/${d.assignmentId}`}>
                {d.assignmentTitle}
              </Anchor>
            </Fact>
            <Fact label={t('jobDialogues.field.housingOrganisation')}>{d.housingOrganisationName}</Fact>
            <Fact label={t('jobDialogues.field.dueDate')}>{formatDate(d.dueDate)}</Fact>
            <Fact label={t('jobDialogues.field.assignee')}>
              <Group gap="xs" component="span">
                <span>{d.assignedToName ?? t('jobDialogues.unassigned')}</span>
                {canUpdate ? (
                  <Button size="compact-sm" variant="outline" onClick={() => setReassigning(true)}>
                    {t('jobDialogues.reassign')}
                  </Button>
                ) : null}
              </Group>
            </Fact>
            <Fact label={t('jobDialogues.field.asked')}>
              {d.askedKinds.map((k) => t(`jobDialogues.asked.${k}`)).join(', ')}
            </Fact>
            {d.outcome ? (
              <Fact label={t('jobDialogues.field.outcome')}>{t(`jobDialogues.outcome.${d.outcome}`)}</Fact>
            ) : null}
            {d.outcome === 'later' && d.reminderDate ? (
              <Fact label={t('jobDialogues.reminderDate')}>{formatDate(d.reminderDate)}</Fact>
            ) : null}
            {d.outcome === 'no' && d.noReason ? (
              <Fact label={t('jobDialogues.noReason')}>{t(`jobDialogues.reason.${d.noReason}`)}</Fact>
            ) : null}
            {d.note ? <Fact label={t('jobDialogues.note')}>{d.note}</Fact> : null}
          </FactGrid>
          {d.state === 'opening_now' ? (
            <Group mt="md">
              {d.openingId ? (
                <Button component={Link} to={`/openings/${d.openingId}`} variant="outline">
                  {t('jobDialogues.seeOpening')}
                </Button>
              ) : canUpdate ? (
                <Button component={Link} to={`/openings/new?fromDialogue=${d.id}`}>
                  {t('jobDialogues.createOpening')}
                </Button>
              ) : null}
            </Group>
          ) : null}
        </SectionCard>

        {canUpdate && recordable ? (
          <SectionCard title={t('jobDialogues.recordTitle')}>
            <Text size="sm" mb="md">
              {t('jobDialogues.recordLead', { company: d.companyName })}
            </Text>
            <DialogueOutcomeForm dialogue={d} />
          </SectionCard>
        ) : null}

        <SectionCard title={t('jobDialogues.history')}>
          {d.history.length === 0 ? (
            <Text>{t('jobDialogues.historyEmpty')}</Text>
          ) : (
            <Timeline
              bulletSize={14}
              lineWidth={2}
              active={0}
              component="ol"
              aria-label={t('jobDialogues.history')}
            >
              {[...d.history].reverse().map((h) => (
                <Timeline.Item key={`${h.at}-${h.kind}`} component="li" title={eventTitle(t, h)}>
                  <Text size="sm" c="dimmed">
                    {t('jobDialogues.eventBy', {
                      date: formatDateTime(h.at),
                      name: h.byName ?? t('jobDialogues.system'),
                    })}
                  </Text>
                  {eventDetails(t, h).map((line) => (
                    <Text size="sm" key={line}>
                      {line}
                    </Text>
                  ))}
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </SectionCard>
      </Stack>
      <ReassignModal dialogue={d} opened={reassigning} onClose={() => setReassigning(false)} />
    </>
  );
}

type TEvent = z.infer<typeof ZJobDialogueEvent>;

function eventTitle(t: TFunction, h: TEvent): string {
  switch (h.kind) {
    case 'created':
      return t('jobDialogues.event.created');
    case 'reassigned':
      return t('jobDialogues.event.reassigned');
    case 'outcome':
      return h.outcome
        ? t('jobDialogues.event.outcome', { outcome: t(`jobDialogues.outcome.${h.outcome}`) })
        : t('jobDialogues.event.outcomeNone');
    default: {
      const exhaustive: never = h.kind;
      return exhaustive;
    }
  }
}

function eventDetails(t: TFunction, h: TEvent): string[] {
  const lines: string[] = [];
  if (h.kind === 'outcome' && h.askedKinds.length > 0) {
    lines.push(
      t('jobDialogues.askedText', {
        kinds: h.askedKinds.map((k) => t(`jobDialogues.asked.${k}`)).join(', '),
      }),
    );
  }
  if (h.reminderDate) lines.push(t('jobDialogues.reminderText', { date: formatDate(h.reminderDate) }));
  if (h.noReason) lines.push(t(`jobDialogues.reason.${h.noReason}`));
  if (h.note) lines.push(h.note);
  return lines;
}

/** "Giv videre": hand the dialogue to a colleague in the same housing organisation. */
function ReassignModal({
  dialogue,
  opened,
  onClose,
}: {
  dialogue: TJobDialogueDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [userId, setUserId] = useState('');
  const staff = useQuery({
    queryKey: [ASSIGNMENTS_PATH, 'staff', dialogue.assignmentId],
    enabled: opened,
    staleTime: 60_000,
    queryFn: ({ signal }) =>
      api.get<TStaffRef[]>(`${ASSIGNMENTS_PATH}/${dialogue.assignmentId}/staff`, undefined, signal),
  });
  const { errors, setErrors, error, setError, busy, submit } = useSchemaSubmit(
    ZJobDialogueReassign,
    async (data) => {
      await api.post(`${JOB_DIALOGUES_PATH}/${dialogue.id}/assignee`, data);
      await qc.invalidateQueries({ queryKey: [JOB_DIALOGUES_PATH] });
      const name = staff.data?.find((s) => s.id === data.assignedToUserId)?.name ?? '';
      notifySaved(t, t('jobDialogues.reassigned', { name }));
      onClose();
    },
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (opened) {
      setUserId('');
      setErrors({});
      setError(null);
    }
  }, [opened]);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!userId) {
      setErrors({ assignedToUserId: t('jobDialogues.chooseColleague') });
      return;
    }
    await submit({ assignedToUserId: userId });
  };
  const options = (staff.data ?? [])
    .filter((s) => s.id !== dialogue.assignedToUserId)
    .map((s) => ({ value: s.id, label: s.name }));

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={t('jobDialogues.reassignTitle')}
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          <Text size="sm">{t('jobDialogues.reassignLead')}</Text>
          <ErrorAlert error={error ?? staff.error} />
          <NativeSelect
            label={t('jobDialogues.colleague')}
            withAsterisk
            disabled={staff.isPending}
            value={userId}
            error={errors.assignedToUserId}
            onChange={(e) => setUserId(e.currentTarget.value)}
            data={[{ value: '', label: t('common.choose') }, ...options]}
            data-autofocus
          />
          <FormActions onCancel={onClose} busy={busy} submitLabel={t('jobDialogues.reassignSubmit')} />
        </Stack>
      </form>
    </Modal>
  );
}
