import { api } from '@client/api/client.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { Fact, FactGrid, SectionCard } from '@client/components/SectionCard.tsx';
import { ProposalPlacementLink } from '@client/features/placements/ResidentPlacements.tsx';
import { formatDateTime } from '@client/lib/format.ts';
import type { TProposalDetail, TProposalStatus } from '@domain/proposal.schema.ts';
import { Anchor, Button, Group, Loader, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PROPOSALS_PATH, ProposalStatusBadge, ScoreBar, ScoreBreakdown } from './proposal-ui.tsx';

/** One proposal: who, for what, the score snapshot and reasons, the history, and the next steps. */
export function ProposalPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const query = useQuery({
    queryKey: [PROPOSALS_PATH, id],
    queryFn: ({ signal }) => api.get<TProposalDetail>(`${PROPOSALS_PATH}/${id}`, undefined, signal),
  });
  const move = useMutation({
    mutationFn: (to: TProposalStatus) =>
      api.post<TProposalDetail>(`${PROPOSALS_PATH}/${id}/transitions`, { to, note: note || null }),
    onSuccess: async (data) => {
      setNote('');
      qc.setQueryData([PROPOSALS_PATH, id], data);
      await qc.invalidateQueries({ queryKey: [PROPOSALS_PATH, 'list'] });
    },
  });

  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('proposals.detailTitle')} />
        <ErrorAlert error={query.error} />
      </>
    );
  }
  const p = query.data;
  return (
    <>
      <PageHeader
        title={t('proposals.detailHeading', { name: p.residentName, opening: p.openingTitle })}
        lead={
          <>
            {p.companyName} · <ProposalStatusBadge status={p.status} />
          </>
        }
        actions={
          <Anchor component={Link} to="/proposals">
            {t('proposals.backToList')}
          </Anchor>
        }
      />
      <Stack gap="lg">
        <SectionCard title={t('proposals.facts')}>
          <FactGrid>
            <Fact label={t('proposals.resident')}>
              <Anchor component={Link} to={`/residents/${p.residentId}`}>
                {p.residentName}
              </Anchor>
            </Fact>
            <Fact label={t('proposals.opening')}>
              <Anchor component={Link} to={`/openings/${p.openingId}`}>
                {p.openingTitle}
              </Anchor>
            </Fact>
            <Fact label={t('proposals.company')}>{p.companyName}</Fact>
            <Fact label={t('proposals.proposedBy')}>
              {`${p.proposedByName ?? ''} · ${formatDateTime(p.proposedAt)}`}
            </Fact>
            <Fact label={t('proposals.source')}>{t(`proposals.sourceLabel.${p.source}`)}</Fact>
            <Fact label={t('proposals.answer')}>
              {p.residentAnsweredAt
                ? `${formatDateTime(p.residentAnsweredAt)} · ${p.residentAnswerRecordedByName ?? ''}`
                : t('proposals.noAnswer')}
            </Fact>
            <Fact label={t('proposals.sentToCompany')}>
              {p.sentToCompanyAt ? `${formatDateTime(p.sentToCompanyAt)} · ${p.sentByName ?? ''}` : '–'}
            </Fact>
            {p.interviewAt ? (
              <Fact label={t('proposals.interview')}>
                {[formatDateTime(p.interviewAt), p.interviewLocation].filter(Boolean).join(' · ')}
                {p.interviewOutcome
                  ? ` — ${t(`companyPortal.outcome.${p.interviewOutcome}`)}${p.interviewOutcomeNote ? `: ${p.interviewOutcomeNote}` : ''}`
                  : ''}
              </Fact>
            ) : null}
            {p.companyDeclineReason ? (
              <Fact label={t('proposals.companyDecline')}>
                {t(`companyPortal.declineReason.${p.companyDeclineReason}`, {
                  defaultValue: p.companyDeclineReason,
                })}
                {p.companyDeclineText ? `: ${p.companyDeclineText}` : ''}
              </Fact>
            ) : null}
            {p.status === 'hired' ? (
              <Fact label={t('proposals.placement')}>
                <ProposalPlacementLink residentId={p.residentId} openingId={p.openingId} />
              </Fact>
            ) : null}
            {p.note ? <Fact label={t('proposals.note')}>{p.note}</Fact> : null}
          </FactGrid>
        </SectionCard>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <SectionCard
            title={t('proposals.snapshot')}
            actions={<ScoreBar score={p.score} label={t('proposals.scoreOf', { name: p.residentName })} />}
          >
            <ScoreBreakdown snapshot={p.scoreSnapshot} caption={t('proposals.snapshot')} />
            <Text size="sm" c="dimmed" mt="xs">
              {t('proposals.snapshotHint')}
            </Text>
          </SectionCard>
          <Stack gap="lg">
            <SectionCard title={t('proposals.nextStep')}>
              {p.nextStatuses.length === 0 ? (
                <Text>{t('proposals.final')}</Text>
              ) : (
                <Stack gap="sm">
                  {p.status === 'awaiting_resident' ? (
                    <Text size="sm">{t('proposals.askResident')}</Text>
                  ) : null}
                  <Textarea
                    label={t('proposals.transitionNote')}
                    value={note}
                    onChange={(e) => setNote(e.currentTarget.value)}
                    autosize
                    minRows={2}
                    maxLength={1000}
                  />
                  <ErrorAlert error={move.error} />
                  <Group gap="xs">
                    {p.nextStatuses.map((to) => (
                      <Button
                        key={to}
                        variant={to === 'withdrawn' ? 'outline' : 'filled'}
                        color={to === 'withdrawn' || to === 'resident_declined' ? 'red.8' : undefined}
                        loading={move.isPending && move.variables === to}
                        onClick={() => move.mutate(to)}
                      >
                        {t(`proposals.action.${to}`)}
                      </Button>
                    ))}
                  </Group>
                </Stack>
              )}
            </SectionCard>
            <SectionCard title={t('proposals.history')}>
              <Stack gap={4} component="ol" style={{ paddingLeft: '1.25rem' }}>
                {p.history.map((h) => (
                  <li key={`${h.at}-${h.to}`}>
                    <Text size="sm">
                      {formatDateTime(h.at)} · {t(`proposals.status.${h.to}`)}
                      {h.byName ? ` · ${h.byName}` : ''}
                      {h.note ? ` – ${h.note}` : ''}
                    </Text>
                  </li>
                ))}
              </Stack>
            </SectionCard>
          </Stack>
        </SimpleGrid>
      </Stack>
    </>
  );
}
