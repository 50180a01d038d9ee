import { api, request } from '@client/api/client.ts';
import { isAdminMe } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { ConfirmDialog } from '@client/components/ConfirmDialog.tsx';
import { DataTable, type TColumn } from '@client/components/DataTable.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { SectionCard } from '@client/components/SectionCard.tsx';
import { notifySaved, WORD_BADGE_STYLES } from '@client/features/assignments/assignment-ui.tsx';
import { useOpeningLabels } from '@client/features/openings/opening-ui.tsx';
import { formatDate } from '@client/lib/format.ts';
import type { TPage } from '@domain/common.schema.ts';
import type { TGoal, TMilestone, TSteeringGroup, TSteeringGroupDetail } from '@domain/steering.schema.ts';
import { danishDate } from '@domain/time.ts';
import { Badge, Box, Button, Group, Loader, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { GoalFormModal } from './GoalFormModal.tsx';
import { GroupFormModal } from './GroupFormModal.tsx';
import { MilestoneFormModal } from './MilestoneFormModal.tsx';
import {
  canOnSteering,
  defaultGroupId,
  formatGoalValue,
  GOALS_PATH,
  kpiLabel,
  MILESTONE_STATUS_COLOR,
  MILESTONES_PATH,
  milestoneWithStatus,
  STEERING_GROUPS_PATH,
} from './steering-ui.ts';
import { TrafficLightBadge } from './TrafficLightBadge.tsx';

/**
 * The steering group's page (issue 7 items 1 and 7; seed 000: a steering group per city "sætter
 * mål og rammer for jobskabelsen"): the group and its mandate, its goals with actual against
 * target and a traffic light in words, and the plan's milestones. Aggregates only: a count under
 * 5 reads "< 5". Write actions show only where the policy lets the user write.
 */
export function SteeringPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const [params, setParams] = useSearchParams();
  const [creatingGroup, setCreatingGroup] = useState(false);
  const groups = useQuery({
    queryKey: [STEERING_GROUPS_PATH, 'all'],
    queryFn: ({ signal }) =>
      api.get<TPage<TSteeringGroup>>(STEERING_GROUPS_PATH, { pageSize: 200, sort: 'name' }, signal),
  });
  const items = groups.data?.items ?? [];
  const chosen = params.get('group');
  const groupId = items.some((g) => g.id === chosen) ? chosen : defaultGroupId(me, items);
  const choose = (id: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams();
        // Another group: its own goals list, from the first page.
        next.set('group', id);
        if (prev.get('sort')) next.set('sort', prev.get('sort')!);
        return next;
      },
      { replace: true },
    );
  const admin = isAdminMe(me);

  return (
    <>
      <PageHeader
        title={t('steeringPage.title')}
        lead={t('steeringPage.lead')}
        actions={
          admin ? (
            <Button variant="default" onClick={() => setCreatingGroup(true)}>
              {t('steeringPage.group.create')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        <ErrorAlert error={groups.error} />
        {groups.isPending ? <Loader aria-label={t('common.loading')} /> : null}
        {groups.data && items.length === 0 ? (
          <Paper withBorder radius="md" p="xl">
            <Text fw={600}>{t('steeringPage.emptyTitle')}</Text>
            <Text>{t(admin ? 'steeringPage.emptyAdmin' : 'steeringPage.empty')}</Text>
          </Paper>
        ) : null}
        {items.length > 1 ? (
          <NativeSelect
            label={t('steeringPage.chooseGroup')}
            value={groupId ?? ''}
            onChange={(e) => choose(e.currentTarget.value)}
            data={items.map((g) => ({ value: g.id, label: `${g.name} (${g.partnershipName})` }))}
            maw={520}
          />
        ) : null}
        {groupId ? <GroupView key={groupId} groupId={groupId} /> : null}
      </Stack>
      <GroupFormModal
        opened={creatingGroup}
        onClose={() => setCreatingGroup(false)}
        editing={null}
        onCreated={(id) => choose(id)}
      />
    </>
  );
}

function GroupView({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const [editing, setEditing] = useState(false);
  const group = useQuery({
    queryKey: [STEERING_GROUPS_PATH, groupId],
    queryFn: ({ signal }) =>
      api.get<TSteeringGroupDetail>(`${STEERING_GROUPS_PATH}/${groupId}`, undefined, signal),
  });
  if (group.error) return <ErrorAlert error={group.error} />;
  if (!group.data) return <Loader aria-label={t('common.loading')} />;
  const g = group.data;
  const canEdit = canOnSteering(me, 'update', 'steering_group', g.partnershipId);

  return (
    <>
      <SectionCard
        title={g.name}
        actions={
          canEdit ? (
            <Button variant="default" size="xs" onClick={() => setEditing(true)}>
              {t('steeringPage.group.edit')}
            </Button>
          ) : null
        }
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('steeringPage.group.partnership', { name: g.partnershipName })}
          </Text>
          <Box>
            <Title order={3} fz="h5">
              {t('steeringPage.group.mandate')}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{g.mandate || t('steeringPage.group.noMandate')}</Text>
          </Box>
          <Box>
            <Title order={3} fz="h5">
              {t('steeringPage.group.members')}
            </Title>
            {g.members.length === 0 ? (
              <Text>{t('steeringPage.group.noMembers')}</Text>
            ) : (
              <Box component="ul" m={0} pl="lg">
                {g.members.map((m) => (
                  <li key={m.userId}>
                    <Text span fw={600}>
                      {m.name}
                    </Text>
                    {m.title ? <Text span>{` – ${m.title}`}</Text> : null}
                  </li>
                ))}
              </Box>
            )}
          </Box>
        </Stack>
      </SectionCard>
      <GoalsSection group={g} />
      <MilestonesSection group={g} />
      <GroupFormModal opened={editing} onClose={() => setEditing(false)} editing={g} />
    </>
  );
}

function GoalsSection({ group }: { group: TSteeringGroupDetail }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const openingLabels = useOpeningLabels();
  const [form, setForm] = useState<{ goal: TGoal | null } | null>(null);
  const [deleting, setDeleting] = useState<TGoal | null>(null);
  const canCreate = canOnSteering(me, 'create', 'goal', group.partnershipId);
  const canEdit = canOnSteering(me, 'update', 'goal', group.partnershipId);
  const canDelete = canOnSteering(me, 'delete', 'goal', group.partnershipId);
  const year = danishDate(new Date()).slice(0, 4);
  const days = t('steeringPage.goals.days');

  const columns = useMemo<TColumn<TGoal>[]>(
    () => [
      {
        key: 'title',
        header: t('steeringPage.goals.goalColumn'),
        sortKey: 'title',
        render: (g) => (
          <>
            <Text size="sm" fw={600}>
              {g.title}
            </Text>
            {g.note ? (
              <Text size="xs" c="dimmed" maw={320}>
                {g.note}
              </Text>
            ) : null}
          </>
        ),
      },
      {
        key: 'kpi',
        header: t('steeringPage.goals.field.kpi'),
        sortKey: 'kpi',
        render: (g) => (
          <>
            <Text size="sm">{kpiLabel(g.kpi, i18n.language)}</Text>
            {g.openingType ? (
              <Text size="xs" c="dimmed">
                {openingLabels.type(g.openingType)}
              </Text>
            ) : null}
            {g.indicatorNameDa ? (
              <Text size="xs" c="dimmed">
                {`${g.indicatorNameDa} · ${g.housingAreaName ?? ''}`}
              </Text>
            ) : null}
          </>
        ),
      },
      {
        key: 'target',
        header: t('steeringPage.goals.field.target'),
        sortKey: 'target',
        align: 'right',
        render: (g) => (
          <>
            <Text size="sm">{formatGoalValue(g.target, g, days)}</Text>
            {g.baseline !== null ? (
              <Text size="xs" c="dimmed">
                {t('steeringPage.goals.fromBaseline', { value: formatGoalValue(g.baseline, g, days) })}
              </Text>
            ) : null}
          </>
        ),
      },
      {
        key: 'actual',
        header: t('steeringPage.goals.actual'),
        align: 'right',
        render: (g) => (
          <>
            <Text size="sm" fw={600}>
              {g.actualSuppressed
                ? t('steeringPage.goals.suppressed')
                : g.actual === null
                  ? '–'
                  : formatGoalValue(g.actual, g, days)}
            </Text>
            {g.actualSuppressed ? (
              <Text size="xs" c="dimmed">
                {t('steeringPage.goals.suppressedHint')}
              </Text>
            ) : null}
            {g.actualYear !== null ? (
              <Text size="xs" c="dimmed">
                {t('steeringPage.goals.actualYear', { year: g.actualYear })}
              </Text>
            ) : null}
          </>
        ),
      },
      {
        key: 'period',
        header: t('steeringPage.goals.period'),
        sortKey: 'periodFrom',
        // Two lines, so the table keeps room for its actions.
        render: (g) => (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {`${formatDate(g.periodFrom)} –`}
            <br />
            {formatDate(g.periodTo)}
          </Text>
        ),
      },
      {
        key: 'owner',
        header: t('steeringPage.goals.owner'),
        sortKey: 'owner',
        render: (g) => <Text size="sm">{g.ownerName ?? '–'}</Text>,
      },
      {
        key: 'status',
        header: t('steeringPage.goals.status'),
        sortKey: 'status',
        render: (g) => <TrafficLightBadge goal={g} />,
      },
    ],
    [t, i18n.language, openingLabels, days],
  );

  return (
    <SectionCard
      title={t('steeringPage.goals.title')}
      actions={
        canCreate ? (
          <Button size="xs" onClick={() => setForm({ goal: null })}>
            {t('steeringPage.goals.create')}
          </Button>
        ) : null
      }
    >
      <Text size="sm" mb="sm">
        {t('steeringPage.goals.explain')}
      </Text>
      <DataTable<TGoal>
        path={GOALS_PATH}
        columns={columns}
        rowKey={(g) => g.id}
        caption={t('steeringPage.goals.title')}
        defaultSort="periodFrom"
        extraQuery={{ steeringGroupId: group.id }}
        searchLabel={t('steeringPage.goals.search')}
        countLabel={(n) => t('steeringPage.goals.count', { count: n })}
        emptyState={
          <>
            <Text fw={600}>{t('steeringPage.goals.emptyTitle')}</Text>
            <Text>{t(canCreate ? 'steeringPage.goals.emptyWriter' : 'steeringPage.goals.empty')}</Text>
          </>
        }
        rowActions={
          canEdit || canDelete
            ? (g) => (
                <>
                  {canEdit ? (
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('common.editNamed', { name: g.title })}
                      onClick={() => setForm({ goal: g })}
                    >
                      {t('common.edit')}
                    </Button>
                  ) : null}
                  {canDelete ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('common.deleteNamed', { name: g.title })}
                      onClick={() => setDeleting(g)}
                    >
                      {t('common.delete')}
                    </Button>
                  ) : null}
                </>
              )
            : undefined
        }
      />
      <GoalFormModal
        opened={form !== null}
        onClose={() => setForm(null)}
        group={group}
        editing={form?.goal ?? null}
        defaultPeriod={{ periodFrom: `${year}-01-01`, periodTo: `${year}-12-31` }}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('steeringPage.goals.deleteTitle')}
        message={t('common.deleteConfirm', { name: deleting?.title ?? '' })}
        confirmLabel={t('common.delete')}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await api.delete(`${GOALS_PATH}/${deleting.id}`);
          await qc.invalidateQueries({ queryKey: [GOALS_PATH] });
          notifySaved(t, t('common.deleted', { name: deleting.title }));
        }}
      />
    </SectionCard>
  );
}

function MilestonesSection({ group }: { group: TSteeringGroupDetail }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const [form, setForm] = useState<{ milestone: TMilestone | null } | null>(null);
  const [deleting, setDeleting] = useState<TMilestone | null>(null);
  const [markError, setMarkError] = useState<unknown>(null);
  const query = { partnershipId: group.partnershipId, pageSize: 200, sort: 'dueDate' };
  const list = useQuery({
    queryKey: [MILESTONES_PATH, query],
    queryFn: ({ signal }) => api.get<TPage<TMilestone>>(MILESTONES_PATH, query, signal),
  });
  const canCreateOwn = canOnSteering(me, 'create', 'milestone', group.partnershipId);
  const canProgramme = canOnSteering(me, 'create', 'milestone', null);
  const may = (action: 'update' | 'delete', m: TMilestone) =>
    canOnSteering(me, action, 'milestone', m.partnershipId);

  const markDone = async (m: TMilestone) => {
    setMarkError(null);
    try {
      await request('PUT', `${MILESTONES_PATH}/${m.id}`, { body: milestoneWithStatus(m, 'done') });
      await qc.invalidateQueries({ queryKey: [MILESTONES_PATH] });
      notifySaved(t, t('steeringPage.milestones.markedDone', { title: m.title }));
    } catch (e) {
      setMarkError(e);
    }
  };

  const items = list.data?.items ?? [];
  return (
    <SectionCard
      title={t('steeringPage.milestones.title')}
      actions={
        canCreateOwn || canProgramme ? (
          <Button size="xs" onClick={() => setForm({ milestone: null })}>
            {t('steeringPage.milestones.create')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={list.error ?? markError} />
      {list.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {list.data && items.length === 0 ? <Text>{t('steeringPage.milestones.empty')}</Text> : null}
      {items.length > 0 ? (
        <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((m) => (
            <Paper
              key={m.id}
              component="li"
              withBorder
              radius="md"
              p="sm"
              style={{ borderLeft: `4px solid var(--mantine-color-${MILESTONE_STATUS_COLOR[m.status]}-7)` }}
            >
              <Group justify="space-between" align="flex-start" gap="sm">
                <Stack gap={4} style={{ flex: '1 1 22rem' }}>
                  <Group gap="xs">
                    <Text fw={700}>{formatDate(m.dueDate)}</Text>
                    <Badge color={MILESTONE_STATUS_COLOR[m.status]} tt="none" styles={WORD_BADGE_STYLES}>
                      {t(`steeringPage.milestones.status.${m.status}`)}
                    </Badge>
                    {m.overdue ? (
                      <Badge color="red" tt="none" styles={WORD_BADGE_STYLES}>
                        {t('steeringPage.milestones.overdue')}
                      </Badge>
                    ) : null}
                    <Badge color="gray" tt="none" styles={WORD_BADGE_STYLES}>
                      {m.partnershipId === null
                        ? t('steeringPage.milestones.programme')
                        : (m.partnershipName ?? '')}
                    </Badge>
                  </Group>
                  <Text fw={600}>{m.title}</Text>
                  {m.description ? <Text size="sm">{m.description}</Text> : null}
                  <Text size="sm" c="dimmed">
                    {[
                      m.ownerName ? t('steeringPage.milestones.ownedBy', { owner: m.ownerName }) : null,
                      m.completedOn
                        ? t('steeringPage.milestones.completedOn', { date: formatDate(m.completedOn) })
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Stack>
                <Group gap="xs">
                  {may('update', m) && m.status !== 'done' && m.status !== 'cancelled' ? (
                    <Button
                      size="xs"
                      variant="light"
                      color="green"
                      aria-label={t('steeringPage.milestones.markDoneNamed', { title: m.title })}
                      onClick={() => void markDone(m)}
                    >
                      {t('steeringPage.milestones.markDone')}
                    </Button>
                  ) : null}
                  {may('update', m) ? (
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('common.editNamed', { name: m.title })}
                      onClick={() => setForm({ milestone: m })}
                    >
                      {t('common.edit')}
                    </Button>
                  ) : null}
                  {may('delete', m) ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('common.deleteNamed', { name: m.title })}
                      onClick={() => setDeleting(m)}
                    >
                      {t('common.delete')}
                    </Button>
                  ) : null}
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      ) : null}
      <MilestoneFormModal
        opened={form !== null}
        onClose={() => setForm(null)}
        partnership={{ id: group.partnershipId, name: group.partnershipName }}
        canProgramme={canProgramme}
        editing={form?.milestone ?? null}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('steeringPage.milestones.deleteTitle')}
        message={t('common.deleteConfirm', { name: deleting?.title ?? '' })}
        confirmLabel={t('common.delete')}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await api.delete(`${MILESTONES_PATH}/${deleting.id}`);
          await qc.invalidateQueries({ queryKey: [MILESTONES_PATH] });
          notifySaved(t, t('common.deleted', { name: deleting.title }));
        }}
      />
    </SectionCard>
  );
}
