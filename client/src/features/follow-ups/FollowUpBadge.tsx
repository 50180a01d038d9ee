import { WORD_BADGE_STYLES } from '@client/features/assignments/assignment-ui.tsx';
import type { TFollowUp } from '@domain/placement.schema.ts';
import { danishDate } from '@domain/time.ts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { followUpBadge, type TFollowUpBadge } from './follow-up-ui.ts';

const COLOR: Record<TFollowUpBadge, string> = {
  overdue: 'red',
  due: 'orange',
  planned: 'blue',
  done: 'green',
  cancelled: 'gray',
};

/** A follow-up's state in words ("Overskredet", "Forfalder" …); the colour only repeats it. */
export function FollowUpBadge({ followUp }: { followUp: Pick<TFollowUp, 'state' | 'overdue' | 'dueDate'> }) {
  const { t } = useTranslation();
  const badge = followUpBadge(followUp, danishDate(new Date()));
  return (
    <Badge
      color={COLOR[badge]}
      // Overdue stands out: filled red (shade 8 keeps white text at 4.5:1).
      variant={badge === 'overdue' ? 'filled' : 'light'}
      tt="none"
      styles={WORD_BADGE_STYLES}
    >
      {t(`followUps.badge.${badge}`)}
    </Badge>
  );
}
