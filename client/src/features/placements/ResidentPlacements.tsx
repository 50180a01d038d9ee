import { api } from '@client/api/client.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { useOpeningLabels } from '@client/features/openings/opening-ui.tsx';
import { formatDate } from '@client/lib/format.ts';
import type { TPage } from '@domain/common.schema.ts';
import type { TPlacementListItem } from '@domain/placement.schema.ts';
import { Anchor, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PlacementStatusBadge } from './PlacementStatusBadge.tsx';
import { PLACEMENTS_PATH } from './placement-ui.ts';

/** A person's placements, newest first (GET /api/placements?residentId=…). */
export function usePlacementsOf(filter: { residentId: string; openingId?: string }, enabled = true) {
  const query = { ...filter, sort: 'startDate', dir: 'desc', page: 1, pageSize: 50 };
  return useQuery({
    queryKey: [PLACEMENTS_PATH, 'list', query],
    enabled,
    queryFn: ({ signal }) => api.get<TPage<TPlacementListItem>>(PLACEMENTS_PATH, query, signal),
  });
}

/** The resident page's "Ansættelser" tab: each hire or trial with its status and next check-in. */
export function ResidentPlacementsTab({ residentId, name }: { residentId: string; name: string }) {
  const { t } = useTranslation();
  const labels = useOpeningLabels();
  const placements = usePlacementsOf({ residentId });
  const items = placements.data?.items ?? [];
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {t('placements.ofResident', { name })}
      </Title>
      <ErrorAlert error={placements.error} />
      {placements.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {placements.data && items.length === 0 ? <Text>{t('placements.residentEmpty')}</Text> : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={720} type="native">
          <Table striped verticalSpacing="xs" fz="sm">
            <caption className="visually-hidden">{t('placements.ofResident', { name })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('placements.field.companyOpening')}</Table.Th>
                <Table.Th scope="col">{t('placements.field.type')}</Table.Th>
                <Table.Th scope="col">{t('placements.field.status')}</Table.Th>
                <Table.Th scope="col">{t('placements.field.period')}</Table.Th>
                <Table.Th scope="col">{t('placements.field.nextDue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/placements/${p.id}`} fw={600}>
                      {p.companyName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {p.openingTitle ?? t('placements.noOpening')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{labels.type(p.type)}</Table.Td>
                  <Table.Td>
                    <PlacementStatusBadge status={p.status} />
                  </Table.Td>
                  <Table.Td>
                    {formatDate(p.startDate)}
                    {p.endDate ? ` – ${formatDate(p.endDate)}` : ''}
                  </Table.Td>
                  <Table.Td>{p.nextDueDate ? formatDate(p.nextDueDate) : '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Paper>
  );
}

/** On a hired proposal: the placement it became (the person's placement for that opening). */
export function ProposalPlacementLink({ residentId, openingId }: { residentId: string; openingId: string }) {
  const { t } = useTranslation();
  const placements = usePlacementsOf({ residentId, openingId });
  const placement = placements.data?.items[0];
  if (!placement) return placements.isPending ? null : '–';
  return (
    <Anchor component={Link} to={`/placements/${placement.id}`}>
      {t('placements.toPlacementFrom', { date: formatDate(placement.startDate) })}
    </Anchor>
  );
}
