import { formatPercent } from '@client/features/matching/matching-ui.tsx';
import {
  SCORE_COMPONENT_LABEL_DA,
  SCORE_COMPONENT_LABEL_EN,
  type TScoreComponent,
} from '@domain/matching/matching-settings.ts';
import type { TProposalStatus } from '@domain/proposal.schema.ts';
import { Badge, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const PROPOSALS_PATH = '/api/proposals';

const STATUS_COLOR: Record<TProposalStatus, string> = {
  awaiting_resident: 'yellow',
  resident_agreed: 'teal',
  sent_to_company: 'blue',
  interview: 'indigo',
  hired: 'green',
  resident_declined: 'gray',
  company_declined: 'gray',
  withdrawn: 'gray',
};

export function ProposalStatusBadge({ status }: { status: TProposalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" c="dark.9">
      {t(`proposals.status.${status}`)}
    </Badge>
  );
}

// One score bar across the matching screens (the Kandidater tab's): bar and number in words.
export { ScoreBar } from '@client/features/matching/matching-ui.tsx';

export interface TSnapshotView {
  score: number;
  components: { component: string; value: number; weight: number; reason: string }[];
  reasons: string[];
}

/** The score snapshot: each component's value, weight and reason, as the ranking said at the time. */
export function ScoreBreakdown({ snapshot, caption }: { snapshot: TSnapshotView; caption: string }) {
  const { t, i18n } = useTranslation();
  const labels = i18n.language === 'en' ? SCORE_COMPONENT_LABEL_EN : SCORE_COMPONENT_LABEL_DA;
  return (
    <Stack gap="xs">
      <Table fz="sm" verticalSpacing={4}>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('proposals.component')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('proposals.value')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('proposals.weight')}</Table.Th>
            <Table.Th>{t('proposals.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {snapshot.components.map((c) => (
            <Table.Tr key={c.component}>
              <Table.Td>{labels[c.component as TScoreComponent] ?? c.component}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{formatPercent(c.value)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{formatPercent(c.weight)}</Table.Td>
              <Table.Td>{c.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
