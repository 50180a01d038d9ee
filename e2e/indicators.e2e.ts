import type { TPage } from '@domain/common.schema.ts';
import type { TIndicatorValue } from '@domain/indicator.schema.ts';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, expectAccessible, launch, login, newContext, open, settle } from './support.ts';

// Area indicators and classification (issue 7 items 2-3) in Chromium, on the demo data: an area's
// page shows seed 003's 2019 baselines as trend charts with the municipal line and the same
// numbers as tables; who may edit sees the buttons, steering reads only; a bad value is refused
// at its field; an import dry run names the bad row in Danish and stores nothing; classification
// inputs give the category with each criterion's margin. axe finds nothing on any of it.

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

/** From the housing-areas list to an area's page, by the link on its name. */
async function openArea(page: Page, listPath: string, name: string): Promise<void> {
  await open(page, `${listPath}?q=${encodeURIComponent(name)}`);
  await page.getByRole('link', { name, exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/areas/'));
  await settle(page);
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Cell texts of a table's rows: [row header, ...cells]. */
async function rowsOf(table: Locator): Promise<string[][]> {
  await table.waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')),
    );
}

const EMPLOYMENT = 'Andel af beboere i beskæftigelse (18-64 år)';
const UNEMPLOYMENT = 'Andel af beboere, der er arbejdsløse (18-64 år)';
const EDUCATION =
  'Andel af 18-29-årige med grundskole som højeste uddannelse, som ikke er i gang med uddannelse';
const BENEFITS = 'Andel af beboere på offentlig forsørgelse (16-64 år)';

describe('an area page with its indicators', () => {
  it('bolig@ sees Houlkærvænget’s 2019 baselines as charts and tables, may edit, and a share over 100 % is refused at its field', async () => {
    await asUser(DEMO_USERS.housing_staff, async (page) => {
      await openArea(page, '/data/housing-areas', 'Houlkærvænget');
      await page.getByText('Boligselskabet Viborg').first().waitFor();

      // One chart per indicator, named by what it shows (seed 003: 48,07 % against Viborg's 76,91 %).
      const chart = page.getByRole('img', {
        name: `${EMPLOYMENT} i Houlkærvænget: 48,1 % i 2019. Kommunens gennemsnit: 76,9 % i 2019.`,
      });
      await chart.waitFor();
      await expect(chart.locator('svg').count()).resolves.toBeGreaterThan(0);
      await page.getByRole('img', { name: new RegExp(`^${literal(UNEMPLOYMENT)}.*5,8 % i 2019`) }).waitFor();

      // The same numbers as tables, with the source and the note.
      const table = (name: string) => page.getByRole('table', { name: `${name}: værdier pr. år` });
      const employment = await rowsOf(table(EMPLOYMENT));
      expect(employment).toHaveLength(1);
      expect(employment[0]!.slice(0, 4)).toEqual(['2019', '48,1 %', '76,9 %', 'LBF (Landsbyggefonden)']);
      expect(employment[0]![4]).toContain('Baseline i Boligsocial Helhedsplan Viborg');
      expect((await rowsOf(table(UNEMPLOYMENT)))[0]!.slice(0, 3)).toEqual(['2019', '5,8 %', '2,4 %']);
      expect((await rowsOf(table(EDUCATION)))[0]!.slice(0, 3)).toEqual(['2019', '33,3 %', '16,6 %']);
      // 2020's public-benefit share has no municipal average in the seed.
      expect((await rowsOf(table(BENEFITS)))[0]!.slice(0, 4)).toEqual([
        '2020',
        '44,0 %',
        '–',
        'Jobcenter Viborg, nov. 2020',
      ]);

      // The area's organisation's staff may change its figures.
      await page.getByRole('button', { name: `Rediger ${EMPLOYMENT} 2019` }).waitFor();
      await page.getByRole('button', { name: 'Indtast grundlag' }).waitFor();
      await expectAccessible(page, 'the area page (housing staff)');

      // A share of 120 % is refused at the field, in Danish, and nothing is sent.
      await page.getByRole('button', { name: 'Tilføj værdi' }).click();
      const dialog = page.getByRole('dialog', { name: 'Tilføj indikatorværdi – Houlkærvænget' });
      await dialog.waitFor();
      await page.waitForLoadState('networkidle');
      await dialog.getByLabel('Indikator').selectOption({ label: `${UNEMPLOYMENT} (%)` });
      await dialog.getByLabel('År').fill('2021');
      await dialog.getByLabel('Værdi').fill('120');
      await dialog.getByLabel('Kilde').fill('LBF');
      let puts = 0;
      page.on('request', (r) => {
        if (r.method() === 'PUT' && r.url().includes('/api/indicators')) puts++;
      });
      await dialog.getByRole('button', { name: 'Gem' }).click();
      const value = dialog.getByLabel('Værdi');
      await expect(value.getAttribute('aria-invalid')).resolves.toBe('true');
      await dialog.getByText('Andelen skal være mellem 0 og 100 %.').waitFor();
      // An unknown year is refused too.
      await dialog.getByLabel('År').fill('1999');
      await dialog.getByRole('button', { name: 'Gem' }).click();
      await dialog.getByText('Året skal være et helt tal mellem 2000 og 2100.').waitFor();
      expect(puts).toBe(0);
      await expectAccessible(page, 'the indicator value dialog');
      await dialog.getByRole('button', { name: 'Annullér' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect((await rowsOf(table(UNEMPLOYMENT))).map((r) => r[0])).toEqual(['2019']);
    });
  });

  it('styregruppe@ reads the same page and the indicator list, with no button to change anything', async () => {
    await asUser(DEMO_USERS.steering, async (page) => {
      await openArea(page, '/data/housing-areas', 'Houlkærvænget');
      await page
        .getByRole('img', { name: new RegExp(`^${literal(EMPLOYMENT)} i Houlkærvænget: 48,1 % i 2019`) })
        .waitFor();
      await page.getByRole('table', { name: `${EMPLOYMENT}: værdier pr. år` }).waitFor();
      await page.getByText('Intet klassifikationsgrundlag for 2019 endnu.').waitFor();
      for (const name of ['Tilføj værdi', 'Importér', 'Indtast grundlag', /^Rediger /, /^Slet /]) {
        await expect(page.getByRole('button', { name }).count()).resolves.toBe(0);
      }
      await expect(page.getByRole('link', { name: 'Importér' }).count()).resolves.toBe(0);
      await expectAccessible(page, 'the area page (steering)');

      // The list of values: the five Viborg areas' 2019 employment shares, no import panel.
      await open(page, '/indicators?indicator=employment_share_18_64&year=2019');
      await page.getByRole('heading', { level: 1, name: 'Indikatorer' }).waitFor();
      await page.getByText('5 værdier', { exact: true }).waitFor();
      await page.getByRole('cell', { name: '48,1 %' }).waitFor();
      await expect(page.getByRole('heading', { name: 'Importér indikatorværdier' }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: 'Tilføj egen indikator' }).count()).resolves.toBe(0);
      await expectAccessible(page, 'the indicators page (steering)');
    });
  });
});

describe('the indicator import', () => {
  it('a dry run with one bad row shows the row, column and Danish error, offers no Gem, and stores nothing', async () => {
    await asUser(DEMO_USERS.housing_staff, async (page) => {
      await open(page, '/indicators');
      await page.getByRole('heading', { name: 'Importér indikatorværdier' }).waitFor();
      const template = page.getByRole('link', { name: 'Hent skabelon (CSV)' });
      const href = (await template.getAttribute('href')) ?? '';
      expect(decodeURIComponent(href)).toContain('Område;Indikator;År;Værdi;Kommunalt gennemsnit;Kilde;Note');

      const csv = [
        'Område;Indikator;År;Værdi;Kommunalt gennemsnit;Kilde;Note',
        'Houlkærvænget;employment_share_18_64;2031;50,2;77,1;LBF;',
        'Vestervang;lykke;2031;5,1;2,3;LBF;',
        `Vestervang;${UNEMPLOYMENT};2031;120;2,3;LBF;`,
      ].join('\n');
      await page.getByLabel('Fil (CSV eller XLSX)').setInputFiles({
        name: 'indikatorer.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      });
      await page.getByRole('button', { name: 'Tjek filen' }).click();
      await page.getByText('3 rækker: 1 nye, 0 opdaterer en værdi, 2 med fejl.').waitFor();
      await page.getByRole('alert').filter({ hasText: 'Filen har fejl – intet er gemt' }).waitFor();
      const problems = await rowsOf(page.getByRole('table', { name: 'Fejl i filen pr. række' }));
      expect(problems).toEqual([
        [
          '3',
          'Indikator',
          'Ukendt indikator "lykke". Brug en af Jobbros faste indikatorer eller partnerskabets egne.',
        ],
        ['4', 'Værdi', 'Andelen skal være mellem 0 og 100 %.'],
      ]);
      await expect(page.getByRole('button', { name: 'Gem' }).isDisabled()).resolves.toBe(true);
      await expectAccessible(page, 'the import dry run');

      // Nothing of the file is stored, the good row 2 neither.
      const stored = await page.evaluate(
        async () =>
          (await fetch('/api/indicators?yearFrom=2031&yearTo=2031')).json() as Promise<
            TPage<TIndicatorValue>
          >,
      );
      expect(stored.total).toBe(0);
    });
  });
});

describe('an area’s classification', () => {
  it('the secretariat enters inputs (a bad share first) and sees the category, each criterion’s margin and the reasons', async () => {
    await asUser(DEMO_USERS.admin, async (page) => {
      // A fictional area of 1,200 residents with seed 002's Sundparken figures for criteria 1-2.
      await openArea(page, '/admin/housing-areas', 'Alderslyst Nord (fiktiv)');
      await page.getByRole('button', { name: 'Indtast grundlag' }).click();
      const dialog = page.getByRole('dialog', { name: 'Klassifikationsgrundlag 2019' });
      await dialog.waitFor();
      await expect(dialog.getByLabel('Antal beboere').inputValue()).resolves.toBe('1200');
      const criterion = (n: number) => dialog.getByLabel(new RegExp(`^${n}\\. `));
      await criterion(1).fill('47,8');
      await criterion(2).fill('78,4');
      await criterion(5).fill('120');
      await dialog.getByRole('button', { name: 'Gem' }).click();
      await expect(criterion(5).getAttribute('aria-invalid')).resolves.toBe('true');
      await dialog.getByText('Kriterie 5 skal være en andel mellem 0 og 100 %.').waitFor();
      await criterion(5).fill('');
      await dialog.getByLabel('Kilde').fill('Seed 002 (Sundparkens tal, fiktivt område)');
      await dialog.getByRole('button', { name: 'Gem' }).click();
      await dialog.waitFor({ state: 'detached' });

      await page.getByText('Udsat boligområde', { exact: true }).waitFor();
      const criteria = await rowsOf(
        page.getByRole('table', { name: 'Kriterierne 2019: værdi, grænse, opfyldt og margin' }),
      );
      expect(criteria.map((r) => [r[0]!.slice(0, 2), r[1], r[2], r[3], r[4]])).toEqual([
        ['1.', '47,8 %', 'over 40 %', 'OpfyldtAfgørende', '7,8 procentpoint over grænsen'],
        ['2.', '78,4 %', 'over 60 %', 'OpfyldtAfgørende', '18,4 procentpoint over grænsen'],
        ['3.', 'ikke oplyst', 'under 55 %', 'Ikke oplyst', '–'],
        ['4.', 'ikke oplyst', 'mindst 3 gange', 'Ikke oplyst', '–'],
        ['5.', 'ikke oplyst', 'over 50 %', 'Ikke oplyst', '–'],
      ]);
      await page.getByText(/^Kriterie 1 opfyldt: 47,8 % af de 18-64-årige/).waitFor();
      await expectAccessible(page, 'the area classification');
    });
  });
});

/** A text as a literal in a RegExp. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
