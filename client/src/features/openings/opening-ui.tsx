import { OPENING_STATUS_LABEL_DA, OPENING_STATUSES, type TOpeningStatus } from '@domain/opening.schema.ts';
import { OPENING_TYPE_INFO, OPENING_TYPES, type TOpeningType } from '@domain/opening-types.ts';
import { Anchor, Badge, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

// Shared bits of the opening pages: the API path, status and type labels in both languages.

export const OPENINGS_PATH = '/api/openings';

/** Navigation state the opening page reads once, right after creating: it says who was notified. */
export interface TCreatedState {
  created: true;
}

// The Danish labels are the domain's (also used in notifications and mails); English here.
const STATUS_EN: Record<TOpeningStatus, string> = {
  new: 'New',
  referred: 'Referred',
  proposals: 'Candidates proposed',
  interviewing: 'Interviewing',
  filled: 'Filled',
  partly_filled: 'Partly filled',
  closed_unfilled: 'Closed unfilled',
  cancelled: 'Cancelled',
};

/** Light badges; the theme darkens their text to 4.5:1 contrast. */
const STATUS_COLOR: Record<TOpeningStatus, string> = {
  new: 'gray',
  referred: 'blue',
  proposals: 'indigo',
  interviewing: 'violet',
  filled: 'green',
  partly_filled: 'teal',
  closed_unfilled: 'orange',
  cancelled: 'red',
};

export function useOpeningLabels() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return {
    status: (s: TOpeningStatus) => (en ? STATUS_EN[s] : OPENING_STATUS_LABEL_DA[s]),
    type: (type: TOpeningType) => (en ? OPENING_TYPE_INFO[type].labelEn : OPENING_TYPE_INFO[type].labelDa),
  };
}

export function OpeningStatusBadge({ status }: { status: TOpeningStatus }) {
  const labels = useOpeningLabels();
  return (
    <Badge
      color={STATUS_COLOR[status]}
      tt="none"
      // Never cut a status short in a narrow table column.
      styles={{ root: { maxWidth: 'none', flexShrink: 0 }, label: { overflow: 'visible' } }}
    >
      {labels.status(status)}
    </Badge>
  );
}

/** A table's opening: its title linking to it, its type under it (narrow enough for a laptop screen). */
export function OpeningTitleCell({
  opening,
}: {
  opening: { id: string; title: string; type: TOpeningType };
}) {
  const labels = useOpeningLabels();
  return (
    <>
      <Anchor component={Link} to={`/openings/${opening.id}`} fw={600}>
        {opening.title}
      </Anchor>
      <Text size="xs" c="dimmed">
        {labels.type(opening.type)}
      </Text>
    </>
  );
}

export function useStatusOptions() {
  const labels = useOpeningLabels();
  return OPENING_STATUSES.map((s) => ({ value: s, label: labels.status(s) }));
}

export function useTypeOptions() {
  const labels = useOpeningLabels();
  return OPENING_TYPES.map((type) => ({ value: type, label: labels.type(type) }));
}

/** A success toast whose close button has an accessible name (axe: button-name). */
export function notifySuccess(t: TFunction, message: string): void {
  notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': t('common.close') } });
}
