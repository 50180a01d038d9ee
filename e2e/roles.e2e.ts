import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_USERS, launch, login, navHrefs, newContext, type TDemoRole } from './support.ts';

// Each demo user logs in and sees the navigation of its role, decided by the shared policy.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const ADMIN_PAGES = [
  '/admin/partnerships',
  '/admin/housing-organisations',
  '/admin/housing-areas',
  '/admin/jobcenters',
  '/admin/social-housing-plans',
  '/admin/municipalities',
  '/admin/users',
  '/admin/audit',
  '/admin/matching',
  '/admin/retention',
  '/admin/evaluation-export',
  '/admin/outbox',
];
const DATA_PAGES = [
  '/data/partnerships',
  '/data/housing-organisations',
  '/data/housing-areas',
  '/data/jobcenters',
  '/data/social-housing-plans',
];

const EXPECTED: Record<TDemoRole, { present: string[]; absent: string[]; roleLabel: string }> = {
  admin: {
    present: ['/', ...ADMIN_PAGES, '/account/password'],
    absent: DATA_PAGES,
    roleLabel: 'Sekretariat (administrator)',
  },
  housing_staff: {
    present: ['/', ...DATA_PAGES, '/account/password'],
    absent: ADMIN_PAGES,
    roleLabel: 'Boligorganisation',
  },
  social_worker: {
    present: ['/', ...DATA_PAGES, '/account/password'],
    absent: ADMIN_PAGES,
    roleLabel: 'Boligsocial medarbejder',
  },
  job_consultant: {
    present: ['/', ...DATA_PAGES, '/account/password'],
    absent: ADMIN_PAGES,
    roleLabel: 'Jobkonsulent',
  },
  steering: {
    present: ['/', ...DATA_PAGES, '/account/password'],
    absent: ADMIN_PAGES,
    roleLabel: 'Styregruppe',
  },
  company_contact: {
    present: ['/', '/account/password'],
    absent: [...ADMIN_PAGES, ...DATA_PAGES],
    roleLabel: 'Virksomhed',
  },
};
// Partnership agreements are shown on both sides: the organisations' staff and the company.
for (const role of [
  'admin',
  'housing_staff',
  'social_worker',
  'job_consultant',
  'company_contact',
] as const) {
  EXPECTED[role].present = [...EXPECTED[role].present, '/agreements'];
}
EXPECTED.steering.absent = [...EXPECTED.steering.absent, '/agreements'];
// The method's lists: housing staff work with assignments, dialogues and clauses, social workers
// and job consultants read them. A company reads its own on its company page; dialogues are
// internal to the housing side; steering sees aggregates only.
const METHOD_PAGES = ['/assignments', '/job-dialogues', '/social-clauses'];
for (const role of ['admin', 'housing_staff', 'social_worker', 'job_consultant'] as const) {
  EXPECTED[role].present = [...EXPECTED[role].present, ...METHOD_PAGES];
}
for (const role of ['company_contact', 'steering'] as const) {
  EXPECTED[role].absent = [...EXPECTED[role].absent, ...METHOD_PAGES];
}
// Openings: everyone who works with them, the company contact too (its own only); not steering.
for (const role of [
  'admin',
  'housing_staff',
  'social_worker',
  'job_consultant',
  'company_contact',
] as const) {
  EXPECTED[role].present = [...EXPECTED[role].present, '/openings'];
}
EXPECTED.steering.absent = [...EXPECTED.steering.absent, '/openings'];
// Residents: the two professional roles and the secretariat; never housing staff, companies or steering.
for (const role of ['admin', 'social_worker', 'job_consultant'] as const) {
  EXPECTED[role].present = [...EXPECTED[role].present, '/residents'];
}
for (const role of ['housing_staff', 'company_contact', 'steering'] as const) {
  EXPECTED[role].absent = [...EXPECTED[role].absent, '/residents'];
}
// The bias report: aggregates with small counts suppressed, so steering sees it; the two
// professional roles and the secretariat too; housing staff and companies do not.
for (const role of ['admin', 'social_worker', 'job_consultant', 'steering'] as const) {
  EXPECTED[role].present = [...EXPECTED[role].present, '/reports/bias'];
}
for (const role of ['housing_staff', 'company_contact'] as const) {
  EXPECTED[role].absent = [...EXPECTED[role].absent, '/reports/bias'];
}

// Proposals and the allocation plan: casework of the two professional roles only (issue 5).
for (const role of ['social_worker', 'job_consultant'] as const) {
  EXPECTED[role].present = [...EXPECTED[role].present, '/proposals', '/allocations'];
}
for (const role of ['admin', 'housing_staff', 'company_contact', 'steering'] as const) {
  EXPECTED[role].absent = [...EXPECTED[role].absent, '/proposals', '/allocations'];
}

// Follow-up after a hire (issue 6): check-ins and escalations are the professionals' casework;
// placements theirs and the company's (its own); retention is an aggregate, so steering sees it.
for (const role of ['social_worker', 'job_consultant'] as const) {
  EXPECTED[role].present = [...EXPECTED[role].present, '/follow-ups', '/placements', '/escalations'];
}
EXPECTED.company_contact.present = [...EXPECTED.company_contact.present, '/placements'];
for (const role of ['admin', 'housing_staff', 'company_contact', 'steering'] as const) {
  EXPECTED[role].absent = [...EXPECTED[role].absent, '/follow-ups', '/escalations'];
}
for (const role of ['admin', 'housing_staff', 'steering'] as const) {
  EXPECTED[role].absent = [...EXPECTED[role].absent, '/placements'];
}
for (const role of ['admin', 'social_worker', 'job_consultant', 'steering'] as const) {
  EXPECTED[role].present = [...EXPECTED[role].present, '/reports/retention'];
}
for (const role of ['housing_staff', 'company_contact'] as const) {
  EXPECTED[role].absent = [...EXPECTED[role].absent, '/reports/retention'];
}
// Area indicators (issue 7): aggregates about areas, so every staff role (steering too) reads them.
for (const role of ['admin', 'housing_staff', 'social_worker', 'job_consultant', 'steering'] as const) {
  EXPECTED[role].present = [...EXPECTED[role].present, '/indicators'];
}
EXPECTED.company_contact.absent = [...EXPECTED.company_contact.absent, '/indicators'];

// Partnership reports (issue 7): whoever sees a partnership's figures asks for them; not companies.
for (const role of ['admin', 'housing_staff', 'social_worker', 'job_consultant', 'steering'] as const) {
  EXPECTED[role].present = [...EXPECTED[role].present, '/reports'];
}
EXPECTED.company_contact.absent = [...EXPECTED.company_contact.absent, '/reports'];

describe('each demo user sees the navigation of its role', () => {
  for (const role of Object.keys(DEMO_USERS) as TDemoRole[]) {
    it(`${DEMO_USERS[role]} (${role})`, async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      try {
        await login(page, DEMO_USERS[role]);
        const hrefs = await navHrefs(page);
        for (const p of EXPECTED[role].present) expect(hrefs, `${role} should see ${p}`).toContain(p);
        for (const p of EXPECTED[role].absent) expect(hrefs, `${role} should not see ${p}`).not.toContain(p);
        // The start page says who they are, with the Danish role label.
        await expect(
          page.getByText(EXPECTED[role].roleLabel, { exact: true }).first().isVisible(),
        ).resolves.toBe(true);
        await expect(page.locator('main').getByText(DEMO_USERS[role]).first().isVisible()).resolves.toBe(
          true,
        );
        // A page outside the role is refused with a clear message, not a blank page.
        if (role !== 'admin') {
          await page.goto('/admin/users');
          await page.getByRole('heading', { level: 1, name: 'Ingen adgang' }).waitFor();
        }
        // Logging out ends the session: the app goes back to the login page.
        await page.getByRole('button', { name: 'Log ud' }).click();
        await page.waitForURL((url) => url.pathname === '/login');
        await page.goto('/');
        await page.waitForURL((url) => url.pathname === '/login');
      } finally {
        await context.close();
      }
    });
  }
});

describe('login errors', () => {
  it('a wrong password shows the Danish error in an alert', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await page.goto('/login');
      await page.getByLabel('E-mail').fill('admin@jobbro.test');
      await page.getByLabel('Adgangskode').fill('forkert-adgangskode');
      await page.getByRole('button', { name: 'Log ind' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'Forkert e-mail eller adgangskode.' });
      await alert.waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
    } finally {
      await context.close();
    }
  });

  it('empty fields are flagged at the fields before anything is sent', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await page.goto('/login');
      await page.getByRole('button', { name: 'Log ind' }).click();
      await expect(page.getByLabel('E-mail').getAttribute('aria-invalid')).resolves.toBe('true');
      await page.getByText('Ugyldig e-mailadresse.').waitFor();
    } finally {
      await context.close();
    }
  });

  it('too many failures for one account show the rate-limit message', async () => {
    const email = 'ratelimit-test@jobbro.test';
    for (let i = 0; i < 5; i++) {
      await fetch(`${baseUrl()}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'wrong-password-123' }),
      });
    }
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await page.goto('/login');
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Adgangskode').fill('wrong-password-123');
      await page.getByRole('button', { name: 'Log ind' }).click();
      await page.getByRole('alert').filter({ hasText: 'For mange loginforsøg' }).waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('keyboard and small screens', () => {
  it('Tab reaches the skip link first, and it moves to the main content', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await login(page, DEMO_USERS.admin);
      await page.goto('/admin/housing-areas');
      await page.locator('h1').waitFor();
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({
        text: document.activeElement?.textContent,
        href: document.activeElement?.getAttribute('href'),
      }));
      expect(focused).toEqual({ text: 'Gå til hovedindhold', href: '#main' });
      await page.keyboard.press('Enter');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
      // Also on the public login page.
      await context.clearCookies();
      await page.goto('/login');
      await page.locator('h1').waitFor();
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
        'Gå til hovedindhold',
      );
    } finally {
      await context.close();
    }
  });

  it('at 375 px the burger opens the navigation', async () => {
    const context = await newContext(browser, { width: 375, height: 812 });
    const page = await context.newPage();
    try {
      await login(page, DEMO_USERS.admin);
      const link = page.locator('#main-navigation').getByRole('link', { name: 'Boligområder' });
      // Closed: the navigation is off-screen (and inert, so Tab does not wander into it).
      await expect(link.evaluate((el) => el.getBoundingClientRect().right <= 0)).resolves.toBe(true);
      const burger = page.getByRole('button', { name: 'Åbn menu' });
      await burger.click();
      await page.waitForTimeout(400);
      await expect(link.evaluate((el) => el.getBoundingClientRect().left >= 0)).resolves.toBe(true);
      await link.click();
      await page.waitForURL((url) => url.pathname === '/admin/housing-areas');
      await page.getByRole('heading', { level: 1, name: 'Boligområder' }).waitFor();
      // The menu closes again after choosing a page; no horizontal page scroll at 375 px.
      await page.getByRole('button', { name: 'Åbn menu' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });

  it('the language switch shows English and remembers it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await login(page, DEMO_USERS.steering);
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
      await expect(page.getByText('Steering group', { exact: true }).first().isVisible()).resolves.toBe(true);
    } finally {
      await context.close();
    }
  });
});
