import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, expectAccessible, launch, login, newContext, open, settle } from './support.ts';

// Issue 4 item 3 in Chromium: jobkonsulent@ screens a demo resident (Stepping Stones), sees the
// target group with its reason, and opens the "due for screening" list from the residents list.

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

async function signedIn(email: string): Promise<Page> {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await login(page, email);
  return page;
}

interface TListed {
  id: string;
  age?: number;
  canEdit: boolean;
  view: string;
}

describe('Stepping Stones screening', () => {
  it('jobkonsulent@ screens a resident into target group 2 and opens the due list', async () => {
    const page = await signedIn(DEMO_USERS.job_consultant);
    // A person the consultant may screen: professional view, 18-64 years old.
    const listed = await page.request.get('/api/residents?pageSize=100');
    expect(listed.status()).toBe(200);
    const person = ((await listed.json()).items as TListed[]).find(
      (r) => r.view === 'professional' && r.canEdit && r.age !== undefined && r.age >= 18 && r.age <= 64,
    );
    expect(person, 'a demo resident aged 18-64 that jobkonsulent@ can edit').toBeDefined();

    await open(page, `/residents/${person!.id}?tab=screening`);
    await page.getByRole('heading', { level: 2, name: 'Screening (Stepping Stones)' }).waitFor();
    await expectAccessible(page, 'screening tab');

    await page.getByRole('button', { name: 'Ny screening' }).click();
    const form = page.getByRole('region', { name: 'Ny screening' });
    await form.waitFor();
    // Saving the empty form: Danish errors at the fields, nothing sent.
    await form.getByRole('button', { name: 'Gem screening' }).click();
    await form.getByText('Vælg motivation 1-5.').waitFor();
    await form.getByText('Vælg erfaring.').waitFor();
    await expectAccessible(page, 'screening form with errors');

    await form.getByLabel(/^Motivation/).selectOption('4');
    await form.getByLabel(/^Timer om ugen/).fill('10');
    await form.getByLabel(/^Tidligere arbejde/).selectOption('1_to_5_years');
    await form.getByLabel(/^Dansk/).selectOption('3');
    await form.getByLabel(/^Helbredsbegrænsninger/).selectOption('none');
    await form.getByLabel('Transport').check();
    // The live preview says where the person lands before saving.
    const preview = form.getByRole('status');
    await preview.getByText('Målgruppe 2 – gradvis tilknytning gennem småjob').waitFor();
    await preview.getByText('Kan arbejde under 20 timer om ugen.').waitFor();
    await form.getByRole('button', { name: 'Gem screening' }).click();
    await form.waitFor({ state: 'hidden' });

    const latest = page.getByRole('region', { name: 'Seneste screening' });
    await latest.getByText('Målgruppe 2 – gradvis tilknytning gennem småjob').waitFor();
    await latest.getByText('Kan arbejde under 20 timer om ugen.').waitFor();
    await latest.getByText(/^Næste screening: /).waitFor();
    await page.getByRole('table', { name: 'Screeninger, nyeste først' }).waitFor();
    await settle(page);
    await expectAccessible(page, 'screening tab with a result');

    // The due list is linked from the residents list.
    await open(page, '/residents');
    await page.getByRole('link', { name: 'Screening forfalden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Screening forfalden' }).waitFor();
    await settle(page);
    await expectAccessible(page, 'screenings due');
  });
});
