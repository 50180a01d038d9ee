import { COMPANY_SIZE_BANDS, COMPANY_STATUSES, type TCompanyStatus } from '@domain/company.schema.ts';
import { Badge } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

// Shared bits of the company pages: the API path, status colours and option lists.

export const COMPANIES_PATH = '/api/companies';

/** Light badges; the theme darkens their text to 4.5:1 contrast. */
const STATUS_COLOR: Record<TCompanyStatus, string> = {
  prospect: 'gray',
  contacted: 'blue',
  interested: 'indigo',
  agreement: 'green',
  paused: 'orange',
  ended: 'red',
};

export function StatusBadge({ status }: { status: TCompanyStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} tt="none">
      {t(`companies.status.${status}`)}
    </Badge>
  );
}

export function useStatusOptions() {
  const { t } = useTranslation();
  return COMPANY_STATUSES.map((s) => ({ value: s, label: t(`companies.status.${s}`) }));
}

export function useSizeOptions() {
  const { t } = useTranslation();
  return COMPANY_SIZE_BANDS.map((s) => ({ value: s, label: t(`companies.size.${s}`) }));
}

/** A success toast whose close button has an accessible name (axe: button-name). */
export function notifySuccess(t: TFunction, message: string): void {
  notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': t('common.close') } });
}
