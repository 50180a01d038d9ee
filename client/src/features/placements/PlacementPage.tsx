import { api } from '@client/api/client.ts';
import { currentLang } from '@client/app/i18n.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { Fact, FactGrid, SectionCard } from '@client/components/SectionCard.tsx';
import { WORD_BADGE_STYLES } from '@client/features/assignments/assignment-ui.tsx';
import { EscalationStateBadge } from '@client/features/escalations/EscalationStateBadge.tsx';
import { ResolveEscalationModal } from '@client/features/escalations/ResolveEscalationModal.tsx';
import { CheckInModal } from '@client/features/follow-ups/CheckInModal.tsx';
import { FollowUpBadge } from '@client/features/follow-ups/FollowUpBadge.tsx';
import {
  FollowUpDateModal,
  type TFollowUpDateTarget,
} from '@client/features/follow-ups/FollowUpDateModal.tsx';
import { checkInLabel, outcomeKeyOf } from '@client/features/follow-ups/follow-up-ui.ts';
import { useOpeningLabels } from '@client/features/openings/opening-ui.tsx';
import { formatDate, formatDateTime, formatNumber } from '@client/lib/format.ts';
import type { TEscalation, TFollowUp, TPlacementDetail } from '@domain/placement.schema.ts';
import { addDays, danishDate } from '@domain/time.ts';
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EndPlacementModal } from './EndPlacementModal.tsx';
import { FlagPlacementModal } from './FlagPlacementModal.tsx';
import { PlacementStatusBadge } from './PlacementStatusBadge.tsx';
import { notBefore, PLACEMENTS_PATH } from './placement-ui.ts';

/**
 * One placement. A professional sees the facts, the follow-up plan with "Registrér", "Flyt dato"
 * and an extra check-in, the escalations with "Løs", and "Afslut forløb". The company sees its
 * own facts, the follow-up dates (never the notes) and "Noget går skævt".
 */
export function PlacementPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [ending, setEnding] = useState(false);
  const [flagging, setFlagging] = useState(false);
  const [flagged, setFlagged] = useState(false);
  const query = useQuery({
    queryKey: [PLACEMENTS_PATH, id],
    queryFn: ({ signal }) => api.get<TPlacementDetail>(`${PLACEMENTS_PATH}/${id}`, undefined, signal),
  });

  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('placements.detailTitle')} />
        <ErrorAlert error={query.error} />
        <Anchor component={Link} to="/placements">
          {t('placements.backToList')}
        </Anchor>
      </>
    );
  }
  const p = query.data;
  const professional = p.canFollowUp;
  const name = p.residentName ?? t('placements.unnamed');

  return (
    <>
      <PageHeader
        title={t('placements.detailHeading', { name, company: p.companyName })}
        lead={
          <>
            {p.openingTitle ?? t('placements.noOpening')} · <PlacementStatusBadge status={p.status} />
          </>
        }
        actions={
          <>
            <Anchor component={Link} to="/placements">
              {t('placements.backToList')}
            </Anchor>
            {professional && p.status === 'active' ? (
              <Button variant="outline" onClick={() => setEnding(true)}>
                {t('placements.end')}
              </Button>
            ) : null}
            {p.canFlag ? (
              <Button color="red.8" onClick={() => setFlagging(true)}>
                {t('placements.flag')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        {flagged ? (
          <Alert color="green" variant="light" role="status" title={t('placements.flaggedTitle')}>
            {t('placements.flagged')}
          </Alert>
        ) : !professional && p.openEscalations > 0 ? (
          <Alert color="orange" variant="light">
            {t('placements.flagOpen', { count: p.openEscalations })}
          </Alert>
        ) : null}
        <PlacementFacts placement={p} />
        {professional ? (
          <>
            <FollowUpPlan placement={p} />
            <EscalationsSection escalations={p.escalations} />
          </>
        ) : (
          <FollowUpDates placement={p} />
        )}
      </Stack>
      {professional ? (
        <EndPlacementModal placement={p} opened={ending} onClose={() => setEnding(false)} />
      ) : null}
      {p.canFlag ? (
        <FlagPlacementModal
          placementId={p.id}
          opened={flagging}
          onClose={() => setFlagging(false)}
          onFlagged={() => setFlagged(true)}
        />
      ) : null}
    </>
  );
}

function PlacementFacts({ placement: p }: { placement: TPlacementDetail }) {
  const { t } = useTranslation();
  const labels = useOpeningLabels();
  const professional = p.canFollowUp;
  const facts: [string, ReactNode][] = [
    [
      professional ? t('placements.field.resident') : t('placements.field.employee'),
      professional && p.residentId ? (
        <Anchor key="resident" component={Link} to={`/residents/${p.residentId}`}>
          {p.residentName}
        </Anchor>
      ) : (
        (p.residentName ?? t('placements.unnamed'))
      ),
    ],
    [
      t('placements.field.company'),
      professional ? (
        <Anchor key="company" component={Link} to={`/companies/${p.companyId}`}>
          {p.companyName}
        </Anchor>
      ) : (
        p.companyName
      ),
    ],
    [
      t('placements.field.opening'),
      p.openingId ? (
        <Anchor key="opening" component={Link} to={`/openings/${p.openingId}`}>
          {p.openingTitle}
        </Anchor>
      ) : (
        t('placements.noOpening')
      ),
    ],
    [t('placements.field.type'), labels.type(p.type)],
    [t('placements.field.startDate'), formatDate(p.startDate)],
    [t('placements.field.endDate'), p.endDate ? formatDate(p.endDate) : t('placements.noEndDate')],
    [
      t('placements.field.hours'),
      p.hoursPerWeek === null
        ? ''
        : t('placements.hoursValue', { hours: p.hoursPerWeek.toLocaleString('da-DK') }),
    ],
    [t('placements.field.wageSubsidy'), t(`placements.wageSubsidy.${p.wageSubsidy}`)],
  ];
  if (p.assignmentId) {
    facts.push([
      t('placements.field.assignment'),
      <Anchor key="assignment" component={Link} to={`/assignments/${p.assignmentId}`}>
        {p.assignmentTitle ?? t('placements.toAssignment')}
      </Anchor>,
    ]);
  }
  facts.push([
    t('placements.field.clause'),
    p.socialClauseId ? t('placements.clauseCounts') : t('placements.noClause'),
  ]);
  if (professional && p.daysToHire !== null) {
    facts.push([
      t('placements.field.daysToHire'),
      t('placements.days', { count: p.daysToHire, formatted: formatNumber(p.daysToHire) }),
    ]);
  }
  facts.push([t('placements.field.hiredAt'), formatDate(p.hiredAt)]);
  if (p.status !== 'active') {
    facts.push([
      t('placements.field.status'),
      p.endReason
        ? `${t(`placements.status.${p.status}`)} – ${t(`placements.endReason.${p.endReason}`)}`
        : t(`placements.status.${p.status}`),
    ]);
  }
  if (p.endNote) facts.push([t('placements.field.endNote'), p.endNote]);
  if (professional && p.proposalId) {
    facts.push([
      t('placements.field.proposal'),
      <Anchor key="proposal" component={Link} to={`/proposals/${p.proposalId}`}>
        {t('placements.toProposal')}
      </Anchor>,
    ]);
  }

  return (
    <SectionCard title={t('placements.facts')}>
      <FactGrid>
        {facts.map(([label, value]) => (
          <Fact key={label} label={label}>
            {value}
          </Fact>
        ))}
      </FactGrid>
    </SectionCard>
  );
}

/** The check-ins in date order, with how each went and, where measured, the outcome. */
function FollowUpPlan({ placement: p }: { placement: TPlacementDetail }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [recording, setRecording] = useState<TFollowUp | null>(null);
  const [dateTarget, setDateTarget] = useState<TFollowUpDateTarget | null>(null);
  const active = p.status === 'active';
  const extraSuggested = notBefore(addDays(danishDate(new Date()), 7), p.startDate);

  return (
    <SectionCard
      title={t('placements.plan')}
      actions={
        active ? (
          <Button
            variant="outline"
            size="compact-md"
            onClick={() =>
              setDateTarget({
                kind: 'extra',
                placementId: p.id,
                placementStart: p.startDate,
                suggested: extraSuggested,
              })
            }
          >
            {t('followUps.addExtra')}
          </Button>
        ) : null
      }
    >
      {p.followUps.length === 0 ? (
        <Text>{t('placements.planEmpty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={860} type="native">
          <Table verticalSpacing="sm" horizontalSpacing="sm" fz="sm">
            <caption className="visually-hidden">{t('placements.planCaption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('placements.planCol.checkIn')}</Table.Th>
                <Table.Th scope="col">{t('placements.planCol.dueDate')}</Table.Th>
                <Table.Th scope="col">{t('placements.planCol.status')}</Table.Th>
                <Table.Th scope="col">{t('placements.planCol.outcome')}</Table.Th>
                <Table.Th scope="col">{t('placements.planCol.notes')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('list.actions')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.followUps.map((f) => {
                const label = checkInLabel(f.key, lang);
                const outcome = outcomeKeyOf(f);
                return (
                  <Table.Tr key={f.id}>
                    <Table.Th scope="row" fw={600}>
                      {label}
                      {f.measures ? (
                        <Text size="xs" c="dimmed" fw={400}>
                          {t(`placements.measures.${f.measures}`)}
                        </Text>
                      ) : null}
                    </Table.Th>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        <Text size="sm">{formatDate(f.dueDate)}</Text>
                        <FollowUpBadge followUp={f} />
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      {f.status ? (
                        <Stack gap={2}>
                          <Text size="sm" fw={600}>
                            {t(`followUps.status.${f.status}`)}
                          </Text>
                          {f.contactedWith ? (
                            <Text size="xs">
                              {t('placements.spokeWith', { who: t(`followUps.contact.${f.contactedWith}`) })}
                            </Text>
                          ) : null}
                          <Text size="xs" c="dimmed">
                            {[f.recordedByName, formatDateTime(f.recordedAt)].filter(Boolean).join(' · ')}
                          </Text>
                        </Stack>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {f.assignedToName
                            ? t('placements.assignedTo', { name: f.assignedToName })
                            : t('followUps.unassigned')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{outcome ? t(outcome) : '–'}</Table.Td>
                    <Table.Td maw={320}>
                      {f.notes ? (
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {f.notes}
                        </Text>
                      ) : null}
                      {f.actionTaken ? (
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          <strong>{t('followUps.field.actionTaken')}:</strong> {f.actionTaken}
                        </Text>
                      ) : null}
                      {!f.notes && !f.actionTaken ? '–' : null}
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      {f.state === 'planned' ? (
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          <Button
                            size="compact-sm"
                            onClick={() => setRecording(f)}
                            aria-label={t('followUps.recordNamed', { label })}
                          >
                            {t('followUps.recordShort')}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="outline"
                            onClick={() =>
                              setDateTarget({ kind: 'reschedule', followUp: f, placementStart: p.startDate })
                            }
                            aria-label={t('followUps.rescheduleFor', { label })}
                          >
                            {t('followUps.reschedule')}
                          </Button>
                        </Group>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CheckInModal followUp={recording} onClose={() => setRecording(null)} />
      <FollowUpDateModal target={dateTarget} onClose={() => setDateTarget(null)} />
    </SectionCard>
  );
}

/** Open escalations first, each with "Løs"; resolved ones below with what was done. */
function EscalationsSection({ escalations }: { escalations: TEscalation[] }) {
  const { t } = useTranslation();
  const [resolving, setResolving] = useState<TEscalation | null>(null);
  const ordered = [...escalations].sort(
    (a, b) =>
      Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null) || b.openedAt.localeCompare(a.openedAt),
  );
  return (
    <SectionCard title={t('placements.escalations')}>
      {ordered.length === 0 ? (
        <Text>{t('placements.noEscalations')}</Text>
      ) : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {ordered.map((e) => (
            <Paper key={e.id} component="li" withBorder radius="sm" p="sm">
              <Group justify="space-between" align="flex-start" gap="sm">
                <Stack gap={4} style={{ flex: '1 1 20rem' }}>
                  <Group gap="xs">
                    <EscalationStateBadge escalation={e} />
                    <Badge color="gray" tt="none" styles={WORD_BADGE_STYLES}>
                      {t(`escalations.source.${e.source}`)}
                    </Badge>
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {e.reason}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('escalations.openedBy', {
                      at: formatDateTime(e.openedAt),
                      by: e.openedByName ?? t(`escalations.source.${e.source}`),
                    })}
                  </Text>
                  {e.resolvedAt ? (
                    <Text size="sm">
                      <strong>{t('escalations.field.resolution')}:</strong> {e.resolution}{' '}
                      <Text span size="xs" c="dimmed">
                        ({[formatDateTime(e.resolvedAt), e.resolvedByName].filter(Boolean).join(' · ')})
                      </Text>
                    </Text>
                  ) : null}
                </Stack>
                {e.resolvedAt === null ? (
                  <Button size="compact-sm" onClick={() => setResolving(e)}>
                    {t('escalations.resolve')}
                  </Button>
                ) : null}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <ResolveEscalationModal escalation={resolving} onClose={() => setResolving(null)} />
    </SectionCard>
  );
}

/** The company's view of the follow-up: when the jobcenter checks in, never what was said. */
function FollowUpDates({ placement: p }: { placement: TPlacementDetail }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('placements.followUpDates')}>
      <Text size="sm" mb="sm">
        {t('placements.followUpDatesHint')}
      </Text>
      {p.followUpDates.length === 0 ? (
        <Text>{t('placements.planEmpty')}</Text>
      ) : (
        <Table verticalSpacing="xs" fz="sm" maw={560}>
          <caption className="visually-hidden">{t('placements.followUpDates')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('placements.planCol.checkIn')}</Table.Th>
              <Table.Th scope="col">{t('placements.planCol.dueDate')}</Table.Th>
              <Table.Th scope="col">{t('placements.planCol.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.followUpDates.map((f) => (
              <Table.Tr key={`${f.label}-${f.dueDate}`}>
                <Table.Th scope="row" fw={600}>
                  {f.label}
                </Table.Th>
                <Table.Td>{formatDate(f.dueDate)}</Table.Td>
                <Table.Td>{t(`placements.dateState.${f.state}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}
