import { api } from '@client/api/client.ts';
import { ApiError } from '@client/api/errors.ts';
import { meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { usePageTitle } from '@client/components/usePageTitle.ts';
import { ResidentOpeningsTab } from '@client/features/matching/ResidentOpeningsTab.tsx';
import { ResidentPlacementsTab } from '@client/features/placements/ResidentPlacements.tsx';
import { formatDate } from '@client/lib/format.ts';
import type { TResident } from '@domain/resident.schema.ts';
import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ConsentsTab } from './ResidentConsents.tsx';
import { CvTab } from './ResidentCv.tsx';
import { HistoryTab } from './ResidentHistory.tsx';
import { NotesTab } from './ResidentNotes.tsx';
import { ScreeningTab } from './ResidentScreening.tsx';
import { useStaffName } from './ResponsibleStaff.tsx';
import { ConsentBadges, OccupationName, RESIDENTS_PATH } from './resident-ui.tsx';

const TABS = ['profile', 'consent', 'screening', 'cv', 'notes', 'openings', 'placements', 'history'] as const;
type TTab = (typeof TABS)[number];

/** The same page whether the person does not exist or may not be seen: nothing leaks. */
export function ResidentNotFound() {
  const { t } = useTranslation();
  usePageTitle(t('residents.profile.notFoundTitle'));
  return (
    <Stack>
      <Title order={1}>{t('residents.profile.notFoundTitle')}</Title>
      <Alert color="orange" variant="light">
        {t('residents.profile.notFoundText')}
      </Alert>
      <Text>
        <Anchor component={Link} to="/residents">
          {t('residents.profile.backToList')}
        </Anchor>
      </Text>
    </Stack>
  );
}

export function useResident(id: string | undefined) {
  return useQuery({
    queryKey: [RESIDENTS_PATH, id],
    enabled: id !== undefined,
    retry: false,
    // A withdrawal elsewhere takes effect on the very next request: always ask again.
    refetchOnMount: 'always',
    queryFn: ({ signal }) => api.get<TResident>(`${RESIDENTS_PATH}/${id}`, undefined, signal),
  });
}

/** A resident's profile with tabs (profile, consent, screening, CV, notes, history); the tab is kept in the URL. */
export function ResidentPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const resident = useResident(id);
  const me = useCurrentMe();
  const tab: TTab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as TTab)
    : 'profile';

  if (resident.isPending) return <Loader aria-label={t('common.loading')} />;
  if (resident.error instanceof ApiError && resident.error.status === 404) return <ResidentNotFound />;
  if (resident.isError) {
    return (
      <>
        <PageHeader title={t('residents.title')} />
        <ErrorAlert error={resident.error} />
      </>
    );
  }
  const r = resident.data;
  const name = [r.firstName, r.lastName].filter(Boolean).join(' ');
  // Consents, screenings, the CV and notes are case data: shown only when the view carries them.
  const showConsents = r.consents !== undefined;
  const showNotes = r.view === 'professional';
  // Who did what (professionals), and the rights requests (whoever handles them).
  const showHistory = r.view === 'professional' || r.mayHandleRights === true;
  // Fitting openings are casework: job consultants and social workers in the professional view.
  const showOpenings = showNotes && meCan(me, 'read', { kind: 'candidates' });
  // Hires and trials with their follow-up (issue 6): the professionals' casework too.
  const showPlacements = showNotes && meCan(me, 'list', { kind: 'placement' });

  return (
    <>
      <PageHeader
        title={name}
        lead={<ConsentBadges scopes={r.activeConsentScopes} />}
        actions={
          <>
            {showNotes && meCan(me, 'list', { kind: 'proposal' }) ? (
              <Button component={Link} to={`/proposals?residentId=${r.id}`} variant="outline">
                {t('proposals.ofResident')}
              </Button>
            ) : null}
            {r.canEdit ? (
              <Button component={Link} to={`/residents/${r.id}/edit`}>
                {t('residents.profile.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      <Tabs
        value={tab}
        onChange={(v) =>
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev);
              if (!v || v === 'profile') next.delete('tab');
              else next.set('tab', v);
              return next;
            },
            { replace: true },
          )
        }
        keepMounted={false}
      >
        <Tabs.List aria-label={t('residents.profile.tabs')} mb="md">
          <Tabs.Tab value="profile">{t('residents.profile.tabProfile')}</Tabs.Tab>
          {showConsents ? <Tabs.Tab value="consent">{t('residents.profile.tabConsent')}</Tabs.Tab> : null}
          {showNotes ? <Tabs.Tab value="screening">{t('residents.profile.tabScreening')}</Tabs.Tab> : null}
          {showNotes ? <Tabs.Tab value="cv">{t('residents.profile.tabCv')}</Tabs.Tab> : null}
          {showNotes ? <Tabs.Tab value="notes">{t('residents.profile.tabNotes')}</Tabs.Tab> : null}
          {showOpenings ? <Tabs.Tab value="openings">{t('matching.tabOpenings')}</Tabs.Tab> : null}
          {showPlacements ? <Tabs.Tab value="placements">{t('placements.tab')}</Tabs.Tab> : null}
          {showHistory ? <Tabs.Tab value="history">{t('residents.profile.tabHistory')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="profile">
          <ProfileView resident={r} />
        </Tabs.Panel>
        {showConsents ? (
          <Tabs.Panel value="consent">
            <ConsentsTab resident={r} />
          </Tabs.Panel>
        ) : null}
        {showNotes ? (
          <Tabs.Panel value="screening">
            <ScreeningTab resident={r} />
          </Tabs.Panel>
        ) : null}
        {showNotes ? (
          <Tabs.Panel value="cv">
            <CvTab resident={r} />
          </Tabs.Panel>
        ) : null}
        {showNotes ? (
          <Tabs.Panel value="notes">
            <NotesTab resident={r} />
          </Tabs.Panel>
        ) : null}
        {showOpenings ? (
          <Tabs.Panel value="openings">
            {tab === 'openings' ? <ResidentOpeningsTab residentId={r.id} /> : null}
          </Tabs.Panel>
        ) : null}
        {showPlacements ? (
          <Tabs.Panel value="placements">
            {tab === 'placements' ? <ResidentPlacementsTab residentId={r.id} name={name} /> : null}
          </Tabs.Panel>
        ) : null}
        {showHistory ? (
          <Tabs.Panel value="history">
            <HistoryTab resident={r} />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Text component="dt" fw={700} size="sm">
        {label}
      </Text>
      <Text component="dd" m={0} mb="xs">
        {children}
      </Text>
    </>
  );
}

/** The fields the view carries, nothing else: an absent field is not shown at all. */
function ProfileView({ resident: r }: { resident: TResident }) {
  const { t } = useTranslation();
  const staffName = useStaffName();
  const none = t('residents.notStated');
  const list = (items: readonly string[] | undefined) =>
    items && items.length > 0 ? items.join(', ') : none;
  const availability = [
    r.availableDay ? t('residents.availableDay') : null,
    r.availableEvening ? t('residents.availableEvening') : null,
    r.availableWeekend ? t('residents.availableWeekend') : null,
  ].filter((x): x is string => x !== null);

  return (
    <Stack gap="md">
      {r.canEdit ? null : (
        <Text size="sm" c="dimmed">
          {t('residents.profile.readOnly')}
        </Text>
      )}
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h4" mb="sm">
          {t('residents.form.sectionPerson')}
        </Title>
        <dl style={{ margin: 0 }}>
          {r.birthDate !== undefined ? (
            <Row label={t('residents.field.birthDate')}>
              {formatDate(r.birthDate)}
              {r.age !== undefined ? ` (${t('residents.ageYears', { age: r.age })})` : ''}
            </Row>
          ) : null}
          {r.phone !== undefined ? <Row label={t('residents.field.phone')}>{r.phone ?? none}</Row> : null}
          {r.email !== undefined ? <Row label={t('residents.field.email')}>{r.email ?? none}</Row> : null}
          {r.postalCode !== undefined ? (
            <Row label={t('residents.field.postalCode')}>{r.postalCode}</Row>
          ) : null}
          {r.housingAreaId !== undefined ? (
            <Row label={t('residents.field.housingAreaId')}>
              {r.housingAreaId === null ? t('residents.outsideAreas') : (r.housingAreaName ?? '')}
            </Row>
          ) : null}
          {r.status !== undefined ? (
            <Row label={t('residents.field.status')}>{t(`residents.status.${r.status}`)}</Row>
          ) : null}
          {r.responsibleSocialWorkerId !== undefined ? (
            <Row label={t('residents.field.responsibleSocialWorkerId')}>
              {staffName(r.responsibleSocialWorkerId)}
            </Row>
          ) : null}
          {r.responsibleJobConsultantId !== undefined ? (
            <Row label={t('residents.field.responsibleJobConsultantId')}>
              {staffName(r.responsibleJobConsultantId)}
            </Row>
          ) : null}
        </dl>
      </Paper>

      {r.occupationIds !== undefined ? (
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {t('residents.form.sectionJob')}
          </Title>
          <dl style={{ margin: 0 }}>
            <Row label={t('residents.field.occupationIds')}>
              {r.occupationIds.length === 0 ? (
                none
              ) : (
                <Text component="ol" m={0} pl="lg">
                  {r.occupationIds.map((o) => (
                    <li key={o}>
                      <OccupationName id={o} />
                    </li>
                  ))}
                </Text>
              )}
            </Row>
            {r.skills !== undefined ? <Row label={t('residents.field.skills')}>{list(r.skills)}</Row> : null}
            {r.experiences !== undefined && r.experiences.length > 0 ? (
              <Row label={t('residents.field.experiences')}>
                {r.experiences
                  .map((e) =>
                    [e.title, e.employer, [e.fromYear, e.toYear].filter(Boolean).join('–')]
                      .filter(Boolean)
                      .join(', '),
                  )
                  .join('; ')}
              </Row>
            ) : null}
            {r.educationLevel !== undefined ? (
              <Row label={t('residents.field.educationLevel')}>
                {t(`residents.education.${r.educationLevel}`)}
              </Row>
            ) : null}
            {r.danishLevel !== undefined ? (
              <Row label={t('residents.field.danishLevel')}>
                {r.danishLevel ? t(`residents.danishLevel.${r.danishLevel}`) : none}
              </Row>
            ) : null}
            {r.driverLicences !== undefined ? (
              <Row label={t('residents.field.driverLicences')}>{list(r.driverLicences)}</Row>
            ) : null}
            {r.hoursPerWeek !== undefined ? (
              <Row label={t('residents.field.hoursPerWeek')}>{r.hoursPerWeek ?? none}</Row>
            ) : null}
            {r.availableDay !== undefined ? (
              <Row label={t('residents.field.availability')}>{list(availability)}</Row>
            ) : null}
            {r.availableFrom !== undefined ? (
              <Row label={t('residents.field.availableFrom')}>
                {r.availableFrom ? formatDate(r.availableFrom) : t('residents.availableNow')}
              </Row>
            ) : null}
          </dl>
        </Paper>
      ) : null}

      {r.benefitGroup !== undefined ||
      r.jobcenterCategory !== undefined ||
      r.supportNeeds !== undefined ||
      r.gender !== undefined ? (
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {t('residents.form.sectionCase')}
          </Title>
          <dl style={{ margin: 0 }}>
            {r.benefitGroup !== undefined ? (
              <Row label={t('residents.field.benefitGroup')}>
                {r.benefitGroup ? t(`residents.benefitGroup.${r.benefitGroup}`) : none}
              </Row>
            ) : null}
            {r.jobcenterCategory !== undefined ? (
              <Row label={t('residents.field.jobcenterCategory')}>
                {r.jobcenterCategory ? t(`residents.category.${r.jobcenterCategory}`) : none}
              </Row>
            ) : null}
            {r.supportNeeds !== undefined ? (
              <Row label={t('residents.field.supportNeeds')}>
                {list(r.supportNeeds.map((n) => t(`residents.supportNeed.${n}`)))}
              </Row>
            ) : null}
            {r.gender !== undefined ? (
              <Row label={t('residents.field.gender')}>
                {r.gender ? t(`residents.gender.${r.gender}`) : none}
              </Row>
            ) : null}
          </dl>
        </Paper>
      ) : null}
      <Group>
        <Anchor component={Link} to="/residents">
          {t('residents.profile.backToList')}
        </Anchor>
      </Group>
    </Stack>
  );
}
