import type { TBiasReport } from '@domain/reports/bias.schema.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_USERS,
  danishDateText,
  expectAccessible,
  fillDate,
  launch,
  login,
  newContext,
  open,
  settle,
} from './support.ts';

// The bias report (issue 5 item 7) in Chromium, on the demo data: the page shows the same numbers
// as the API, a chart per dimension once there are proposals (an empty state before), a table per
// dimension, the definitions; steering sees aggregates only; axe finds nothing.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function asUser<T>(email: string, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await newContext(browser);
  const page = await context.newPage();
  try {
    await login(page, email);
    return await run(page);
  } finally {
    await context.close();
  }
}

/** The report the page shows, fetched with the page's own session. */
async function apiReport(page: Page, query = ''): Promise<TBiasReport> {
  return page.evaluate(async (q) => (await fetch(`/api/reports/bias${q}`)).json(), query);
}

/** Cell texts of a dimension's table, by group label: [population, proposed, rate, hired, rate, notes]. */
async function tableRows(page: Page, dimension: string): Promise<Map<string, string[]>> {
  const table = page.getByRole('table', { name: `${dimension}: antal og rater pr. gruppe` });
  await table.waitFor();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.querySelector('th')?.textContent?.trim() ?? '',
        ...[...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
      ]),
    );
  return new Map(rows.map(([label, ...cells]) => [label!, cells]));
}

const shown = (n: number | null) => (n === null ? '< 5' : new Intl.NumberFormat('da-DK').format(n));

describe('the bias report page', () => {
  it('jobkonsulent@ sees the report of the partnership with the API’s numbers, charts or the empty state, and the definitions', async () => {
    await asUser(DEMO_USERS.job_consultant, async (page) => {
      await open(page, '/reports/bias');
      await page.getByRole('heading', { level: 1, name: 'Skævhedsrapport' }).waitFor();
      const report = await apiReport(page);
      await page
        .getByText(
          `${report.partnership.name}, ${danishDateText(report.period.from)} – ${danishDateText(report.period.to)}`,
        )
        .waitFor();
      await page
        .getByText(/indgår aldrig i matchningen/)
        .first()
        .waitFor();

      // A table per dimension with exactly the API's counts ("< 5" for the suppressed).
      for (const d of report.dimensions) {
        const rows = await tableRows(page, d.label);
        expect([...rows.keys()]).toHaveLength(d.groups.length);
        for (const g of d.groups) {
          const cells = rows.get(g.label);
          expect(cells, `${d.label}: ${g.label}`).toBeDefined();
          expect([cells![0], cells![1], cells![3]]).toEqual([
            shown(g.population),
            shown(g.proposed),
            shown(g.hired),
          ]);
        }
      }
      const gender = await tableRows(page, 'Køn (selvoplyst)');
      expect([...gender.keys()]).toEqual(['Kvinde', 'Mand', 'Andet', 'Ikke oplyst']);

      const figures = page.locator('main figure');
      if (report.empty) {
        await page.getByRole('heading', { level: 2, name: 'Ingen forslag i perioden' }).waitFor();
        expect(await figures.count()).toBe(0);
      } else {
        expect(await figures.count()).toBe(3);
        await figures.first().locator('svg.recharts-surface').first().waitFor();
        // A bar for every shown rate above 0 (a hidden rate has none).
        for (const [i, d] of report.dimensions.entries()) {
          const bars = d.groups
            .flatMap((g) => [g.proposalRate, g.hireRate])
            .filter((r) => r !== null && r > 0);
          expect(await figures.nth(i).locator('path.recharts-rectangle').count(), d.label).toBe(bars.length);
        }
        await figures.first().getByText('Tallene står i tabellen nedenfor.').waitFor();
      }
      await page.getByRole('heading', { level: 2, name: 'Sådan er tallene opgjort' }).waitFor();
      await page.getByText('Antal fra 1 til 4 vises som »< 5«', { exact: false }).waitFor();
      await expectAccessible(page, 'the bias report');

      // The downloads are real files of the same report.
      const xlsx = await page.getByRole('link', { name: 'Hent som Excel (XLSX)' }).getAttribute('href');
      const res = await page.request.get(xlsx!);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain('spreadsheetml');
      const csvHref = await page.getByRole('link', { name: 'Hent som CSV' }).getAttribute('href');
      const csv = await (await page.request.get(csvHref!)).text();
      expect(csv).toContain('Opdeling;Gruppe;Grundlag');
    });
  });

  it('styregruppe@ sees aggregates only: every count is 0, "< 5" or at least 5, and no person', async () => {
    await asUser(DEMO_USERS.steering, async (page) => {
      await open(page, '/reports/bias');
      const report = await apiReport(page);
      const json = JSON.stringify(report);
      expect(json).not.toMatch(/firstName|lastName|birthDate|residentId/);
      for (const label of ['Boligområde', 'Aldersgruppe', 'Køn (selvoplyst)']) {
        for (const [, cells] of await tableRows(page, label)) {
          for (const c of [cells[0]!, cells[1]!, cells[3]!]) {
            expect(c === '0' || c === '< 5' || Number(c.replace(/\./g, '')) >= 5, `${label}: ${c}`).toBe(
              true,
            );
          }
        }
      }
      expect(await page.locator('main a[href^="/residents/"]').count()).toBe(0);
      await expectAccessible(page, 'the bias report (steering)');
    });
  });

  it('the admin chooses the partnership and the period, kept in the address', async () => {
    await asUser(DEMO_USERS.admin, async (page) => {
      await open(page, '/reports/bias');
      const picker = page.getByRole('combobox', { name: 'Partnerskab' });
      await page.waitForURL((url) => url.searchParams.has('partnershipId'));
      const options = await picker
        .locator('option')
        .evaluateAll((os) =>
          os
            .map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' }))
            .filter((o) => o.value),
        );
      expect(options.length).toBeGreaterThan(0);
      const last = options.at(-1)!;
      await picker.selectOption(last.value);
      await fillDate(page.getByLabel('Fra'), '01.01.2026');
      await page.waitForURL((url) => url.searchParams.get('from') === '2026-01-01');
      await settle(page);
      expect(new URL(page.url()).searchParams.get('partnershipId')).toBe(last.value);
      await page.getByText(new RegExp(`^${last.label}, 01\\.01\\.2026 – `)).waitFor();
      await expectAccessible(page, 'the bias report (admin)');
    });
  });

  it('housing staff are refused the page', async () => {
    await asUser(DEMO_USERS.housing_staff, async (page) => {
      await page.goto('/reports/bias');
      await page.getByRole('heading', { level: 1, name: 'Ingen adgang' }).waitFor();
    });
  });
});
