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

// Follow-up after a hire (issue 6), on the demo data: read-only here (dialogs are opened and sent
// empty, so nothing is written); the end-to-end story writes on a server of its own.
describe('placements, follow-ups, escalations and retention', () => {
  it(
    'job_consultant: check-ins, the check-in dialog, placements, a placement and its dialogs',
    () =>
      withPage('job_consultant', async (page) => {
        await open(page, '/follow-ups');
        await expectAccessible(page, 'Mine opfølgninger');
        await page
          .getByRole('button', { name: /^Registrér opfølgning / })
          .first()
          .click();
        const checkIn = page.getByRole('dialog');
        await checkIn.waitFor();
        await settle(page);
        await expectAccessible(page, 'check-in dialog');
        await checkIn.getByRole('button', { name: 'Registrér', exact: true }).click();
        await checkIn.getByText('Vælg, hvordan det går.').waitFor();
        await expectAccessible(page, 'check-in dialog with errors');
        await checkIn.getByRole('button', { name: 'Annullér' }).click();
        await checkIn.waitFor({ state: 'detached' });
        await open(page, '/follow-ups?scope=all&state=done');
        await expectAccessible(page, 'recorded check-ins of all I follow');
        await open(page, '/follow-ups?due=true&q=ingen-saadan-person');
        await expectAccessible(page, 'check-ins: nothing found');

        await open(page, '/placements');
        await expectAccessible(page, 'Ansættelser');
        // A running placement: it has planned check-ins to move and can be ended.
        await open(page, '/placements?status=active');
        await page.locator('main table a[href^="/placements/"]').first().click();
        await settle(page);
        await expectAccessible(page, 'placement (professional)');
        for (const [button, label] of [
          [/^Flyt dato for opfølgning /, 'reschedule dialog'],
          ['Tilføj ekstra opfølgning', 'extra check-in dialog'],
        ] as const) {
          await page.getByRole('button', { name: button }).first().click();
          const dialog = page.getByRole('dialog');
          await dialog.waitFor();
          await settle(page);
          await expectAccessible(page, label);
          await dialog.getByRole('button', { name: 'Annullér' }).click();
          await dialog.waitFor({ state: 'detached' });
        }
        await page.getByRole('button', { name: 'Afslut forløb' }).click();
        const end = page.getByRole('dialog');
        await end.waitFor();
        await end.getByLabel(/^Hvordan sluttede forløbet/).selectOption('ended_early');
        await end.getByRole('button', { name: 'Afslut forløb' }).click();
        await end.getByText('Vælg, hvorfor forløbet stoppede.').waitFor();
        await expectAccessible(page, 'end placement dialog with errors');
        await end.getByRole('button', { name: 'Annullér' }).click();
      }),
    120_000,
  );

  it('social_worker: escalations, the resolve dialog, the resident’s placements and retention', () =>
    withPage('social_worker', async (page) => {
      await open(page, '/escalations');
      await expectAccessible(page, 'Eskaleringer');
      // The demo's open escalation (another file may have resolved it on the shared server).
      const resolveButton = page.getByRole('button', { name: /^Løs eskaleringen for / }).first();
      if ((await resolveButton.count()) > 0) {
        await resolveButton.click();
        const resolve = page.getByRole('dialog');
        await resolve.waitFor();
        await settle(page);
        await resolve.getByRole('button', { name: 'Løs', exact: true }).click();
        await page.waitForTimeout(300);
        await expectAccessible(page, 'resolve dialog with errors');
        await resolve.getByRole('button', { name: 'Annullér' }).click();
        await resolve.waitFor({ state: 'detached' });
      }
      await open(page, '/escalations?state=resolved');
      await expectAccessible(page, 'resolved escalations');

      await open(page, '/placements');
      await page.locator('main table a[href^="/placements/"]').first().click();
      await settle(page);
      await page.locator('main a[href^="/residents/"]').first().click();
      await settle(page);
      await page.getByRole('tab', { name: 'Ansættelser' }).click();
      await page.getByRole('heading', { name: /^Ansættelser for / }).waitFor();
      await settle(page);
      await expectAccessible(page, 'resident: Ansættelser tab');

      await open(page, '/reports/retention');
      await page.getByRole('table', { name: 'Pr. type: ansættelser og fastholdelse' }).waitFor();
      await expectAccessible(page, 'retention report');
    }));

  it('steering: the retention report at 375 px', () =>
    withPage(
      'steering',
      async (page) => {
        await open(page, '/reports/retention');
        await page.getByRole('heading', { level: 2, name: 'Sådan er tallene opgjort' }).waitFor();
        await expectAccessible(page, 'retention report, steering, 375 px');
      },
      375,
    ));

  it('company_contact: its placements, a placement with the follow-up dates and "Noget går skævt"', () =>
    withPage('company_contact', async (page) => {
      await open(page, '/placements');
      await expectAccessible(page, 'company: Ansættelser');
      await page.locator('main table a[href^="/placements/"]').first().click();
      await settle(page);
      await page.getByRole('table', { name: 'Jobcentrets opfølgning' }).waitFor();
      await expectAccessible(page, 'company: placement');
      const flag = page.getByRole('button', { name: 'Noget går skævt' });
      if ((await flag.count()) > 0) {
        await flag.click();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        await dialog.getByRole('button', { name: 'Send besked' }).click();
        await page.waitForTimeout(300);
        await expectAccessible(page, 'company: "Noget går skævt" with errors');
        await dialog.getByRole('button', { name: 'Annullér' }).click();
      }
    }));
});
