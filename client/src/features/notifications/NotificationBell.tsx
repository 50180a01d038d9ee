import { Badge, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnreadCount } from './notifications.api.ts';

function BellIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/** The header's bell: the unread count, announced to screen readers, linking to the list. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { data } = useUnreadCount();
  const count = data?.count ?? 0;
  return (
    <Button
      component={Link}
      to="/notifications"
      variant="subtle"
      size="compact-md"
      leftSection={<BellIcon />}
      aria-label={t('notifications.bellLabel', { count })}
      rightSection={
        count > 0 ? (
          <Badge
            size="sm"
            circle={count < 10}
            color="red.9"
            variant="filled"
            aria-hidden="true"
            data-testid="unread-count"
          >
            {/* The space keeps "Notifikationer 3" two words, as in the accessible name (WCAG 2.5.3). */}
            {` ${count > 99 ? '99+' : count}`}
          </Badge>
        ) : undefined
      }
    >
      <span className="visually-hidden-mobile">{t('notifications.title')}</span>
    </Button>
  );
}
