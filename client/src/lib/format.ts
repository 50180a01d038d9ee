import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

// DOMAIN.md: store UTC, show Europe/Copenhagen; dates dd.mm.yyyy, times HH.MM, Danish numbers.
export const DISPLAY_TZ = 'Europe/Copenhagen';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date (yyyy-mm-dd) or an instant (ISO with time) as dd.mm.yyyy; '' for nothing. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  // A bare calendar date has no time zone: never shift it.
  if (ISO_DATE.test(value)) return dayjs(value, 'YYYY-MM-DD').format('DD.MM.YYYY');
  const d = dayjs(value);
  return d.isValid() ? d.tz(DISPLAY_TZ).format('DD.MM.YYYY') : '';
}

/** An instant as HH.MM in Danish time. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = dayjs(value);
  return d.isValid() ? d.tz(DISPLAY_TZ).format('HH.mm') : '';
}

/** An instant as "dd.mm.yyyy HH.MM" in Danish time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = formatDate(value);
  return date ? `${date} ${formatTime(value)}` : '';
}

const integerFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1234 → "1.234" (Danish grouping), whatever language the UI is in. */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '' : integerFormat.format(value);
}

/** 1234.5 → "1.234,50". */
export function formatAmount(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '' : decimalFormat.format(value);
}
