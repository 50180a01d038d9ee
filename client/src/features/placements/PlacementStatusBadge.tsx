import { WORD_BADGE_STYLES } from '@client/features/assignments/assignment-ui.tsx';
import type { TPlacementStatus } from '@domain/placement.schema.ts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PLACEMENT_STATUS_COLOR } from './placement-ui.ts';

/** A placement's status in words ("I gang", "Stoppet før tid" …); the colour only repeats it. */
export function PlacementStatusBadge({ status }: { status: TPlacementStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={PLACEMENT_STATUS_COLOR[status]} tt="none" styles={WORD_BADGE_STYLES}>
      {t(`placements.status.${status}`)}
    </Badge>
  );
}
