// DOMAIN.md: store UTC, reason in Danish time. "Today" for due dates, reminders and clause
// progress is the calendar day in Copenhagen, whatever the server's own time zone.

export const DANISH_TZ = 'Europe/Copenhagen';

const dateParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: DANISH_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const hourPart = new Intl.DateTimeFormat('en-GB', { timeZone: DANISH_TZ, hour: '2-digit', hourCycle: 'h23' });

/** The Copenhagen calendar day of an instant, as yyyy-mm-dd. */
export function danishDate(at: Date): string {
  return dateParts.format(at);
}

/** The Copenhagen hour (0-23) of an instant. */
export function danishHour(at: Date): number {
  return Number(hourPart.format(at));
}

/** yyyy-mm-dd plus a number of days (calendar arithmetic, no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * yyyy-mm-dd plus (or minus) whole months; a day the target month lacks becomes its last day
 * (31 August + 6 months = 28/29 February).
 */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Whole days from one yyyy-mm-dd to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** yyyy-mm-dd → dd.mm.yyyy, the Danish way of writing a date (DOMAIN.md). */
export function formatDanishDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

const wallClockParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: DANISH_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Copenhagen wall clock of an instant by part: year "2026", month "06", day, hour, minute. */
export function danishWallClock(at: Date): { [part: string]: string } {
  return Object.fromEntries(wallClockParts.formatToParts(at).map((x) => [x.type, x.value]));
}

/** Minutes Copenhagen is ahead of UTC at an instant (60 in winter, 120 in summer). */
function danishOffsetMinutes(at: number): number {
  const p = danishWallClock(new Date(at));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((wall - Math.floor(at / 60_000) * 60_000) / 60_000);
}

/**
 * A Danish wall-clock date (yyyy-mm-dd) and time (HH:MM) as the UTC instant it names, e.g. an
 * interview "15.06.2026 kl. 10.00" is 08:00 UTC in summer and 09:00 UTC in winter. A time the
 * spring change skips (02:30 on the last Sunday of March) moves an hour on; a time the autumn
 * change repeats is taken in winter time.
 */
export function danishLocalToUtc(isoDate: string, time: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, h, min);
  const first = naive - danishOffsetMinutes(naive) * 60_000;
  return new Date(naive - danishOffsetMinutes(first) * 60_000);
}

/** The Copenhagen wall-clock time (HH:MM) of an instant. */
export function danishTime(at: Date): string {
  const p = danishWallClock(at);
  return `${p.hour}:${p.minute}`;
}
