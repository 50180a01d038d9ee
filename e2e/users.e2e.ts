import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, expectAccessible, launch, login, newContext, open } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('inviting a user', () => {
  it('the admin invites a job consultant, who sets a password from the mailed link and logs in', async () => {
    const suffix = String(Date.now()).slice(-6);
    const email = `ny.konsulent.${suffix}@jobbro.test`;
    const name = `Nanna Nyansat ${suffix}`;
    const password = `Et langt nyt kodeord ${suffix}!`;

    const admin = await newContext(browser);
    const page = await admin.newPage();
    let token = '';
    try {
      await login(page, DEMO_USERS.admin);
      await open(page, '/admin/users');
      await page.getByRole('button', { name: 'Inviter bruger' }).click();
      const dialog = page.getByRole('dialog', { name: 'Inviter bruger' });
      await dialog.waitFor();
      await dialog.getByLabel('Navn').fill(name);
      await dialog.getByLabel('E-mail').fill(email);
      await dialog.getByRole('combobox', { name: /^Rolle/ }).selectOption('job_consultant');
      // The scope picker follows the role: a job consultant belongs to a jobcenter.
      const scope = dialog.getByRole('combobox', { name: /^Jobcenter/ });
      await scope.waitFor();
      await page.waitForLoadState('networkidle');
      await dialog.getByRole('button', { name: 'Send invitation' }).click();
      await page.getByText('Skal udfyldes.').first().waitFor(); // no jobcenter chosen yet
      await scope.selectOption({ label: 'Jobcenter Viborg' });
      await dialog.getByRole('button', { name: 'Send invitation' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText(`Invitationen er sendt til ${email}.`).waitFor();

      // Demo mode: the mail is in the outbox, with the link.
      await open(page, '/admin/outbox');
      await page.getByRole('cell', { name: email }).first().waitFor();
      const mails = await page.request.get('/api/outbox?pageSize=50');
      const body = (await mails.json()) as { items: { to: string; text: string }[] };
      const mail = body.items.find((m) => m.to.includes(email));
      token = mail?.text.match(/\/invitation\/([A-Za-z0-9_-]+)/)?.[1] ?? '';
      expect(token, 'invitation link in the mail').not.toBe('');
    } finally {
      await admin.close();
    }

    const invited = await newContext(browser);
    const page2 = await invited.newPage();
    try {
      await open(page2, `/invitation/${token}`);
      await page2.getByText(`Velkommen, ${name}.`, { exact: false }).waitFor();
      await page2.getByLabel(/^Ny adgangskode/).fill('for-kort');
      await page2.getByLabel('Gentag ny adgangskode').fill('for-kort');
      await page2.getByRole('button', { name: 'Gem adgangskode' }).click();
      await page2.getByText('Adgangskoden skal være mindst 12 tegn.').waitFor();
      await page2.getByLabel(/^Ny adgangskode/).fill(password);
      await page2.getByLabel('Gentag ny adgangskode').fill(password);
      await page2.getByRole('button', { name: 'Gem adgangskode' }).click();
      await page2.waitForURL((url) => url.pathname === '/login');
      await page2.getByText('Din adgangskode er gemt. Du kan nu logge ind.').waitFor();
      await login(page2, email, password);
      await page2.locator('main').getByText('Jobkonsulent', { exact: true }).first().waitFor();
      await page2.locator('main').getByText('Jobcenter Viborg').first().waitFor();
    } finally {
      await invited.close();
    }
  });
});

describe('a company contact belongs to a company', () => {
  it('the admin invites a company contact and picks its company by searching', async () => {
    const suffix = String(Date.now()).slice(-6);
    const email = `ny.virksomhed.${suffix}@jobbro.test`;
    const name = `Vera Virksomhedskontakt ${suffix}`;
    const company = 'Houlkær Byg & Renovering (fiktiv)';
    const admin = await newContext(browser);
    const page = await admin.newPage();
    try {
      await login(page, DEMO_USERS.admin);
      await open(page, '/admin/users');
      await page.getByRole('button', { name: 'Inviter bruger' }).click();
      const dialog = page.getByRole('dialog', { name: 'Inviter bruger' });
      await dialog.waitFor();
      await dialog.getByLabel('Navn').fill(name);
      await dialog.getByLabel('E-mail').fill(email);
      await dialog.getByRole('combobox', { name: /^Rolle/ }).selectOption('company_contact');
      // The scope picker of a company contact searches the companies register.
      const picker = dialog.getByLabel(/^Virksomhed/);
      await picker.waitFor();
      await dialog.getByRole('button', { name: 'Send invitation' }).click();
      await page.getByText('Skal udfyldes.').first().waitFor(); // no company chosen yet
      await picker.fill('houlkær');
      await page.getByRole('option', { name: company }).click();
      await expectAccessible(page, 'invite form with the company picker');
      await dialog.getByRole('button', { name: 'Send invitation' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText(`Invitationen er sendt til ${email}.`).waitFor();

      await open(page, `/admin/users?q=${encodeURIComponent(name)}`);
      await page.getByRole('link', { name }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.getByRole('cell', { name: company }).waitFor();
    } finally {
      await admin.close();
    }
  });
});
