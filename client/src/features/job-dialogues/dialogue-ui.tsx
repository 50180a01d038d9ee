import { api } from '@client/api/client.ts';
import { JOB_DIALOGUES_PATH, WORD_BADGE_STYLES } from '@client/features/assignments/assignment-ui.tsx';
import { formatDate } from '@client/lib/format.ts';
import type { TPage } from '@domain/common.schema.ts';
import type { TDialogueState, TJobDialogue } from '@domain/job-dialogue.schema.ts';
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const STATE_COLOR: Record<TDialogueState, string> = {
  open: 'blue',
  overdue: 'red',
  waiting: 'yellow',
  opening_now: 'green',
  no: 'gray',
};

/** The dialogue's state in words ("Overskredet", "Venter (senere)" …); the colour only repeats it. */
export function DialogueStateBadge({ state }: { state: TDialogueState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOR[state]} tt="none" styles={WORD_BADGE_STYLES}>
      {t(`jobDialogues.state.${state}`)}
    </Badge>
  );
}

/** The dialogues of one assignment or company, open and overdue first (the server's default order). */
export function useDialogues(filter: { assignmentId?: string; companyId?: string }, enabled = true) {
  const query = { ...filter, page: 1, pageSize: 50 };
  return useQuery({
    queryKey: [JOB_DIALOGUES_PATH, 'list', query],
    enabled,
    queryFn: ({ signal }) => api.get<TPage<TJobDialogue>>(JOB_DIALOGUES_PATH, query, signal),
  });
}

/** A compact table of dialogues for a section of the assignment or company page. */
export function DialogueTable({
  dialogues,
  caption,
  showAssignment = false,
}: {
  dialogues: TJobDialogue[];
  caption: string;
  showAssignment?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table verticalSpacing="xs" fz="sm">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('jobDialogues.field.dialogue')}</Table.Th>
            {showAssignment ? <Table.Th>{t('jobDialogues.field.assignment')}</Table.Th> : null}
            <Table.Th>{t('jobDialogues.field.dueDate')}</Table.Th>
            <Table.Th>{t('jobDialogues.field.state')}</Table.Th>
            <Table.Th>{t('jobDialogues.field.assignee')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dialogues.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Anchor component={Link} to={`/job-dialogues/${d.id}`} fw={600}>
                  {t('jobDialogues.linkText', { date: formatDate(d.createdAt) })}
                </Anchor>
              </Table.Td>
              {showAssignment ? (
                <Table.Td>
                  <Anchor component={Link} to={`/assignments/${d.assignmentId}`}>
                    {d.assignmentTitle}
                  </Anchor>
                </Table.Td>
              ) : null}
              <Table.Td>{formatDate(d.dueDate)}</Table.Td>
              <Table.Td>
                <DialogueStateBadge state={d.state} />
              </Table.Td>
              <Table.Td>{d.assignedToName ?? <Text span>{t('jobDialogues.unassigned')}</Text>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
