import { api } from '@client/api/client.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { ScoreBar } from '@client/features/proposals/proposal-ui.tsx';
import { formatDateTime, formatNumber } from '@client/lib/format.ts';
import type { TPage } from '@domain/common.schema.ts';
import type {
  TAllocationDetail,
  TAllocationLine,
  TAllocationListItem,
  TAllocationPartnership,
} from '@domain/proposal.schema.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

const PATH = '/api/allocations';

/**
 * The allocation plan ("Fordelingsplan", issue 5 item 4): a job consultant computes the proposals
 * with the largest total score within the limits for the partnership's open openings, and accepts
 * or rejects each line; an accepted line becomes a proposal awaiting the resident's answer.
 */
export function AllocationPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const partnerships = useQuery({
    queryKey: [PATH, 'partnerships'],
    queryFn: ({ signal }) => api.get<TAllocationPartnership[]>(`${PATH}/partnerships`, undefined, signal),
  });
  const partnershipId = params.get('partnershipId') ?? partnerships.data?.[0]?.id ?? '';
  const partnership = partnerships.data?.find((p) => p.id === partnershipId);
  const latest = useQuery({
    queryKey: [PATH, 'list', { partnershipId, latest: true }],
    enabled: partnershipId !== '',
    queryFn: ({ signal }) =>
      api.get<TPage<TAllocationListItem>>(
        PATH,
        { partnershipId, sort: 'createdAt', dir: 'desc', pageSize: 1 },
        signal,
      ),
  });
  const planId = params.get('id') ?? latest.data?.items[0]?.id ?? '';
  const plan = useQuery({
    queryKey: [PATH, planId],
    enabled: planId !== '',
    queryFn: ({ signal }) => api.get<TAllocationDetail>(`${PATH}/${planId}`, undefined, signal),
  });
  const compute = useMutation({
    mutationFn: () => api.post<TAllocationDetail>(PATH, { partnershipId }),
    onSuccess: async (data) => {
      qc.setQueryData([PATH, data.id], data);
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set('id', data.id);
        return next;
      });
      await qc.invalidateQueries({ queryKey: [PATH, 'list'] });
    },
  });
  const [lastError, setLastError] = useState<{ lineId: string; error: unknown } | null>(null);
  const decide = useMutation({
    mutationFn: (v: { lineId: string; decision: 'accepted' | 'rejected' }) =>
      api.post<TAllocationDetail>(`${PATH}/${planId}/lines/${v.lineId}/decision`, { decision: v.decision }),
    onMutate: () => setLastError(null),
    onError: (error, v) => setLastError({ lineId: v.lineId, error }),
    onSuccess: async (data) => {
      qc.setQueryData([PATH, data.id], data);
      await qc.invalidateQueries({ queryKey: ['/api/proposals'] });
    },
  });

  if (partnerships.isPending) return <Loader aria-label={t('common.loading')} />;
  const p = plan.data;
  const groups = new Map<string, TAllocationLine[]>();
  for (const line of p?.lines ?? [])
    groups.set(line.openingId, [...(groups.get(line.openingId) ?? []), line]);

  return (
    <>
      <PageHeader
        title={t('allocations.title')}
        lead={t('allocations.lead')}
        actions={
          <Anchor component={Link} to="/proposals">
            {t('allocations.toProposals')}
          </Anchor>
        }
      />
      <Stack gap="lg">
        <ErrorAlert error={partnerships.error} />
        {partnerships.data && partnerships.data.length === 0 ? (
          <Text>{t('allocations.noPartnership')}</Text>
        ) : null}
        {partnerships.data && partnerships.data.length > 0 ? (
          <Group align="flex-end" gap="md">
            {partnerships.data.length > 1 ? (
              <NativeSelect
                label={t('allocations.partnership')}
                value={partnershipId}
                onChange={(e) =>
                  setParams((prev) => {
                    const next = new URLSearchParams(prev);
                    next.set('partnershipId', e.currentTarget.value);
                    next.delete('id');
                    return next;
                  })
                }
                data={partnerships.data.map((x) => ({ value: x.id, label: x.name }))}
              />
            ) : (
              <Text fw={600}>{partnership?.name}</Text>
            )}
            {partnership?.canPlan ? (
              <Button onClick={() => compute.mutate()} loading={compute.isPending}>
                {t('allocations.compute')}
              </Button>
            ) : null}
          </Group>
        ) : null}
        <ErrorAlert error={compute.error ?? latest.error ?? plan.error} />
        {partnershipId && latest.data && latest.data.items.length === 0 && !planId ? (
          <Paper withBorder p="xl" radius="md">
            <Text fw={600}>{t('allocations.empty')}</Text>
            <Text>{partnership?.canPlan ? t('allocations.emptyPlan') : t('allocations.emptyWait')}</Text>
          </Paper>
        ) : null}
        {p ? (
          <>
            <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="plan-heading">
              <Title order={2} fz="h3" id="plan-heading" mb="xs">
                {t('allocations.planOf', { at: formatDateTime(p.createdAt) })}
              </Title>
              <Text size="sm" mb="sm">
                {t('allocations.summary', {
                  openings: formatNumber(p.openingCount),
                  candidates: formatNumber(p.candidateCount),
                  k: p.settings.maxActiveProposalsPerResident,
                  n: p.settings.maxActiveProposalsPerOpening,
                })}
              </Text>
              <Group gap="sm" wrap="nowrap">
                <Progress
                  value={p.lineCount === 0 ? 100 : (p.decidedCount / p.lineCount) * 100}
                  w={240}
                  aria-label={t('allocations.progressLabel')}
                  color="blue.8"
                />
                <Text fw={600} aria-live="polite">
                  {t('allocations.progress', {
                    decided: formatNumber(p.decidedCount),
                    total: formatNumber(p.lineCount),
                  })}
                </Text>
                {p.status === 'closed' ? (
                  <Badge variant="light" c="dark.9">
                    {t('allocations.closed')}
                  </Badge>
                ) : null}
              </Group>
              {p.hiddenLineCount > 0 ? (
                <Text size="sm" mt="sm">
                  {t('allocations.hidden', { count: p.hiddenLineCount })}
                </Text>
              ) : null}
              {p.lineCount === 0 ? <Text mt="sm">{t('allocations.noLines')}</Text> : null}
            </Paper>
            {[...groups.values()].map((lines) => (
              <Paper
                key={lines[0]!.openingId}
                withBorder
                radius="md"
                p="lg"
                component="section"
                aria-labelledby={`opening-${lines[0]!.openingId}`}
              >
                <Title order={3} fz="h4" id={`opening-${lines[0]!.openingId}`} mb="sm">
                  <Anchor component={Link} to={`/openings/${lines[0]!.openingId}`}>
                    {lines[0]!.openingTitle}
                  </Anchor>{' '}
                  · {lines[0]!.companyName}
                </Title>
                <Table.ScrollContainer minWidth={640} type="native">
                  <Table fz="sm" verticalSpacing="xs">
                    <caption className="visually-hidden">
                      {t('allocations.linesOf', { opening: lines[0]!.openingTitle })}
                    </caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('proposals.resident')}</Table.Th>
                        <Table.Th>{t('proposals.score')}</Table.Th>
                        <Table.Th>{t('allocations.reasons')}</Table.Th>
                        <Table.Th style={{ textAlign: 'right' }}>{t('allocations.decision')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {lines.map((line) => (
                        <Table.Tr key={line.id}>
                          <Table.Td>
                            <Anchor component={Link} to={`/residents/${line.residentId}`}>
                              {line.residentName}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>
                            <ScoreBar
                              score={line.score}
                              label={t('proposals.scoreOf', { name: line.residentName })}
                            />
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{line.scoreSnapshot.reasons.slice(0, 3).join(' · ')}</Text>
                            {lastError?.lineId === line.id ? <ErrorAlert error={lastError.error} /> : null}
                          </Table.Td>
                          <Table.Td style={{ textAlign: 'right' }}>
                            {line.decision === 'pending' && p.canDecide ? (
                              <Group gap="xs" justify="flex-end" wrap="nowrap">
                                <Button
                                  size="compact-sm"
                                  loading={
                                    decide.isPending &&
                                    decide.variables?.lineId === line.id &&
                                    decide.variables.decision === 'accepted'
                                  }
                                  onClick={() => decide.mutate({ lineId: line.id, decision: 'accepted' })}
                                  aria-label={t('allocations.acceptFor', { name: line.residentName })}
                                >
                                  {t('allocations.accept')}
                                </Button>
                                <Button
                                  size="compact-sm"
                                  variant="outline"
                                  color="red.8"
                                  onClick={() => decide.mutate({ lineId: line.id, decision: 'rejected' })}
                                  aria-label={t('allocations.rejectFor', { name: line.residentName })}
                                >
                                  {t('allocations.reject')}
                                </Button>
                              </Group>
                            ) : line.decision === 'accepted' && line.proposalId ? (
                              <Anchor component={Link} to={`/proposals/${line.proposalId}`}>
                                {t('allocations.toProposal')}
                              </Anchor>
                            ) : (
                              <Text size="sm">{t(`allocations.decisionLabel.${line.decision}`)}</Text>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            ))}
          </>
        ) : plan.isFetching ? (
          <Loader aria-label={t('common.loading')} />
        ) : null}
        {compute.isSuccess && p && p.lineCount > 0 ? (
          <Alert color="blue" variant="light" role="status">
            {t('allocations.computed', { count: p.lineCount })}
          </Alert>
        ) : null}
      </Stack>
    </>
  );
}
