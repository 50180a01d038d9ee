import { api } from '@client/api/client.ts';
import { meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { SectionCard } from '@client/components/SectionCard.tsx';
import { SOCIAL_CLAUSES_PATH } from '@client/features/assignments/assignment-ui.tsx';
import type { TPage } from '@domain/common.schema.ts';
import type { TSocialClauseListItem } from '@domain/social-clause.schema.ts';
import { Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ClauseCards } from './ClauseCards.tsx';

/** The company page's "Sociale klausuler": what the company committed to, and how far it has come. */
export function CompanySocialClausesSection({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canList = meCan(me, 'list', { kind: 'social_clause' });
  const query = { companyId, sort: 'periodEnd', dir: 'asc', page: 1, pageSize: 50 };
  const clauses = useQuery({
    queryKey: [SOCIAL_CLAUSES_PATH, 'list', query],
    enabled: canList,
    queryFn: ({ signal }) => api.get<TPage<TSocialClauseListItem>>(SOCIAL_CLAUSES_PATH, query, signal),
  });
  if (!canList) return null;
  const items = clauses.data?.items ?? [];
  return (
    <SectionCard title={t('socialClauses.title')}>
      <ErrorAlert error={clauses.error} />
      {clauses.isPending ? (
        <Skeleton height={60} />
      ) : items.length === 0 ? (
        <Text>{t('socialClauses.noneForCompany')}</Text>
      ) : (
        <ClauseCards clauses={items} />
      )}
    </SectionCard>
  );
}
