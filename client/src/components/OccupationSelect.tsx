import { api } from '@client/api/client.ts';
import { currentLang } from '@client/app/i18n.ts';
import {
  OCCUPATION_GROUP_LABEL_DA,
  OCCUPATION_GROUP_LABEL_EN,
  type TOccupation,
  type TOccupationPage,
} from '@domain/occupations.ts';
import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchTerm, toOccupationOptions } from './occupation-options.ts';

interface Props {
  /** Required: the field's accessible name (e.g. "Stilling"). */
  label: string;
  /** The chosen occupation's id, or null. */
  value: string | null;
  onChange: (id: string | null, occupation: TOccupation | null) => void;
  error?: string;
  required?: boolean;
  description?: string;
  disabled?: boolean;
}

const OPTIONS_LIMIT = 50;

/**
 * A searchable occupation picker: the API searches (Danish, English, education, ISCO code) and this
 * shows its ranked results as "Tømrer (7115)", grouped by trade area. Mantine's Select is a
 * combobox with the listbox pattern, so keyboard and screen readers work as with a native select.
 */
export function OccupationSelect({ label, value, onChange, error, required, description, disabled }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);

  // The chosen occupation, fetched by id so its label shows even when the search finds other things.
  const selected = useQuery({
    queryKey: ['/api/occupations', 'one', value],
    enabled: value !== null && value !== '',
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: ({ signal }) =>
      api.get<TOccupation>(`/api/occupations/${encodeURIComponent(value ?? '')}`, undefined, signal),
  });
  const chosen = value ? (selected.data ?? null) : null;

  const q = searchTerm(debounced, chosen);
  const results = useQuery({
    queryKey: ['/api/occupations', 'search', q],
    // The list is code on the server and changes only with a release.
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.get<TOccupationPage>('/api/occupations', { q: q || undefined, limit: OPTIONS_LIMIT }, signal),
  });

  const groupLabels = currentLang() === 'en' ? OCCUPATION_GROUP_LABEL_EN : OCCUPATION_GROUP_LABEL_DA;
  const data = toOccupationOptions(results.data?.items ?? [], (g) => groupLabels[g], chosen);

  return (
    <Select
      label={label}
      description={description ?? t('occupations.description')}
      placeholder={t('occupations.placeholder')}
      withAsterisk={required}
      required={required}
      error={error}
      disabled={disabled}
      searchable
      clearable={!required}
      value={value}
      onChange={(id) => {
        const all = [...(results.data?.items ?? []), ...(chosen ? [chosen] : [])];
        onChange(id, all.find((o) => o.id === id) ?? null);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered and ranked; filtering again here would drop "toemrer" → Tømrer.
      filter={({ options }) => options}
      data={data}
      nothingFoundMessage={results.isFetching ? t('occupations.loading') : t('occupations.nothingFound')}
      rightSection={
        results.isFetching ? <Loader size="xs" aria-label={t('occupations.loading')} /> : undefined
      }
      maxDropdownHeight={320}
    />
  );
}
