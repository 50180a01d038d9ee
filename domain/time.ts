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
