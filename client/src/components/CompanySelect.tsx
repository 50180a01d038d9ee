import { api } from '@client/api/client.ts';
import type { TPage } from '@domain/common.schema.ts';
import type { TCompany } from '@domain/company.schema.ts';
import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface TCompanyChoice {
  id: string;
  name: string;
}

interface Props {
  label: string;
  /** The chosen company (its name is shown even when the search finds others). */
  value: TCompanyChoice | null;
  onChange: (company: TCompanyChoice | null) => void;
  error?: string;
  required?: boolean;
  disabled?: boolean;
}

/**
 * A searchable company picker: the register can hold hundreds of companies, so the API searches
 * (name, CVR, city) and this shows the first matches. Mantine's Select is a combobox with the
 * listbox pattern: keyboard and screen readers work as with a native select.
 */
export function CompanySelect({ label, value, onChange, error, required, disabled }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.name ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  // While the field shows the chosen name, list everything rather than only that company.
  const q = value && debounced === value.name ? '' : debounced.trim();
  const results = useQuery({
    queryKey: ['/api/companies', 'picker', q],
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    queryFn: ({ signal }) =>
      api.get<TPage<TCompany>>(
        '/api/companies',
        { q: q || undefined, sort: 'name', dir: 'asc', page: 1, pageSize: 50 },
        signal,
      ),
  });
  const found = (results.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  const data =
    value && !found.some((o) => o.value === value.id)
      ? [{ value: value.id, label: value.name }, ...found]
      : found;

  return (
    <Select
      label={label}
      placeholder={t('companySelect.placeholder')}
      withAsterisk={required}
      required={required}
      error={error}
      disabled={disabled}
      searchable
      clearable={!required}
      value={value?.id ?? null}
      onChange={(id) => {
        const company = results.data?.items.find((c) => c.id === id);
        onChange(id ? { id, name: company?.name ?? value?.name ?? '' } : null);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already searched (also by CVR): filtering again here would hide those hits.
      filter={({ options }) => options}
      data={data}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('companySelect.nothingFound')}
      rightSection={results.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
      maxDropdownHeight={320}
    />
  );
}
