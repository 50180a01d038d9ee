import { api } from '@client/api/client.ts';
import { DataTable, type TColumn, useListParams } from '@client/components/DataTable.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { ProposalStatusBadge } from '@client/features/proposals/proposal-ui.tsx';
import { formatDate, formatNumber } from '@client/lib/format.ts';
import type { TPage } from '@domain/common.schema.ts';
import type { TCompanyOpening, TCompanyProposal } from '@domain/placement.schema.ts';
import { Anchor, Button, NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  COMPANY_OPENINGS_PATH,
  COMPANY_PROPOSAL_STATUSES,
  COMPANY_PROPOSALS_PATH,
  useInterviewAt,
  useOccupationTitle,
} from './company-portal-ui.tsx';

/**
 * "Kandidater": the proposals the jobcenter and the housing social worker have sent to the
 * company, with search (opening, first name), filters by opening and status, sort and paging in
 * the URL. Newest first; the candidates still waiting for an answer are the ones to act on.
 */
export function CompanyProposalsPage() {
  const { t } = useTranslation();
  const list = useListParams();
  const occupation = useOccupationTitle();
  const interviewAt = useInterviewAt();
  const status = list.params.get('status') ?? '';
  const openingId = list.params.get('openingId') ?? '';
  // The company's openings for the filter (a company has tens, not thousands).
  const openings = useQuery({
    queryKey: [COMPANY_OPENINGS_PATH, 'list', 'filter'],
    queryFn: ({ signal }) =>
      api.get<TPage<TCompanyOpening>>(COMPANY_OPENINGS_PATH, { pageSize: 200, sort: 'title' }, signal),
  });

  const columns = useMemo<TColumn<TCompanyProposal>[]>(
    () => [
      {
        key: 'candidate',
        header: t('companyPortal.candidate'),
        render: (p) => (
          <>
            <Anchor component={Link} to={`/company/proposals/${p.id}`} fw={600}>
              {p.candidate?.firstName ?? t('companyPortal.hiddenCandidate')}
            </Anchor>
            {p.candidate ? (
              <Text size="xs" c="dimmed">
                {p.candidate.occupationIds.map(occupation).join(', ')}
              </Text>
            ) : null}
          </>
        ),
      },
      {
        key: 'opening',
        header: t('companyPortal.opening'),
        sortKey: 'openingTitle',
        render: (p) => p.openingTitle,
      },
      {
        key: 'status',
        header: t('companyPortal.status'),
        sortKey: 'status',
        render: (p) => <ProposalStatusBadge status={p.status} />,
      },
      {
        key: 'interview',
        header: t('companyPortal.interview'),
        render: (p) => interviewAt(p.interviewAt),
      },
      {
        key: 'sentToCompanyAt',
        header: t('companyPortal.sentAt'),
        sortKey: 'sentToCompanyAt',
        render: (p) => formatDate(p.sentToCompanyAt),
      },
    ],
    [t, occupation, interviewAt],
  );

  return (
    <>
      <PageHeader title={t('companyPortal.title')} lead={t('companyPortal.lead')} />
      <DataTable<TCompanyProposal>
        path={COMPANY_PROPOSALS_PATH}
        caption={t('companyPortal.title')}
        columns={columns}
        rowKey={(p) => p.id}
        searchLabel={t('companyPortal.search')}
        extraQuery={{
          status: (COMPANY_PROPOSAL_STATUSES as readonly string[]).includes(status) ? status : undefined,
          openingId: openingId || undefined,
        }}
        countLabel={(n) => t('companyPortal.count', { count: n, formatted: formatNumber(n) })}
        filters={
          <>
            <NativeSelect
              label={t('companyPortal.opening')}
              value={openingId}
              onChange={(e) => list.update({ openingId: e.currentTarget.value || null })}
              data={[
                { value: '', label: t('common.all') },
                ...(openings.data?.items ?? []).map((o) => ({ value: o.id, label: o.title })),
                // A link to an opening not (yet) in the list still shows as chosen.
                ...(openingId && !openings.data?.items.some((o) => o.id === openingId)
                  ? [{ value: openingId, label: t('companyPortal.chosenOpening') }]
                  : []),
              ]}
            />
            <NativeSelect
              label={t('companyPortal.status')}
              value={status}
              onChange={(e) => list.update({ status: e.currentTarget.value || null })}
              data={[
                { value: '', label: t('common.all') },
                ...COMPANY_PROPOSAL_STATUSES.map((s) => ({ value: s, label: t(`proposals.status.${s}`) })),
              ]}
            />
          </>
        }
        emptyState={
          <Stack gap="sm" align="flex-start">
            <Text fw={600}>{t('companyPortal.empty')}</Text>
            <Text>{t('companyPortal.emptyHint')}</Text>
            <Button component={Link} to="/openings" variant="outline">
              {t('companyPortal.toOpenings')}
            </Button>
          </Stack>
        }
      />
    </>
  );
}
