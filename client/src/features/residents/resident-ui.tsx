import { api } from '@client/api/client.ts';
import { currentLang } from '@client/app/i18n.ts';
import type { TMe } from '@domain/auth.schema.ts';
import type { TPage } from '@domain/common.schema.ts';
import { CONSENT_SCOPES, type TConsentScope } from '@domain/consent.schema.ts';
import type { THousingArea } from '@domain/housing-area.schema.ts';
import type { TOccupation } from '@domain/occupations.ts';
import { danishDate } from '@domain/time.ts';
import { Badge, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
/** Whether this user registers residents: the two professional roles (admins read and administer). */
export function canRegisterResidents(me: TMe): boolean {
  return me.memberships.some((m) => m.role === 'social_worker' || m.role === 'job_consultant');
}

export const RESIDENTS_PATH = '/api/residents';

/** The Copenhagen day, as the server decides consent expiry and ages on it. */
export function today(): string {
  return danishDate(new Date());
}

export function notifySuccess(t: TFunction, message: string): void {
  notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': t('common.close') } });
}

/** "a", "b", "c" badges; the letter alone says nothing to a screen reader, so the name is spoken. */
export function ConsentBadges({ scopes }: { scopes: readonly TConsentScope[] | undefined }) {
  const { t } = useTranslation();
  const active = CONSENT_SCOPES.filter((s) => scopes?.includes(s));
  if (active.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('residents.noConsent')}
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      {active.map((s) => (
        <Badge key={s} variant="light" color="teal" radius="sm" title={t(`residents.badgeLabel.${s}`)}>
          <span aria-hidden="true">{t(`residents.badge.${s}`)}</span>
          <span className="visually-hidden">{t(`residents.badgeLabel.${s}`)}</span>
        </Badge>
      ))}
    </Group>
  );
}

/** The housing areas the user may choose between (the server scopes the list). */
export function useHousingAreas() {
  return useQuery({
    queryKey: ['/api/housing-areas', 'options'],
    staleTime: 60_000,
    queryFn: ({ signal }) =>
      api.get<TPage<THousingArea>>(
        '/api/housing-areas',
        { page: 1, pageSize: 200, sort: 'name', dir: 'asc' },
        signal,
      ),
  });
}

/** An occupation's title by id (the same cache as OccupationSelect's chosen value). */
export function useOccupation(id: string) {
  return useQuery({
    queryKey: ['/api/occupations', 'one', id],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: ({ signal }) =>
      api.get<TOccupation>(`/api/occupations/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function occupationTitle(o: TOccupation | undefined, id: string): string {
  if (!o) return id;
  return currentLang() === 'en' && o.titleEn ? o.titleEn : o.titleDa;
}

export function OccupationName({ id }: { id: string }) {
  const q = useOccupation(id);
  return <>{occupationTitle(q.data, id)}</>;
}
