import { readFile } from 'node:fs/promises';
import { tinyPdf } from '@server/test/uploads.ts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, expectAccessible, launch, login, newContext, open, settle } from './support.ts';

// Issue 4 item 1 in Chromium: the social worker uploads a PDF CV for a resident, sees it in the
// CV tab and downloads the very same file; a wrong file is refused at the field; the profile form
// gains an experience entry (checked at its fields) and a responsible job consultant.

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

async function signedIn(): Promise<Page> {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await login(page, DEMO_USERS.social_worker);
  return page;
}

/** Letters only and new on every run, so the test finds exactly its own person. */
const unique = () =>
  Array.from({ length: 8 }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)]).join('');

/** Registers a person through the API in the page's session (the form is e2e'd in residents.e2e.ts). */
async function registerPerson(page: Page, firstName: string): Promise<string> {
  const me = await (await page.request.get('/api/me')).json();
  const areas = await (await page.request.get('/api/housing-areas?q=Houlk%C3%A6r')).json();
  const area = areas.items.find((a: { name: string }) => a.name === 'Houlkærvænget');
  const res = await page.request.post('/api/residents', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: {
      firstName,
      lastName: 'Cvsen',
      birthDate: '1993-02-11',
      postalCode: '8800',
      housingAreaId: area.id,
      skills: ['Truckcertifikat'],
      occupationIds: ['lagermedarbejder'],
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()).id;
}

describe('a resident’s CV', () => {
  it('boligsocial@ uploads a PDF, sees and downloads it, and adds an experience entry', async () => {
    const page = await signedIn();
    const firstName = `Cv${unique()}`;
    const id = await registerPerson(page, firstName);
    const main = page.locator('main');

    await open(page, `/residents/${id}`);
    await page.getByRole('tab', { name: 'CV' }).click();
    await main.getByText('Der er ikke uploadet et CV.').waitFor();
    const fileInput = main.locator('input[type="file"]');

    // A wrong type is caught before anything is sent; a file that only claims to be a PDF is
    // refused by the server; both at the field.
    await fileInput.setInputFiles({
      name: 'cv.doc',
      mimeType: 'application/msword',
      buffer: Buffer.alloc(100),
    });
    await main.getByRole('button', { name: 'Upload CV' }).click();
    await main.getByText('Filen skal være en PDF eller et Word-dokument (DOCX).').waitFor();
    await fileInput.setInputFiles({
      name: 'cv.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('Det her er ikke en PDF.'),
    });
    await main.getByRole('button', { name: 'Upload CV' }).click();
    await main.getByText('Filen skal være en PDF eller et Word-dokument (DOCX).').waitFor();
    await expect(main.getByText('Der er ikke uploadet et CV.').isVisible()).resolves.toBe(true);
    await settle(page);
    await expectAccessible(page, 'CV tab (with an error)');

    // The real PDF.
    const pdf = tinyPdf(`${firstName} Cvsen`);
    await fileInput.setInputFiles({ name: `CV ${firstName}.pdf`, mimeType: 'application/pdf', buffer: pdf });
    await main.getByRole('button', { name: 'Upload CV' }).click();
    await page.getByText("CV'et er gemt.").waitFor();
    await main.getByText(`CV ${firstName}.pdf`).waitFor();
    await main.getByText(`${pdf.length} byte`).waitFor();
    await main.getByText(/^\d\d\.\d\d\.\d{4} af Sara Socialrådgiver$/).waitFor();
    await page.waitForTimeout(500);
    await expectAccessible(page, 'CV tab (with a CV)');

    // The download is the very file uploaded.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      main.getByRole('link', { name: 'Hent CV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`CV ${firstName}.pdf`);
    expect((await readFile((await download.path())!)).equals(pdf)).toBe(true);

    // The structured CV links to the form, where an experience entry is added.
    await main.getByRole('link', { name: 'Redigér erfaring og kompetencer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Redigér beboer' }).waitFor();
    await settle(page);
    // The link lands at the experience section, further down the form.
    await expect
      .poll(() =>
        main.locator('#experiences').evaluate((el) => {
          const box = el.getBoundingClientRect();
          // Below the fixed header (64 px), not under it.
          return box.top >= 64 && box.top < window.innerHeight / 2;
        }),
      )
      .toBe(true);
    await main.getByRole('button', { name: 'Tilføj erfaring' }).click();
    const entry = main.getByRole('group', { name: 'Erfaring 1' });
    // The new entry's first field has the focus.
    await expect
      .poll(() => entry.getByLabel(/^Stilling eller opgave/).evaluate((el) => el === document.activeElement))
      .toBe(true);
    await entry.getByLabel('Fra år').fill('2021');
    await entry.getByLabel(/^Til år/).fill('2019');
    await main.getByRole('button', { name: 'Gem ændringer' }).click();
    await entry.getByText('Skal udfyldes.').waitFor();
    await entry.getByText('Slutåret ligger før startåret.').waitFor();
    await expectAccessible(page, 'resident form (experience with errors)');
    await entry.getByLabel(/^Stilling eller opgave/).fill('Pakkeriassistent');
    await entry.getByLabel('Arbejdsgiver').fill('Viborg Grossisten');
    await entry.getByLabel(/^Til år/).fill('2023');
    await main.getByLabel('Ansvarlig jobkonsulent').selectOption({ label: 'Jens Jobkonsulent' });
    await expectAccessible(page, 'resident form (experience filled in)');
    await main.getByRole('button', { name: 'Gem ændringer' }).click();
    await page.waitForURL((url) => url.pathname === `/residents/${id}`);
    await settle(page);
    await main.getByText('Jens Jobkonsulent').waitFor();

    await page.getByRole('tab', { name: 'CV' }).click();
    await main
      .getByRole('listitem')
      .filter({ hasText: 'Pakkeriassistent, Viborg Grossisten (2021–2023)' })
      .waitFor();

    // Delete, after a confirmation.
    await main.getByRole('button', { name: 'Slet CV' }).click();
    const dialog = page.getByRole('dialog', { name: "Slet CV'et?" });
    await dialog.getByText(/Erfaring og kompetencer i profilen bliver stående/).waitFor();
    await page.waitForTimeout(350);
    await expectAccessible(page, 'delete-CV dialog');
    await dialog.getByRole('button', { name: 'Slet CV' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await main.getByText('Der er ikke uploadet et CV.').waitFor();
    const after = await page.request.get(`/api/residents/${id}/cv`);
    expect(after.status()).toBe(404);
  });
});
