import { type TYouthBand, youthRuleSet } from '@domain/rules/youth-work.ts';
import { Alert, Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TYouthCheck } from './opening-form.ts';

const clock = (time: string) => (time === '24:00' ? '00.00' : time.replace(':', '.'));

/**
 * What the youth-work rules allow for the youngest age the opening accepts, from the rule set in
 * force on the start date, and what the opening breaks right now (announced as it changes).
 */
export function YouthRulesNotice({ check, startDate }: { check: TYouthCheck; startDate: string }) {
  const { t } = useTranslation();
  const rules = youthRuleSet(startDate || undefined);
  const l = rules.bands[check.band].limits;
  const band: TYouthBand = check.band;
  const lines: string[] = [];
  if (l.lightWorkOnly) lines.push(t('openings.youth.lightWork'));
  if (l.maxHoursSchoolWeek !== null && l.maxHoursNonSchoolWeek !== null) {
    lines.push(
      l.maxHoursSchoolWeek === l.maxHoursNonSchoolWeek
        ? t('openings.youth.week', { hours: l.maxHoursSchoolWeek })
        : t('openings.youth.weekSchool', { school: l.maxHoursSchoolWeek, free: l.maxHoursNonSchoolWeek }),
    );
  }
  if (l.maxHoursSchoolDay !== null && l.maxHoursNonSchoolDay !== null) {
    lines.push(
      l.maxHoursSchoolDay === l.maxHoursNonSchoolDay
        ? t('openings.youth.day', { hours: l.maxHoursSchoolDay })
        : t('openings.youth.daySchool', { school: l.maxHoursSchoolDay, free: l.maxHoursNonSchoolDay }),
    );
  }
  if (l.latestEnd !== null && l.earliestStart !== null) {
    lines.push(t('openings.youth.night', { from: clock(l.latestEnd), to: clock(l.earliestStart) }));
  }
  if (l.minDailyRestHours !== null) lines.push(t('openings.youth.rest', { hours: l.minDailyRestHours }));
  const broken = [...check.hours, ...check.time];

  return (
    <Alert
      color={broken.length > 0 ? 'orange' : 'blue'}
      variant="light"
      title={t('openings.youth.title', { age: check.minAge })}
    >
      <Text size="sm" mb={4}>
        {t('openings.youth.intro', { band: t(`openings.youth.band.${band}`) })}
      </Text>
      <List size="sm" spacing={2}>
        {lines.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
      <div aria-live="polite">
        {broken.length > 0 ? (
          <Text size="sm" fw={700} mt="xs">
            {t('openings.youth.broken', { count: broken.length })} {broken.join(' ')}
          </Text>
        ) : (
          <Text size="sm" mt="xs">
            {t('openings.youth.ok')}
          </Text>
        )}
      </div>
      <Text size="xs" mt="xs">
        {t('openings.youth.source')}{' '}
        <Anchor href={rules.url} target="_blank" rel="noreferrer" size="xs">
          {rules.name}
        </Anchor>
      </Text>
    </Alert>
  );
}
