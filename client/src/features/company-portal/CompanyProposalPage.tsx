import { api } from '@client/api/client.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { Fact, FactGrid, SectionCard } from '@client/components/SectionCard.tsx';
import { useOpeningLabels } from '@client/features/openings/opening-ui.tsx';
import { ProposalStatusBadge } from '@client/features/proposals/proposal-ui.tsx';
import { formatDate } from '@client/lib/format.ts';
import type { TCompanyAction, TCompanyProposal } from '@domain/placement.schema.ts';
import { Alert, Anchor, Button, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DeclineDialog, HireDialog, InviteDialog, OutcomeDialog } from './CompanyProposalModals.tsx';
import { CandidateProfile, COMPANY_PROPOSALS_PATH, useInterviewAt } from './company-portal-ui.tsx';

/** The order of the company's answers on the page, the positive ones first. */
const ACTION_ORDER: readonly TCompanyAction[] = ['invite', 'record_interview', 'hire', 'decline'];

/**
 * One candidate sent to the company: the consented profile (or why it is not shown), how far the
 * proposal has come, and the company's answers as buttons that open dialog forms.
 */
export function CompanyProposalPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const labels = useOpeningLabels();
  const interviewAt = useInterviewAt();
  const [dialog, setDialog] = useState<TCompanyAction | null>(null);
  const query = useQuery({
    queryKey: [COMPANY_PROPOSALS_PATH, id],
    queryFn: ({ signal }) => api.get<TCompanyProposal>(`${COMPANY_PROPOSALS_PATH}/${id}`, undefined, signal),
  });

  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('companyPortal.detailTitle')} />
        <ErrorAlert error={query.error} />
        <Anchor component={Link} to="/company/proposals" mt="md" display="inline-block">
          {t('companyPortal.backToList')}
        </Anchor>
      </>
    );
  }
  const p = query.data;
  const close = () => setDialog(null);
  const actions = ACTION_ORDER.filter((a) => p.actions.includes(a));
  const actionLabel = (a: TCompanyAction) =>
    a === 'invite' && p.status === 'interview'
      ? t('companyPortal.moveInterview')
      : t(`companyPortal.action.${a}`);

  return (
    <>
      <PageHeader
        title={
          p.candidate
            ? t('companyPortal.detailHeading', { name: p.candidate.firstName, opening: p.openingTitle })
            : t('companyPortal.detailHeadingHidden', { opening: p.openingTitle })
        }
        lead={
          <>
            {labels.type(p.openingType)} · <ProposalStatusBadge status={p.status} />
          </>
        }
        actions={
          <Anchor component={Link} to="/company/proposals">
            {t('companyPortal.backToList')}
          </Anchor>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <SectionCard title={t('companyPortal.profile')}>
          {p.candidate ? (
            <CandidateProfile candidate={p.candidate} />
          ) : (
            <Alert color="gray" variant="light" title={t('companyPortal.hiddenTitle')}>
              {p.status === 'company_declined'
                ? t('companyPortal.hiddenDeclined')
                : t('companyPortal.hiddenConsent')}
            </Alert>
          )}
          <Text size="sm" c="dimmed" mt="md">
            {t('companyPortal.profileHint')}
          </Text>
        </SectionCard>
        <Stack gap="lg">
          <SectionCard title={t('companyPortal.answer')}>
            {actions.length === 0 ? (
              <Text>
                {p.status === 'hired' ? t('companyPortal.doneHired') : t('companyPortal.doneOther')}
              </Text>
            ) : (
              <Stack gap="sm">
                <Text size="sm">
                  {p.status === 'interview'
                    ? t('companyPortal.nextAfterInterview')
                    : t('companyPortal.nextAfterSent')}
                </Text>
                <Group gap="xs">
                  {actions.map((a) => (
                    <Button
                      key={a}
                      variant={a === 'decline' ? 'outline' : a === 'hire' ? 'filled' : 'light'}
                      color={a === 'decline' ? 'red.8' : undefined}
                      onClick={() => setDialog(a)}
                    >
                      {actionLabel(a)}
                    </Button>
                  ))}
                </Group>
              </Stack>
            )}
            {p.placementId ? (
              <Button component={Link} to={`/placements/${p.placementId}`} variant="light" mt="sm">
                {t('companyPortal.toPlacement')}
              </Button>
            ) : null}
          </SectionCard>
          <SectionCard title={t('companyPortal.course')}>
            <FactGrid>
              <Fact label={t('companyPortal.opening')}>
                <Anchor component={Link} to={`/openings/${p.openingId}`}>
                  {p.openingTitle}
                </Anchor>
              </Fact>
              <Fact label={t('companyPortal.sentAt')}>{formatDate(p.sentToCompanyAt)}</Fact>
              <Fact label={t('companyPortal.interview')}>{interviewAt(p.interviewAt)}</Fact>
              <Fact label={t('companyPortal.location')}>{p.interviewLocation ?? ''}</Fact>
              <Fact label={t('companyPortal.outcomeLabel')}>
                {p.interviewOutcome ? t(`companyPortal.outcome.${p.interviewOutcome}`) : ''}
              </Fact>
              {p.declineReason ? (
                <Fact label={t('companyPortal.declineReasonLabel')}>
                  {t(`companyPortal.declineReason.${p.declineReason}`)}
                </Fact>
              ) : null}
            </FactGrid>
          </SectionCard>
        </Stack>
      </SimpleGrid>
      <InviteDialog proposal={p} opened={dialog === 'invite'} onClose={close} />
      <OutcomeDialog proposal={p} opened={dialog === 'record_interview'} onClose={close} />
      <HireDialog proposal={p} opened={dialog === 'hire'} onClose={close} />
      <DeclineDialog proposal={p} opened={dialog === 'decline'} onClose={close} />
    </>
  );
}
