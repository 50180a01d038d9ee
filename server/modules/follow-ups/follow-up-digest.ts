import { checkInLabelDa } from '@domain/rules/follow-up-schedule.ts';
import { danishDate, danishHour, formatDanishDate } from '@domain/time.ts';
import { followUpDigests } from '@server/db/schema/index.ts';
import { createNotificationsService } from '@server/modules/notifications/notifications.service.ts';
import { loadMemberships, toActor } from '@server/platform/auth/actor.repository.ts';
import type { TAppDeps } from '@server/platform/http/deps.ts';
import { and, eq } from 'drizzle-orm';
import { digestItems, digestRecipients } from './follow-ups.repository.ts';

// The daily follow-up digest (issue 6 item 5): one e-mail per job consultant and Danish day,
// from 07:00 Copenhagen time, listing their due and overdue check-ins. The mail names nobody:
// the check-in, its date, the company and the opening, and a link to "Mine opfølgninger".

/** The hour (Danish time) from which the day's digest goes out. */
export const DIGEST_HOUR = 7;

export interface TDigestItem {
  key: string;
  dueDate: string;
  companyName: string;
  openingTitle: string | null;
}

function checkInLabelEn(key: string): string {
  const m = /^(week|month)_(\d+)$/.exec(key);
  if (m) {
    const n = Number(m[2]);
    return `${n} ${m[1]}${n === 1 ? '' : 's'}`;
  }
  if (key === 'trial_end') return 'End of trial';
  if (key === 'extra') return 'Extra check-in';
  return key;
}

/** The digest's subject and plain text, in the recipient's language (Danish unless 'en'). */
export function renderFollowUpDigest(
  items: TDigestItem[],
  today: string,
  locale: 'da' | 'en',
  url: string,
): { subject: string; text: string } {
  const da = locale !== 'en';
  const overdue = items.filter((i) => i.dueDate < today);
  const dueToday = items.filter((i) => i.dueDate >= today);
  const line = (i: TDigestItem) => {
    const label = da ? checkInLabelDa(i.key) : checkInLabelEn(i.key);
    const where = i.openingTitle ? `${i.companyName}, ${i.openingTitle}` : i.companyName;
    return `- ${label}, ${formatDanishDate(i.dueDate)}: ${where}`;
  };
  const n = items.length;
  const subject = da
    ? `Jobbro: ${n} ${n === 1 ? 'opfølgning venter' : 'opfølgninger venter'} på dig`
    : `Jobbro: ${n} ${n === 1 ? 'follow-up is' : 'follow-ups are'} waiting for you`;
  const lines = [
    da
      ? `Dine opfølgninger (efterværn) pr. ${formatDanishDate(today)}:`
      : `Your follow-ups as of ${formatDanishDate(today)}:`,
  ];
  if (overdue.length > 0) {
    lines.push('', da ? `Forsinket (${overdue.length}):` : `Overdue (${overdue.length}):`);
    lines.push(...overdue.map(line));
  }
  if (dueToday.length > 0) {
    lines.push('', da ? `Skal laves i dag (${dueToday.length}):` : `Due today (${dueToday.length}):`);
    lines.push(...dueToday.map(line));
  }
  lines.push(
    '',
    da
      ? `Se dem og registrer opfølgningen i Jobbro: ${url}`
      : `See them and record the check-ins in Jobbro: ${url}`,
    '',
    da ? 'Venlig hilsen' : 'Kind regards',
    'Jobbro',
  );
  return { subject, text: lines.join('\n') };
}

/**
 * Sends today's digest to everyone with planned check-ins due today or earlier, from 07:00
 * Danish time (a quarter-hourly run catches the morning and a server that was down then).
 * The ledger row (user, day) is inserted in the transaction that writes the mail, and its
 * ON CONFLICT DO NOTHING decides who sends: never twice a day, whatever runs or restarts.
 * Returns the number of digests written.
 */
export async function sendFollowUpDigests(deps: TAppDeps): Promise<number> {
  const now = deps.clock.now();
  if (danishHour(now) < DIGEST_HOUR) return 0;
  const today = danishDate(now);
  const notifications = createNotificationsService(deps);
  const url = `${deps.config.publicUrl}/follow-ups`;
  const recipients = await digestRecipients(deps.db, today);
  const memberships = await loadMemberships(
    deps.db,
    recipients.map((r) => r.id),
  );
  let sent = 0;
  for (const user of recipients) {
    const actor = toActor(user.id, memberships.get(user.id) ?? []);
    const mailId = await deps.db.transaction(async (tx) => {
      const items = await digestItems(tx, actor, today);
      if (items.length === 0) return null;
      const overdueCount = items.filter((i) => i.dueDate < today).length;
      const claimed = await tx
        .insert(followUpDigests)
        .values({
          userId: user.id,
          day: today,
          dueCount: items.length - overdueCount,
          overdueCount,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ userId: followUpDigests.userId });
      if (claimed.length === 0) return null;
      const mail = renderFollowUpDigest(items, today, user.locale, url);
      const id = await deps.mailer.store(tx, { to: user.email, subject: mail.subject, text: mail.text });
      await tx
        .update(followUpDigests)
        .set({ mailId: id })
        .where(and(eq(followUpDigests.userId, user.id), eq(followUpDigests.day, today)));
      return id;
    });
    if (!mailId) continue;
    await notifications.dispatch({ mailIds: [mailId] });
    sent++;
  }
  return sent;
}
