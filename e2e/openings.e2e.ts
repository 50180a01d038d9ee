import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, expectAccessible, launch, login, newContext, open } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

async function unreadCount(page: Page): Promise<number> {
  const res = await page.request.get('/api/notifications/unread-count');
  return (await res.json()).count;
}

describe('an opening reaches the job consultant and the housing social worker at once', () => {
  it('bolig@ registers an opening; jobkonsulent@ and boligsocial@ see the bell rise and open it', async () => {
    const consultant = await (await newContext(browser)).newPage();
    await login(consultant, DEMO_USERS.job_consultant);
    const worker = await (await newContext(browser)).newPage();
    await login(worker, DEMO_USERS.social_worker);
    const before = { consultant: await unreadCount(consultant), worker: await unreadCount(worker) };

    const staff = await (await newContext(browser)).newPage();
    await login(staff, DEMO_USERS.housing_staff);
    const me = await (await staff.request.get('/api/me')).json();
    const companies = await (await staff.request.get('/api/companies?pageSize=1')).json();
    expect(companies.total).toBeGreaterThan(0);
    const created = await staff.request.post('/api/openings', {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        companyId: companies.items[0].id,
        type: 'apprentice',
        title: 'Tømrerlærling i Houlkærvænget',
        occupationId: 'toemrer',
        hoursPerWeek: 37,
        startDate: '2027-02-01',
        positions: 1,
        postalCode: '8800',
        city: 'Viborg',
      },
    });
    expect(created.status()).toBe(201);
    const opening = await created.json();

    for (const [page, was] of [
      [consultant, before.consultant],
      [worker, before.worker],
    ] as const) {
      await page.reload();
      await page.getByRole('link', { name: new RegExp(`^Notifikationer, ${was + 1} ulæste?$`) }).click();
      await open(page, '/notifications');
      await page.getByRole('link', { name: 'Ny jobåbning: Tømrerlærling i Houlkærvænget' }).first().click();
      await page.waitForURL((url) => url.pathname === `/openings/${opening.id}`);
      await page.getByRole('heading', { level: 1, name: 'Tømrerlærling i Houlkærvænget' }).waitFor();
      await page.getByText('Henvist til').waitFor();
      await expectAccessible(page, 'opening page');
    }
    await consultant.getByRole('button', { name: 'Skift til: Samtaler' }).click();
    await consultant.getByRole('heading', { name: 'Status: Samtaler' }).waitFor();
  });
});
