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

const fileSizeFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

/** A file size in Danish: "830 byte", "12,5 kB", "4,8 MB" (binary units, as the 5 MB limit). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${integerFormat.format(bytes)} byte`;
  if (bytes < 1024 * 1024) return `${fileSizeFormat.format(bytes / 1024)} kB`;
  return `${fileSizeFormat.format(bytes / (1024 * 1024))} MB`;
}

/** 1234.5 → "1.234,50". */
export function formatAmount(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '' : decimalFormat.format(value);
}

const TYPED_DANISH = /^(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4})$/;
const TYPED_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * A typed date → yyyy-mm-dd, or null when it is no real date. Takes dd.mm.yyyy (also with - or /
 * and without leading zeros: "1.2.2027") and ISO; years 1900–2199 only, so a slip of the finger
 * ("0202") is refused rather than saved as year 202.
 */
export function parseDateInput(text: string): string | null {
  const value = text.trim();
  const danish = TYPED_DANISH.exec(value);
  const iso = danish ? null : TYPED_ISO.exec(value);
  const parts = danish
    ? { y: danish[4], m: danish[3], d: danish[1] }
    : iso
      ? { y: iso[1], m: iso[2], d: iso[3] }
      : null;
  if (!parts) return null;
  const y = Number(parts.y);
  const m = Number(parts.m);
  const d = Number(parts.d);
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return null;
  // Day 0 of the next month is the last day of this one (leap years included).
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
