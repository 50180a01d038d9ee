import { api } from '@client/api/client.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import { ZOptionalText } from '@domain/common.schema.ts';
import type { TScoredComponentDto } from '@domain/matching/matching.schema.ts';
import { Group, Modal, Progress, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

// Shared pieces of the matching screens: the score as a bar with its number in words, the
// breakdown of one rank, and the "Foreslå" dialog that hands a person to /api/proposals.

export const MATCHING_KEYS = {
  candidates: (openingId: string) => ['/api/openings', openingId, 'candidates'] as const,
  residentOpenings: (residentId: string) => ['/api/residents', residentId, 'openings'] as const,
  weights: (partnershipId: string) => ['/api/matching/weights', partnershipId] as const,
};

const percentFormat = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 0.873 → "87,3 %" (Danish, one decimal), whatever language the UI is in. */
export function formatPercent(share: number): string {
  return `${percentFormat.format(share * 100)} %`;
}

/** The score as a bar and as text: the bar is a meter with a name, the number is visible. */
export function ScoreBar({ score, label }: { score: number; label: string }) {
  const { t } = useTranslation();
  const text = formatPercent(score);
  const percent = Math.round(score * 1000) / 10;
  return (
    <Group gap="xs" wrap="nowrap" style={{ minWidth: 180 }}>
      <Progress.Root size="lg" style={{ flex: 1 }}>
        {/* Mantine's own aria-valuetext is "87.3%"; ours is the Danish text the user reads. */}
        <Progress.Section
          value={percent}
          withAria={false}
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={text}
          aria-label={t('matching.scoreOf', { name: label })}
        />
      </Progress.Root>
      <Text fw={700} size="sm" style={{ minWidth: 56, textAlign: 'right' }}>
        {text}
      </Text>
    </Group>
  );
}

/** Each component's value, weight, share of the total and reason, as a table. */
export function ComponentBreakdown({
  components,
  caption,
}: {
  components: TScoredComponentDto[];
  caption: string;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <caption style={{ textAlign: 'left', fontWeight: 600, marginBottom: 4 }}>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('matching.component')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('matching.value')}
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('matching.weight')}
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('matching.contribution')}
            </Table.Th>
            <Table.Th scope="col">{t('matching.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {components.map((c) => (
            <Table.Tr key={c.component}>
              <Table.Th scope="row">{t(`matching.components.${c.component}`)}</Table.Th>
              <Table.Td style={{ textAlign: 'right' }}>
                {c.value === null ? t('matching.notApplicable') : formatPercent(c.value)}
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{formatPercent(c.weight)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{formatPercent(c.contribution)}</Table.Td>
              <Table.Td>{c.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const ZProposeForm = z.object({ note: ZOptionalText(1000) });

/**
 * "Foreslå": a person proposes a resident for an opening, with an optional note. The proposal
 * then awaits the resident's yes; nothing reaches the company before that.
 */
export function ProposeModal({
  target,
  onClose,
  onProposed,
}: {
  target: { openingId: string; residentId: string; residentName: string; openingTitle: string } | null;
  onClose: () => void;
  onProposed: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const { errors, error, setError, setErrors, busy, submit } = useSchemaSubmit(ZProposeForm, async (data) => {
    if (!target) return;
    await api.post('/api/proposals', {
      openingId: target.openingId,
      residentId: target.residentId,
      note: data.note ?? undefined,
    });
    notifications.show({
      color: 'green',
      message: t('matching.proposed', { name: target.residentName }),
      closeButtonProps: { 'aria-label': t('common.close') },
    });
    setNote('');
    await onProposed();
    onClose();
  });
  const close = () => {
    setNote('');
    setError(null);
    setErrors({});
    onClose();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={target !== null}
      onClose={close}
      title={t('matching.proposeTitle')}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit({ note });
        }}
      >
        <Stack>
          <Text size="sm">
            {t('matching.proposeLead', {
              name: target?.residentName ?? '',
              opening: target?.openingTitle ?? '',
            })}
          </Text>
          <ErrorAlert error={error} />
          <Textarea
            label={t('matching.note')}
            description={t('matching.noteHint')}
            value={note}
            error={errors.note}
            autosize
            minRows={3}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-autofocus
          />
          <FormActions onCancel={close} busy={busy} submitLabel={t('matching.proposeSubmit')} />
        </Stack>
      </form>
    </Modal>
  );
}
