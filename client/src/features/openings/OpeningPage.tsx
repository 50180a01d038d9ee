import { api } from '@client/api/client.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { formatDate, formatDateTime, formatNumber } from '@client/lib/format.ts';
import { findOccupation } from '@domain/occupations.ts';
import {
  OPENING_STATUS_LABEL_DA,
  OPENING_TRANSITIONS,
  type TOpeningDetail,
  type TOpeningStatus,
} from '@domain/opening.schema.ts';
import { OPENING_TYPE_INFO } from '@domain/opening-types.ts';
import { Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

const STATUS_EN: Record<TOpeningStatus, string> = {
  new: 'New',
  referred: 'Referred',
  proposals: 'Candidates proposed',
  interviewing: 'Interviewing',
  filled: 'Filled',
  partly_filled: 'Partly filled',
  closed_unfilled: 'Closed unfilled',
  cancelled: 'Cancelled',
};

/** One opening: its facts, who it was referred to and when, its status history and next steps. */
export function OpeningPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const en = i18n.language === 'en';
  const statusLabel = (s: TOpeningStatus) => (en ? STATUS_EN[s] : OPENING_STATUS_LABEL_DA[s]);
  const query = useQuery({
    queryKey: ['/api/openings', id],
    queryFn: ({ signal }) => api.get<TOpeningDetail>(`/api/openings/${id}`, undefined, signal),
  });
  const move = useMutation({
    mutationFn: (status: TOpeningStatus) =>
      api.post<TOpeningDetail>(`/api/openings/${id}/status`, { status }),
    onSuccess: (data) => qc.setQueryData(['/api/openings', id], data),
  });

  if (query.isPending) return <Loader aria-label={t('openings.loading')} />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const o = query.data;
  const type = OPENING_TYPE_INFO[o.type];
  const occupation = findOccupation(o.occupationId);
  const schedule = [
    o.scheduleDay && t('openings.day'),
    o.scheduleEvening && t('openings.evening'),
    o.scheduleWeekend && t('openings.weekend'),
  ]
    .filter(Boolean)
    .join(', ');
  const facts: [string, string][] = [
    [t('openings.company'), o.companyName],
    [t('openings.type'), en ? type.labelEn : type.labelDa],
    [
      t('openings.occupation'),
      occupation ? `${en ? occupation.titleEn : occupation.titleDa} (${occupation.isco})` : o.occupationId,
    ],
    [t('openings.positions'), formatNumber(o.positions)],
    [
      t('openings.hours'),
      `${formatNumber(o.hoursPerWeek)} · ${schedule}${o.endTime ? ` · ${t('openings.until')} ${o.endTime.replace(':', '.')}` : ''}`,
    ],
    [t('openings.period'), `${formatDate(o.startDate)}${o.endDate ? ` – ${formatDate(o.endDate)}` : ''}`],
    [t('openings.workplace'), `${o.postalCode} ${o.city}`],
    [t('openings.age'), o.maxAge ? `${o.minAge}–${o.maxAge}` : `${o.minAge}+`],
    [t('openings.partnership'), o.partnershipName],
  ];
  const mayMove = me.memberships.some((m) => m.role !== 'steering');

  return (
    <>
      <PageHeader
        title={o.title}
        lead={`${o.companyName} · ${statusLabel(o.status)}`}
        actions={
          <Text component={Link} to="/notifications" c="blue.9" td="underline">
            {t('openings.backToNotifications')}
          </Text>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder>
          <Title order={2} size="h3" mb="sm">
            {t('openings.facts')}
          </Title>
          <Table>
            <Table.Tbody>
              {facts.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th scope="row">{label}</Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {o.description && (
            <Text mt="md" style={{ whiteSpace: 'pre-wrap' }}>
              {o.description}
            </Text>
          )}
        </Card>
        <Stack gap="lg">
          <Card withBorder>
            <Title order={2} size="h3" mb="sm">
              {t('openings.status')}: {statusLabel(o.status)}
            </Title>
            {move.isError && <ErrorAlert error={move.error} />}
            {mayMove && OPENING_TRANSITIONS[o.status].length > 0 ? (
              <Group gap="xs">
                {OPENING_TRANSITIONS[o.status].map((next) => (
                  <Button
                    key={next}
                    variant="outline"
                    size="compact-md"
                    loading={move.isPending && move.variables === next}
                    onClick={() => move.mutate(next)}
                  >
                    {t('openings.moveTo', { status: statusLabel(next) })}
                  </Button>
                ))}
              </Group>
            ) : (
              <Text size="sm">{t('openings.final')}</Text>
            )}
          </Card>
          <Card withBorder>
            <Title order={2} size="h3" mb="sm">
              {t('openings.referrals')}
            </Title>
            {o.referrals.length === 0 ? (
              <Text>{t('openings.noReferrals')}</Text>
            ) : (
              <Stack gap={4}>
                {o.referrals.map((r) => (
                  <Group key={`${r.userId}-${r.role}`} gap="xs">
                    <Badge variant="light">{t(`openings.role.${r.role}`)}</Badge>
                    <Text>{r.name}</Text>
                    <Text size="sm" c="dimmed">
                      {t('openings.notified', { at: formatDateTime(r.notifiedAt) })}
                      {r.mailSentAt ? ` · ${t('openings.mailed', { at: formatDateTime(r.mailSentAt) })}` : ''}
                    </Text>
                  </Group>
                ))}
              </Stack>
            )}
          </Card>
          <Card withBorder>
            <Title order={2} size="h3" mb="sm">
              {t('openings.history')}
            </Title>
            <Stack gap={4} component="ol" style={{ paddingLeft: '1.25rem' }}>
              {o.history.map((h) => (
                <li key={`${h.at}-${h.to}`}>
                  <Text size="sm">
                    {formatDateTime(h.at)} · {statusLabel(h.to)}
                    {h.byName ? ` · ${h.byName}` : ''}
                    {h.note ? ` – ${h.note}` : ''}
                  </Text>
                </li>
              ))}
            </Stack>
          </Card>
        </Stack>
      </SimpleGrid>
    </>
  );
}
