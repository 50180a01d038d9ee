import { api } from '@client/api/client.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { formatDate } from '@client/lib/format.ts';
import type { TExpiringConsent } from '@domain/resident.schema.ts';
import { daysBetween } from '@domain/time.ts';
import { Anchor, Loader, Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RESIDENTS_PATH, today } from './resident-ui.tsx';

const DAYS = 30;

/** Active consents that expire within 30 days, soonest first, so a renewal can be agreed in time. */
export function ExpiringConsentsPage() {
  const { t } = useTranslation();
  const expiring = useQuery({
    queryKey: [RESIDENTS_PATH, 'consents', 'expiring', DAYS],
    queryFn: ({ signal }) =>
      api.get<TExpiringConsent[]>(`${RESIDENTS_PATH}/consents/expiring`, { days: DAYS }, signal),
  });
  const day = today();
  const items = [...(expiring.data ?? [])].sort((a, b) => a.expiresOn.localeCompare(b.expiresOn));

  return (
    <>
      <PageHeader title={t('residents.expiring.title')} lead={t('residents.expiring.lead')} />
      <ErrorAlert error={expiring.error} />
      {expiring.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {expiring.data && items.length === 0 ? (
        <Paper withBorder p="xl" radius="md">
          <Text>{t('residents.expiring.none')}</Text>
        </Paper>
      ) : null}
      {items.length > 0 ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={560} type="native">
            <Table striped verticalSpacing="xs" horizontalSpacing="sm" fz="sm">
              <caption className="visually-hidden">{t('residents.expiring.caption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('residents.expiring.resident')}</Table.Th>
                  <Table.Th>{t('residents.expiring.scope')}</Table.Th>
                  <Table.Th>{t('residents.expiring.expiresOn')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('residents.expiring.daysLeft')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.consentId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/residents/${c.residentId}?tab=consent`} fw={600}>
                        {`${c.firstName} ${c.lastName}`}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`residents.scope.${c.scope}`)}</Table.Td>
                    <Table.Td>{formatDate(c.expiresOn)}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{daysBetween(day, c.expiresOn)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
    </>
  );
}
