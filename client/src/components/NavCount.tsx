import { api } from '@client/api/client.ts';
import type { TPage } from '@domain/common.schema.ts';
import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

/**
 * A count beside a navigation item (e.g. open escalations): a list endpoint's total, asked with
 * one row per page (the start page's count cards ask the same, so they share the answer). Shown
 * only when above zero; screen readers hear it in words as part of the link.
 */
export function NavCount({
  path,
  query,
  labelKey,
}: {
  path: string;
  query: Record<string, string>;
  labelKey: string;
}) {
  const { t } = useTranslation();
  const q = { ...query, page: 1, pageSize: 1 };
  const result = useQuery({
    queryKey: [path, 'list', q],
    queryFn: ({ signal }) => api.get<TPage<unknown>>(path, q, signal),
    refetchInterval: 60_000,
  });
  const total = result.data?.total ?? 0;
  if (total === 0) return null;
  return (
    <Badge color="red" variant="filled" size="sm" circle={total < 10}>
      <span aria-hidden="true">{total > 99 ? '99+' : total}</span>
      <span className="visually-hidden">{t(labelKey, { count: total })}</span>
    </Badge>
  );
}
