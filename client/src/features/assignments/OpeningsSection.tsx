import { api } from '@client/api/client.ts';
import { meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { SectionCard } from '@client/components/SectionCard.tsx';
import { OpeningStatusBadge, useOpeningLabels } from '@client/features/openings/opening-ui.tsx';
import { formatDate } from '@client/lib/format.ts';
import type { TPage } from '@domain/common.schema.ts';
import type { TOpeningListItem } from '@domain/opening.schema.ts';
import { Anchor, Button, Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OPENINGS_PATH } from './assignment-ui.tsx';

/**
 * "Jobåbninger" on the assignment and company pages: the openings that came of the assignment,
 * or the company's, newest first.
 */
export function OpeningsSection({
  filter,
  newHref,
}: {
  filter: { assignmentId: string } | { companyId: string };
  /** The opening form, started from the assignment or the company. */
  newHref: string;
}) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const labels = useOpeningLabels();
  const canList = meCan(me, 'list', { kind: 'opening' });
  const canCreate = meCan(me, 'create', { kind: 'opening' });
  const query = { ...filter, sort: 'createdAt', dir: 'desc', page: 1, pageSize: 50 };
  const openings = useQuery({
    queryKey: [OPENINGS_PATH, 'list', query],
    enabled: canList,
    queryFn: ({ signal }) => api.get<TPage<TOpeningListItem>>(OPENINGS_PATH, query, signal),
  });
  if (!canList) return null;
  const items = openings.data?.items ?? [];
  const more = (openings.data?.total ?? 0) > items.length;
  const empty = 'assignmentId' in filter ? t('assignments.noOpenings') : t('assignments.noOpeningsCompany');
  return (
    <SectionCard
      title={t('assignments.openings')}
      actions={
        canCreate ? (
          <Button component={Link} to={newHref} size="compact-md" variant="outline">
            {t('assignments.createOpening')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={openings.error} />
      {openings.isPending ? (
        <Skeleton height={60} />
      ) : items.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table verticalSpacing="xs" fz="sm">
            <caption className="visually-hidden">{t('assignments.openings')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assignments.opening.title')}</Table.Th>
                <Table.Th>{t('assignments.opening.type')}</Table.Th>
                <Table.Th>{t('assignments.opening.startDate')}</Table.Th>
                <Table.Th>{t('assignments.opening.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/openings/${o.id}`} fw={600}>
                      {o.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{labels.type(o.type)}</Table.Td>
                  <Table.Td>{formatDate(o.startDate)}</Table.Td>
                  <Table.Td>
                    <OpeningStatusBadge status={o.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {more ? (
        <Text size="sm" mt="sm">
          {t('assignments.openingsMore', { shown: items.length, total: openings.data?.total })}
        </Text>
      ) : null}
    </SectionCard>
  );
}

/** The company page's "Jobåbninger". */
export function CompanyOpeningsSection({ companyId }: { companyId: string }) {
  return <OpeningsSection filter={{ companyId }} newHref={`/openings/new?companyId=${companyId}`} />;
}
