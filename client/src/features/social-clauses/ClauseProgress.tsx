import { WORD_BADGE_STYLES } from '@client/features/assignments/assignment-ui.tsx';
import type { TClauseProgress, TClauseStatus } from '@domain/rules/clause-progress.ts';
import type { TClauseKind } from '@domain/social-clause.schema.ts';
import { Badge, Box, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CLAUSE_STATUS_COLOR, formatCount, formatExpected, progressPercent } from './clause-format.ts';

/** The clause's status in words (På sporet, Bagud, Opfyldt, Ikke startet); the colour only repeats it. */
export function ClauseStatusBadge({ status }: { status: TClauseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={CLAUSE_STATUS_COLOR[status]} tt="none" styles={WORD_BADGE_STYLES}>
      {t(`socialClauses.status.${status}`)}
    </Badge>
  );
}

/**
 * "2 af 3 lærlinge/elever", a bar, "Forventet i dag: 1,2" and the status. The bar is a progressbar
 * whose value text says the same in words; the tick marks the pro-rata expectation (decoration:
 * the expectation is also written out).
 */
export function ClauseProgress({
  kind,
  progress,
  compact = false,
}: {
  kind: TClauseKind;
  progress: TClauseProgress;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const text = t('socialClauses.progressText', {
    fulfilled: formatCount(progress.fulfilled),
    target: formatCount(progress.target),
    unit: t(`socialClauses.unit.${kind}`),
  });
  const expected = t('socialClauses.expectedToday', { value: formatExpected(progress.expectedByToday) });
  const expectedAt = Math.round(Math.min(1, Math.max(0, progress.elapsedShare)) * 100);
  return (
    <Stack gap={4} miw={compact ? 180 : undefined}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {text}
        </Text>
        <ClauseStatusBadge status={progress.status} />
      </Group>
      <Box pos="relative">
        <Progress.Root size={compact ? 'sm' : 'lg'} radius="xl">
          <Progress.Section
            withAria={false}
            role="progressbar"
            aria-label={t(`socialClauses.kind.${kind}`)}
            aria-valuemin={0}
            aria-valuemax={progress.target}
            aria-valuenow={progress.fulfilled}
            aria-valuetext={`${text}. ${expected}`}
            value={progressPercent(progress.fulfilledShare)}
            color={CLAUSE_STATUS_COLOR[progress.status]}
          />
        </Progress.Root>
        {progress.status !== 'met' && progress.status !== 'not_started' ? (
          <Box
            aria-hidden="true"
            pos="absolute"
            top={-3}
            bottom={-3}
            w={2}
            bg="dark.7"
            style={{ left: `calc(${expectedAt}% - 1px)` }}
          />
        ) : null}
      </Box>
      <Text size="xs" c="dimmed">
        {expected}
      </Text>
    </Stack>
  );
}
