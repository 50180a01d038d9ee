import { formatDate, formatNumber } from '@client/lib/format.ts';
import { ASSIGNMENT_KINDS } from '@domain/assignment.schema.ts';
import { danishDate } from '@domain/time.ts';
import { Badge, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

// Shared bits of the assignment, job dialogue and social clause pages: API paths and labels.

export const ASSIGNMENTS_PATH = '/api/assignments';
export const JOB_DIALOGUES_PATH = '/api/job-dialogues';
export const SOCIAL_CLAUSES_PATH = '/api/social-clauses';
export const OPENINGS_PATH = '/api/openings';

/** Today in Copenhagen: the day due dates and clause expectations are reckoned against. */
export function today(): string {
  return danishDate(new Date());
}

export function useKindOptions() {
  const { t } = useTranslation();
  return ASSIGNMENT_KINDS.map((k) => ({ value: k, label: t(`assignments.kind.${k}`) }));
}

/** "01.03.2026 – 28.02.2027". */
export function formatPeriod(start: string, end: string): string {
  return `${formatDate(start)} – ${formatDate(end)}`;
}

/** "1.250.000 kr." (Danish grouping in both languages, like every number in Jobbro). */
export function formatKroner(value: number | null): string {
  return value === null ? '' : `${formatNumber(value)} kr.`;
}

/**
 * Badge styles for a status in words: never shortened to "Bag…" in a narrow column, because the
 * word, not the colour, is what tells the status (WCAG 1.4.1).
 */
export const WORD_BADGE_STYLES = {
  root: { flexShrink: 0, maxWidth: 'none' },
  label: { overflow: 'visible' },
};

/** A success toast whose close button has an accessible name (axe: button-name). */
export function notifySaved(t: TFunction, message: string): void {
  notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': t('common.close') } });
}

/** "2 klausuler · 1 bagud": clauses behind are flagged in words, not by colour alone. */
export function ClauseSummary({ count, behind }: { count: number; behind: number }) {
  const { t } = useTranslation();
  if (count === 0) return <Text size="sm">{t('assignments.noClausesShort')}</Text>;
  return (
    <Text size="sm" component="span">
      {t('assignments.clauseCount', { count })}
      {behind > 0 ? (
        <Badge color="red" ml="xs" tt="none" styles={WORD_BADGE_STYLES}>
          {t('assignments.clausesBehind', { count: behind })}
        </Badge>
      ) : null}
    </Text>
  );
}
