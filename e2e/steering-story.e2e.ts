import { readFile } from 'node:fs/promises';
import type { TDashboard } from '@domain/reports/dashboard.schema.ts';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, expectAccessible, launch, login, newContext, open, settle } from './support.ts';

// Issue 7's story in Chromium, on the demo data: styregruppe@ opens the dashboard from the menu,
// sees the funnel and the monthly trend as charts (with the numbers as tables), the goals with
// their traffic lights and no count under 5; follows the link to the reports, downloads the Excel
// report for the same period, and finds the dashboard's own funnel in it, next to seed 003's
// baselines. axe finds nothing on either page.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function asSteering<T>(run: (page: Page) => Promise<T>): Promise<T> {
  const context = await newContext(browser);
  const page = await context.newPage();
  try {
    await login(page, DEMO_USERS.steering);
    return await run(page);
  } finally {
    await context.close();
  }
}

describe('the steering group’s dashboard and report', () => {
  it('styregruppe@ sees a living dashboard and downloads a report with the same figures', async () => {
    await asSteering(async (page) => {
      await open(page, '/');
      await page.locator('#main-navigation').getByRole('link', { name: 'Overblik', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/dashboard');
      await settle(page);
      await page.getByRole('heading', { level: 1, name: 'Overblik' }).waitFor();
      const main = page.locator('main');

      // The period the report will use (this year up to today), set on the dashboard too.
      const today = await page.evaluate(
        async () => (await (await fetch('/api/dashboard')).json()).today as string,
      );
      const from = `${today.slice(0, 4)}-01-01`;
      await open(page, `/dashboard?from=${from}&to=${today}`);
      await settle(page);
      const d: TDashboard = await page.evaluate(
        async (q) => (await fetch(`/api/dashboard?${q}`)).json(),
        `from=${from}&to=${today}`,
      );
      expect(d.suppressed).toBe(true);
      // Living: the demo's year has real activity in every early step of the funnel.
      for (const n of [d.funnel.openings, d.funnel.referrals, d.funnel.proposals, d.funnel.hires])
        expect(n === null ? 0 : n).toBeGreaterThanOrEqual(5);

      // The charts are drawn (an SVG each), with their captions.
      for (const caption of [
        'Søjlediagram over antal i hvert trin',
        'Kurver over jobåbninger, forslag og ansættelser',
      ]) {
        const figure = main.locator('figure').filter({ hasText: caption }).first();
        await figure.waitFor();
        await expect(figure.locator('svg').count()).resolves.toBeGreaterThan(0);
      }
      await main.getByText('Du ser samlede tal.', { exact: false }).waitFor();

      // The goals, each with its light in words.
      const goals = main.getByRole('table', { name: 'Mål og status' });
      await goals.waitFor();
      expect(d.goals.length).toBeGreaterThan(0);
      for (const g of d.goals) await goals.getByRole('rowheader', { name: new RegExp(g.title) }).waitFor();
      await expect(goals.getByText(/^(På sporet|Tæt på|Bagud|Ukendt|Ikke startet)$/).count()).resolves.toBe(
        d.goals.length,
      );

      // No count from 1 to 4 anywhere in what the page was given.
      const counts: (number | null)[] = [];
      for (const f of [d.funnel, ...d.breakdowns.flatMap((b) => b.rows.map((r) => r.funnel))])
        counts.push(f.openings, f.referrals, f.proposals, f.interviews, f.hires, f.retained6, f.retained12);
      for (const n of counts) expect(n === null || n === 0 || n >= 5, String(n)).toBe(true);
      await expectAccessible(page, 'dashboard of the steering group');

      // From the dashboard to the report.
      await main.getByRole('link', { name: 'Hent rapporten som PDF eller Excel' }).click();
      await page.waitForURL((url) => url.pathname === '/reports');
      await settle(page);
      await main.getByRole('button', { name: 'Hent Excel' }).click();
      const link = main.getByRole('link', { name: /^Hent Jobbro-rapport-Viborg-.*\.xlsx$/ });
      await link.waitFor({ timeout: 30_000 });
      await expectAccessible(page, 'reports page with the finished report');
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
      const rows = (sheet: string) =>
        (workbook.getWorksheet(sheet)!.getSheetValues() as (ExcelJS.CellValue[] | undefined)[]).filter(
          (r): r is ExcelJS.CellValue[] => Array.isArray(r),
        );
      const funnelCell = (label: string) => rows('Tragt').find((r) => r[1] === label)?.[2];
      // The report's funnel is the dashboard's, "< 5" where the dashboard hides a count.
      const shown = (n: number | null) => (n === null ? '< 5' : n);
      expect(funnelCell('Jobåbninger')).toBe(shown(d.funnel.openings));
      expect(funnelCell('Forslag til virksomheder')).toBe(shown(d.funnel.proposals));
      expect(funnelCell('Ansættelser (inkl. praktik)')).toBe(shown(d.funnel.hires));
      // Seed 003's baseline for Houlkærvænget: 48,07 % of 18-64 in employment in 2019.
      expect(rows('Områdeindikatorer').some((r) => r[1] === 'Houlkærvænget' && r[4] === 48.07)).toBe(true);
    });
  });
});
