import { danishDate } from '@domain/time.ts';
import {
  partnerships,
  placements,
  residentCaseChanges,
  residentNotes,
  residents,
} from '@server/db/schema/index.ts';
import { runReport } from '@server/modules/reports/reports.service.ts';
import { createTestApp, TestSession } from '@server/test/setup.ts';
import { and, eq, gt, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { loadDemoActivity } from './demo-activity.ts';
import { DEMO_PASSWORD, loadDemoData } from './demo-data.ts';

// The demo's activity for the partnership reports: counselling sessions over last year and this
// year, case changes dated in the past (so Viborg's movement table moves), hires dated when they
// happened; and styregruppe@'s report holds seed 003's baselines and that activity.

it('gives Viborg counselling sessions and dated case changes, and styregruppe@ a report with them', async () => {
  const now = new Date();
  const t = await createTestApp({ config: { demo: true }, start: now.toISOString() });
  try {
    const db = t.deps.db;
    await loadDemoData(db);
    const year = Number(danishDate(now).slice(0, 4));

    // Counselling sessions in both years, never in the future.
    const sessions = await db
      .select({ residentId: residentNotes.residentId, createdAt: residentNotes.createdAt })
      .from(residentNotes)
      .where(eq(residentNotes.kind, 'counselling'));
    const byYear = (y: number) => sessions.filter((s) => danishDate(s.createdAt).startsWith(`${y}-`));
    expect(byYear(year - 1).length).toBeGreaterThan(20);
    expect(byYear(year).length).toBeGreaterThan(20);
    expect(new Set(sessions.map((s) => s.residentId)).size).toBeGreaterThan(20);
    expect(sessions.every((s) => s.createdAt.getTime() < now.getTime())).toBe(true);

    // Case changes after registration, at their own dates in the past.
    const later = await db
      .select({ changedAt: residentCaseChanges.changedAt, createdAt: residents.createdAt })
      .from(residentCaseChanges)
      .innerJoin(residents, eq(residents.id, residentCaseChanges.residentId))
      .where(gt(residentCaseChanges.changedAt, residents.createdAt));
    expect(later.length).toBeGreaterThanOrEqual(12);
    expect(later.every((c) => c.changedAt.getTime() < now.getTime())).toBe(true);

    // A hire's status change is dated when it happened, not when the demo was loaded.
    const [educated] = await db
      .select({
        changedAt: residentCaseChanges.changedAt,
        endedAt: placements.endedAt,
        createdAt: residents.createdAt,
      })
      .from(placements)
      .innerJoin(residents, eq(residents.id, placements.residentId))
      .innerJoin(
        residentCaseChanges,
        and(eq(residentCaseChanges.residentId, residents.id), eq(residentCaseChanges.status, 'in_education')),
      )
      .where(eq(placements.status, 'education'));
    expect(educated!.changedAt.getTime()).toBe(
      Math.max(educated!.endedAt!.getTime(), educated!.createdAt.getTime()),
    );

    // Loaded once.
    const count = async () =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(residentNotes)
          .where(eq(residentNotes.kind, 'counselling'))
      )[0]!.n;
    const before = await count();
    expect(await loadDemoActivity(db, now)).toBe(false);
    expect(await count()).toBe(before);

    // styregruppe@'s Excel report of this year: seed 003's baselines and the demo's activity.
    const steering = new TestSession(t.app);
    expect((await steering.login('styregruppe@jobbro.test', DEMO_PASSWORD)).statusCode).toBe(200);
    const [viborg] = await db
      .select({ id: partnerships.id })
      .from(partnerships)
      .where(eq(partnerships.name, 'Partnerskab om job – Viborg'));
    const asked = await steering.post('/api/reports', {
      partnershipId: viborg!.id,
      from: `${year}-01-01`,
      to: danishDate(now),
      format: 'xlsx',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    await runReport(t.deps, asked.json().id);
    const file = await steering.get(`/api/reports/${asked.json().id}/file`);
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rows = (sheet: string) =>
      (workbook.getWorksheet(sheet)!.getSheetValues().slice(2) as (ExcelJS.CellValue[] | undefined)[]).filter(
        (r): r is ExcelJS.CellValue[] => Array.isArray(r),
      );
    expect(
      rows('Områdeindikatorer').some(
        (r) => r[1] === 'Houlkærvænget' && r[3] === '2019' && r[4] === 48.07 && r[5] === 76.91,
      ),
    ).toBe(true);
    const total = rows('Ydelsesgrupper').find((r) => r[1] === 'I alt (ekskl. førtidspension og fleksjob)')!;
    // Baseline, new, closed and status: people came and went (closed is at least 5: several
    // changes plus the hires), and the total adds up.
    const [baseline, fresh, closed, net, status] = total.slice(2, 7) as number[];
    expect(baseline).toBeGreaterThanOrEqual(5);
    expect(fresh).toBeGreaterThanOrEqual(5);
    expect(closed).toBeGreaterThanOrEqual(5);
    expect(status).toBe(baseline! + net!);
    const sessionsRow = rows('Aktivitet pr. år').find((r) => r[1] === 'Antal afholdte vejledningssamtaler')!;
    // Counselling notes and screenings of the year.
    expect(sessionsRow[2]).toBeGreaterThanOrEqual(byYear(year).length);
  } finally {
    await t.close();
  }
});
