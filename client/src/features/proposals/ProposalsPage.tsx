import { DataTable, type TColumn, useListParams } from '@client/components/DataTable.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { formatDate, formatNumber } from '@client/lib/format.ts';
import { PROPOSAL_STATUSES, type TProposalListItem } from '@domain/proposal.schema.ts';
import { Anchor, Button, NativeSelect, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PROPOSALS_PATH, ProposalStatusBadge, ScoreBar } from './proposal-ui.tsx';

/**
 * The proposals of the people the user sees professionally: search (opening, company, person),
 * status filter, sort and paging in the URL. `?residentId=` narrows it to one person (linked from
 * the resident's profile), `?openingId=` to one opening.
 */
export function ProposalsPage() {
  const { t } = useTranslation();
  const list = useListParams();
  const status = list.params.get('status') ?? '';
  const residentId = list.params.get('residentId') ?? '';
  const openingId = list.params.get('openingId') ?? '';

  const columns = useMemo<TColumn<TProposalListItem>[]>(
    () => [
      {
        key: 'resident',
        header: t('proposals.resident'),
        sortKey: 'residentName',
        render: (p) => (
          <Anchor component={Link} to={`/proposals/${p.id}`} fw={600}>
            {p.residentName}
          </Anchor>
        ),
      },
      {
        key: 'opening',
        header: t('proposals.opening'),
        sortKey: 'openingTitle',
        render: (p) => (
          <>
            <Text size="sm">{p.openingTitle}</Text>
            <Text size="xs" c="dimmed">
              {p.companyName}
            </Text>
          </>
        ),
      },
      {
        key: 'status',
        header: t('proposals.statusLabel'),
        sortKey: 'status',
        render: (p) => <ProposalStatusBadge status={p.status} />,
      },
      {
        key: 'score',
        header: t('proposals.score'),
        sortKey: 'score',
        render: (p) => <ScoreBar score={p.score} label={t('proposals.scoreOf', { name: p.residentName })} />,
      },
      { key: 'by', header: t('proposals.proposedBy'), render: (p) => p.proposedByName ?? '' },
      {
        key: 'proposedAt',
        header: t('proposals.proposedAt'),
        sortKey: 'proposedAt',
        render: (p) => formatDate(p.proposedAt),
      },
    ],
    [t],
  );

  return (
    <>
      <PageHeader
        title={t('proposals.title')}
        lead={t('proposals.lead')}
        actions={
          <Button component={Link} to="/allocations" variant="outline">
            {t('allocations.title')}
          </Button>
        }
      />
      <DataTable<TProposalListItem>
        path={PROPOSALS_PATH}
        caption={t('proposals.title')}
        columns={columns}
        rowKey={(p) => p.id}
        searchLabel={t('proposals.search')}
        extraQuery={{
          status: (PROPOSAL_STATUSES as readonly string[]).includes(status) ? status : undefined,
          residentId: residentId || undefined,
          openingId: openingId || undefined,
        }}
        countLabel={(n) => t('proposals.count', { count: n, formatted: formatNumber(n) })}
        filters={
          <>
            <NativeSelect
              label={t('proposals.statusLabel')}
              value={status}
              onChange={(e) => list.update({ status: e.currentTarget.value || null })}
              data={[
                { value: '', label: t('common.all') },
                ...PROPOSAL_STATUSES.map((s) => ({ value: s, label: t(`proposals.status.${s}`) })),
              ]}
            />
            {residentId || openingId ? (
              <Button variant="subtle" onClick={() => list.update({ residentId: null, openingId: null })}>
                {t('proposals.showAll')}
              </Button>
            ) : null}
          </>
        }
        emptyState={
          <Stack gap="sm" align="flex-start">
            <Text fw={600}>{t('proposals.empty')}</Text>
            <Text>{t('proposals.emptyHint')}</Text>
          </Stack>
        }
      />
    </>
  );
}
