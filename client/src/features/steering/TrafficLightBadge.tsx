import { WORD_BADGE_STYLES } from '@client/features/assignments/assignment-ui.tsx';
import type { TGoal } from '@domain/steering.schema.ts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TRAFFIC_LIGHT_COLOR } from './steering-ui.ts';

/** A goal's traffic light in words; the colour only repeats it. */
export function TrafficLightBadge({ goal }: { goal: Pick<TGoal, 'trafficLight' | 'started'> }) {
  const { t } = useTranslation();
  const key = !goal.started ? 'notStarted' : goal.trafficLight;
  return (
    <Badge color={TRAFFIC_LIGHT_COLOR[goal.trafficLight]} tt="none" styles={WORD_BADGE_STYLES}>
      {t(`steeringPage.goals.light.${key}`)}
    </Badge>
  );
}
