import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, expectAccessible, fillDate, launch, login, newContext, open } from './support.ts';

// The steering page (issue 7 items 1 and 7) in Chromium, on the demo data: styregruppe@ sees
// Viborg's group with its mandate and chair, this year's goals with traffic lights in words, and
// seed 000's pilot milestones beside Viborg's own. A goal without a KPI is refused at its field
// in Danish; a goal and a milestone are added, the milestone marked reached, and both removed
// again. Housing staff read the page without write actions. axe finds nothing on any of it.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function asUser<T>(email: string, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await newContext(browser);
  const page = await context.newPage();
  try {
    await login(page, email);
    return await run(page);
  } finally {
    await context.close();
  }
}

const GROUP = 'Styregruppen for Partnerskab om job – Viborg';

describe('the steering page', () => {
  it('styregruppe@ sees the group, goals with traffic lights and the milestones, and adds and removes a goal and a milestone', async () => {
    await asUser(DEMO_USERS.steering, async (page) => {
      await open(page, '/');
      await page.locator('#main-navigation').getByRole('link', { name: 'Styregruppe' }).click();
      await page.waitForURL((url) => url.pathname === '/steering');
      await page.getByRole('heading', { level: 1, name: 'Styregruppe' }).waitFor();
      await page.getByRole('heading', { level: 2, name: GROUP }).waitFor();
      await page
        .getByRole('region', { name: GROUP })
        .getByText(/sætter mål og rammer for jobskabelsen i Viborg/)
        .waitFor();
      const members = page.locator('#main').getByRole('listitem').filter({ hasText: 'Stine Styregruppe' });
      await members.getByText('– Formand').waitFor();

      // Goals: the KPI, the target and the traffic light in words.
      const goals = page.getByRole('table', { name: 'Mål' });
      await goals.getByText('Beboere ansat hos boligforeningernes leverandører', { exact: true }).waitFor();
      await goals.getByText('Flere beboere i beskæftigelse i Houlkærvænget').waitFor();
      const statuses = await goals
        .locator('tbody tr td:nth-child(7)')
        .evaluateAll((cells) => cells.map((c) => c.textContent?.trim() ?? ''));
      expect(statuses.length).toBe(6);
      for (const s of statuses)
        expect(['På sporet', 'Tæt på', 'Bagud', 'Ukendt', 'Ikke startet']).toContain(s);

      // Milestones: seed 000's pilot plan (the whole programme's) before Viborg's own.
      const milestones = page.getByRole('region', { name: 'Milepæle' }).getByRole('listitem');
      await milestones.first().waitFor();
      const first = await milestones.first().textContent();
      expect(first).toContain('31.01.2020');
      expect(first).toContain('Hele programmet');
      expect(first).toContain('Nået');
      // Steering writes Viborg's milestones, not the programme's.
      await expect(
        milestones
          .first()
          .getByRole('button', { name: /^Rediger/ })
          .count(),
      ).resolves.toBe(0);
      await expectAccessible(page, 'steering page (styregruppe)');

      // A goal without a KPI is refused at its field, in Danish.
      await page.getByRole('button', { name: 'Tilføj mål' }).click();
      const dialog = page.getByRole('dialog', { name: 'Tilføj mål' });
      await dialog.waitFor();
      await dialog.getByLabel('Titel').fill('Lærlinge fra Houlkærvænget-renoveringen');
      await dialog.getByRole('button', { name: 'Gem' }).click();
      await dialog.getByText('Vælg et nøgletal.').waitFor();
      await expectAccessible(page, 'goal dialog with field errors');
      await dialog.getByLabel('Nøgletal').selectOption({ label: 'Ansættelser af en bestemt type' });
      await dialog.getByRole('button', { name: 'Gem' }).click();
      await dialog.getByText('Vælg typen af jobåbning.').waitFor();
      await dialog.getByLabel('Type jobåbning').selectOption({ label: 'Lærlingeplads' });
      await dialog.getByLabel('Målværdi').fill('2');
      await dialog.getByLabel('Ansvarlig (navn)').fill('Boligselskabet Viborg');
      await dialog.getByRole('button', { name: 'Gem' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = goals.getByRole('row', { name: /Lærlinge fra Houlkærvænget-renoveringen/ });
      await row.waitFor();
      expect(await row.textContent()).toContain('Lærlingeplads');
      await row.getByRole('button', { name: 'Slet Lærlinge fra Houlkærvænget-renoveringen' }).click();
      await page.getByRole('dialog', { name: 'Slet mål' }).getByRole('button', { name: 'Slet' }).click();
      await row.waitFor({ state: 'detached' });

      // A milestone of Viborg's: added, marked reached today, removed.
      await page.getByRole('button', { name: 'Tilføj milepæl' }).click();
      const mDialog = page.getByRole('dialog', { name: 'Tilføj milepæl' });
      await mDialog.getByRole('textbox', { name: /^Milepæl/ }).fill('Jobmesse i Houlkærvænget afholdt');
      await fillDate(mDialog.getByLabel(/^Dato/), '01.03.2020');
      await mDialog.getByLabel(/^Ansvarlig/).fill('Boligsocial Helhedsplan Viborg');
      await expectAccessible(page, 'milestone dialog');
      await mDialog.getByRole('button', { name: 'Gem' }).click();
      await mDialog.waitFor({ state: 'hidden' });
      const item = page.getByRole('listitem').filter({ hasText: 'Jobmesse i Houlkærvænget afholdt' });
      await item.getByText('Overskredet').waitFor();
      await item.getByRole('button', { name: 'Markér som nået: Jobmesse i Houlkærvænget afholdt' }).click();
      await item.getByText(/Nået \d\d\.\d\d\.\d{4}/).waitFor();
      await expect(item.getByText('Overskredet').count()).resolves.toBe(0);
      await item.getByRole('button', { name: 'Slet Jobmesse i Houlkærvænget afholdt' }).click();
      await page.getByRole('dialog', { name: 'Slet milepæl' }).getByRole('button', { name: 'Slet' }).click();
      await item.waitFor({ state: 'detached' });
    });
  });

  it('admin@ edits any group and sets up new ones; a group without a partnership is refused at its field', async () => {
    await asUser(DEMO_USERS.admin, async (page) => {
      await open(page, '/steering');
      await page.getByRole('heading', { level: 2, name: GROUP }).waitFor();
      await page.getByRole('table', { name: 'Mål' }).waitFor();
      await page.getByRole('button', { name: 'Rediger navn og mandat' }).click();
      const edit = page.getByRole('dialog', { name: 'Rediger navn og mandat' });
      await expect(edit.getByRole('textbox', { name: /^Navn/ }).inputValue()).resolves.toBe(GROUP);
      await expectAccessible(page, 'steering group dialog');
      await edit.getByRole('button', { name: 'Annullér' }).click();
      await edit.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: 'Nedsæt styregruppe' }).click();
      const create = page.getByRole('dialog', { name: 'Nedsæt styregruppe' });
      await create.getByRole('button', { name: 'Gem' }).click();
      await create.getByText('Vælg et partnerskab.').waitFor();
      await create.getByText('Skal udfyldes.').waitFor();
      await expectAccessible(page, 'new steering group dialog with field errors');
    });
  });

  it('bolig@ reads the page without any write action', async () => {
    await asUser(DEMO_USERS.housing_staff, async (page) => {
      await open(page, '/steering');
      await page.getByRole('heading', { level: 2, name: GROUP }).waitFor();
      await page.getByRole('table', { name: 'Mål' }).waitFor();
      await page.getByRole('region', { name: 'Milepæle' }).getByRole('listitem').first().waitFor();
      await expect(page.getByRole('button', { name: 'Tilføj mål' }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: 'Tilføj milepæl' }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: /^Rediger/ }).count()).resolves.toBe(0);
      await expectAccessible(page, 'steering page (housing staff)');
    });
  });
});
