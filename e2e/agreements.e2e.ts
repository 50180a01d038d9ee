import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_USERS,
  expectAccessible,
  fillDate,
  launch,
  login,
  navHrefs,
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

/** The Danish message shown at a field (Mantine links it with aria-describedby). */
async function fieldError(page: Page, label: string | RegExp): Promise<string> {
  const input = page.getByRole('dialog').getByLabel(label).first();
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

/** A titled section of a page (SectionCard: a <section> with its heading). */
function section(page: Page, heading: string) {
  return page.locator('section').filter({ has: page.getByRole('heading', { name: heading, exact: true }) });
}

const COMPANY = 'Viborg El-service (fiktiv)';
const TITLE = `Lærlingeaftale ${String(Date.now()).slice(-6)}`;

describe('partnership agreements', () => {
  it('bolig@ creates an agreement with one commitment; it shows on the detail and company pages', () =>
    withPage('housing_staff', async (page) => {
      expect(await navHrefs(page)).toContain('/agreements');
      await open(page, '/agreements');
      await page.getByRole('heading', { level: 1, name: 'Partnerskabsaftaler' }).waitFor();
      await expectAccessible(page, 'agreement list');

      await page.getByRole('button', { name: 'Opret aftale' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Opret aftale' });
      await dialog.waitFor();
      // The user's own organisation is chosen already.
      await dialog.getByText('Boligselskabet Viborg').first().waitFor();
      await dialog.getByLabel(/^Virksomhed/).fill('El-service');
      await page.getByRole('option', { name: COMPANY }).click();
      await dialog.getByLabel(/^Titel/).fill(TITLE);
      await fillDate(dialog.getByLabel(/^Gælder fra/), '01.01.2027');
      await fillDate(dialog.getByLabel(/^Gælder til/), '31.12.2026');
      await fillDate(dialog.getByLabel(/^Underskrevet den/), '20.11.2026');
      await dialog.getByLabel(/^Type/).selectOption({ label: 'Lærlinge' });
      await dialog.getByLabel(/^Antal/).fill('2');
      await dialog.getByRole('button', { name: 'Gem' }).click();
      expect(await fieldError(page, /^Gælder til/)).toContain('Slutdatoen skal ligge efter startdatoen.');
      await settle(page);
      await expectAccessible(page, 'agreement form with a field error');

      await fillDate(dialog.getByLabel(/^Gælder til/), '31.12.2028');
      await dialog.getByRole('button', { name: 'Gem' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await settle(page);
      await page.getByText('2 lærlinge om året').waitFor();
      await page.getByText('Aktiv', { exact: true }).first().waitFor();
      await page.getByText('01.01.2027 – 31.12.2028').waitFor();
      await expectAccessible(page, 'agreement page');

      // Shown on the company's page too.
      await page.getByRole('link', { name: COMPANY }).click();
      await page.getByRole('heading', { level: 1, name: COMPANY }).waitFor();
      await settle(page);
      const agreements = section(page, 'Partnerskabsaftaler');
      await agreements.getByRole('link', { name: TITLE }).waitFor();
      await agreements.getByText('2 lærlinge om året').waitFor();
      await expectAccessible(page, 'company page with its agreements');

      // The list finds it by the company's name.
      await open(page, '/agreements');
      await page.getByRole('searchbox', { name: 'Søg' }).fill('el-service');
      await page.waitForURL((url) => url.searchParams.get('q') === 'el-service');
      await page.waitForLoadState('networkidle');
      await page.getByRole('link', { name: TITLE }).waitFor();
    }));

  it('virksomhed@ sees the agreement on its own company page, without edit buttons', () =>
    withPage('company_contact', async (page) => {
      await page
        .getByRole('navigation', { name: 'Hovedmenu' })
        .getByRole('link', { name: 'Min virksomhed' })
        .click();
      await page.getByRole('heading', { level: 1, name: COMPANY }).waitFor();
      await settle(page);
      const agreements = section(page, 'Partnerskabsaftaler');
      await agreements.getByRole('link', { name: TITLE }).click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await settle(page);
      await page.getByText('2 lærlinge om året').waitFor();
      await expect(page.getByRole('button', { name: 'Rediger aftale' }).count()).resolves.toBe(0);
      await expectAccessible(page, 'agreement page (company contact)');
    }));
});

describe('recipients of openings (referral contacts)', () => {
  it('admin@ chooses a job consultant for Viborg, saves, and removes the choice again', () =>
    withPage('admin', async (page) => {
      await open(page, '/admin/partnerships');
      await page
        .getByRole('link', { name: 'Modtagere af jobåbninger for Partnerskab om job – Viborg' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Modtagere af jobåbninger' }).waitFor();
      await settle(page);
      await page
        .getByText(
          'Uden valgte modtagere får alle jobkonsulenter og boligsociale medarbejdere i partnerskabet jobåbningerne.',
        )
        .waitFor();
      await expectAccessible(page, 'referral contacts');

      const consultants = section(page, 'Jobkonsulenter');
      await consultants
        .getByLabel('Person')
        .selectOption({ label: 'Jens Jobkonsulent (jobkonsulent@jobbro.test)' });
      await consultants.getByRole('button', { name: 'Tilføj' }).click();
      await consultants.getByRole('cell', { name: 'Jens Jobkonsulent', exact: true }).waitFor();
      await page.getByText('Du har ændringer, der ikke er gemt.').waitFor();
      await page.getByRole('button', { name: 'Gem modtagere' }).click();
      await page.getByText('Modtagerne er gemt.').waitFor();

      await page.reload();
      await settle(page);
      await consultants.getByRole('cell', { name: 'Jens Jobkonsulent', exact: true }).waitFor();
      await consultants.getByRole('cell', { name: 'Hele partnerskabet', exact: true }).waitFor();
      await expectAccessible(page, 'referral contacts with a saved recipient');

      // Back to the default (everyone), so other flows see the demo set-up.
      await consultants.getByRole('button', { name: 'Fjern Jens Jobkonsulent (Hele partnerskabet)' }).click();
      await page.getByRole('button', { name: 'Gem modtagere' }).click();
      await page.getByText('Modtagerne er gemt.').waitFor();
      await consultants
        .getByText('Ingen valgt: alle jobkonsulenter i partnerskabets kommune får jobåbningerne.')
        .waitFor();
    }));
});
