import { api } from '@client/api/client.ts';
import { DateField } from '@client/components/DateField.tsx';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import { notifySuccess, useOpeningLabels, useTypeOptions } from '@client/features/openings/opening-ui.tsx';
import {
  COMPANY_DECLINE_REASONS,
  INTERVIEW_OUTCOMES,
  type TCompanyProposal,
  TYPES_WITH_END_DATE,
  WAGE_SUBSIDY_KINDS,
  ZCompanyDecline,
  ZHire,
  ZInterviewInvite,
  ZInterviewOutcome,
} from '@domain/placement.schema.ts';
import { danishDate, danishTime } from '@domain/time.ts';
import {
  Group,
  Modal,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { COMPANY_PROPOSALS_PATH, invalidateCompanyViews } from './company-portal-ui.tsx';

// The company's four answers to a proposal, each a dialog form validated with the domain schema
// in the browser first; the server's field errors (a date in the past, a start before the
// proposal) are shown at the same fields, in Danish.

export type TCompanyDialog = 'invite' | 'record_interview' | 'hire' | 'decline';

interface TDialogProps {
  proposal: TCompanyProposal;
  opened: boolean;
  onClose: () => void;
}

/** POST one company move, put the answer in the detail's cache and refresh the lists. */
function useCompanyMove(proposal: TCompanyProposal, path: string) {
  const qc = useQueryClient();
  return async (body: unknown): Promise<TCompanyProposal> => {
    const updated = await api.post<TCompanyProposal>(
      `${COMPANY_PROPOSALS_PATH}/${proposal.id}/${path}`,
      body,
    );
    qc.setQueryData([COMPANY_PROPOSALS_PATH, proposal.id], updated);
    await invalidateCompanyViews(qc);
    return updated;
  };
}

/**
 * The form every company dialog shares: its values, fresh each time it opens; the domain
 * schema's submit cycle; on success the move is sent, a notice shown and the dialog closed.
 */
function useCompanyDialog<S extends z.ZodType, V extends Record<string, string>>(
  { proposal, opened, onClose }: TDialogProps,
  path: string,
  schema: S,
  initial: () => V,
  successMessage: string,
) {
  const { t } = useTranslation();
  const send = useCompanyMove(proposal, path);
  const [values, setValues] = useState(initial);
  const { errors, setErrors, error, setError, busy, submit } = useSchemaSubmit(schema, async (data) => {
    await send(data);
    notifySuccess(t, successMessage);
    onClose();
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time the dialog opens
  useEffect(() => {
    if (!opened) return;
    setValues(initial());
    setErrors({});
    setError(null);
  }, [opened]);
  const set = (name: keyof V, value: string) => setValues((v) => ({ ...v, [name]: value }));
  return { values, set, errors, submit, shell: { opened, onClose, error, busy } };
}

function DialogShell({
  title,
  opened,
  onClose,
  onSubmit,
  error,
  busy,
  submitLabel,
  children,
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  onSubmit: () => Promise<void>;
  error: unknown;
  busy: boolean;
  submitLabel: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={title}
      size="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
        noValidate
      >
        <Stack>
          <ErrorAlert error={error} />
          {children}
          <FormActions onCancel={onClose} busy={busy} submitLabel={submitLabel} />
        </Stack>
      </form>
    </Modal>
  );
}

/** A dialog's free text (up to 1000 characters). */
function NoteField({
  onChange,
  ...props
}: {
  label: string;
  description?: string;
  withAsterisk?: boolean;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <Textarea
      {...props}
      autosize
      minRows={2}
      maxLength={1000}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

/** "Inviter til samtale" (or move the time of one agreed): a Danish date and time, a place, a note. */
export function InviteDialog(props: TDialogProps) {
  const { proposal } = props;
  const { t } = useTranslation();
  const today = danishDate(new Date());
  const { values, set, errors, submit, shell } = useCompanyDialog(
    props,
    'interview',
    ZInterviewInvite,
    () => {
      const at = proposal.interviewAt ? new Date(proposal.interviewAt) : null;
      return {
        date: at && danishDate(at) >= today ? danishDate(at) : '',
        time: at ? danishTime(at) : '',
        location: proposal.interviewLocation ?? '',
        note: '',
      };
    },
    t('companyPortal.invited'),
  );
  const moving = proposal.status === 'interview';

  return (
    <DialogShell
      {...shell}
      title={moving ? t('companyPortal.moveInterviewTitle') : t('companyPortal.inviteTitle')}
      onSubmit={() => submit(values)}
      submitLabel={moving ? t('companyPortal.moveInterview') : t('companyPortal.invite')}
    >
      <Text size="sm">{t('companyPortal.inviteLead')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField
          label={t('companyPortal.interviewDate')}
          withAsterisk
          min={today}
          value={values.date}
          error={errors.date}
          onChange={(v) => set('date', v)}
          clearable={false}
          data-autofocus
        />
        <TimeInput
          label={t('companyPortal.interviewTime')}
          description={t('companyPortal.interviewTimeHint')}
          withAsterisk
          value={values.time}
          error={errors.time}
          onChange={(e) => set('time', e.currentTarget.value)}
        />
      </SimpleGrid>
      <TextInput
        label={t('companyPortal.location')}
        description={t('companyPortal.locationHint')}
        value={values.location}
        error={errors.location}
        maxLength={200}
        onChange={(e) => set('location', e.currentTarget.value)}
      />
      <NoteField
        label={t('companyPortal.inviteNote')}
        value={values.note}
        error={errors.note}
        onChange={(v) => set('note', v)}
      />
    </DialogShell>
  );
}

/** "Registrér samtalens udfald". */
export function OutcomeDialog(props: TDialogProps) {
  const { t } = useTranslation();
  const { values, set, errors, submit, shell } = useCompanyDialog(
    props,
    'interview-outcome',
    ZInterviewOutcome,
    () => ({ outcome: props.proposal.interviewOutcome ?? '', note: '' }),
    t('companyPortal.outcomeSaved'),
  );

  return (
    <DialogShell
      {...shell}
      title={t('companyPortal.outcomeTitle')}
      onSubmit={() => submit({ outcome: values.outcome || undefined, note: values.note })}
      submitLabel={t('common.save')}
    >
      <Radio.Group
        label={t('companyPortal.outcomeLabel')}
        withAsterisk
        value={values.outcome}
        onChange={(v) => set('outcome', v)}
        error={errors.outcome}
      >
        <Group mt="xs" gap="lg">
          {INTERVIEW_OUTCOMES.map((o) => (
            <Radio key={o} value={o} label={t(`companyPortal.outcome.${o}`)} />
          ))}
        </Group>
      </Radio.Group>
      <NoteField
        label={t('companyPortal.outcomeNote')}
        description={t('companyPortal.outcomeNoteHint')}
        value={values.note}
        error={errors.note}
        onChange={(v) => set('note', v)}
      />
    </DialogShell>
  );
}

/** "Ansæt": start, end (required for trials and subsidised periods), hours, type, subsidy, note. */
export function HireDialog(props: TDialogProps) {
  const { proposal } = props;
  const { t } = useTranslation();
  const typeOptions = useTypeOptions();
  const labels = useOpeningLabels();
  const { values, set, errors, submit, shell } = useCompanyDialog(
    props,
    'hire',
    ZHire,
    () => ({
      startDate: '',
      endDate: '',
      hoursPerWeek: proposal.candidate?.hoursPerWeek ? String(proposal.candidate.hoursPerWeek) : '',
      type: proposal.openingType as string,
      wageSubsidy: 'none',
      note: '',
    }),
    t('companyPortal.hired'),
  );
  const needsEnd = (TYPES_WITH_END_DATE as readonly string[]).includes(values.type);
  const hours = values.hoursPerWeek.trim().replace(',', '.');

  return (
    <DialogShell
      {...shell}
      title={t('companyPortal.hireTitle')}
      onSubmit={() =>
        submit({
          ...values,
          endDate: values.endDate || null,
          hoursPerWeek: hours === '' || Number.isNaN(Number(hours)) ? undefined : Number(hours),
        })
      }
      submitLabel={t('companyPortal.hire')}
    >
      <Text size="sm">{t('companyPortal.hireLead')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField
          label={t('companyPortal.startDate')}
          withAsterisk
          value={values.startDate}
          error={errors.startDate}
          onChange={(v) => set('startDate', v)}
          data-autofocus
        />
        <DateField
          label={t('companyPortal.endDate')}
          description={needsEnd ? t('companyPortal.endDateRequired') : t('companyPortal.endDateHint')}
          withAsterisk={needsEnd}
          value={values.endDate}
          error={errors.endDate}
          onChange={(v) => set('endDate', v)}
        />
        <TextInput
          label={t('companyPortal.hoursPerWeek')}
          withAsterisk
          inputMode="decimal"
          value={values.hoursPerWeek}
          error={errors.hoursPerWeek}
          onChange={(e) => set('hoursPerWeek', e.currentTarget.value)}
        />
        <NativeSelect
          label={t('companyPortal.type')}
          description={t('companyPortal.typeHint', { type: labels.type(proposal.openingType) })}
          value={values.type}
          error={errors.type}
          onChange={(e) => set('type', e.currentTarget.value)}
          data={typeOptions}
        />
      </SimpleGrid>
      <NativeSelect
        label={t('companyPortal.wageSubsidyLabel')}
        value={values.wageSubsidy}
        error={errors.wageSubsidy}
        onChange={(e) => set('wageSubsidy', e.currentTarget.value)}
        data={WAGE_SUBSIDY_KINDS.map((k) => ({ value: k, label: t(`companyPortal.wageSubsidy.${k}`) }))}
      />
      <NoteField
        label={t('companyPortal.hireNote')}
        value={values.note}
        error={errors.note}
        onChange={(v) => set('note', v)}
      />
    </DialogShell>
  );
}

/** "Sig nej tak": a structured reason (it is counted, and keeps the person from being proposed again soon). */
export function DeclineDialog(props: TDialogProps) {
  const { t } = useTranslation();
  const { values, set, errors, submit, shell } = useCompanyDialog(
    props,
    'decline',
    ZCompanyDecline,
    () => ({ reason: '', text: '' }),
    t('companyPortal.declined'),
  );

  return (
    <DialogShell
      {...shell}
      title={t('companyPortal.declineTitle')}
      onSubmit={() => submit({ reason: values.reason || undefined, text: values.text })}
      submitLabel={t('companyPortal.decline')}
    >
      <Text size="sm">{t('companyPortal.declineLead')}</Text>
      <NativeSelect
        label={t('companyPortal.declineReasonLabel')}
        withAsterisk
        value={values.reason}
        error={errors.reason}
        onChange={(e) => set('reason', e.currentTarget.value)}
        data={[
          { value: '', label: t('common.choose') },
          ...COMPANY_DECLINE_REASONS.map((r) => ({ value: r, label: t(`companyPortal.declineReason.${r}`) })),
        ]}
        data-autofocus
      />
      <NoteField
        label={t('companyPortal.declineText')}
        description={t('companyPortal.declineTextHint')}
        withAsterisk={values.reason === 'other'}
        value={values.text}
        error={errors.text}
        onChange={(v) => set('text', v)}
      />
    </DialogShell>
  );
}
