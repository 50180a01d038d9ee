import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const DEMO_PASSWORD = 'Jobbro-Demo-2026!';

export const DEMO_USERS = {
  admin: 'admin@jobbro.test',
  housing_staff: 'bolig@jobbro.test',
  social_worker: 'boligsocial@jobbro.test',
  job_consultant: 'jobkonsulent@jobbro.test',
  steering: 'styregruppe@jobbro.test',
  company_contact: 'virksomhed@jobbro.test',
} as const;
export type TDemoRole = keyof typeof DEMO_USERS;

export function baseUrl(): string {
  return inject('baseUrl');
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newContext(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
  /** Another server than the shared one (a test that starts its own, see jobbro-server.ts). */
  origin: string = baseUrl(),
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: origin,
    viewport,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
  });
}

/** Logs in through the login form and waits for the start page. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { level: 1, name: /^Velkommen/ }).waitFor();
}

/** Goes to a page and waits until its data has loaded. */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await settle(page);
}

export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('h1').first().waitFor();
  // Let Mantine's transitions (modals, skeletons) finish so colours are final.
  await page.waitForTimeout(350);
}

/** yyyy-mm-dd → dd.mm.yyyy, as the date fields show and take dates. */
export function danishDateText(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * Types a date into a date field (a text field taking dd.mm.yyyy, with a calendar) and leaves it
 * with Tab, as a keyboard user does: the calendar closes and the text is shown as dd.mm.yyyy.
 */
export async function fillDate(field: Locator, text: string): Promise<void> {
  await field.fill(text);
  await field.press('Tab');
}

/** The hrefs of the main navigation. */
export async function navHrefs(page: Page): Promise<string[]> {
  return page
    .locator('#main-navigation a')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Waits for every finite CSS transition and animation to end (spinners run forever: skipped). */
async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/**
 * axe with the WCAG 2.1 A/AA tags; prints every violation before failing. A dialog or a toast
 * fading in has its colours half-blended for 200 ms, and axe would measure those: it runs once
 * the page is still, and a contrast finding is measured again after a moment, since a toast may
 * start to fade in while axe runs. A real violation is there both times.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const analyse = async () => {
    await animationsSettled(page);
    return new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  };
  let result = await analyse();
  if (result.violations.some((v) => v.id === 'color-contrast')) {
    await page.waitForTimeout(500);
    result = await analyse();
  }
  if (result.violations.length > 0) {
    const text = result.violations
      .map(
        (v) =>
          `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes
            .slice(0, 5)
            .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`)
            .join('\n')}`,
      )
      .join('\n');
    console.error(`axe violations on ${label} (${page.url()}):\n${text}`);
  }
  expect(
    result.violations.map((v) => `${v.id}: ${v.nodes.length}`),
    `axe violations on ${label}`,
  ).toEqual([]);
}
