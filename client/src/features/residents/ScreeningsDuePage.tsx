import { api } from '@client/api/client.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { formatDate } from '@client/lib/format.ts';
import type { TScreeningDue } from '@domain/screening.schema.ts';
import { Anchor, Loader, NativeSelect, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { RESIDENTS_PATH } from './resident-ui.tsx';

const WINDOWS = ['0', '30', '90'] as const;

/** People whose next Stepping Stones screening has come (or comes within a chosen window), soonest first. */
export function ScreeningsDuePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const days = (WINDOWS as readonly string[]).includes(params.get('days') ?? '') ? params.get('days')! : '0';
  const due = useQuery({
    queryKey: [RESIDENTS_PATH, 'screenings', 'due', days],
    queryFn: ({ signal }) =>
      api.get<TScreeningDue[]>(`${RESIDENTS_PATH}/screenings/due`, { days: Number(days) }, signal),
  });
  const items = due.data ?? [];

  return (
    <>
      <PageHeader title={t('residents.screening.due.title')} lead={t('residents.screening.due.lead')} />
      <Stack gap="md">
        <NativeSelect
          label={t('residents.screening.due.within')}
          maw={320}
          value={days}
          onChange={(e) =>
            setParams(e.currentTarget.value === '0' ? {} : { days: e.currentTarget.value }, { replace: true })
          }
          data={WINDOWS.map((w) => ({ value: w, label: t(`residents.screening.due.within${w}`) }))}
        />
        <ErrorAlert error={due.error} />
        {due.isPending ? <Loader aria-label={t('common.loading')} /> : null}
        {due.data && items.length === 0 ? (
          <Paper withBorder p="xl" radius="md">
            <Text>{t('residents.screening.due.none')}</Text>
          </Paper>
        ) : null}
        {items.length > 0 ? (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={480} type="native">
              <Table striped verticalSpacing="xs" horizontalSpacing="sm" fz="sm">
                <caption className="visually-hidden">{t('residents.screening.due.caption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('residents.screening.due.resident')}</Table.Th>
                    <Table.Th>{t('residents.screening.due.targetGroup')}</Table.Th>
                    <Table.Th>{t('residents.screening.due.nextScreeningOn')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((d) => (
                    <Table.Tr key={d.residentId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/residents/${d.residentId}?tab=screening`} fw={600}>
                          {`${d.firstName} ${d.lastName}`}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{t(`residents.screening.groupShort.${d.targetGroup}`)}</Table.Td>
                      <Table.Td>{formatDate(d.nextScreeningOn)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}
