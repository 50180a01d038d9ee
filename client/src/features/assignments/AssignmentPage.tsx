import { api } from '@client/api/client.ts';
import { meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { ConfirmDialog } from '@client/components/ConfirmDialog.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { Fact, FactGrid, SectionCard } from '@client/components/SectionCard.tsx';
import { usePageTitle } from '@client/components/usePageTitle.ts';
import { DialogueTable, useDialogues } from '@client/features/job-dialogues/dialogue-ui.tsx';
import { ClauseCards } from '@client/features/social-clauses/ClauseCards.tsx';
import { ClauseFormModal } from '@client/features/social-clauses/ClauseFormModal.tsx';
import type { TAssignmentDetail } from '@domain/assignment.schema.ts';
import type { TJobDialogue } from '@domain/job-dialogue.schema.ts';
import type { TResource } from '@domain/policy.ts';
import { Anchor, Button, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { AssignmentFormModal } from './AssignmentFormModal.tsx';
import {
  ASSIGNMENTS_PATH,
  formatKroner,
  formatPeriod,
  JOB_DIALOGUES_PATH,
  notifySaved,
  SOCIAL_CLAUSES_PATH,
} from './assignment-ui.tsx';
import { OpeningsSection } from './OpeningsSection.tsx';

export function AssignmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const assignment = useQuery({
    queryKey: [ASSIGNMENTS_PATH, 'detail', id],
    queryFn: ({ signal }) => api.get<TAssignmentDetail>(`${ASSIGNMENTS_PATH}/${id}`, undefined, signal),
  });
  usePageTitle(assignment.data?.title ?? t('assignments.detailTitle'));
  if (assignment.isPending) return <Skeleton height={240} />;
  if (assignment.isError) {
    return (
      <Stack>
        <Title order={1}>{t('assignments.detailTitle')}</Title>
        <ErrorAlert error={assignment.error} />
        <Anchor component={Link} to="/assignments">
          {t('assignments.backToList')}
        </Anchor>
      </Stack>
    );
  }
  return <AssignmentDetail assignment={assignment.data} />;
}

function AssignmentDetail({ assignment: a }: { assignment: TAssignmentDetail }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const resource: TResource = {
    kind: 'assignment',
    id: a.id,
    housingOrganisationId: a.housingOrganisationId,
    companyId: a.companyId,
  };
  // The client knows the organisation of a housing staff scope, so this answer is exact for them.
  const canUpdate = meCan(me, 'update', resource);
  const canDelete = meCan(me, 'delete', resource);
  const canSeeDialogues = meCan(me, 'list', { kind: 'job_dialogue' });
  const ownCompany = me.memberships.every((m) => m.role === 'company_contact');
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [addingClause, setAddingClause] = useState(false);

  return (
    <>
      {ownCompany ? (
        <Anchor component={Link} to={`/companies/${a.companyId}`} size="sm" mb="xs" display="inline-block">
          ← {a.companyName}
        </Anchor>
      ) : (
        <Anchor component={Link} to="/assignments" size="sm" mb="xs" display="inline-block">
          ← {t('assignments.backToList')}
        </Anchor>
      )}
      <PageHeader
        title={a.title}
        lead={`${t(`assignments.kind.${a.kind}`)} · ${a.companyName}`}
        actions={
          <>
            {canUpdate ? (
              <Button variant="outline" onClick={() => setEditing(true)}>
                {t('assignments.edit')}
              </Button>
            ) : null}
            {canDelete ? (
              <Button variant="outline" color="red" onClick={() => setDeleting(true)}>
                {t('common.delete')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <SectionCard title={t('assignments.facts')}>
          <FactGrid>
            <Fact label={t('assignments.field.company')}>
              <Anchor component={Link} to={`/companies/${a.companyId}`}>
                {a.companyName}
              </Anchor>
            </Fact>
            <Fact label={t('assignments.field.housingOrganisation')}>{a.housingOrganisationName}</Fact>
            <Fact label={t('assignments.field.areas')}>{a.areas.map((x) => x.name).join(', ')}</Fact>
            <Fact label={t('assignments.field.kind')}>{t(`assignments.kind.${a.kind}`)}</Fact>
            <Fact label={t('assignments.field.valueDkk')}>{formatKroner(a.valueDkk)}</Fact>
            <Fact label={t('assignments.field.period')}>{formatPeriod(a.startDate, a.endDate)}</Fact>
            <Fact label={t('assignments.field.contractReference')}>{a.contractReference ?? ''}</Fact>
          </FactGrid>
          {a.description ? (
            <Text mt="md" style={{ whiteSpace: 'pre-wrap' }}>
              {a.description}
            </Text>
          ) : null}
        </SectionCard>

        <SectionCard
          title={t('assignments.clauses')}
          actions={
            canUpdate ? (
              <Button size="compact-md" variant="outline" onClick={() => setAddingClause(true)}>
                {t('socialClauses.create')}
              </Button>
            ) : null
          }
        >
          {a.clauses.length === 0 ? (
            <Text>{t('assignments.noClauses')}</Text>
          ) : (
            <ClauseCards clauses={a.clauses} assignment={a} canEdit={canUpdate} />
          )}
        </SectionCard>

        {canSeeDialogues ? <AssignmentDialogues assignment={a} canCreate={canUpdate} /> : null}

        <OpeningsSection filter={{ assignmentId: a.id }} newHref={`/openings/new?assignmentId=${a.id}`} />
      </Stack>

      <AssignmentFormModal opened={editing} onClose={() => setEditing(false)} editing={a} />
      <ClauseFormModal
        opened={addingClause}
        onClose={() => setAddingClause(false)}
        assignment={a}
        editing={null}
      />
      <ConfirmDialog
        opened={deleting}
        title={t('assignments.deleteTitle')}
        message={t('common.deleteConfirm', { name: a.title })}
        confirmLabel={t('common.delete')}
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          await api.delete(`${ASSIGNMENTS_PATH}/${a.id}`);
          await Promise.all([
            qc.invalidateQueries({ queryKey: [ASSIGNMENTS_PATH] }),
            qc.invalidateQueries({ queryKey: [JOB_DIALOGUES_PATH] }),
            qc.invalidateQueries({ queryKey: [SOCIAL_CLAUSES_PATH] }),
          ]);
          notifySaved(t, t('common.deleted', { name: a.title }));
          void navigate('/assignments');
        }}
      />
    </>
  );
}

function AssignmentDialogues({
  assignment,
  canCreate,
}: {
  assignment: TAssignmentDetail;
  canCreate: boolean;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const dialogues = useDialogues({ assignmentId: assignment.id });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const startDialogue = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<TJobDialogue>(JOB_DIALOGUES_PATH, { assignmentId: assignment.id });
      await qc.invalidateQueries({ queryKey: [JOB_DIALOGUES_PATH] });
      await navigate(`/job-dialogues/${created.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const items = dialogues.data?.items ?? [];
  return (
    <SectionCard
      title={t('jobDialogues.title')}
      actions={
        canCreate ? (
          <Button size="compact-md" variant="outline" loading={busy} onClick={() => void startDialogue()}>
            {t('jobDialogues.create')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={error ?? dialogues.error} />
      {dialogues.isPending ? (
        <Skeleton height={60} />
      ) : items.length === 0 ? (
        <Text>{t('jobDialogues.noneForAssignment')}</Text>
      ) : (
        <DialogueTable dialogues={items} caption={t('jobDialogues.title')} />
      )}
    </SectionCard>
  );
}
