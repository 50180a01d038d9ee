import { ageOn, type TBenefitGroup, type TResidentStatus } from '@domain/resident.schema.ts';
import { danishDate, danishLocalToUtc } from '@domain/time.ts';
import type { TDb } from '@server/db/client.ts';
import {
  municipalities,
  placements,
  proposals,
  residentConsents,
  residentNotes,
  residents,
  systemSettings,
  users,
} from '@server/db/schema/index.ts';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { random } from './demo-residents.ts';

// Demo activity for the partnership reports (issue 7 item 5), in Viborg: counselling sessions
// (vejledningssamtaler, the Greve table) spread over this year and last year, and a few changes of
// case at dates in the past — into a job, into education, moved away, another benefit, a pause —
// so the movement by benefit group (Sundparken) and the active cases per year (Aalborg) have
// something to show. A change is written with updated_at at its own date, so the residents'
// trigger records it then. The same every time (a fixed random seed and a fixed order of people).
//
// Only people outside the matching demo are changed: nobody with a proposal, a placement or a
// consent to matching, so candidate lists and the placements' stories stay as they were.

const MARKER = 'demo_activity_version';
const VERSION = 1;
const VIBORG_CODE = '791';
const DAY_MS = 86_400_000;

const SESSION_NOTES = [
  'Vejledningssamtale: talt om uddannelsesmuligheder og næste skridt.',
  'Vejledningssamtale: gennemgået CV og søgt to stillinger sammen.',
  'Vejledningssamtale: forberedt jobsamtale og aftalt opfølgning.',
  'Vejledningssamtale: talt om praktik hos en lokal virksomhed.',
  'Vejledningssamtale: afklaret ønsker til arbejdstid og transport.',
  'Vejledningssamtale i beboerrådgivningen: status på jobsøgningen.',
  'Vejledningssamtale: talt om småjob som første skridt.',
];

/** Who gets a different benefit group, and which. */
const NEXT_GROUP: Partial<Record<TBenefitGroup, TBenefitGroup>> = {
  sygedagpenge: 'jobafklaringsforloeb',
  jobafklaringsforloeb: 'ressourceforloeb',
  kontanthjaelp: 'ressourceforloeb',
  uddannelseshjaelp: 'kontanthjaelp',
  a_dagpenge: 'kontanthjaelp',
  overgangsydelse: 'kontanthjaelp',
  ressourceforloeb: 'jobafklaringsforloeb',
  ledighedsydelse: 'fleksjob',
  revalidering: 'a_dagpenge',
};

type TChange = Partial<{ status: TResidentStatus; benefitGroup: TBenefitGroup; housingAreaId: null }>;

/** The case changes, by position among the people chosen: each one or two steps at shares of their time. */
const CHANGES: { steps: { share: number; set: (group: TBenefitGroup) => TChange }[] }[] = [
  { steps: [{ share: 0.5, set: () => ({ status: 'in_job' }) }] },
  { steps: [{ share: 0.7, set: () => ({ status: 'in_job' }) }] },
  { steps: [{ share: 0.4, set: (g) => ({ benefitGroup: NEXT_GROUP[g] ?? 'kontanthjaelp' }) }] },
  { steps: [{ share: 0.6, set: () => ({ status: 'in_education' }) }] },
  { steps: [{ share: 0.8, set: () => ({ status: 'moved', housingAreaId: null }) }] },
  {
    steps: [
      { share: 0.3, set: () => ({ status: 'paused' }) },
      { share: 0.6, set: () => ({ status: 'active' }) },
    ],
  },
  { steps: [{ share: 0.55, set: (g) => ({ benefitGroup: NEXT_GROUP[g] ?? 'kontanthjaelp' }) }] },
  { steps: [{ share: 0.45, set: () => ({ status: 'in_job' }) }] },
  { steps: [{ share: 0.65, set: () => ({ status: 'closed' }) }] },
  {
    steps: [
      { share: 0.35, set: (g) => ({ benefitGroup: NEXT_GROUP[g] ?? 'kontanthjaelp' }) },
      { share: 0.75, set: () => ({ status: 'in_job' }) },
    ],
  },
  { steps: [{ share: 0.5, set: () => ({ status: 'in_education' }) }] },
  { steps: [{ share: 0.7, set: () => ({ status: 'moved', housingAreaId: null }) }] },
];

/** A weekday at 9-15 Danish time between two instants (as late as `to`). */
function workingHour(from: number, to: number, rnd: () => number): Date {
  const at = new Date(from + rnd() * Math.max(0, to - from));
  const day = danishDate(at);
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  const shift = weekday === 0 ? -2 : weekday === 6 ? -1 : 0;
  const shifted = danishDate(new Date(Date.parse(`${day}T12:00:00Z`) + shift * DAY_MS));
  const hour = 9 + Math.floor(rnd() * 6);
  const minute = Math.floor(rnd() * 4) * 15;
  const time = danishLocalToUtc(
    shifted,
    `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
  );
  return new Date(Math.min(Math.max(time.getTime(), from), Math.max(from, to)));
}

/** Loads the demo activity once (its own marker, so older demo databases get it too). */
export async function loadDemoActivity(db: TDb, now: Date = new Date()): Promise<boolean> {
  const [marker] = await db.select().from(systemSettings).where(eq(systemSettings.key, MARKER));
  if (marker) return false;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(74207005)`);
    const [again] = await tx.select().from(systemSettings).where(eq(systemSettings.key, MARKER));
    if (again) return false;
    const [viborg] = await tx
      .select({ id: municipalities.id })
      .from(municipalities)
      .where(eq(municipalities.code, VIBORG_CODE));
    const staff = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.email, ['jobkonsulent@jobbro.test', 'boligsocial@jobbro.test']));
    const consultant = staff.find((u) => u.email === 'jobkonsulent@jobbro.test')?.id;
    const worker = staff.find((u) => u.email === 'boligsocial@jobbro.test')?.id;
    if (!viborg || !consultant || !worker) return false;
    const people = await tx
      .select({
        id: residents.id,
        birthDate: residents.birthDate,
        status: residents.status,
        benefitGroup: residents.benefitGroup,
        housingAreaId: residents.housingAreaId,
        registeredBySide: residents.registeredBySide,
        createdAt: residents.createdAt,
        updatedAt: residents.updatedAt,
        lastActivityAt: residents.lastActivityAt,
      })
      .from(residents)
      .where(and(eq(residents.municipalityId, viborg.id), isNull(residents.anonymisedAt)))
      .orderBy(
        asc(residents.createdAt),
        asc(residents.lastName),
        asc(residents.firstName),
        asc(residents.id),
      );
    if (people.length < 30) return false;

    const today = danishDate(now);
    const rnd = random(20261204);
    const nowMs = now.getTime();
    const lastYearStart = danishLocalToUtc(`${Number(today.slice(0, 4)) - 1}-01-01`, '00:00').getTime();
    const adult = (p: (typeof people)[number]) => ageOn(p.birthDate, today) >= 16;
    // The retention rule's examples (no activity for almost 24 months) keep their last activity.
    const recent = (p: (typeof people)[number]) => nowMs - p.lastActivityAt.getTime() < 600 * DAY_MS;

    // Counselling sessions: every adult with a case registered before this year (half their
    // sessions last year, half this year) and every third one registered since, 2-7 each, in
    // working hours after registration, by the side that registered them.
    const thisYearStart = danishLocalToUtc(`${today.slice(0, 4)}-01-01`, '00:00').getTime();
    const counselled = people.filter(
      (p, i) =>
        (p.createdAt.getTime() < thisYearStart || i % 3 === 0) &&
        adult(p) &&
        recent(p) &&
        p.benefitGroup &&
        p.benefitGroup !== 'none',
    );
    for (const p of counselled) {
      const from = Math.max(p.createdAt.getTime() + DAY_MS, lastYearStart);
      const to = nowMs - DAY_MS;
      if (from >= to) continue;
      const count = 2 + Math.floor(rnd() * 6);
      const times = Array.from({ length: count }, (_, k) =>
        // Someone registered last year is seen in both years.
        from < thisYearStart && thisYearStart < to
          ? k % 2 === 0
            ? workingHour(from, thisYearStart - DAY_MS, rnd)
            : workingHour(thisYearStart, to, rnd)
          : workingHour(from, to, rnd),
      ).sort((a, b) => a.getTime() - b.getTime());
      await tx.insert(residentNotes).values(
        times.map((createdAt) => ({
          residentId: p.id,
          text: SESSION_NOTES[Math.floor(rnd() * SESSION_NOTES.length)]!,
          kind: 'counselling' as const,
          authorId: p.registeredBySide === 'housing' ? worker : consultant,
          createdAt,
        })),
      );
      const last = times.at(-1)!;
      if (last > p.lastActivityAt)
        await tx.update(residents).set({ lastActivityAt: last }).where(eq(residents.id, p.id));
    }

    // Changes of case in the past, for people outside the matching demo whose row is untouched
    // since registration (so the trigger dates each change at its own updated_at).
    const busy = new Set([
      ...(await tx.select({ id: proposals.residentId }).from(proposals)).map((r) => r.id),
      ...(await tx.select({ id: placements.residentId }).from(placements)).map((r) => r.id),
      ...(
        await tx
          .select({ id: residentConsents.residentId })
          .from(residentConsents)
          .where(and(eq(residentConsents.scope, 'matching'), isNull(residentConsents.withdrawnOn)))
      ).map((r) => r.id),
    ]);
    const changeable = people.filter(
      (p) =>
        adult(p) &&
        recent(p) &&
        p.status === 'active' &&
        p.benefitGroup &&
        p.benefitGroup !== 'none' &&
        p.housingAreaId !== null &&
        p.updatedAt.getTime() === p.createdAt.getTime() &&
        nowMs - p.createdAt.getTime() > 120 * DAY_MS &&
        !busy.has(p.id),
    );
    let changed = 0;
    for (const [i, plan] of CHANGES.entries()) {
      const p = changeable[i * 2];
      if (!p) break;
      const start = p.createdAt.getTime();
      const span = nowMs - 7 * DAY_MS - start;
      for (const step of plan.steps) {
        const when = new Date(start + step.share * span);
        await tx
          .update(residents)
          .set({ ...step.set(p.benefitGroup as TBenefitGroup), updatedAt: when })
          .where(eq(residents.id, p.id));
      }
      changed += 1;
    }
    await tx.insert(systemSettings).values({ key: MARKER, value: VERSION });
    return counselled.length > 0 || changed > 0;
  });
}
