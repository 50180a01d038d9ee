import { api } from '@client/api/client.ts';
import type { TPage } from '@domain/common.schema.ts';
import { NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

interface TNamed {
  id: string;
  name: string;
}

/** Options for a reference picker: up to 200 rows of a list endpoint, sorted by name. */
export function useEntityOptions(path: string | null) {
  return useQuery({
    queryKey: [path, 'options'],
    enabled: path !== null,
    staleTime: 60_000,
    queryFn: ({ signal }) =>
      api.get<TPage<TNamed>>(path as string, { sort: 'name', dir: 'asc', page: 1, pageSize: 200 }, signal),
    select: (page) => page.items.map((i) => ({ value: i.id, label: i.name })),
  });
}

interface Props {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  /** Text of the empty choice, e.g. "Alle" in a filter or "Vælg …" in a form. */
  emptyLabel?: string;
  description?: string;
}

/** A native select of entities (keyboard- and screen-reader-friendly on every device). */
export function EntitySelect({
  path,
  label,
  value,
  onChange,
  error,
  required,
  emptyLabel,
  description,
}: Props) {
  const { t } = useTranslation();
  const options = useEntityOptions(path);
  return (
    <NativeSelect
      label={label}
      description={description}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      withAsterisk={required}
      disabled={options.isLoading}
      data={[{ value: '', label: emptyLabel ?? t('common.choose') }, ...(options.data ?? [])]}
    />
  );
}
