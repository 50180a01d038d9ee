import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, expectAccessible, launch, login, newContext, open, settle } from './support.ts';

// The company portal in Chromium, with axe on every page and dialog: virksomhed@ (Viborg
// El-service) sees its openings with their pipeline, follows a count to the candidate the demo
// sent it, reads the consented profile and opens each answer's dialog, where the field errors
// show in Danish. Nothing is sent that succeeds: the shared demo data stays as it is (the invite
// and hire themselves are the end-to-end story's, follow-up-story.e2e.ts).

const OPENING = 'Elektrikerlærling';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await (await newContext(browser)).newPage();
  await login(page, DEMO_USERS.company_contact);
});
afterAll(async () => browser?.close());

describe('company portal', () => {
  it('shows the openings with their pipeline, and a count leads to the waiting candidate', async () => {
    await open(page, '/openings');
    await page.getByRole('columnheader', { name: 'Afventer svar' }).waitFor();
    await expectAccessible(page, 'company: openings with pipeline');
    const link = page.getByRole('link', { name: new RegExp(`kandidat(er)? afventer svar – ${OPENING}$`) });
    await link.click();
    await page.waitForURL(
      (url) => url.pathname === '/company/proposals' && url.searchParams.has('openingId'),
    );
    await settle(page);
    await expect(page.getByLabel('Status').inputValue()).resolves.toBe('sent_to_company');
    const row = page.getByRole('row').filter({ hasText: OPENING });
    await row.first().waitFor();
    await expectAccessible(page, 'company: Kandidater, filtered');
  });

  it('shows the consented profile and opens each answer with its field errors', async () => {
    await open(page, '/company/proposals');
    await page.getByRole('row').filter({ hasText: OPENING }).first().getByRole('link').first().click();
    await page.waitForURL((url) => /^\/company\/proposals\/[0-9a-f-]{36}$/.test(url.pathname));
    await settle(page);
    await page.getByRole('heading', { level: 2, name: 'Kandidatens profil' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Erfaring' }).waitFor();
    await expectAccessible(page, 'company: candidate');

    // Inviter til samtale, sent empty: the date and time are asked for at the fields.
    await page.getByRole('button', { name: 'Inviter til samtale' }).click();
    const invite = page.getByRole('dialog', { name: 'Inviter til samtale' });
    await invite.waitFor();
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await invite.getByText('Skriv tidspunktet som tt:mm.').waitFor();
    await expectAccessible(page, 'company: invite dialog with errors');
    await invite.getByRole('button', { name: 'Annullér' }).click();
    await invite.waitFor({ state: 'hidden' });

    // Ansæt with the end before the start: said at the end date, in Danish.
    await page.getByRole('button', { name: 'Ansæt' }).click();
    const hire = page.getByRole('dialog', { name: /^Ansæt/ });
    await hire.waitFor();
    await hire.getByLabel(/^Startdato/).fill('01.03.2030');
    await hire.getByLabel(/^Startdato/).press('Tab');
    await hire.getByLabel(/^Slutdato/).fill('01.02.2030');
    await hire.getByLabel(/^Slutdato/).press('Tab');
    await hire.getByLabel(/^Timer pr\. uge/).fill('37');
    await hire.getByRole('button', { name: 'Ansæt' }).click();
    await hire.getByText('Slutdatoen ligger før startdatoen.').waitFor();
    await expectAccessible(page, 'company: hire dialog with errors');
    await hire.getByRole('button', { name: 'Annullér' }).click();
    await hire.waitFor({ state: 'hidden' });

    // Sig nej tak with "Andet" and no text: the text is asked for.
    await page.getByRole('button', { name: 'Sig nej tak' }).click();
    const decline = page.getByRole('dialog', { name: 'Sig nej tak' });
    await decline.waitFor();
    await decline.getByLabel(/^Begrundelse/).selectOption('other');
    await decline.getByRole('button', { name: 'Sig nej tak' }).click();
    await decline.getByText('Skriv begrundelsen, når du vælger "Andet".').waitFor();
    await expectAccessible(page, 'company: decline dialog with errors');
    await decline.getByRole('button', { name: 'Annullér' }).click();
    await decline.waitFor({ state: 'hidden' });

    // Nothing was sent: the candidate still waits for an answer.
    await open(page, '/company/proposals?status=sent_to_company');
    await page.getByRole('row').filter({ hasText: OPENING }).first().waitFor();
  });

  it('says so when a filter finds nothing, and the professionals have no portal', async () => {
    await open(page, '/company/proposals?status=hired&q=ingen-s%C3%A5dan-kandidat');
    await expectAccessible(page, 'company: Kandidater, nothing found');
    const consultant = await (await newContext(browser)).newPage();
    await login(consultant, DEMO_USERS.job_consultant);
    const res = await consultant.request.get('/api/company/proposals');
    expect(res.status()).toBe(403);
  });
});
