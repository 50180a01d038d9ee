import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, expectAccessible, launch, login, newContext, open } from './support.ts';

// The evaluation export page (issue 7 item 6) in Chromium on the demo data: the secretariat
// creates a key, downloads a pseudonymised CSV for Viborg, revokes the key and is told why the
// next download is refused. axe finds nothing on the page or in its dialogs.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the evaluation export page', () => {
  it('admin@ creates a key, downloads the CSV, revokes the key; accessible throughout', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await login(page, DEMO_USERS.admin);
      await page.locator('#main-navigation').getByRole('link', { name: 'Evalueringsudtræk' }).waitFor();
      await open(page, '/admin/evaluation-export');
      await page.getByRole('heading', { level: 1, name: 'Evalueringsudtræk' }).waitFor();
      await page.getByText(/Kun beboere i partnerskabet med et aktivt samtykke \(c\)/).waitFor();
      await expectAccessible(page, 'the evaluation export page');

      // A key: the label is required.
      const label = `Evaluering e2e ${Date.now()}`;
      await page.getByRole('button', { name: 'Opret nøgle' }).click();
      const dialog = page.getByRole('dialog', { name: 'Opret nøgle' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Opret nøgle' }).click();
      await dialog.getByText('Skal udfyldes.').waitFor();
      await expectAccessible(page, 'the create key dialog');
      await dialog.getByRole('textbox', { name: /^Navn/ }).fill(label);
      await dialog.getByRole('button', { name: 'Opret nøgle' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByRole('row', { name: new RegExp(label) });
      await row.getByText('Aktiv').waitFor();

      // The export: this key, Viborg, this year so far.
      await page.getByRole('combobox', { name: /^Nøgle/ }).selectOption({ label });
      const partnership = page.getByRole('combobox', { name: /^Partnerskab/ });
      await expect.poll(() => partnership.isEnabled()).toBe(true);
      await partnership.selectOption({ label: 'Partnerskab om job – Viborg' });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Hent CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        /^evalueringsudtraek-partnerskab-om-job-viborg-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.csv$/,
      );
      const text = (await readFile((await download.path())!)).toString('utf8');
      const lines = text.replace(/^\uFEFF/, '').split('\r\n');
      expect(lines[0]).toBe(
        'Pseudonym;Dato;Hændelse;Hændelse (tekst);Boligområde;Aldersgruppe;Ydelsesgruppe;Jobtype;Resultat;Årsag',
      );
      const rows = lines.slice(1).filter(Boolean);
      // The demo's residents with consent (c) have events this year.
      expect(rows.length).toBeGreaterThan(0);
      for (const line of rows) expect(line).toMatch(/^[0-9a-f]{32};\d{2}\.\d{2}\.\d{4};/);
      await expectAccessible(page, 'the evaluation export page after a download');

      // Revoke, with a confirmation; the key can no longer be chosen.
      await row.getByRole('button', { name: `Træk tilbage: ${label}` }).click();
      const confirm = page.getByRole('dialog', { name: 'Træk nøglen tilbage?' });
      await confirm.waitFor();
      await expectAccessible(page, 'the revoke dialog');
      await confirm.getByRole('button', { name: 'Træk tilbage' }).click();
      await confirm.waitFor({ state: 'hidden' });
      await row.getByText(/^Trukket tilbage \d{2}\.\d{2}\.\d{4}$/).waitFor();
      const options = await page
        .getByRole('combobox', { name: /^Nøgle/ })
        .locator('option')
        .allTextContents();
      expect(options).not.toContain(label);
    } finally {
      await context.close();
    }
  });

  it('is not in the steering group’s navigation, and its address tells them no', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await login(page, DEMO_USERS.steering);
      expect(
        await page.locator('#main-navigation').getByRole('link', { name: 'Evalueringsudtræk' }).count(),
      ).toBe(0);
      await open(page, '/admin/evaluation-export');
      expect(await page.getByRole('button', { name: 'Hent CSV' }).count()).toBe(0);
      const res = await page.request.get('/api/exports/evaluation/keys');
      expect(res.status()).toBe(403);
    } finally {
      await context.close();
    }
  });
});
