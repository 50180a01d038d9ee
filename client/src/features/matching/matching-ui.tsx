import { api } from '@client/api/client.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormActions } from '@client/components/FormActions.tsx';
import { useSchemaSubmit } from '@client/components/form-errors.ts';
import { ZOptionalText } from '@domain/common.schema.ts';
import type { TScoredComponentDto } from '@domain/matching/matching.schema.ts';
import {
  Anchor,
  Button,
  Group,
  List,
  Modal,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
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

/**
 * One ranked match as a card, the same for a candidate and for an opening: the title linking to
 * the other side, facts, the score bar, the strongest reasons, the breakdown to expand and
 * "Foreslå" (proposing stays a person's decision, one click per match).
 */
export function MatchCard({
  title,
  to,
  prefix,
  facts,
  score,
  reasons,
  components,
  proposeLabel,
  onPropose,
}: {
  /** The other side's name: the person's or the opening's. */
  title: string;
  to: string;
  /** Before the title, e.g. the rank "1." */
  prefix?: ReactNode;
  facts: ReactNode;
  score: number;
  reasons: readonly string[];
  components: TScoredComponentDto[];
  /** The accessible name of "Foreslå", naming who or what. */
  proposeLabel: string;
  onPropose?: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <Paper withBorder radius="md" p="md" component="li">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ flex: 1, minWidth: 220 }}>
          <Title order={3} size="h5">
            {prefix}
            <Anchor component={Link} to={to}>
              {title}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed">
            {facts}
          </Text>
        </Stack>
        <ScoreBar score={score} label={title} />
      </Group>
      <List size="sm" mt="xs" spacing={2}>
        {reasons.slice(0, 4).map((r) => (
          <List.Item key={r}>{r}</List.Item>
        ))}
      </List>
      <Group gap="xs" mt="sm">
        <Button
          variant="default"
          size="compact-sm"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((v) => !v)}
        >
          {open ? t('matching.hideBreakdown') : t('matching.showBreakdown')}
        </Button>
        {onPropose ? (
          <Button size="compact-sm" onClick={onPropose} aria-label={proposeLabel}>
            {t('matching.propose')}
          </Button>
        ) : null}
      </Group>
      <div id={panelId} hidden={!open}>
        {open ? (
          <Stack mt="sm">
            <ComponentBreakdown
              components={components}
              caption={t('matching.breakdownOf', { name: title })}
            />
          </Stack>
        ) : null}
      </div>
    </Paper>
  );
}
