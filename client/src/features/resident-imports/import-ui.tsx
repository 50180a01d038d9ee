import { api } from '@client/api/client.ts';
import { WORD_BADGE_STYLES } from '@client/features/assignments/assignment-ui.tsx';
import type { TMe } from '@domain/auth.schema.ts';
import type { TPage } from '@domain/common.schema.ts';
import type { THousingArea } from '@domain/housing-area.schema.ts';
import type { TJobcenter } from '@domain/jobcenter.schema.ts';
import { fictionalJobcenterList, toCsv } from '@domain/resident-import.sample.ts';
import type { TResidentImport, TResidentImportStatus } from '@domain/resident-import.schema.ts';
import { importTemplateCsv } from '@domain/resident-import.ts';
import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

// Shared bits of the jobcenter list import pages: who imports, the jobcenters to choose between,
// the import being worked on (polled while a job runs), status badges and the CSV downloads.

export const IMPORTS_PATH = '/api/imports/residents';
export { canImportLists, IMPORT_PAGE } from './import-access.ts';

/** The jobcenters the user imports for: a consultant's own, for the secretariat all of them. */
export function useImportJobcenters(me: TMe) {
  const admin = me.memberships.some((m) => m.role === 'admin');
  const own = new Set(
    me.memberships.filter((m) => m.role === 'job_consultant' && m.scopeId).map((m) => m.scopeId as string),
  );
  const query = useQuery({
    queryKey: ['/api/jobcenters', 'options'],
    staleTime: 60_000,
    queryFn: ({ signal }) =>
      api.get<TPage<TJobcenter>>(
        '/api/jobcenters',
        { page: 1, pageSize: 200, sort: 'name', dir: 'asc' },
        signal,
      ),
  });
  const items = (query.data?.items ?? []).filter((j) => admin || own.has(j.id));
  return { ...query, items };
}

/** One import, polled every second while its dry run or store is running. */
export function useImport(id: string) {
  return useQuery({
    queryKey: [IMPORTS_PATH, id],
    queryFn: ({ signal }) => api.get<TResidentImport>(`${IMPORTS_PATH}/${id}`, undefined, signal),
    refetchInterval: (q) => {
      const status = q.state.data?.status;
      return status === 'validating' || status === 'storing' ? 1000 : false;
    },
  });
}

const STATUS_COLOR: Record<TResidentImportStatus, string> = {
  uploaded: 'blue',
  validating: 'blue',
  validated: 'yellow',
  storing: 'blue',
  stored: 'green',
  failed: 'red',
  discarded: 'gray',
};

/** The import's status in words; the colour only repeats it. */
export function ImportStatusBadge({ status }: { status: TResidentImportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" tt="none" styles={WORD_BADGE_STYLES}>
      {t(`residentImport.status.${status}`)}
    </Badge>
  );
}

/** Hands a text to the browser as a downloaded file. */
function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The template: the headers the automatic matching reads, nothing else. */
export function downloadTemplate(): void {
  downloadText('jobcenterliste-skabelon.csv', importTemplateCsv());
}

/** 25 fictional people living in the jobcenter's municipality's areas, to try the import with. */
export async function downloadExample(jobcenter: TJobcenter | undefined): Promise<void> {
  const areas = jobcenter
    ? (
        await api.get<TPage<THousingArea>>('/api/housing-areas', {
          municipalityId: jobcenter.municipalityId,
          page: 1,
          pageSize: 200,
        })
      ).items
    : [];
  const table = fictionalJobcenterList({
    rows: 25,
    seed: Date.now() % 100_000,
    refPrefix: `EKS${String(Date.now() % 1000).padStart(3, '0')}-`,
    areas: areas.length > 0 ? areas : [{ name: '', postalCode: '8800' }],
  });
  downloadText('jobcenterliste-eksempel.csv', toCsv(table));
}
