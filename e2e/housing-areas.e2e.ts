import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, launch, login, newContext, open } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the admin manages housing areas through the UI', () => {
  it('creates an area: validation error at the field first, then success, then finds it by search', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await login(page, DEMO_USERS.admin);
      await open(page, '/admin/housing-areas');
      // The demo's Viborg areas are listed, with Danish number formatting.
      await page.getByRole('cell', { name: 'Houlkærvænget' }).first().waitFor();

      await page.getByRole('button', { name: 'Opret boligområde' }).click();
      const dialog = page.getByRole('dialog', { name: 'Opret boligområde' });
      await dialog.waitFor();
      await page.waitForLoadState('networkidle');
      await dialog.getByLabel('Boligorganisation').selectOption({ label: 'Boligselskabet Viborg' });
      await dialog.getByLabel('Kommune').selectOption({ label: 'Viborg Kommune' });
      await dialog.getByLabel('Postnummer').fill('8800');
      await dialog.getByLabel('Antal beboere').fill('1234');

      // Empty name: the schema's Danish message appears at the field, and nothing is saved.
      await dialog.getByRole('button', { name: 'Gem' }).click();
      const name = dialog.getByLabel('Navn');
      await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');
      const describedBy = (await name.getAttribute('aria-describedby')) ?? '';
      const errorText = await page.evaluate(
        (ids) =>
          ids
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' '),
        describedBy,
      );
      expect(errorText).toContain('Skal udfyldes.');
      await expect(dialog.isVisible()).resolves.toBe(true);

      // A unique name, so the test can run again against the same server.
      const suffix = String(Date.now()).slice(-6);
      await name.fill(`Søndermarken Øst ${suffix}`);
      await dialog.getByRole('button', { name: 'Gem' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Boligområdet er gemt.').waitFor();

      // Lower-case partial search finds it (case-insensitive, æøå-aware).
      const partial = `ndermarken øst ${suffix}`;
      await page.getByRole('searchbox', { name: 'Søg' }).fill(partial);
      await page.waitForURL((url) => url.searchParams.get('q') === partial);
      await page.waitForLoadState('networkidle');
      await page.getByText('1 boligområde', { exact: true }).waitFor();
      await page.getByRole('cell', { name: `Søndermarken Øst ${suffix}`, exact: true }).waitFor();
      await page.getByRole('cell', { name: '1.234', exact: true }).waitFor();

      // And "houlkær" finds Houlkærvænget.
      await page.getByRole('searchbox', { name: 'Søg' }).fill('houlkær');
      await page.waitForURL((url) => url.searchParams.get('q') === 'houlkær');
      await page.waitForLoadState('networkidle');
      await page.getByRole('cell', { name: 'Houlkærvænget' }).first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('sorts by a column header and pages through the list', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await login(page, DEMO_USERS.admin);
      await open(page, '/admin/housing-areas?pageSize=10');
      const header = page.getByRole('columnheader', { name: /Antal beboere/ });
      await expect(header.getAttribute('aria-sort')).resolves.toBeNull();
      await header.getByRole('button').click();
      await page.waitForURL((url) => url.searchParams.get('sort') === 'residentsCount');
      await page.locator('th[aria-sort="ascending"]', { hasText: 'Antal beboere' }).waitFor();
      await header.getByRole('button').click();
      await page.waitForURL((url) => url.searchParams.get('dir') === 'desc');
      await page.locator('th[aria-sort="descending"]', { hasText: 'Antal beboere' }).waitFor();
      await page.waitForLoadState('networkidle');
      const counts = await page
        .locator('tbody tr td:nth-child(5)')
        .evaluateAll((tds) => tds.map((td) => Number((td.textContent ?? '').replace(/\./g, ''))));
      expect(counts.length).toBeGreaterThan(1);
      expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    } finally {
      await context.close();
    }
  });

  it('staff see the same list read-only (no create button)', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await login(page, DEMO_USERS.steering);
      await open(page, '/data/housing-areas');
      await page.getByRole('cell', { name: 'Houlkærvænget' }).first().waitFor();
      await expect(page.getByRole('button', { name: 'Opret boligområde' }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: /^Rediger / }).count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });
});
