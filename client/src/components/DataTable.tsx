import { api, type TQuery } from '@client/api/client.ts';
import { formatNumber } from '@client/lib/format.ts';
import type { TPage } from '@domain/common.schema.ts';
import {
  Box,
  Group,
  Loader,
  NativeSelect,
  Pagination,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from './ErrorAlert.tsx';

export interface TColumn<T> {
  key: string;
  header: string;
  /** The API's sort key; the header becomes a sort button when set. */
  sortKey?: string;
  render: (row: T) => ReactNode;
  align?: 'left' | 'right';
}

export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** List state (search, sort, paging, filters) lives in the URL, so a list can be linked and reloaded. */
export function useListParams(defaultSort?: string) {
  const [params, setParams] = useSearchParams();
  const pageSize = Number(params.get('pageSize')) || 25;
  const state = {
    q: params.get('q') ?? '',
    sort: params.get('sort') ?? defaultSort ?? '',
    dir: (params.get('dir') === 'desc' ? 'desc' : 'asc') as 'asc' | 'desc',
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : 25,
  };
  const update = (patch: Record<string, string | number | null>, resetPage = true) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === null || v === '') next.delete(k);
          else next.set(k, String(v));
        }
        if (resetPage && !('page' in patch)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  };
  return { ...state, params, update };
}

interface Props<T> {
  /** List endpoint, e.g. /api/housing-areas. */
  path: string;
  columns: TColumn<T>[];
  rowKey: (row: T) => string;
  /** Accessible name of the table, e.g. "Boligområder". */
  caption: string;
  defaultSort?: string;
  searchable?: boolean;
  searchLabel?: string;
  /** Extra query values (filters) the page reads from the URL. */
  extraQuery?: TQuery;
  /** Query values that choose the view (e.g. "mine"), not a filter: the empty state still applies. */
  viewQuery?: TQuery;
  filters?: ReactNode;
  /** "12 boligområder". */
  countLabel: (count: number) => string;
  /** Shown when there is nothing at all (no search, no filter). */
  emptyState: ReactNode;
  rowActions?: (row: T) => ReactNode;
  /** The whole answer, for a page that shows more of it than the rows (e.g. a setting it carries). */
  onData?: (data: TPage<T>) => void;
}

/** A server-side list: debounced search, sortable headers with aria-sort, paging, total count. */
export function DataTable<T>(props: Props<T>) {
  const { t } = useTranslation();
  const list = useListParams(props.defaultSort);
  const searchId = useId();
  const [search, setSearch] = useState(list.q);
  const [debounced] = useDebouncedValue(search, 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the typed text updates the URL
  useEffect(() => {
    if (debounced.trim() !== list.q) list.update({ q: debounced.trim() || null });
  }, [debounced]);

  const query: TQuery = {
    q: list.q || undefined,
    sort: list.sort || undefined,
    dir: list.sort ? list.dir : undefined,
    page: list.page,
    pageSize: list.pageSize,
    ...props.viewQuery,
    ...props.extraQuery,
  };
  const result = useQuery({
    queryKey: [props.path, 'list', query],
    queryFn: ({ signal }) => api.get<TPage<T>>(props.path, query, signal),
    placeholderData: keepPreviousData,
  });
  const data = result.data;
  const { onData } = props;
  useEffect(() => {
    if (data) onData?.(data);
  }, [data, onData]);
  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / list.pageSize));
  const filtered = !!list.q || Object.values(props.extraQuery ?? {}).some((v) => v !== undefined && v !== '');

  const toggleSort = (key: string) => {
    if (list.sort === key) list.update({ sort: key, dir: list.dir === 'asc' ? 'desc' : 'asc' });
    else list.update({ sort: key, dir: 'asc' });
  };

  return (
    <Stack gap="md">
      {(props.searchable ?? true) || props.filters ? (
        <Group align="flex-end" gap="md" wrap="wrap" className="list-filters">
          {(props.searchable ?? true) && (
            <TextInput
              id={searchId}
              type="search"
              label={props.searchLabel ?? t('list.search')}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
            />
          )}
          {props.filters}
        </Group>
      ) : null}

      <Group justify="space-between" gap="xs">
        <Text fw={600} aria-live="polite">
          {data ? props.countLabel(total) : ''}
        </Text>
        {result.isFetching && <Loader size="xs" aria-label={t('common.loading')} />}
      </Group>

      <ErrorAlert error={result.error} />

      {data && data.items.length === 0 ? (
        <Paper withBorder p="xl" radius="md">
          {filtered ? <Text>{t('list.noMatches')}</Text> : props.emptyState}
        </Paper>
      ) : null}

      {data && data.items.length > 0 ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640} type="native">
            <Table striped highlightOnHover verticalSpacing="xs" horizontalSpacing="sm" fz="sm">
              <caption className="visually-hidden">{props.caption}</caption>
              <Table.Thead>
                <Table.Tr>
                  {props.columns.map((c) => {
                    const active = c.sortKey && list.sort === c.sortKey;
                    const ariaSort = active ? (list.dir === 'asc' ? 'ascending' : 'descending') : undefined;
                    return (
                      <Table.Th key={c.key} aria-sort={ariaSort} style={{ textAlign: c.align ?? 'left' }}>
                        {c.sortKey ? (
                          <UnstyledButton
                            onClick={() => toggleSort(c.sortKey as string)}
                            className="sort-button"
                            fw={700}
                          >
                            {c.header}
                            <Box component="span" aria-hidden="true" ml={6} c={active ? undefined : 'dimmed'}>
                              {active ? (list.dir === 'asc' ? '▲' : '▼') : '↕'}
                            </Box>
                          </UnstyledButton>
                        ) : (
                          c.header
                        )}
                      </Table.Th>
                    );
                  })}
                  {props.rowActions ? (
                    <Table.Th style={{ textAlign: 'right' }}>{t('list.actions')}</Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((row) => (
                  <Table.Tr key={props.rowKey(row)}>
                    {props.columns.map((c) => (
                      <Table.Td key={c.key} style={{ textAlign: c.align ?? 'left' }}>
                        {c.render(row)}
                      </Table.Td>
                    ))}
                    {props.rowActions ? (
                      <Table.Td style={{ textAlign: 'right' }}>
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          {props.rowActions(row)}
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}

      {data && total > 0 ? (
        <Group justify="space-between" gap="md" wrap="wrap">
          <Box component="nav" aria-label={t('list.paging')}>
            <Pagination
              total={pages}
              value={Math.min(list.page, pages)}
              onChange={(p) => list.update({ page: p === 1 ? null : p }, false)}
              getItemProps={(p) => ({ 'aria-label': t('list.pageN', { page: p }) })}
              getControlProps={(control) => ({ 'aria-label': t(`list.${control}`) })}
              siblings={1}
            />
          </Box>
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              {t('list.range', {
                from: formatNumber((Math.min(list.page, pages) - 1) * list.pageSize + 1),
                to: formatNumber(Math.min(Math.min(list.page, pages) * list.pageSize, total)),
                total: formatNumber(total),
              })}
            </Text>
            <NativeSelect
              label={t('list.pageSize')}
              size="xs"
              value={String(list.pageSize)}
              onChange={(e) =>
                list.update({ pageSize: Number(e.currentTarget.value) === 25 ? null : e.currentTarget.value })
              }
              data={PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))}
              styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 }, label: { fontWeight: 400 } }}
            />
          </Group>
        </Group>
      ) : null}
    </Stack>
  );
}
