import { WORD_BADGE_STYLES } from '@client/features/assignments/assignment-ui.tsx';
import type { TEscalation } from '@domain/placement.schema.ts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** An escalation's state in words; the colour only repeats it. */
export function EscalationStateBadge({ escalation }: { escalation: Pick<TEscalation, 'resolvedAt'> }) {
  const { t } = useTranslation();
  const open = escalation.resolvedAt === null;
  return (
    <Badge color={open ? 'red' : 'green'} tt="none" styles={WORD_BADGE_STYLES}>
      {open ? t('escalations.stateBadge.open') : t('escalations.stateBadge.resolved')}
    </Badge>
  );
}
