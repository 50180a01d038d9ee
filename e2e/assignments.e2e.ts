import { addDays, danishDate } from '@domain/time.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_USERS,
  danishDateText,
  expectAccessible,
  fillDate,
  launch,
  login,
  newContext,
  open,
  settle,
} from './support.ts';

// The main story (seed 001, "the method"): buying work is the moment to ask for jobs, and
// an opening goes at once to the job consultant and the housing social worker.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const COMPANY = 'Houlkær Byg & Renovering (fiktiv)';
const suffix = Date.now().toString(36);
const today = danishDate(new Date());

async function unreadCount(page: Page): Promise<number> {
  const res = await page.request.get('/api/notifications/unread-count');
  return (await res.json()).count;
}

async function loggedIn(email: string): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  await login(page, email);
  return page;
}

/** Registers an assignment through the API (for the stories that start after that step). */
async function createAssignment(page: Page, title: string): Promise<{ id: string; jobDialogueId: string }> {
  const me = await (await page.request.get('/api/me')).json();
  const companies = await (
    await page.request.get(`/api/companies?q=${encodeURIComponent('Houlkær')}`)
  ).json();
  const company = companies.items.find((c: { name: string }) => c.name === COMPANY);
  expect(company, `${COMPANY} in the demo data`).toBeTruthy();
  const res = await page.request.post('/api/assignments', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: {
      companyId: company.id,
      kind: 'maintenance',
      title,
      startDate: today,
      endDate: addDays(today, 364),
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

describe('the method: an assignment, its job dialogue and the opening that comes of it', () => {
  it('bolig@ registers an assignment, asks for an apprentice and refers the opening; jobkonsulent@ and boligsocial@ see it at once', async () => {
    const consultant = await loggedIn(DEMO_USERS.job_consultant);
    const worker = await loggedIn(DEMO_USERS.social_worker);
    const before = { consultant: await unreadCount(consultant), worker: await unreadCount(worker) };

    const staff = await loggedIn(DEMO_USERS.housing_staff);
    const title = `Renovering af altaner ${suffix}`;

    // The assignments list, reached from the navigation.
    await staff.locator('#main-navigation').getByRole('link', { name: 'Opgaver' }).click();
    await staff.waitForURL((url) => url.pathname === '/assignments');
    await settle(staff);
    await staff.getByRole('heading', { level: 1, name: 'Opgaver' }).waitFor();
    await expectAccessible(staff, 'assignments list');

    await staff.getByRole('button', { name: 'Ny opgave' }).first().click();
    const dialog = staff.getByRole('dialog', { name: 'Ny opgave' });
    await dialog.waitFor();
    // Nothing filled in: Danish messages at the fields, nothing sent.
    await dialog.getByRole('button', { name: 'Gem og gå til jobdialogen' }).click();
    await dialog.getByText('Vælg en virksomhed.').waitFor();
    await dialog.getByText('Skal udfyldes.').first().waitFor();
    await expect(dialog.getByLabel(/^Titel/).getAttribute('aria-invalid')).resolves.toBe('true');
    await staff.waitForTimeout(300);
    await expectAccessible(staff, 'assignment form');

    // bolig@ has one organisation: it is chosen already, and its areas are offered.
    await dialog.getByLabel(/^Virksomhed/).fill('Houlkær');
    await staff.getByRole('listbox', { name: 'Virksomhed' }).getByRole('option', { name: COMPANY }).click();
    await dialog.getByRole('checkbox', { name: 'Houlkærvænget' }).check();
    await dialog.getByLabel(/^Type/).selectOption({ label: 'Renovering' });
    await dialog.getByLabel(/^Titel/).fill(title);
    const value = dialog.getByLabel(/^Værdi/);
    await value.fill('1250000');
    await value.blur();
    await expect(value.inputValue()).resolves.toBe('1.250.000');
    await fillDate(dialog.getByLabel(/^Startdato/), danishDateText(today));
    // End before start is refused at the field.
    await fillDate(dialog.getByLabel(/^Slutdato/), danishDateText(addDays(today, -1)));
    await dialog.getByRole('button', { name: 'Gem og gå til jobdialogen' }).click();
    await dialog.getByText('Slutdatoen skal ligge efter startdatoen.').waitFor();
    await fillDate(dialog.getByLabel(/^Slutdato/), danishDateText(addDays(today, 364)));
    await dialog.getByLabel(/^Kontraktreference/).fill(`K-${suffix}`);
    await dialog.getByRole('button', { name: 'Gem og gå til jobdialogen' }).click();

    // Saving goes straight to the job dialogue, due today and the user's own.
    await staff.waitForURL((url) => /^\/job-dialogues\/[0-9a-f-]{36}$/.test(url.pathname));
    await settle(staff);
    const dialogueId = new URL(staff.url()).pathname.split('/').pop() as string;
    await staff.getByRole('status').filter({ hasText: 'Spørg nu virksomheden om job og praktik.' }).waitFor();
    await staff.getByRole('heading', { level: 1, name: `Jobdialog med ${COMPANY}` }).waitFor();
    await staff.getByRole('link', { name: title }).first().waitFor();
    await expectAccessible(staff, 'job dialogue page');

    await staff.getByRole('checkbox', { name: 'Lærling' }).check();
    await staff.getByRole('radio', { name: 'Jobåbning nu' }).check();
    await staff.getByRole('button', { name: 'Gem og opret jobåbning' }).click();

    // The opening form, prefilled from the dialogue: company and assignment are filled in.
    await staff.waitForURL(
      (url) => url.pathname === '/openings/new' && url.searchParams.get('fromDialogue') === dialogueId,
    );
    await settle(staff);
    await staff.getByRole('heading', { level: 1, name: 'Ny jobåbning' }).waitFor();
    const form = staff.locator('main form');
    await form.getByText(COMPANY).first().waitFor();
    await form.getByText(title).first().waitFor();
    await form
      .getByLabel(/^Stilling/)
      .first()
      .fill('Tømrer');
    await staff
      .getByRole('option', { name: /^Tømrer/ })
      .first()
      .click();
    await staff.getByRole('button', { name: 'Opret og send' }).click();

    // The opening page says it was referred.
    await staff.waitForURL((url) => /^\/openings\/[0-9a-f-]{36}$/.test(url.pathname));
    await settle(staff);
    const openingId = new URL(staff.url()).pathname.split('/').pop() as string;
    await staff.getByText('Henvist til').first().waitFor();

    // Both colleagues see the bell rise by one and open the opening from the notification.
    for (const [page, was] of [
      [consultant, before.consultant],
      [worker, before.worker],
    ] as const) {
      await page.reload();
      await page.getByRole('link', { name: new RegExp(`^Notifikationer, ${was + 1} ulæste?$`) }).click();
      await page.waitForURL((url) => url.pathname === '/notifications');
      await settle(page);
      await page
        .getByRole('link', { name: /^Ny jobåbning: / })
        .first()
        .click();
      await page.waitForURL((url) => url.pathname === `/openings/${openingId}`);
      await page.getByText(COMPANY).first().waitFor();
    }

    // The dialogue now points to the opening; the assignment lists both.
    await open(staff, `/job-dialogues/${dialogueId}`);
    await staff.getByRole('link', { name: 'Se jobåbningen' }).waitFor();
    await staff.getByRole('link', { name: title }).first().click();
    await staff.waitForURL((url) => url.pathname.startsWith('/assignments/'));
    await settle(staff);
    await staff.getByRole('heading', { level: 1, name: title }).waitFor();
    const openings = staff.getByRole('region', { name: 'Jobåbninger' });
    await openings.getByRole('link').first().waitFor();
    await expect(openings.getByRole('link', { name: 'Ny jobåbning' }).count()).resolves.toBe(1);
    for (const p of [staff, consultant, worker]) await p.context().close();
  });

  it('a dialogue answered "Senere" waits until the reminder day, and shows so in "Mine jobdialoger"', async () => {
    const staff = await loggedIn(DEMO_USERS.housing_staff);
    const title = `Vedligehold af grønne arealer ${suffix}`;
    const created = await createAssignment(staff, title);

    await open(staff, `/job-dialogues/${created.jobDialogueId}`);
    // "Giv videre" offers the organisation's other housing staff.
    await staff.getByRole('button', { name: 'Giv videre' }).click();
    const handOver = staff.getByRole('dialog', { name: 'Giv jobdialogen videre' });
    await handOver.getByLabel(/^Kollega/).waitFor();
    await staff.waitForTimeout(300);
    await expectAccessible(staff, 'hand-over dialog');
    await handOver.getByRole('button', { name: 'Annullér' }).click();
    await handOver.waitFor({ state: 'hidden' });

    await staff.getByRole('checkbox', { name: 'Elev' }).check();
    await staff.getByRole('radio', { name: 'Senere' }).check();
    await staff.getByText('Du får en påmindelse i Jobbro og på e-mail kl. 7 den dag.').waitFor();
    // "Senere" needs a day to be reminded.
    await staff.getByRole('button', { name: 'Gem udfald' }).click();
    await staff.getByText('Vælg en dato for påmindelsen.').waitFor();
    await fillDate(staff.getByLabel(/^Påmindelsesdato/), danishDateText(addDays(today, 14)));
    await staff.getByRole('button', { name: 'Gem udfald' }).click();
    await staff.locator('main').getByText('Venter (senere)').first().waitFor();
    await staff
      .getByText(`Påmindelse ${danishDateText(addDays(today, 14))}`)
      .first()
      .waitFor();

    // "Mine jobdialoger" is the default for housing staff; the waiting one shows its state in words.
    await open(staff, '/job-dialogues');
    await staff.getByRole('heading', { level: 1, name: 'Mine jobdialoger' }).waitFor();
    await staff.getByLabel('Søg').fill(title);
    const row = staff.getByRole('row').filter({ hasText: title });
    await row.getByText('Venter (senere)').waitFor();
    await expect(row.getByText('Elev').count()).resolves.toBe(1);
    await staff.getByLabel('Søg').fill('');
    await settle(staff);
    await expectAccessible(staff, 'job dialogue list');
    await staff.context().close();
  });

  it('a social clause shows its progress on the assignment page, the company page and the clauses list', async () => {
    const staff = await loggedIn(DEMO_USERS.housing_staff);
    const title = `Nybyggeri med lærlinge ${suffix}`;
    const created = await createAssignment(staff, title);

    await open(staff, `/assignments/${created.id}`);
    await staff.getByRole('heading', { level: 1, name: title }).waitFor();
    await staff.getByText('Opgaven har ingen sociale klausuler.').waitFor();
    await staff.getByRole('button', { name: 'Tilføj klausul' }).click();
    const dialog = staff.getByRole('dialog', { name: 'Tilføj klausul' });
    await dialog.waitFor();
    await dialog.getByLabel(/^Type/).selectOption({ label: 'Lærlinge og elever' });
    await dialog.getByLabel(/^Mål/).fill('3');
    // The period is the assignment's unless changed.
    await expect(dialog.getByLabel(/^Periodens start/).inputValue()).resolves.toBe(danishDateText(today));
    await expectAccessible(staff, 'clause form');
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const clauses = staff.getByRole('region', { name: 'Sociale klausuler' });
    await clauses.getByText('0 af 3 lærlinge/elever').waitFor();
    await clauses.getByText(/^Forventet i dag: \d+,\d$/).waitFor();
    // The status is written, not only coloured; the bar carries the same in its value text.
    await clauses.getByText(/^(På sporet|Bagud|Ikke startet)$/).waitFor();
    await expect(
      clauses.getByRole('progressbar', { name: 'Lærlinge og elever' }).getAttribute('aria-valuetext'),
    ).resolves.toMatch(/^0 af 3 lærlinge\/elever\. Forventet i dag: /);
    await expectAccessible(staff, 'assignment page');

    // The company page gathers the company's assignments, dialogues and clauses with progress.
    await staff.getByRole('link', { name: COMPANY }).first().click();
    await staff.waitForURL((url) => url.pathname.startsWith('/companies/'));
    await settle(staff);
    await staff.getByRole('region', { name: 'Opgaver' }).getByRole('link', { name: title }).waitFor();
    await staff
      .getByRole('region', { name: 'Jobdialoger' })
      .getByRole('link', { name: title })
      .first()
      .waitFor();
    const companyClauses = staff.getByRole('region', { name: 'Sociale klausuler' });
    await companyClauses.getByRole('link', { name: title }).waitFor();
    await companyClauses.getByText('0 af 3 lærlinge/elever').first().waitFor();
    await expectAccessible(staff, 'company page with assignments');

    // The clauses overview, filtered to one status.
    await open(staff, '/social-clauses');
    await staff.getByRole('heading', { level: 1, name: 'Sociale klausuler' }).waitFor();
    await staff.getByRole('row').filter({ hasText: title }).getByText('0 af 3 lærlinge/elever').waitFor();
    await expectAccessible(staff, 'social clauses list');
    await staff.getByLabel('Status').selectOption({ label: 'Opfyldt' });
    await settle(staff);
    await expect(staff.getByRole('row').filter({ hasText: title }).count()).resolves.toBe(0);
    await staff.context().close();
  });

  it('a company contact reads its assignments and clauses on its company page, never the dialogues', async () => {
    const company = await loggedIn(DEMO_USERS.company_contact);
    const me = await (await company.request.get('/api/me')).json();
    const companyId = me.memberships[0].scopeId as string;
    await open(company, `/companies/${companyId}`);
    await company.getByRole('region', { name: 'Opgaver' }).waitFor();
    await expect(company.getByRole('region', { name: 'Jobdialoger' }).count()).resolves.toBe(0);
    await expect(company.getByRole('button', { name: 'Ny opgave' }).count()).resolves.toBe(0);
    await open(company, '/job-dialogues');
    await company.getByRole('heading', { level: 1, name: 'Ingen adgang' }).waitFor();
    await company.context().close();
  });
});
