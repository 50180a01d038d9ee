import { DataTable, type TColumn, useListParams } from '@client/components/DataTable.tsx';
import {
  OpeningStatusBadge,
  OpeningTitleCell,
  useStatusOptions,
  useTypeOptions,
} from '@client/features/openings/opening-ui.tsx';
import { formatDate, formatNumber } from '@client/lib/format.ts';
import { OPENING_STATUSES } from '@domain/opening.schema.ts';
import { OPENING_TYPES } from '@domain/opening-types.ts';
import type { TCompanyOpening } from '@domain/placement.schema.ts';
import type { TProposalStatus } from '@domain/proposal.schema.ts';
import { Anchor, NativeSelect } from '@mantine/core';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMPANY_OPENINGS_PATH } from './company-portal-ui.tsx';

type TStage = keyof TCompanyOpening['pipeline'];

/** Each pipeline count and the proposal status its link filters the candidates by. */
const STAGES: readonly { stage: TStage; status: TProposalStatus }[] = [
  { stage: 'sent', status: 'sent_to_company' },
  { stage: 'interview', status: 'interview' },
  { stage: 'hired', status: 'hired' },
  { stage: 'declined', status: 'company_declined' },
];

/**
 * A company contact's own openings with their pipeline: how many candidates wait for an answer,
 * are invited, hired or declined. Each count above zero links to those candidates. Shown on the
 * openings page (the company's one list of its openings), with the page's header and create button.
 */
export function CompanyOpeningsTable({ emptyState }: { emptyState: ReactNode }) {
  const { t } = useTranslation();
  const list = useListParams();
  const statusOptions = useStatusOptions();
  const typeOptions = useTypeOptions();
  const status = list.params.get('status') ?? '';
  const type = list.params.get('type') ?? '';

  const columns = useMemo<TColumn<TCompanyOpening>[]>(() => {
    const count = (o: TCompanyOpening, stage: TStage, proposalStatus: TProposalStatus) => {
      const n = o.pipeline[stage];
      if (n === 0) return formatNumber(0);
      return (
        <Anchor
          component={Link}
          to={`/company/proposals?openingId=${o.id}&status=${proposalStatus}`}
          aria-label={t(`companyPortal.pipelineLink.${stage}`, { count: n, opening: o.title })}
        >
          {formatNumber(n)}
        </Anchor>
      );
    };
    return [
      {
        key: 'title',
        header: t('openings.titleAndType'),
        sortKey: 'title',
        render: (o) => <OpeningTitleCell opening={o} />,
      },
      {
        key: 'status',
        header: t('openings.status'),
        sortKey: 'status',
        render: (o) =>
          (OPENING_STATUSES as readonly string[]).includes(o.status) ? (
            <OpeningStatusBadge status={o.status as (typeof OPENING_STATUSES)[number]} />
          ) : (
            o.status
          ),
      },
      ...STAGES.map(
        ({ stage, status: s }): TColumn<TCompanyOpening> => ({
          key: stage,
          header: t(`companyPortal.pipeline.${stage}`),
          align: 'right',
          render: (o) => count(o, stage, s),
        }),
      ),
      {
        key: 'createdAt',
        header: t('openings.createdAt'),
        sortKey: 'createdAt',
        render: (o) => formatDate(o.createdAt),
      },
    ];
  }, [t]);

  return (
    <DataTable<TCompanyOpening>
      path={COMPANY_OPENINGS_PATH}
      caption={t('openings.title')}
      columns={columns}
      rowKey={(o) => o.id}
      searchLabel={t('companyPortal.searchOpenings')}
      extraQuery={{
        status: (OPENING_STATUSES as readonly string[]).includes(status) ? status : undefined,
        type: (OPENING_TYPES as readonly string[]).includes(type) ? type : undefined,
      }}
      countLabel={(n) => t('openings.count', { count: n, formatted: formatNumber(n) })}
      filters={
        <>
          <NativeSelect
            label={t('openings.status')}
            value={status}
            onChange={(e) => list.update({ status: e.currentTarget.value || null })}
            data={[{ value: '', label: t('common.all') }, ...statusOptions]}
          />
          <NativeSelect
            label={t('openings.type')}
            value={type}
            onChange={(e) => list.update({ type: e.currentTarget.value || null })}
            data={[{ value: '', label: t('common.all') }, ...typeOptions]}
          />
        </>
      }
      emptyState={emptyState}
    />
  );
}
