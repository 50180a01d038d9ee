import { api } from '@client/api/client.ts';
import { meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { CandidatesTab } from '@client/features/matching/CandidatesTab.tsx';
import { formatDate, formatDateTime, formatNumber } from '@client/lib/format.ts';
import { findOccupation } from '@domain/occupations.ts';
import {
  isFinalStatus,
  OPENING_TRANSITIONS,
  type TOpeningDetail,
  type TOpeningStatus,
} from '@domain/opening.schema.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { OPENINGS_PATH, OpeningStatusBadge, type TCreatedState, useOpeningLabels } from './opening-ui.tsx';

/** One opening: its facts, who it was referred to and when, its status history and next steps. */
export function OpeningPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const justCreated = (location.state as TCreatedState | null)?.created === true;
  const en = i18n.language === 'en';
  const labels = useOpeningLabels();
  const statusLabel = labels.status;
  const query = useQuery({
    queryKey: [OPENINGS_PATH, id],
    queryFn: ({ signal }) => api.get<TOpeningDetail>(`/api/openings/${id}`, undefined, signal),
  });
  const move = useMutation({
    mutationFn: (status: TOpeningStatus) =>
      api.post<TOpeningDetail>(`/api/openings/${id}/status`, { status }),
    onSuccess: async (data) => {
      qc.setQueryData([OPENINGS_PATH, id], data);
      await qc.invalidateQueries({ queryKey: [OPENINGS_PATH, 'list'] });
    },
  });

  if (query.isPending) return <Loader aria-label={t('openings.loading')} />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('openings.detailTitle')} />
        <ErrorAlert error={query.error} />
      </>
    );
  }
  const o = query.data;
  const occupation = findOccupation(o.occupationId);
  const schedule = [
    o.scheduleDay && t('openings.day'),
    o.scheduleEvening && t('openings.evening'),
    o.scheduleWeekend && t('openings.weekend'),
  ]
    .filter(Boolean)
    .join(', ');
  const facts: [string, ReactNode][] = [
    [t('openings.company'), o.companyName],
    [t('openings.type'), labels.type(o.type)],
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
  if (o.minHoursPerWeek !== null)
    facts.push([t('openings.field.minHoursPerWeek'), formatNumber(o.minHoursPerWeek)]);
  if (o.skills.length > 0) facts.push([t('openings.field.skills'), o.skills.join(', ')]);
  if (o.applicationDeadline)
    facts.push([t('openings.field.applicationDeadline'), formatDate(o.applicationDeadline)]);
  // Time to first proposal (issue 5): how fast the partnership found someone for the opening.
  if (o.firstProposalAt && o.hoursToFirstProposal !== null)
    facts.push([
      t('openings.firstProposal'),
      t('openings.firstProposalAfter', {
        at: formatDateTime(o.firstProposalAt),
        hours: o.hoursToFirstProposal.toLocaleString('da-DK'),
      }),
    ]);
  // Requirements and the contact person only when given.
  if (o.driverLicence)
    facts.push([t('openings.field.driverLicence'), t(`openings.licence.${o.driverLicence}`)]);
  if (o.minDanishLevel)
    facts.push([t('openings.field.minDanishLevel'), t(`openings.danishLevel.${o.minDanishLevel}`)]);
  if (o.certificates) facts.push([t('openings.field.certificates'), o.certificates]);
  const contact = [o.contactName, o.contactEmail, o.contactPhone].filter(Boolean).join(' · ');
  if (contact) facts.push([t('openings.form.sectionContact'), contact]);
  if (o.assignmentId) {
    facts.push([
      t('openings.assignment'),
      <Anchor key="assignment" component={Link} to={`/assignments/${o.assignmentId}`}>
        {t('openings.toAssignment')}
      </Anchor>,
    ]);
  }
  const mayMove = me.memberships.some((m) => m.role !== 'steering');
  const mayEdit = meCan(me, 'update', { kind: 'opening' }) && !isFinalStatus(o.status);
  // Candidate lists are casework: the tab is there for job consultants and social workers only.
  const showCandidates = meCan(me, 'read', { kind: 'candidates' });
  const tab = showCandidates && params.get('tab') === 'candidates' ? 'candidates' : 'overview';
  const consultants = o.referrals.filter((r) => r.role === 'job_consultant').map((r) => r.name);
  const workers = o.referrals.filter((r) => r.role === 'social_worker').map((r) => r.name);

  const overview = (
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
  );

  return (
    <>
      <PageHeader
        title={o.title}
        lead={
          <>
            {o.companyName} · <OpeningStatusBadge status={o.status} />
          </>
        }
        actions={
          <>
            <Anchor component={Link} to="/openings">
              {t('openings.backToList')}
            </Anchor>
            {mayEdit ? (
              <Button component={Link} to={`/openings/${o.id}/edit`}>
                {t('openings.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      {justCreated ? (
        <Alert
          color="green"
          variant="light"
          role="status"
          mb="lg"
          title={
            o.referrals.length > 0
              ? t('openings.createdNotice.title')
              : t('openings.createdNotice.titleAlone')
          }
        >
          {o.referrals.length > 0
            ? t('openings.createdNotice.referred', {
                consultants: consultants.join(', ') || t('openings.createdNotice.nobody'),
                workers: workers.join(', ') || t('openings.createdNotice.nobody'),
              })
            : t('openings.createdNotice.notReferred')}
        </Alert>
      ) : null}
      {showCandidates ? (
        <Tabs
          value={tab}
          onChange={(v) =>
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                if (!v || v === 'overview') next.delete('tab');
                else next.set('tab', v);
                return next;
              },
              { replace: true },
            )
          }
        >
          <Tabs.List aria-label={t('openings.tabs')} mb="md">
            <Tabs.Tab value="overview">{t('openings.tabOverview')}</Tabs.Tab>
            <Tabs.Tab value="candidates">{t('matching.tabCandidates')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="overview">{overview}</Tabs.Panel>
          <Tabs.Panel value="candidates">
            {tab === 'candidates' ? <CandidatesTab openingId={o.id} /> : null}
          </Tabs.Panel>
        </Tabs>
      ) : (
        overview
      )}
    </>
  );
}
