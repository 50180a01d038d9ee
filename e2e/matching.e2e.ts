import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, expectAccessible, launch, login, newContext, open, type TDemoRole } from './support.ts';

// Matching in Chromium (issue 5): the job consultant opens a demo opening's "Kandidater" tab and
// sees ranked candidates with reasons, the exclusion summary and an expandable breakdown; the
// resident's "Jobforslag" tab; the secretariat's weights page with a preview. axe at zero.

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

async function openingId(page: Page, title: string): Promise<string> {
  const list = await (await page.request.get('/api/openings?pageSize=200')).json();
  const found = (list.items as { id: string; title: string }[]).find((o) => o.title === title);
  expect(found, title).toBeDefined();
  return found!.id;
}

describe('matching', () => {
  it('shows a demo opening’s ranked candidates with reasons, the left-out summary and a breakdown', async () => {
    const page = await signedIn('job_consultant');
    const id = await openingId(page, 'Tømrerlærling – Houlkærvænget');
    await open(page, `/openings/${id}`);
    await page.getByRole('tab', { name: 'Kandidater' }).click();
    await page.getByRole('heading', { name: 'Rangerede kandidater' }).waitFor();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('candidates');

    const rows = page.getByRole('region', { name: 'Rangerede kandidater' }).locator('ol > li');
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    const first = rows.first();
    // Other e2e files propose on the same demo data (a proposed person is listed apart), so the
    // best carpenter may be gone: the best left still wants carpentry or a neighbouring trade.
    await expect(first.textContent()).resolves.toMatch(
      /Interesseret i .+ – (samme fag|beslægtet fag|samme faggruppe)/,
    );
    // The score bar is a named meter with its value in words, and the number is visible.
    const bar = first.getByRole('progressbar');
    await expect(bar.getAttribute('aria-valuetext')).resolves.toMatch(/^\d{1,3},\d %$/);
    await expect(first.textContent()).resolves.toMatch(/\d{1,3},\d %/);

    const excluded = page.getByRole('region', { name: 'Ikke med – og hvorfor' });
    await expect(excluded.textContent()).resolves.toMatch(/\d+ uden samtykke til virksomheder/);

    await first.getByRole('button', { name: 'Vis beregning' }).click();
    const table = first.getByRole('table');
    await table.waitFor();
    for (const label of ['Fag', 'Kompetencer', 'Nærhed', 'Ventetid']) {
      expect(await table.getByRole('rowheader', { name: label }).count()).toBe(1);
    }
    await expect(
      first.getByRole('button', { name: 'Skjul beregning' }).getAttribute('aria-expanded'),
    ).resolves.toBe('true');
    await expectAccessible(page, 'Kandidater');

    // "Foreslå" opens the dialog with an optional note; cancelling leaves nothing behind.
    await first.getByRole('button', { name: /^Foreslå / }).click();
    const dialog = page.getByRole('dialog', { name: 'Foreslå kandidat' });
    await dialog.getByLabel('Note (valgfri)').waitFor();
    await expectAccessible(page, 'Foreslå-dialogen');
    await dialog.getByRole('button', { name: 'Annullér' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('shows a resident’s fitting openings and why not', async () => {
    const page = await signedIn('job_consultant');
    const id = await openingId(page, 'Tømrerlærling – Houlkærvænget');
    const ranked = await (await page.request.get(`/api/openings/${id}/candidates?limit=1`)).json();
    const residentId = ranked.candidates[0].residentId as string;
    await open(page, `/residents/${residentId}?tab=openings`);
    await page.getByRole('heading', { name: 'Jobåbninger, der passer' }).waitFor();
    await page.getByRole('link', { name: 'Tømrerlærling – Houlkærvænget' }).first().waitFor();
    await page.getByRole('heading', { name: 'Hvorfor ikke?' }).waitFor();
    await expectAccessible(page, 'Jobforslag');
  });

  it('lets the secretariat preview and explain the weights, naming nobody', async () => {
    const page = await signedIn('admin');
    await open(page, '/admin/matching');
    await page.getByRole('heading', { level: 1, name: 'Matching: vægte' }).waitFor();
    await page.getByLabel('Partnerskab').selectOption({ label: 'Partnerskab om job – Viborg' });
    const occupation = page.getByLabel('Fag', { exact: true });
    await occupation.waitFor();
    await occupation.fill('0,05');
    await page.getByLabel('Nærhed', { exact: true }).fill('0,6');
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    const preview = page.getByRole('region', { name: 'Forhåndsvisning' });
    await preview.waitFor();
    await preview.getByRole('table').first().waitFor();
    await expect(preview.textContent()).resolves.toMatch(/Kandidat 1/);
    await expect(preview.textContent()).resolves.toMatch(/af top 10 skifter/);
    await expectAccessible(page, 'Matching-vægte med forhåndsvisning');

    // Zero everywhere is refused at the field, in Danish.
    for (const label of [
      'Fag',
      'Kompetencer',
      'Timer og tidspunkter',
      'Nærhed',
      'Parathed',
      'Startdato',
      'Ventetid',
    ]) {
      await page.getByLabel(label, { exact: true }).fill('0');
    }
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Mindst én vægt skal være større end 0.').waitFor();
    await page.getByRole('button', { name: 'Nulstil til standard' }).click();
    await expect(occupation.inputValue()).resolves.toBe('0,3');
  });
});
