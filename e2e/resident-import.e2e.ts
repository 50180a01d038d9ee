import { readFile } from 'node:fs/promises';
import { fictionalJobcenterList, toCsv } from '@domain/resident-import.sample.ts';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, expectAccessible, launch, login, newContext, settle } from './support.ts';

// Issue 4 item 4's "done when": a newcomer imports a 1,000-row jobcenter list through the UI
// with a progress bar and a downloadable report. jobkonsulent@jobbro.test (Jobcenter Viborg)
// uploads a generated list with five bad rows, checks it, stores it, downloads the report and
// finds an imported person among the residents.

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

/** Differs between runs against the same server (letters only: names refuse digits here). */
const unique = () =>
  `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`.replace(
    /\d/g,
    (d) => 'abcdefghij'[Number(d)] ?? '',
  );

/** The 1,000-row list: fictional people of Viborg's areas, five rows wrong in five ways. */
function jobcenterList(tag: string) {
  const areas = ['Houlkærvænget', 'Vestervang', 'Klostervænget', 'Ringparken', 'Ellekonebakken'].map(
    (name) => ({
      name,
      postalCode: '8800',
    }),
  );
  const table = fictionalJobcenterList({ rows: 1000, seed: 7, areas, refPrefix: `E2E${tag}-` });
  const header = table[0]!;
  const col = (name: string) => header.indexOf(name);
  const lastName = `Importsen${tag.charAt(0).toUpperCase()}${tag.slice(1)}`;
  table[1]![col('Efternavn')] = lastName;
  table[11]![col('Fødselsdato')] = '31.02.1990';
  table[21]![col('Personreference')] = '0101901234';
  table[31]![col('Personreference')] = table[2]![col('Personreference')]!;
  table[41]![col('Fødselsdato')] = '01.01.2020';
  table[51]![col('Postnummer')] = '123';
  return { csv: Buffer.from(toCsv(table), 'utf8'), lastName, firstName: table[1]![col('Fornavn')]! };
}

async function signedIn(): Promise<Page> {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await login(page, DEMO_USERS.job_consultant);
  return page;
}

describe('jobcenter list import', () => {
  it('jobkonsulent@ imports 1,000 rows with progress, a report and the people in the list', async () => {
    const tag = unique();
    const list = jobcenterList(tag);
    const page = await signedIn();

    await page.goto('/residents');
    await settle(page);
    await page.getByRole('link', { name: 'Importér liste fra jobcenter' }).click();
    await page.waitForURL((url) => url.pathname === '/residents/import');
    await settle(page);
    await page.getByRole('heading', { level: 1, name: 'Importér liste fra jobcenter' }).waitFor();
    await expectAccessible(page, 'import: upload');

    // 1 upload: the consultant's one jobcenter is chosen for them.
    await page.getByText('Listen importeres for').waitFor();
    await page.getByLabel(/^Liste \(CSV eller XLSX\)/).setInputFiles({
      name: `ledige-${tag}.csv`,
      mimeType: 'text/csv',
      buffer: list.csv,
    });
    await page.getByRole('button', { name: 'Upload og vælg kolonner' }).click();
    await page.waitForURL((url) => /^\/residents\/import\/[0-9a-f-]{36}$/.test(url.pathname));
    const importPath = new URL(page.url()).pathname;
    const importId = importPath.split('/').pop()!;

    // 2 columns: the template's headers are matched, the first rows shown as examples.
    await page.getByRole('heading', { name: 'Vælg kolonner' }).waitFor();
    await expect(page.getByLabel(/^Personreference/).inputValue()).resolves.toBe('Personreference');
    await expect(page.getByLabel(/^Fødselsdato/).inputValue()).resolves.toBe('Fødselsdato');
    await page.getByText(`Fx: ${list.lastName}`).waitFor();
    await settle(page);
    await expectAccessible(page, 'import: columns');

    // 3 check: a progress bar, the counts and the five errors.
    await page.getByRole('button', { name: 'Kontrollér listen' }).click();
    await page
      .getByRole('progressbar', { name: 'Kontrol færdig: 1.000 rækker' })
      .waitFor({ timeout: 30_000 });
    const facts = page.locator('dl');
    await expect(
      facts.getByText('Rækker med fejl (springes over)').locator('xpath=following-sibling::dd').textContent(),
    ).resolves.toBe('5');
    await expect(
      facts.getByText('Nye personer').locator('xpath=following-sibling::dd').textContent(),
    ).resolves.toBe('995');
    await page.getByText('5 problemer').waitFor();
    const issues = page.getByRole('table', { name: 'Fejl og advarsler' });
    await issues.getByText('Fødselsdato kan ikke læses – skriv dd.mm.åååå.').waitFor();
    await issues.getByText(/^Ligner et CPR-nummer/).waitFor();
    await issues.getByText('Personreferencen står også i række 3 – kun den første række bruges.').waitFor();
    await issues.getByText('Personen skal være mindst 13 år.').waitFor();
    await issues.getByText(/^Ukendt postnummer/).waitFor();
    await settle(page);
    await expectAccessible(page, 'import: check');

    // 4 store: progress, the result, the report.
    await page.getByRole('button', { name: 'Gem 995 personer' }).click();
    await page
      .getByRole('progressbar', { name: /^(Kontrollerer listen en sidste gang|Gemmer|Gemt)/ })
      .waitFor();
    await page.getByText('Listen er gemt').waitFor({ timeout: 30_000 });
    await page
      .getByText(/^995 nye og 0 ændrede personer, 0 uændrede\. 5 rækker med fejl blev sprunget over\./)
      .waitFor();
    await settle(page);
    await expectAccessible(page, 'import: stored');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Hent rapport (XLSX)' }).first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Oversigt', 'Problemer']);
    const problems = workbook.getWorksheet('Problemer')!;
    expect(problems.rowCount).toBe(6);
    expect(problems.getColumn(1).values.slice(2)).toEqual([12, 22, 32, 42, 52]);

    // The import is in the list of earlier imports, stored.
    await page.goto('/residents/import');
    await settle(page);
    const earlier = page.getByRole('table', { name: 'Tidligere importer' });
    const row = earlier.getByRole('row').filter({ has: page.locator(`a[href="${importPath}"]`) });
    await row.getByText('Gemt').waitFor();
    await row.getByText('995 nye, 0 ændrede').waitFor();
    expect(importId).toHaveLength(36);

    // The consultant finds the imported person among the residents.
    await page.getByRole('link', { name: 'Til beboerne' }).click();
    await page.waitForURL((url) => url.pathname === '/residents');
    await settle(page);
    await page.getByLabel('Søg på navn').fill(list.lastName);
    await page.getByRole('link', { name: `${list.firstName} ${list.lastName}` }).waitFor();
    await expectAccessible(page, 'residents list with an imported person');
  });
});
