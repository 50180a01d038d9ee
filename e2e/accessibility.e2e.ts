import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
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

// axe (WCAG 2.1 A + AA) on every page of the client, as each role sees it, including open
// dialogs and error states. Zero violations is the bar.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function withPage(role: TDemoRole | null, fn: (page: Page) => Promise<void>, width = 1280) {
  const context: BrowserContext = await newContext(browser, { width, height: 900 });
  const page = await context.newPage();
  try {
    if (role) await login(page, DEMO_USERS[role]);
    await fn(page);
  } finally {
    await context.close();
  }
}

describe('public pages', () => {
  it('login, with and without an error', () =>
    withPage(null, async (page) => {
      await open(page, '/login');
      await expectAccessible(page, 'login');
      await page.getByLabel('E-mail').fill('admin@jobbro.test');
      await page.getByLabel('Adgangskode').fill('forkert-adgangskode');
      await page.getByRole('button', { name: 'Log ind' }).click();
      await page.getByRole('alert').waitFor();
      await page.waitForTimeout(300);
      await expectAccessible(page, 'login with error');
      await page.getByLabel('E-mail').fill('');
      await page.getByRole('button', { name: 'Log ind' }).click();
      await page.waitForTimeout(300);
      await expectAccessible(page, 'login with field errors');
    }));

  it('invitation page with a bad token', () =>
    withPage(null, async (page) => {
      await open(page, '/invitation/this-token-does-not-exist-at-all-000000');
      await page.getByRole('alert').waitFor();
      await expectAccessible(page, 'invitation (bad token)');
    }));

  it('accessibility statement and 404', () =>
    withPage(null, async (page) => {
      await open(page, '/tilgaengelighed');
      await expectAccessible(page, 'tilgængelighedserklæring');
      await open(page, '/findes/ikke');
      await expectAccessible(page, '404');
    }));

  it('login at 375 px', () =>
    withPage(
      null,
      async (page) => {
        await open(page, '/login');
        await expectAccessible(page, 'login 375 px');
      },
      375,
    ));
});

const ADMIN_LISTS = [
  ['/admin/partnerships', 'Opret partnerskab'],
  ['/admin/housing-organisations', 'Opret boligorganisation'],
  ['/admin/housing-areas', 'Opret boligområde'],
  ['/admin/jobcenters', 'Opret jobcenter'],
  ['/admin/social-housing-plans', 'Opret helhedsplan'],
  ['/admin/municipalities', 'Opret kommune'],
] as const;

describe('admin pages', () => {
  it(
    'start page, reference lists and their create dialogs (with field errors)',
    () =>
      withPage('admin', async (page) => {
        await settle(page);
        await expectAccessible(page, 'admin start');
        for (const [path, create] of ADMIN_LISTS) {
          await open(page, path);
          await expectAccessible(page, path);
          await page.getByRole('button', { name: create }).first().click();
          const dialog = page.getByRole('dialog');
          await dialog.waitFor();
          await page.waitForLoadState('networkidle');
          await page.waitForTimeout(400);
          await expectAccessible(page, `${path} create dialog`);
          await dialog.getByRole('button', { name: 'Gem' }).click();
          await page.waitForTimeout(300);
          await expectAccessible(page, `${path} create dialog with errors`);
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'detached' });
        }
      }),
    150_000,
  );

  it('edit dialog, delete confirmation, search and sort state', () =>
    withPage('admin', async (page) => {
      await open(page, '/admin/housing-areas?q=vester&sort=residentsCount&dir=desc');
      await expectAccessible(page, 'housing areas searched and sorted');
      await page.getByRole('button', { name: 'Rediger Vestervang' }).click();
      await page.getByRole('dialog').waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(400);
      await expectAccessible(page, 'edit dialog');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Slet Vestervang' }).click();
      await page.getByRole('dialog').waitFor();
      await page.waitForTimeout(400);
      await expectAccessible(page, 'delete confirmation');
      await page.keyboard.press('Escape');
      await open(page, '/admin/housing-areas?q=ingen-saadan-omraade');
      await page.getByText('Ingen resultater').waitFor();
      await expectAccessible(page, 'empty search result');
    }));

  it('users, invite dialog, user detail, audit log, outbox, password', () =>
    withPage('admin', async (page) => {
      await open(page, '/admin/users');
      await expectAccessible(page, 'users');
      await page.getByRole('button', { name: 'Inviter bruger' }).click();
      await page.getByRole('dialog').waitFor();
      await page.waitForTimeout(400);
      await page
        .getByRole('dialog')
        .getByRole('combobox', { name: /^Rolle/ })
        .selectOption('housing_staff');
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, 'invite dialog');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await page.waitForTimeout(300);
      await expectAccessible(page, 'invite dialog with errors');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      await page.locator('table a[href^="/admin/users/"]').first().click();
      await settle(page);
      await expectAccessible(page, 'user detail');
      await page.getByRole('combobox', { name: /^Rolle/ }).selectOption('job_consultant');
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, 'user detail with membership form');

      await open(page, '/admin/audit');
      await expectAccessible(page, 'audit log');
      await page.getByLabel('Handling').selectOption('login');
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      await expectAccessible(page, 'audit log filtered');

      await open(page, '/admin/outbox');
      await expectAccessible(page, 'outbox');
      await open(page, '/account/password');
      await expectAccessible(page, 'change password');
      await page.getByRole('button', { name: 'Skift adgangskode' }).last().click();
      await page.waitForTimeout(300);
      await expectAccessible(page, 'change password with errors');
      await open(page, '/tilgaengelighed');
      await expectAccessible(page, 'accessibility statement (signed in)');
      await open(page, '/findes/ikke');
      await expectAccessible(page, '404 (signed in)');
    }));

  it('English, and the open menu at 375 px', () =>
    withPage(
      'admin',
      async (page) => {
        await page.getByRole('button', { name: 'Åbn menu' }).click();
        await page.waitForTimeout(400);
        await expectAccessible(page, 'admin start 375 px with menu open');
        await page.getByRole('button', { name: 'Switch to English' }).click();
        await page.getByRole('button', { name: 'Close menu' }).click();
        await open(page, '/admin/housing-areas');
        await expectAccessible(page, 'housing areas in English at 375 px');
      },
      375,
    ));
});

describe('staff and company pages', () => {
  for (const role of ['housing_staff', 'social_worker', 'job_consultant', 'steering'] as const) {
    it(`${role}: start page, read-only lists and password page`, () =>
      withPage(role, async (page) => {
        await settle(page);
        await expectAccessible(page, `${role} start`);
        const lists =
          role === 'housing_staff'
            ? [
                '/data/partnerships',
                '/data/housing-organisations',
                '/data/housing-areas',
                '/data/jobcenters',
                '/data/social-housing-plans',
              ]
            : ['/data/housing-areas'];
        for (const path of lists) {
          await open(page, path);
          await expectAccessible(page, `${role} ${path}`);
        }
        await open(page, '/account/password');
        await expectAccessible(page, `${role} password`);
        await open(page, '/admin/users');
        await expectAccessible(page, `${role} no access`);
      }));
  }

  it('company_contact: start page and password page', () =>
    withPage('company_contact', async (page) => {
      await settle(page);
      await expectAccessible(page, 'company start');
      await open(page, '/account/password');
      await expectAccessible(page, 'company password');
    }));
});
