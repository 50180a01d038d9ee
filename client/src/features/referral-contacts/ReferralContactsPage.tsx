import { api, request } from '@client/api/client.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { SectionCard } from '@client/components/SectionCard.tsx';
import { notifySuccess } from '@client/features/companies/company-ui.tsx';
import type { TPage } from '@domain/common.schema.ts';
import type { THousingArea } from '@domain/housing-area.schema.ts';
import type { TPartnership } from '@domain/partnership.schema.ts';
import {
  REFERRAL_ROLES,
  type TReferralCandidate,
  type TReferralContact,
  type TReferralContactsUpdate,
} from '@domain/referral-contact.schema.ts';
import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

type TRole = (typeof REFERRAL_ROLES)[number];
type TDraft = Omit<TReferralContact, 'id'>;

const toDraft = (list: TReferralContact[]): TDraft[] => list.map(({ id: _id, ...rest }) => rest);

const sameContacts = (a: TDraft[], b: TDraft[]) =>
  a.length === b.length &&
  a.every(
    (x, i) => x.userId === b[i]?.userId && x.role === b[i]?.role && x.housingAreaId === b[i]?.housingAreaId,
  );

/**
 * /admin/partnerships/:id/referral-contacts: who receives the partnership's new openings at once,
 * per role and optionally per area (issue 3 item 8). The secretariat edits a draft and saves it
 * as a whole; the server checks each person holds the role in the partnership.
 */
export function ReferralContactsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const base = `/api/partnerships/${id}`;
  const partnership = useQuery({
    queryKey: ['/api/partnerships', 'detail', id],
    queryFn: ({ signal }) => api.get<TPartnership>(base, undefined, signal),
  });
  const contacts = useQuery({
    queryKey: [`${base}/referral-contacts`],
    queryFn: ({ signal }) => api.get<TReferralContact[]>(`${base}/referral-contacts`, undefined, signal),
  });
  const candidates = useQuery({
    queryKey: [`${base}/referral-candidates`],
    queryFn: ({ signal }) => api.get<TReferralCandidate[]>(`${base}/referral-candidates`, undefined, signal),
  });
  const municipalityId = partnership.data?.municipalityId;
  const areas = useQuery({
    queryKey: ['/api/housing-areas', 'of-municipality', municipalityId],
    enabled: municipalityId !== undefined,
    queryFn: ({ signal }) =>
      api.get<TPage<THousingArea>>(
        '/api/housing-areas',
        { municipalityId, sort: 'name', dir: 'asc', page: 1, pageSize: 200 },
        signal,
      ),
  });

  const title = t('referralContacts.title');
  const error = partnership.error ?? contacts.error ?? candidates.error ?? areas.error;
  const back = (
    <Anchor component={Link} to="/admin/partnerships" size="sm" mb="xs" display="inline-block">
      ← {t('referralContacts.backToList')}
    </Anchor>
  );
  if (error) {
    return (
      <>
        {back}
        <PageHeader title={title} />
        <ErrorAlert error={error} />
      </>
    );
  }
  if (!partnership.data || !contacts.data || !candidates.data || !areas.data) {
    return (
      <>
        <PageHeader title={title} />
        <Skeleton height={240} />
      </>
    );
  }
  return (
    <>
      {back}
      <PageHeader title={title} lead={t('referralContacts.lead', { name: partnership.data.name })} />
      <ContactsEditor
        path={`${base}/referral-contacts`}
        saved={contacts.data}
        candidates={candidates.data}
        areas={areas.data.items}
      />
    </>
  );
}

function ContactsEditor({
  path,
  saved,
  candidates,
  areas,
}: {
  path: string;
  saved: TReferralContact[];
  candidates: TReferralCandidate[];
  areas: THousingArea[];
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<TDraft[]>(() => toDraft(saved));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setDraft(toDraft(saved)), [saved]);
  const dirty = !sameContacts(draft, toDraft(saved));

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const body: TReferralContactsUpdate = {
        contacts: draft.map(({ userId, role, housingAreaId }) => ({ userId, role, housingAreaId })),
      };
      const result = await request<TReferralContact[]>('PUT', path, { body });
      qc.setQueryData([path], result);
      notifySuccess(t, t('referralContacts.saved'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="lg">
      <Alert variant="light" color="blue">
        <Stack gap={4}>
          <Text size="sm">{t('referralContacts.fallback')}</Text>
          <Text size="sm">{t('referralContacts.areaRule')}</Text>
        </Stack>
      </Alert>
      {REFERRAL_ROLES.map((role) => (
        <RoleSection
          key={role}
          role={role}
          chosen={draft.filter((d) => d.role === role)}
          candidates={candidates.filter((c) => c.role === role)}
          areas={areas}
          onAdd={(d) => setDraft((all) => [...all, d])}
          onRemove={(d) => setDraft((all) => all.filter((x) => x !== d))}
        />
      ))}
      <ErrorAlert error={error} />
      <Group>
        <Button onClick={() => void save()} loading={busy} disabled={!dirty}>
          {t('referralContacts.save')}
        </Button>
        {dirty ? (
          <Text size="sm" c="orange.9" aria-live="polite">
            {t('referralContacts.unsaved')}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}

function RoleSection({
  role,
  chosen,
  candidates,
  areas,
  onAdd,
  onRemove,
}: {
  role: TRole;
  chosen: TDraft[];
  candidates: TReferralCandidate[];
  areas: THousingArea[];
  onAdd: (d: TDraft) => void;
  onRemove: (d: TDraft) => void;
}) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState('');
  const [areaId, setAreaId] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const headingId = `add-${role}`;
  const areaName = (d: TDraft) => d.housingAreaName ?? t('referralContacts.wholePartnership');

  const add = (e: FormEvent) => {
    e.preventDefault();
    const person = candidates.find((c) => c.userId === userId);
    if (!person) {
      setFieldError(t('form.required'));
      return;
    }
    const housingAreaId = areaId || null;
    if (chosen.some((c) => c.userId === userId && c.housingAreaId === housingAreaId)) {
      setFieldError(t('referralContacts.alreadyChosen'));
      return;
    }
    setFieldError(undefined);
    onAdd({
      userId,
      userName: person.name,
      role,
      housingAreaId,
      housingAreaName: areas.find((a) => a.id === housingAreaId)?.name ?? null,
    });
    setUserId('');
    setAreaId('');
  };

  return (
    <SectionCard title={t(`referralContacts.role.${role}`)}>
      {chosen.length === 0 ? (
        <Text c="dimmed" mb="md">
          {t(`referralContacts.noneChosen.${role}`)}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480} type="native" mb="md">
          <Table verticalSpacing="xs" fz="sm">
            <caption className="visually-hidden">{t(`referralContacts.role.${role}`)}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('referralContacts.person')}</Table.Th>
                <Table.Th>{t('referralContacts.area')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('list.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {chosen.map((d) => (
                <Table.Tr key={`${d.userId}:${d.housingAreaId}`}>
                  <Table.Td fw={600}>{d.userName}</Table.Td>
                  <Table.Td>{areaName(d)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Button
                      size="compact-sm"
                      variant="outline"
                      color="red"
                      aria-label={t('referralContacts.removeNamed', { name: d.userName, area: areaName(d) })}
                      onClick={() => onRemove(d)}
                    >
                      {t('common.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {candidates.length === 0 ? (
        <Text size="sm">{t(`referralContacts.noCandidates.${role}`)}</Text>
      ) : (
        <form onSubmit={add} noValidate aria-labelledby={headingId}>
          <Title order={3} fz="h5" id={headingId} mb="xs">
            {t('referralContacts.addHeading')}
          </Title>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <NativeSelect
              label={t('referralContacts.person')}
              value={userId}
              onChange={(e) => setUserId(e.currentTarget.value)}
              error={fieldError}
              data={[
                { value: '', label: t('common.choose') },
                ...candidates.map((c) => ({ value: c.userId, label: `${c.name} (${c.email})` })),
              ]}
              style={{ flex: '1 1 16rem' }}
            />
            <NativeSelect
              label={t('referralContacts.area')}
              value={areaId}
              onChange={(e) => setAreaId(e.currentTarget.value)}
              data={[
                { value: '', label: t('referralContacts.wholePartnership') },
                ...areas.map((a) => ({ value: a.id, label: a.name })),
              ]}
              style={{ flex: '1 1 14rem' }}
            />
            <Button type="submit" variant="outline" mt={25}>
              {t('referralContacts.add')}
            </Button>
          </Group>
        </form>
      )}
    </SectionCard>
  );
}
