import { meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { DataTable, type TColumn, useListParams } from '@client/components/DataTable.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { JOB_DIALOGUES_PATH } from '@client/features/assignments/assignment-ui.tsx';
import { formatDate, formatNumber } from '@client/lib/format.ts';
import { DIALOGUE_STATES, type TJobDialogue } from '@domain/job-dialogue.schema.ts';
import { Anchor, Input, NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DialogueStateBadge } from './dialogue-ui.tsx';

/**
 * "Mine jobdialoger": the housing staff member's own dialogues, open and overdue first (the
 * server's default order). "Alle" shows every dialogue the user may see; social workers and job
 * consultants, who are never assigned one, see all.
 */
export function JobDialoguesPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const list = useListParams();
  const toggleLabelId = useId();
  // Only those who can be given a dialogue have "mine"; for them it is the default.
  const hasMine =
    meCan(me, 'update', { kind: 'job_dialogue' }) && me.memberships.some((m) => m.role === 'housing_staff');
  const mine = hasMine && list.params.get('mine') !== 'false';
  const state = list.params.get('state') ?? '';

  const columns = useMemo<TColumn<TJobDialogue>[]>(
    () => [
      {
        key: 'company',
        header: t('jobDialogues.field.company'),
        sortKey: 'companyName',
        render: (d) => (
          <Anchor component={Link} to={`/job-dialogues/${d.id}`} fw={600}>
            {d.companyName}
          </Anchor>
        ),
      },
      {
        key: 'assignment',
        header: t('jobDialogues.field.assignment'),
        sortKey: 'assignmentTitle',
        render: (d) => (
          <Anchor component={Link} to={`/assignments/${d.assignmentId}`}>
            {d.assignmentTitle}
          </Anchor>
        ),
      },
      {
        key: 'dueDate',
        header: t('jobDialogues.field.dueDate'),
        sortKey: 'dueDate',
        render: (d) => formatDate(d.dueDate),
      },
      {
        key: 'state',
        header: t('jobDialogues.field.state'),
        render: (d) => <DialogueStateBadge state={d.state} />,
      },
      {
        key: 'asked',
        header: t('jobDialogues.field.asked'),
        render: (d) => d.askedKinds.map((k) => t(`jobDialogues.asked.${k}`)).join(', '),
      },
      {
        key: 'assignee',
        header: t('jobDialogues.field.assignee'),
        render: (d) => d.assignedToName ?? t('jobDialogues.unassigned'),
      },
    ],
    [t],
  );

  return (
    <>
      <PageHeader
        title={mine ? t('jobDialogues.titleMine') : t('jobDialogues.title')}
        lead={t('jobDialogues.lead')}
      />
      <DataTable<TJobDialogue>
        path={JOB_DIALOGUES_PATH}
        caption={mine ? t('jobDialogues.titleMine') : t('jobDialogues.title')}
        columns={columns}
        rowKey={(d) => d.id}
        viewQuery={{ mine: hasMine ? String(mine) : undefined }}
        extraQuery={{ state: state || undefined }}
        countLabel={(n) => t('jobDialogues.count', { count: n, formatted: formatNumber(n) })}
        filters={
          <>
            {hasMine ? (
              <Stack gap={4}>
                <Input.Label id={toggleLabelId} component="span">
                  {t('jobDialogues.show')}
                </Input.Label>
                <SegmentedControl
                  aria-labelledby={toggleLabelId}
                  value={mine ? 'mine' : 'all'}
                  onChange={(v) => list.update({ mine: v === 'mine' ? null : 'false' })}
                  data={[
                    { value: 'mine', label: t('jobDialogues.mine') },
                    { value: 'all', label: t('jobDialogues.all') },
                  ]}
                />
              </Stack>
            ) : null}
            <NativeSelect
              label={t('jobDialogues.field.state')}
              value={state}
              onChange={(e) => list.update({ state: e.currentTarget.value || null })}
              data={[
                { value: '', label: t('common.all') },
                ...DIALOGUE_STATES.map((s) => ({ value: s, label: t(`jobDialogues.state.${s}`) })),
              ]}
            />
          </>
        }
        emptyState={<Text>{mine ? t('jobDialogues.emptyMine') : t('jobDialogues.empty')}</Text>}
      />
    </>
  );
}
