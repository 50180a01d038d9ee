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

// Issue 4's story in Chromium: the social worker registers a resident with consent (a)+(b), the
// job consultant finds them through consent (a), and once (a) is withdrawn the consultant can no
// longer open the profile, nor find the person in the list — on the very next request.

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

/** Differs between runs against the same server, so no test depends on another's data. */
const unique = () =>
  `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`.replace(
    /\d/g,
    (d) => 'abcdefghij'[Number(d)] ?? '',
  );

const NO_ACCESS = 'Beboeren findes ikke, eller du har ikke adgang';

describe('residents with consent', () => {
  it('boligsocial@ registers with (a)+(b); jobkonsulent@ finds the person until (a) is withdrawn', async () => {
    const firstName = `Testa ${unique()}`;
    const fullName = `${firstName} Beboersen`;

    // The social worker registers the person through the form.
    const worker = await signedIn('social_worker');
    await worker.locator('#main-navigation').getByRole('link', { name: 'Beboere' }).click();
    await worker.waitForURL((url) => url.pathname === '/residents');
    await settle(worker);
    await worker.getByRole('heading', { level: 1, name: 'Beboere' }).waitFor();
    await expectAccessible(worker, 'residents list');

    await worker.getByRole('link', { name: 'Registrér beboer' }).click();
    await worker.waitForURL((url) => url.pathname === '/residents/new');
    await settle(worker);
    await expectAccessible(worker, 'register form (empty)');

    // Sent empty: Danish messages at the fields, focus on the first, still accessible.
    const main = worker.locator('main');
    await main.getByRole('button', { name: 'Registrér beboer' }).click();
    await worker.getByRole('alert').filter({ hasText: 'Ret' }).first().waitFor();
    await expect(main.getByLabel(/^Fornavn/).getAttribute('aria-invalid')).resolves.toBe('true');
    await main.getByText('Vælg et boligområde eller »Uden for boligområderne«.').waitFor();
    await expectAccessible(worker, 'register form (with errors)');

    await main.getByLabel(/^Fornavn/).fill(firstName);
    await main.getByLabel(/^Efternavn/).fill('Beboersen');
    await fillDate(main.getByLabel(/^Fødselsdato/), '01.05.1990');
    await main.getByLabel(/^Postnummer/).fill('8800');
    await main.getByLabel(/^Boligområde/).selectOption({ label: 'Houlkærvænget' });
    await main.getByLabel(/^Kompetencer/).fill('Truckcertifikat');
    await main.getByLabel(/^Kompetencer/).press('Enter');
    // Health-related needs are locked until the explicit consent is ticked.
    await expect(
      main.getByRole('checkbox', { name: 'Helbredsrelateret', exact: true }).isDisabled(),
    ).resolves.toBe(true);
    await main.getByRole('checkbox', { name: 'Transport', exact: true }).check();

    // Consents (a) and (b), each with its text to read.
    await main.getByLabel('(a) Deling mellem jobcenter og boligsocial helhedsplan').check();
    await main.getByLabel('(b) Matchning og forslag til arbejdsgivere').check();
    await main.getByRole('button', { name: /Læs samtykketeksten: Samtykke til deling/ }).click();
    await main.getByText(/må udveksle oplysninger om mig/).waitFor();
    await expect(main.getByLabel(/^Dato for samtykket/).inputValue()).resolves.toMatch(/^\d\d\.\d\d\.\d{4}$/);
    await main.getByRole('button', { name: 'Registrér beboer' }).click();

    await worker.waitForURL((url) => /^\/residents\/[0-9a-f-]{36}$/.test(url.pathname));
    const profilePath = new URL(worker.url()).pathname;
    await settle(worker);
    await worker.getByRole('heading', { level: 1, name: fullName }).waitFor();
    await main.getByText('Houlkærvænget').waitFor();
    await main.getByText('01.05.1990', { exact: false }).waitFor();
    await expectAccessible(worker, 'profile tab');

    await worker.getByRole('tab', { name: 'Samtykke' }).click();
    await worker.getByRole('table', { name: 'Samtykkehistorik' }).waitFor();
    await expect(
      worker.getByRole('table', { name: 'Samtykkehistorik' }).getByText('Aktivt').count(),
    ).resolves.toBe(2);
    await expectAccessible(worker, 'consent tab');
    await worker.getByRole('button', { name: 'Giv samtykke' }).click();
    const dialog = worker.getByRole('dialog', { name: 'Giv samtykke' });
    await dialog.getByText(/må udveksle oplysninger om mig/).waitFor();
    await worker.waitForTimeout(350);
    await expectAccessible(worker, 'give-consent dialog');
    await dialog.getByRole('button', { name: 'Annullér' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await worker.getByRole('tab', { name: 'Noter' }).click();
    await worker.getByLabel('Ny note').fill('Første samtale holdt i beboerrådgivningen.');
    await worker.getByRole('button', { name: 'Tilføj note' }).click();
    await worker.getByText('Første samtale holdt i beboerrådgivningen.').waitFor();
    // Let the "saved" toast finish fading in, so axe reads its final colours.
    await worker.getByText('Noten er gemt.').waitFor();
    await worker.waitForTimeout(500);
    await expectAccessible(worker, 'notes tab');

    // "Redigér" opens the same form, filled in; saving goes back to the profile.
    await worker.getByRole('tab', { name: 'Profil' }).click();
    await worker.getByRole('link', { name: 'Redigér' }).click();
    await worker.getByRole('heading', { level: 1, name: 'Redigér beboer' }).waitFor();
    await settle(worker);
    await expect(main.getByLabel(/^Fornavn/).inputValue()).resolves.toBe(firstName);
    await main.getByLabel(/^Telefon/).fill('+4522334455');
    await main.getByRole('button', { name: 'Gem ændringer' }).click();
    await worker.waitForURL((url) => url.pathname === profilePath);
    await main.getByText('+4522334455').waitFor();

    // The expiring-consents list is linked from the residents list.
    await open(worker, '/residents');
    await worker.getByRole('link', { name: 'Samtykker, der udløber' }).click();
    await worker.getByRole('heading', { level: 1, name: 'Samtykker, der udløber' }).waitFor();
    await settle(worker);
    await expectAccessible(worker, 'expiring consents');
    await open(worker, `${profilePath}?tab=consent`);

    // The job consultant finds the person through consent (a) and opens the profile.
    const consultant = await signedIn('job_consultant');
    await open(consultant, '/residents');
    await consultant.getByLabel('Søg på navn').fill(firstName);
    const link = consultant.getByRole('link', { name: fullName });
    await link.waitFor();
    await link.click();
    await consultant.waitForURL((url) => url.pathname === profilePath);
    await consultant.getByRole('heading', { level: 1, name: fullName }).waitFor();

    // The social worker withdraws (a): it takes effect at once.
    await worker.getByRole('button', { name: 'Træk tilbage: samtykke a' }).click();
    const confirm = worker.getByRole('dialog', { name: 'Træk samtykket tilbage?' });
    await confirm.getByText(/med det samme/).waitFor();
    await confirm.getByRole('button', { name: 'Træk tilbage' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await worker
      .getByRole('table', { name: 'Samtykkehistorik' })
      .getByText('Trukket tilbage')
      .first()
      .waitFor();

    // The consultant's next request: no profile (no hint that it exists), and gone from the list.
    await consultant.reload();
    await consultant.getByRole('heading', { level: 1, name: NO_ACCESS }).waitFor();
    await expect(consultant.getByText(fullName).count()).resolves.toBe(0);
    await open(consultant, `/residents?q=${encodeURIComponent(firstName)}`);
    await consultant.getByText('Ingen resultater matcher din søgning eller dine filtre.').waitFor();
    await expect(consultant.getByRole('link', { name: fullName }).count()).resolves.toBe(0);

    // The social worker still sees the person (own side).
    await open(worker, profilePath);
    await worker.getByRole('heading', { level: 1, name: fullName }).waitFor();
  });

  it('bolig@ (housing staff) has no residents in the navigation and is refused the list', async () => {
    const staff = await signedIn('housing_staff');
    expect(await navHrefs(staff)).not.toContain('/residents');
    await staff.goto('/residents');
    await staff.getByRole('heading', { level: 1, name: 'Ingen adgang' }).waitFor();
  });
});
