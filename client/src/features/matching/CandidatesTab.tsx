import { api } from '@client/api/client.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { SectionCard } from '@client/components/SectionCard.tsx';
import { formatDate, formatNumber } from '@client/lib/format.ts';
import type { TCandidate, TOpeningCandidates } from '@domain/matching/matching.schema.ts';
import { Alert, Anchor, List, Loader, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatPercent, MATCHING_KEYS, MatchCard, ProposeModal } from './matching-ui.tsx';

/**
 * An opening's "Kandidater" tab: the ranked people the viewer may see, each with the reasons
 * and a breakdown to expand, who is left out and why, and who is already proposed. Proposing
 * stays a person's decision: one click per person, with a note.
 */
export function CandidatesTab({ openingId }: { openingId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [target, setTarget] = useState<TCandidate | null>(null);
  const query = useQuery({
    queryKey: MATCHING_KEYS.candidates(openingId),
    // A consent withdrawn elsewhere takes effect on the very next request: always ask again.
    refetchOnMount: 'always',
    queryFn: ({ signal }) =>
      api.get<TOpeningCandidates>(`/api/openings/${openingId}/candidates`, { limit: 50 }, signal),
  });
  if (query.isPending) return <Loader aria-label={t('matching.loading')} />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const data = query.data;
  // A full opening (n proposals under way) takes no more until one of them ends.
  const full = data.opening.activeProposals >= data.opening.maxActiveProposals;
  const canPropose = data.opening.matchable && !full;

  return (
    <Stack gap="lg">
      {data.opening.matchable ? null : (
        <Alert color="orange" variant="light">
          {t('matching.notMatchable')}
        </Alert>
      )}
      {data.opening.matchable && full ? (
        <Alert color="orange" variant="light">
          {t('matching.openingFull', { count: data.opening.activeProposals })}
        </Alert>
      ) : null}
      <SectionCard
        title={t('matching.candidatesTitle')}
        actions={
          <Text size="sm" c="dimmed">
            {t('matching.candidateCount', { count: data.candidateCount, shown: data.candidates.length })}
          </Text>
        }
      >
        <Text size="sm" mb="md">
          {t('matching.candidatesLead')}
        </Text>
        {data.candidates.length === 0 ? (
          <Text>{t('matching.noCandidates')}</Text>
        ) : (
          <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {data.candidates.map((c, i) => (
              <CandidateRow
                key={c.residentId}
                rank={i + 1}
                candidate={c}
                onPropose={canPropose ? () => setTarget(c) : undefined}
              />
            ))}
          </Stack>
        )}
      </SectionCard>

      <SectionCard title={t('matching.excludedTitle')}>
        {data.exclusionSummary.length === 0 ? (
          <Text>{t('matching.noneExcluded')}</Text>
        ) : (
          <>
            <Text size="sm" mb="xs">
              {t('matching.excludedLead', { count: data.excludedCount })}
            </Text>
            <List>
              {data.exclusionSummary.map((l) => (
                <List.Item key={`${l.code}-${l.label}`}>{l.label}</List.Item>
              ))}
            </List>
          </>
        )}
      </SectionCard>

      <SectionCard title={t('matching.proposedTitle')}>
        {data.proposed.length === 0 ? (
          <Text>{t('matching.noneProposed')}</Text>
        ) : (
          <List>
            {data.proposed.map((p) => (
              <List.Item key={p.proposalId}>
                <Anchor component={Link} to={`/residents/${p.residentId}`}>
                  {p.firstName} {p.lastName}
                </Anchor>{' '}
                · {t(`matching.proposalStatus.${p.status}`)} · {formatDate(p.proposedAt.slice(0, 10))} ·{' '}
                {formatPercent(p.score)}
              </List.Item>
            ))}
          </List>
        )}
      </SectionCard>

      <ProposeModal
        target={
          target
            ? {
                openingId,
                residentId: target.residentId,
                residentName: `${target.firstName} ${target.lastName}`,
                openingTitle: data.opening.title,
              }
            : null
        }
        onClose={() => setTarget(null)}
        onProposed={async () => {
          await qc.invalidateQueries({ queryKey: MATCHING_KEYS.candidates(openingId) });
          await qc.invalidateQueries({ queryKey: ['/api/openings', openingId] });
        }}
      />
    </Stack>
  );
}

function CandidateRow({
  rank,
  candidate: c,
  onPropose,
}: {
  rank: number;
  candidate: TCandidate;
  onPropose?: () => void;
}) {
  const { t } = useTranslation();
  const name = `${c.firstName} ${c.lastName}`;
  return (
    <MatchCard
      title={name}
      to={`/residents/${c.residentId}`}
      prefix={`${formatNumber(rank)}. `}
      facts={`${c.housingAreaName ?? t('matching.outsideAreas')}${
        c.activeProposals > 0 ? ` · ${t('matching.activeProposals', { count: c.activeProposals })}` : ''
      }`}
      score={c.score}
      reasons={c.reasons}
      components={c.components}
      proposeLabel={t('matching.proposeNamed', { name })}
      onPropose={onPropose}
    />
  );
}
