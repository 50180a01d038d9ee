import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_USERS,
  expectAccessible,
  launch,
  login,
  newContext,
  open,
  settle,
  type TDemoRole,
} from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function withPage(role: TDemoRole, fn: (page: Page) => Promise<void>) {
  const context: BrowserContext = await newContext(browser);
  const page = await context.newPage();
  try {
    await login(page, DEMO_USERS[role]);
    await fn(page);
  } finally {
    await context.close();
  }
}

/** A valid CVR (modulus 11) that differs between runs against the same server. */
function freshCvr(): string {
  const weights = [2, 7, 6, 5, 4, 3, 2];
  for (let n = Date.now() % 1_000_000; ; n++) {
    const base = String(5_000_000 + (n % 4_000_000));
    const sum = [...base].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
    const check = (11 - (sum % 11)) % 11;
    if (check < 10) return `${base}${check}`;
  }
}

async function fieldError(page: Page, label: string): Promise<string> {
  const input = page.getByRole('dialog').getByLabel(label, { exact: false }).first();
  await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  return page.evaluate(
    (ids) =>
      ids
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    describedBy,
  );
}

describe('companies', () => {
  it('admin creates a company (invalid CVR first), opens its page and finds it by search', () =>
    withPage('admin', async (page) => {
      await open(page, '/companies');
      await page.getByRole('link', { name: 'Houlkær Byg & Renovering (fiktiv)' }).waitFor();
      await expectAccessible(page, 'company list');

      await page.getByRole('button', { name: 'Opret virksomhed' }).click();
      const dialog = page.getByRole('dialog', { name: 'Opret virksomhed' });
      await dialog.waitFor();
      const suffix = String(Date.now()).slice(-6);
      await dialog.getByLabel('CVR-nummer').fill('12345678');
      await dialog.getByLabel('Navn').fill(`Testfirma Ærøskøbing ${suffix}`);
      await dialog.getByLabel('By').fill('Viborg');
      await dialog.getByRole('button', { name: 'Gem' }).click();
      expect(await fieldError(page, 'CVR-nummer')).toContain('Ugyldigt CVR-nummer');
      await expectAccessible(page, 'company form with a field error');

      await dialog.getByLabel('CVR-nummer').fill(freshCvr());
      await dialog.getByRole('button', { name: 'Gem' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('heading', { level: 1, name: `Testfirma Ærøskøbing ${suffix}` }).waitFor();
      await settle(page);

      await open(page, '/companies');
      await page.getByRole('searchbox', { name: 'Søg' }).fill(`ærøskøbing ${suffix}`);
      await page.waitForURL((url) => url.searchParams.get('q') === `ærøskøbing ${suffix}`);
      await page.waitForLoadState('networkidle');
      await page.getByText('1 virksomhed', { exact: true }).waitFor();
      await page.getByRole('link', { name: `Testfirma Ærøskøbing ${suffix}` }).waitFor();
    }));

  it('the company page (contacts, status history, notes) and a status change pass axe', () =>
    withPage('housing_staff', async (page) => {
      await open(page, '/companies');
      await page.getByRole('link', { name: 'Houlkær Byg & Renovering (fiktiv)' }).click();
      await page.getByRole('heading', { level: 1, name: 'Houlkær Byg & Renovering (fiktiv)' }).waitFor();
      await settle(page);
      await page.getByRole('cell', { name: 'Henrik Holm', exact: true }).waitFor();
      await page.getByText('Oprettet som Emne').waitFor();
      await expectAccessible(page, 'company page');
      await page.getByLabel('Ny status').selectOption({ label: 'Sat på pause' });
      await page.getByLabel('Begrundelse (valgfri)').fill('Afventer næste udbud.');
      await page.getByRole('button', { name: 'Skift status' }).click();
      await page.getByText('Aftale → Sat på pause').waitFor();
      await page.getByText('Afventer næste udbud.').waitFor();
      await page.getByLabel('Ny note').fill('Ringede om lærlinge.');
      await page.getByRole('button', { name: 'Tilføj note' }).click();
      await page.getByText('Ringede om lærlinge.').waitFor();
      await settle(page);
      await expectAccessible(page, 'company page after a status change and a note');
      // Companies of other partnerships are not in this user's list.
      await open(page, '/companies?q=randers');
      await page.getByText('Ingen resultater', { exact: false }).waitFor();
    }));

  it('the import wizard: upload, preview with row errors, confirm', () =>
    withPage('admin', async (page) => {
      await open(page, '/companies/import');
      await expectAccessible(page, 'import wizard (upload)');
      const cvr = freshCvr();
      const csv = `CVR;Navn;By;Størrelse\n${cvr};Import Test ${cvr};Randers;10-49\n12345678;Forkert;Randers;mange\n`;
      await page.getByLabel('Fil (CSV eller XLSX)').setInputFiles({
        name: 'virksomheder.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      });
      await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
      await page.getByText('2 rækker: 1 nye', { exact: false }).waitFor();
      await page.getByText('Ugyldigt CVR-nummer', { exact: false }).waitFor();
      await settle(page);
      await expectAccessible(page, 'import wizard (preview)');
      await page.getByRole('button', { name: 'Gem 1 gyldig række' }).click();
      await page.getByText('Gemt: 1 nye', { exact: false }).waitFor();
      await settle(page);
      await expectAccessible(page, 'import wizard (result)');
    }));

  it('virksomhed@ sees only its own company', () =>
    withPage('company_contact', async (page) => {
      await page
        .getByRole('navigation', { name: 'Hovedmenu' })
        .getByRole('link', { name: 'Min virksomhed' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Viborg El-service (fiktiv)' }).waitFor();
      await settle(page);
      await expectAccessible(page, 'own company page');
      const res = await page.request.get('/api/companies');
      const body = (await res.json()) as { items: { name: string }[] };
      expect(body.items.map((c) => c.name)).toEqual(['Viborg El-service (fiktiv)']);
      await open(page, '/companies');
      await expect(
        page.getByRole('link', { name: 'Houlkær Byg & Renovering (fiktiv)' }).count(),
      ).resolves.toBe(0);
    }));
});
