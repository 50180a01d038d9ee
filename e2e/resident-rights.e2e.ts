import { readFile } from 'node:fs/promises';
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

// The data subject's rights in Chromium: the social worker opens a person's history, downloads
// the access report (PDF), erases the person through the modal (typing the full name), and the
// person is gone from the list. The secretariat's retention list is checked too.

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

async function signedIn(role: TDemoRole): Promise<Page> {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await login(page, DEMO_USERS[role]);
  return page;
}

/** Letters only and new on every run, so the test finds exactly its own person. */
const unique = () =>
  Array.from({ length: 8 }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)]).join('');

/** Registers a person through the API in the page's session (the form is e2e'd in residents.e2e.ts). */
async function registerPerson(page: Page, firstName: string, lastName: string): Promise<string> {
  const me = await (await page.request.get('/api/me')).json();
  const areas = await (await page.request.get('/api/housing-areas?q=Houlk%C3%A6r')).json();
  const area = areas.items.find((a: { name: string }) => a.name === 'Houlkærvænget');
  const res = await page.request.post('/api/residents', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: {
      firstName,
      lastName,
      birthDate: '1991-04-12',
      postalCode: '8800',
      housingAreaId: area.id,
      skills: ['Truckcertifikat'],
      consents: [{ scope: 'sharing', textVersion: '2026-1', givenOn: '2026-01-05', method: 'paper' }],
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()).id;
}

describe('the data subject’s rights', () => {
  it('boligsocial@ downloads the access report, erases a person via the modal, and the person is gone', async () => {
    const worker = await signedIn('social_worker');
    const firstName = `Ret${unique()}`;
    const lastName = 'Sletmigsen';
    const fullName = `${firstName} ${lastName}`;
    const id = await registerPerson(worker, firstName, lastName);

    // Found through the list, opened, the history tab.
    await open(worker, '/residents');
    await worker.getByLabel('Søg på navn').fill(firstName);
    await worker.getByRole('link', { name: fullName }).click();
    await worker.waitForURL((url) => url.pathname === `/residents/${id}`);
    await worker.getByRole('heading', { level: 1, name: fullName }).waitFor();
    await worker.getByRole('tab', { name: 'Historik' }).click();
    const history = worker.getByRole('table', { name: 'Historik' });
    await history.waitFor();
    await history.getByText('Registrering i Jobbro').waitFor();
    await history.getByText('Opslag i historikken').first().waitFor();
    await settle(worker);
    await expectAccessible(worker, 'history tab');

    // The access report as a PDF download.
    const [download] = await Promise.all([
      worker.waitForEvent('download'),
      worker.getByRole('link', { name: 'Indsigt (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^jobbro-indsigt-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);

    // Erasure: irreversible, explained, and only with the full name typed.
    await worker.getByRole('button', { name: 'Slet personen' }).click();
    const dialog = worker.getByRole('dialog', { name: 'Slet personen' });
    await dialog.getByText('Sletningen kan ikke fortrydes').waitFor();
    await worker.waitForTimeout(350);
    await expectAccessible(worker, 'erase dialog');
    const confirm = dialog.getByRole('button', { name: 'Slet personen endeligt' });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    const nameField = dialog.getByLabel(/Skriv personens fulde navn/);
    await nameField.fill(firstName);
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await nameField.fill(fullName.toLowerCase());
    await dialog.getByLabel(/Begrundelse/).fill('Borgerens anmodning');
    await confirm.click();

    // Back on the list, with a message; the person is found nowhere.
    await worker.waitForURL((url) => url.pathname === '/residents');
    await worker.getByText('Personen er slettet (anonymiseret).').waitFor();
    await open(worker, `/residents?q=${encodeURIComponent(firstName)}`);
    await worker.getByText('Ingen resultater matcher din søgning eller dine filtre.').waitFor();
    await expect(worker.getByRole('link', { name: fullName }).count()).resolves.toBe(0);
    await open(worker, `/residents/${id}`);
    await worker
      .getByRole('heading', { level: 1, name: 'Beboeren findes ikke, eller du har ikke adgang' })
      .waitFor();
    await expect(worker.getByText(fullName).count()).resolves.toBe(0);
  });

  it('admin@ sees who the retention rule anonymises next, and the erasure in the audit log', async () => {
    const admin = await signedIn('admin');
    await admin.locator('#main-navigation').getByRole('link', { name: 'Sletning efter inaktivitet' }).click();
    await admin.waitForURL((url) => url.pathname === '/admin/retention');
    await admin.getByRole('heading', { level: 1, name: 'Sletning efter 24 måneder' }).waitFor();
    await settle(admin);
    // The demo has a few people not worked with for almost 24 months.
    const table = admin.getByRole('table', { name: 'Personer der anonymiseres inden for en måned' });
    await table.waitFor();
    await expect(table.locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    await expectAccessible(admin, 'retention list');

    await open(admin, '/admin/audit?action=erase');
    await admin.getByRole('table').getByText('Slettet (anonymiseret)').first().waitFor();
    await expectAccessible(admin, 'audit log, erasures');
  });
});
