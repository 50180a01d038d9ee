import { api } from '@client/api/client.ts';
import { meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { SectionCard } from '@client/components/SectionCard.tsx';
import type { TAssignmentListItem } from '@domain/assignment.schema.ts';
import type { TPage } from '@domain/common.schema.ts';
import { Anchor, Button, Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AssignmentFormModal } from './AssignmentFormModal.tsx';
import { ASSIGNMENTS_PATH, ClauseSummary, formatPeriod } from './assignment-ui.tsx';

/** The company page's "Opgaver": the work bought from the company, with its clauses' status. */
export function CompanyAssignmentsSection({
  companyId,
  companyName,
}: {
  companyId: string;
  companyName: string;
}) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const [creating, setCreating] = useState(false);
  const canList = meCan(me, 'list', { kind: 'assignment' });
  const canCreate = meCan(me, 'create', { kind: 'assignment' });
  const query = { companyId, sort: 'startDate', dir: 'desc', page: 1, pageSize: 50 };
  const assignments = useQuery({
    queryKey: [ASSIGNMENTS_PATH, 'list', query],
    enabled: canList,
    queryFn: ({ signal }) => api.get<TPage<TAssignmentListItem>>(ASSIGNMENTS_PATH, query, signal),
  });
  if (!canList) return null;
  const items = assignments.data?.items ?? [];
  const more = (assignments.data?.total ?? 0) > items.length;

  return (
    <SectionCard
      title={t('assignments.title')}
      actions={
        canCreate ? (
          <Button size="compact-md" variant="outline" onClick={() => setCreating(true)}>
            {t('assignments.create')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={assignments.error} />
      {assignments.isPending ? (
        <Skeleton height={60} />
      ) : items.length === 0 ? (
        <Text>{t('assignments.noneForCompany')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table verticalSpacing="xs" fz="sm">
            <caption className="visually-hidden">{t('assignments.title')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assignments.field.title')}</Table.Th>
                <Table.Th>{t('assignments.field.kind')}</Table.Th>
                <Table.Th>{t('assignments.field.period')}</Table.Th>
                <Table.Th>{t('assignments.clauses')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/assignments/${a.id}`} fw={600}>
                      {a.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`assignments.kind.${a.kind}`)}</Table.Td>
                  <Table.Td>{formatPeriod(a.startDate, a.endDate)}</Table.Td>
                  <Table.Td>
                    <ClauseSummary count={a.clauseCount} behind={a.clausesBehind} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {more ? (
        <Anchor
          component={Link}
          to={`/assignments?companyId=${companyId}`}
          size="sm"
          mt="sm"
          display="inline-block"
        >
          {t('assignments.seeAll', { total: assignments.data?.total })}
        </Anchor>
      ) : null}
      <AssignmentFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        editing={null}
        company={{ id: companyId, name: companyName }}
      />
    </SectionCard>
  );
}
