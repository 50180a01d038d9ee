import { api } from '@client/api/client.ts';
import { meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { ConfirmDialog } from '@client/components/ConfirmDialog.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { Fact, FactGrid, SectionCard } from '@client/components/SectionCard.tsx';
import { usePageTitle } from '@client/components/usePageTitle.ts';
import { notifySuccess } from '@client/features/companies/company-ui.tsx';
import { formatDate } from '@client/lib/format.ts';
import type { TAgreement } from '@domain/agreement.schema.ts';
import type { TResource } from '@domain/policy.ts';
import { Anchor, Button, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { AgreementFormModal } from './AgreementFormModal.tsx';
import { commitmentText, periodText } from './agreement-format.ts';
import { AGREEMENTS_PATH, AgreementStateBadge } from './agreement-ui.tsx';

export function AgreementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const agreement = useQuery({
    queryKey: [AGREEMENTS_PATH, 'detail', id],
    queryFn: ({ signal }) => api.get<TAgreement>(`${AGREEMENTS_PATH}/${id}`, undefined, signal),
  });
  usePageTitle(agreement.data?.title ?? t('agreements.detailTitle'));
  if (agreement.isPending) return <Skeleton height={240} />;
  if (agreement.isError) {
    return (
      <Stack>
        <Title order={1}>{t('agreements.detailTitle')}</Title>
        <ErrorAlert error={agreement.error} />
        <Anchor component={Link} to="/agreements">
          {t('agreements.backToList')}
        </Anchor>
      </Stack>
    );
  }
  return <AgreementDetail agreement={agreement.data} />;
}

function AgreementDetail({ agreement }: { agreement: TAgreement }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // Housing staff's scope is their organisation: the client can answer exactly for them.
  const resource: TResource = {
    kind: 'agreement',
    id: agreement.id,
    companyId: agreement.companyId,
    housingOrganisationIds: agreement.housingOrganisations.map((o) => o.id),
  };
  const canUpdate = meCan(me, 'update', resource);
  const canDelete = meCan(me, 'delete', resource);

  return (
    <>
      <Anchor component={Link} to="/agreements" size="sm" mb="xs" display="inline-block">
        ← {t('agreements.backToList')}
      </Anchor>
      <PageHeader
        title={agreement.title}
        lead={<AgreementStateBadge state={agreement.state} />}
        actions={
          <>
            {canUpdate ? (
              <Button variant="outline" onClick={() => setEditing(true)}>
                {t('agreements.edit')}
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
        <SectionCard title={t('agreements.facts')}>
          <FactGrid>
            <Fact label={t('agreements.field.company')}>
              <Anchor component={Link} to={`/companies/${agreement.companyId}`}>
                {agreement.companyName}
              </Anchor>
            </Fact>
            <Fact label={t('agreements.field.housingOrganisations')}>
              {agreement.housingOrganisations.map((o) => o.name).join(', ')}
            </Fact>
            <Fact label={t('agreements.field.period')}>{periodText(t, agreement)}</Fact>
            <Fact label={t('agreements.field.signed')}>
              {agreement.signedOn ? formatDate(agreement.signedOn) : t('agreements.notSigned')}
            </Fact>
          </FactGrid>
        </SectionCard>

        <SectionCard title={t('agreements.field.commitments')}>
          {agreement.commitments.length === 0 ? (
            <Text c="dimmed">{t('agreements.commitment.none')}</Text>
          ) : (
            <List spacing="xs">
              {agreement.commitments.map((c) => (
                <List.Item key={c.id}>
                  <Text component="span" fw={600}>
                    {commitmentText(t, c)}
                  </Text>
                  {c.note ? (
                    <Text component="span" c="dimmed">
                      {' '}
                      – {c.note}
                    </Text>
                  ) : null}
                </List.Item>
              ))}
            </List>
          )}
        </SectionCard>

        {agreement.note ? (
          <SectionCard title={t('agreements.field.noteShort')}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{agreement.note}</Text>
          </SectionCard>
        ) : null}
      </Stack>

      <AgreementFormModal opened={editing} onClose={() => setEditing(false)} editing={agreement} />
      <ConfirmDialog
        opened={deleting}
        title={t('agreements.deleteTitle')}
        message={t('common.deleteConfirm', { name: agreement.title })}
        confirmLabel={t('common.delete')}
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          await api.delete(`${AGREEMENTS_PATH}/${agreement.id}`);
          await qc.invalidateQueries({ queryKey: [AGREEMENTS_PATH] });
          notifySuccess(t, t('common.deleted', { name: agreement.title }));
          void navigate('/agreements');
        }}
      />
    </>
  );
}
