import { api } from '@client/api/client.ts';
import { isAdminMe, meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { ConfirmDialog } from '@client/components/ConfirmDialog.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { Fact, SectionCard } from '@client/components/SectionCard.tsx';
import { usePageTitle } from '@client/components/usePageTitle.ts';
import { CompanyAgreements } from '@client/features/agreements/CompanyAgreements.tsx';
import { CompanyAssignmentsSection } from '@client/features/assignments/CompanyAssignmentsSection.tsx';
import { CompanyOpeningsSection } from '@client/features/assignments/OpeningsSection.tsx';
import { CompanyJobDialoguesSection } from '@client/features/job-dialogues/CompanyJobDialoguesSection.tsx';
import { CompanySocialClausesSection } from '@client/features/social-clauses/CompanySocialClausesSection.tsx';
import { formatDate, formatDateTime } from '@client/lib/format.ts';
import {
  type TCompanyContact,
  type TCompanyDetail,
  ZCompanyContactInput,
  ZCompanyNoteInput,
  ZCompanyStatusChange,
} from '@domain/company.schema.ts';
import type { TResource } from '@domain/policy.ts';
import {
  Anchor,
  Button,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { CompanyFormModal } from './CompanyFormModal.tsx';
import { COMPANIES_PATH, notifySuccess, StatusBadge, useStatusOptions } from './company-ui.tsx';

export function CompanyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const company = useQuery({
    queryKey: [COMPANIES_PATH, 'detail', id],
    queryFn: ({ signal }) => api.get<TCompanyDetail>(`${COMPANIES_PATH}/${id}`, undefined, signal),
  });
  usePageTitle(company.data?.name ?? t('companies.detailTitle'));
  if (company.isPending) return <Skeleton height={240} />;
  if (company.isError) {
    return (
      <Stack>
        <Title order={1}>{t('companies.detailTitle')}</Title>
        <ErrorAlert error={company.error} />
        <Anchor component={Link} to="/">
          {t('errors.backToStart')}
        </Anchor>
      </Stack>
    );
  }
  return <CompanyDetail company={company.data} />;
}

function CompanyDetail({ company }: { company: TCompanyDetail }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const resource: TResource = { kind: 'company', id: company.id };
  const ownCompany = me.memberships.every((m) => m.role === 'company_contact');
  // The client knows no partnership ids: the server decides; these only hide what cannot succeed.
  const canUpdate = meCan(me, 'update', ownCompany ? resource : { kind: 'company' });
  const staff = !ownCompany;
  const canStaffUpdate = staff && meCan(me, 'update', { kind: 'company' });
  const canDelete = isAdminMe(me);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: [COMPANIES_PATH] });

  return (
    <>
      {staff ? (
        <Anchor component={Link} to="/companies" size="sm" mb="xs" display="inline-block">
          ← {t('companies.backToList')}
        </Anchor>
      ) : null}
      <PageHeader
        title={company.name}
        lead={<StatusBadge status={company.status} />}
        actions={
          <>
            {canUpdate ? (
              <Button variant="outline" onClick={() => setEditing(true)}>
                {t('companies.edit')}
              </Button>
            ) : null}
            {canDelete ? (
              <Button variant="outline" color="red" onClick={() => setDeleting(true)}>
                {t('common.delete')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <SectionCard title={t('companies.facts')}>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} m={0}>
            <Fact label={t('companies.field.cvr')}>{company.cvr}</Fact>
            <Fact label={t('companies.field.address')}>
              {[company.address, [company.postalCode, company.city].filter(Boolean).join(' ')]
                .filter(Boolean)
                .join(', ')}
            </Fact>
            <Fact label={t('companies.field.industry')}>
              {[company.industry, company.db07Code ? `DB07 ${company.db07Code}` : null]
                .filter(Boolean)
                .join(' · ')}
            </Fact>
            <Fact label={t('companies.field.sizeBand')}>
              {company.sizeBand ? t(`companies.size.${company.sizeBand}`) : ''}
            </Fact>
            <Fact label={t('companies.field.website')}>
              {company.website ? (
                <Anchor href={company.website} target="_blank" rel="noreferrer">
                  {company.website}
                </Anchor>
              ) : (
                ''
              )}
            </Fact>
            <Fact label={t('companies.partnerships')}>
              {company.partnerships.length > 0
                ? company.partnerships.map((p) => p.name).join(', ')
                : t('companies.noPartnerships')}
            </Fact>
          </SimpleGrid>
        </SectionCard>

        <Contacts company={company} canEdit={canUpdate} onChanged={refresh} />
        <CompanyAssignmentsSection companyId={company.id} companyName={company.name} />
        <CompanyJobDialoguesSection companyId={company.id} />
        <CompanySocialClausesSection companyId={company.id} />
        <CompanyOpeningsSection companyId={company.id} />
        <CompanyAgreements company={company} />

        {staff ? (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <StatusSection company={company} canEdit={canStaffUpdate} onChanged={refresh} />
            <NotesSection company={company} canEdit={canStaffUpdate} onChanged={refresh} />
          </SimpleGrid>
        ) : null}
      </Stack>

      <CompanyFormModal opened={editing} onClose={() => setEditing(false)} editing={company} />
      <ConfirmDialog
        opened={deleting}
        title={t('companies.deleteTitle')}
        message={t('common.deleteConfirm', { name: company.name })}
        confirmLabel={t('common.delete')}
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          await api.delete(`${COMPANIES_PATH}/${company.id}`);
          await refresh();
          notifySuccess(t, t('common.deleted', { name: company.name }));
          void navigate('/companies');
        }}
      />
    </>
  );
}

function StatusSection({
  company,
  canEdit,
  onChanged,
}: {
  company: TCompanyDetail;
  canEdit: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const statusOptions = useStatusOptions();
  const [status, setStatus] = useState('');
  const [note, setNote] = useState('');
  const {
    errors,
    error,
    busy,
    submit: send,
  } = useSchemaSubmit(ZCompanyStatusChange, async (data) => {
    await api.post(`${COMPANIES_PATH}/${company.id}/status`, data);
    await onChanged();
    setStatus('');
    setNote('');
    notifySuccess(t, t('companies.statusChanged'));
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await send({ status, note });
  };

  const label = (s: string | null) => (s ? t(`companies.status.${s}`) : '');
  return (
    <SectionCard title={t('companies.statusSection')}>
      {canEdit ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="sm" mb="lg">
            <ErrorAlert error={error} />
            <NativeSelect
              label={t('companies.newStatus')}
              value={status}
              error={errors.status}
              onChange={(e) => setStatus(e.currentTarget.value)}
              data={[
                { value: '', label: t('common.choose') },
                ...statusOptions.filter((o) => o.value !== company.status),
              ]}
            />
            <TextInput
              label={t('companies.statusNote')}
              value={note}
              error={errors.note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" loading={busy}>
                {t('companies.changeStatus')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      <Title order={3} fz="h4" mb="sm">
        {t('companies.history')}
      </Title>
      {company.statusHistory.length === 0 ? (
        <Text c="dimmed">{t('companies.historyEmpty')}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={0} aria-label={t('companies.history')} component="ol">
          {company.statusHistory.map((h) => (
            <Timeline.Item
              key={h.id}
              component="li"
              title={
                h.fromStatus
                  ? t('companies.historyEntry', { from: label(h.fromStatus), to: label(h.toStatus) })
                  : t('companies.historyEntryFirst', { to: label(h.toStatus) })
              }
            >
              <Text size="sm" c="dimmed">
                {t('companies.historyBy', {
                  date: formatDate(h.changedAt),
                  name: h.changedByName ?? t('companies.unknownAuthor'),
                })}
              </Text>
              {h.note ? <Text size="sm">{h.note}</Text> : null}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </SectionCard>
  );
}

function NotesSection({
  company,
  canEdit,
  onChanged,
}: {
  company: TCompanyDetail;
  canEdit: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const {
    errors,
    error,
    busy,
    submit: send,
  } = useSchemaSubmit(ZCompanyNoteInput, async (data) => {
    await api.post(`${COMPANIES_PATH}/${company.id}/notes`, data);
    await onChanged();
    setText('');
    notifySuccess(t, t('companies.noteSaved'));
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await send({ text });
  };

  return (
    <SectionCard title={t('companies.notes')}>
      {canEdit ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="sm" mb="lg">
            <ErrorAlert error={error} />
            <Textarea
              label={t('companies.noteText')}
              autosize
              minRows={2}
              value={text}
              error={errors.text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" loading={busy}>
                {t('companies.addNote')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      {company.notes.length === 0 ? (
        <Text c="dimmed">{t('companies.notesEmpty')}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} component="ol" aria-label={t('companies.notes')}>
          {company.notes.map((n) => (
            <Timeline.Item
              key={n.id}
              component="li"
              title={t('companies.historyBy', {
                date: formatDateTime(n.createdAt),
                name: n.authorName ?? t('companies.unknownAuthor'),
              })}
            >
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {n.text}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </SectionCard>
  );
}

type TContactValues = { name: string; title: string; email: string; phone: string };
const emptyContact: TContactValues = { name: '', title: '', email: '', phone: '' };

function Contacts({
  company,
  canEdit,
  onChanged,
}: {
  company: TCompanyDetail;
  canEdit: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<{ opened: boolean; editing: TCompanyContact | null }>({
    opened: false,
    editing: null,
  });
  const [removing, setRemoving] = useState<TCompanyContact | null>(null);

  return (
    <SectionCard
      title={t('companies.contacts')}
      actions={
        canEdit ? (
          <Button
            size="compact-md"
            variant="outline"
            onClick={() => setForm({ opened: true, editing: null })}
          >
            {t('companies.addContact')}
          </Button>
        ) : null
      }
    >
      {company.contacts.length === 0 ? (
        <Text c="dimmed">{t('companies.contactsEmpty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table verticalSpacing="xs" fz="sm">
            <caption className="visually-hidden">{t('companies.contacts')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('companies.contact.name')}</Table.Th>
                <Table.Th>{t('companies.contact.title')}</Table.Th>
                <Table.Th>{t('companies.contact.email')}</Table.Th>
                <Table.Th>{t('companies.contact.phone')}</Table.Th>
                {canEdit ? <Table.Th style={{ textAlign: 'right' }}>{t('list.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {company.contacts.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td fw={600}>{c.name}</Table.Td>
                  <Table.Td>{c.title ?? ''}</Table.Td>
                  <Table.Td>{c.email ? <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor> : ''}</Table.Td>
                  <Table.Td>{c.phone ? <Anchor href={`tel:${c.phone}`}>{c.phone}</Anchor> : ''}</Table.Td>
                  {canEdit ? (
                    <Table.Td style={{ textAlign: 'right' }}>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="outline"
                          aria-label={t('common.editNamed', { name: c.name })}
                          onClick={() => setForm({ opened: true, editing: c })}
                        >
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="outline"
                          color="red"
                          aria-label={t('common.deleteNamed', { name: c.name })}
                          onClick={() => setRemoving(c)}
                        >
                          {t('common.delete')}
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ContactFormModal
        opened={form.opened}
        editing={form.editing}
        companyId={company.id}
        onClose={() => setForm({ opened: false, editing: null })}
        onSaved={onChanged}
      />
      <ConfirmDialog
        opened={removing !== null}
        title={t('companies.contactDeleteTitle')}
        message={t('common.deleteConfirm', { name: removing?.name ?? '' })}
        confirmLabel={t('common.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          await api.delete(`${COMPANIES_PATH}/${company.id}/contacts/${removing.id}`);
          await onChanged();
          notifySuccess(t, t('common.deleted', { name: removing.name }));
        }}
      />
    </SectionCard>
  );
}

function ContactFormModal({
  opened,
  editing,
  companyId,
  onClose,
  onSaved,
}: {
  opened: boolean;
  editing: TCompanyContact | null;
  companyId: string;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<TContactValues>(emptyContact);
  const {
    errors,
    setErrors,
    error,
    setError,
    busy,
    submit: send,
  } = useSchemaSubmit(ZCompanyContactInput, async (data) => {
    const base = `${COMPANIES_PATH}/${companyId}/contacts`;
    if (editing) await api.patch(`${base}/${editing.id}`, data);
    else await api.post(base, data);
    await onSaved();
    notifySuccess(t, t('companies.contactSaved'));
    onClose();
  });

  useEffect(() => {
    if (opened) {
      setValues(
        editing
          ? {
              name: editing.name,
              title: editing.title ?? '',
              email: editing.email ?? '',
              phone: editing.phone ?? '',
            }
          : emptyContact,
      );
      setErrors({});
      setError(null);
    }
  }, [opened, editing, setErrors, setError]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await send(values);
  };

  const field = (name: keyof TContactValues, type = 'text', required = false) => (
    <TextInput
      label={t(`companies.contact.${name}`)}
      type={type}
      withAsterisk={required}
      value={values[name]}
      error={errors[name]}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setValues((old) => ({ ...old, [name]: v }));
      }}
      data-autofocus={name === 'name' || undefined}
    />
  );

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={t(editing ? 'companies.editContact' : 'companies.addContact')}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          {field('name', 'text', true)}
          {field('title')}
          {field('email', 'email')}
          {field('phone', 'tel')}
          <FormActions onCancel={onClose} busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
