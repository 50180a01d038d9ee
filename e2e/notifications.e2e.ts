import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, expectAccessible, launch, login, newContext, open } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

describe('notifications', () => {
  it('shows the bell with its unread count, the list page and its empty state, accessibly', async () => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 375, height: 800 },
    ]) {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await login(page, DEMO_USERS.job_consultant);
      const bell = page.getByRole('link', { name: /^Notifikationer, \d+ ulæste?$/ });
      await expect(bell.isVisible()).resolves.toBe(true);
      await bell.click();
      await page.waitForURL((url) => url.pathname === '/notifications');
      await open(page, '/notifications');
      await page.getByRole('heading', { level: 1, name: 'Notifikationer' }).waitFor();
      await page.getByText('Kun ulæste').click();
      await page.waitForURL((url) => url.searchParams.get('unread') === 'true');
      await expectAccessible(page, `notifications ${viewport.width}px`);
      await context.close();
    }
  });
});
