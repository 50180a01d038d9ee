import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_USERS,
  expectAccessible,
  fillDate,
  launch,
  login,
  newContext,
  open,
  settle,
  type TDemoRole,
} from './support.ts';

// The openings pages: the list, the form (with the youth-work rules at the fields), the company
// portal, and the instant referral seen from the job consultant's and social worker's bells.

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

/** Differs between runs against the same server, so no test depends on another's data. */
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

async function unreadCount(page: Page): Promise<number> {
  return (await (await page.request.get('/api/notifications/unread-count')).json()).count;
}

async function csrf(page: Page): Promise<string> {
  return (await (await page.request.get('/api/me')).json()).csrfToken;
}

/** The messages tied to a field (aria-describedby), which must be marked invalid. */
async function fieldError(page: Page, label: string | RegExp): Promise<string> {
  const input = page.locator('main').getByLabel(label).first();
  await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  return page.evaluate(
    (ids) =>
      ids
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    describedBy,
  );
}

async function chooseOccupation(page: Page, search: string, option: RegExp): Promise<void> {
  await page
    .getByLabel(/^Stilling/)
    .first()
    .fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

describe('openings in the company portal', () => {
  it('virksomhed@ creates an opening through the form, guided by the youth rules, and follows it', async () => {
    const consultant = await signedIn('job_consultant');
    const worker = await signedIn('social_worker');
    const before = { consultant: await unreadCount(consultant), worker: await unreadCount(worker) };

    const company = await signedIn('company_contact');
    await company.locator('#main-navigation').getByRole('link', { name: 'Jobåbninger' }).click();
    await company.waitForURL((url) => url.pathname === '/openings');
    await settle(company);
    await company.getByRole('heading', { level: 1, name: 'Jobåbninger' }).waitFor();
    // One company: no company column or filter.
    await expect(company.getByRole('columnheader', { name: /Virksomhed/ }).count()).resolves.toBe(0);
    await expectAccessible(company, 'openings list (company contact)');

    await company.getByRole('link', { name: 'Ny jobåbning' }).click();
    await company.waitForURL((url) => url.pathname === '/openings/new');
    await settle(company);
    await company.getByText('Virksomhed: Viborg El-service (fiktiv)').waitFor();
    await expect(company.getByRole('combobox', { name: /^Virksomhed/ }).count()).resolves.toBe(0);
    await expectAccessible(company, 'opening form (empty)');

    // Nothing filled in: Danish messages at the fields, before anything is sent.
    await company.getByRole('button', { name: 'Opret og send' }).click();
    await company.getByRole('alert').filter({ hasText: 'Ret de markerede felter' }).waitFor();
    expect(await fieldError(company, /^Type/)).toContain('Vælg en type.');
    expect(await fieldError(company, /^Titel/)).toContain('Skal udfyldes.');
    expect(await fieldError(company, /^Startdato/)).toContain('Skal udfyldes.');
    expect(await fieldError(company, /^Postnummer/)).toContain('Postnummer skal være 4 cifre.');
    // The first field to fix has the focus.
    await expect(company.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).resolves.toBe(
      'true',
    );
    await expectAccessible(company, 'opening form (with errors)');

    // Fritidsjob fills its defaults and shows the rules for 15-year-olds.
    await company.getByLabel(/^Type/).selectOption({ label: 'Fritidsjob' });
    await expect(company.getByLabel(/^Timer pr\. uge/).inputValue()).resolves.toBe('12');
    await expect(company.getByLabel(/^Mindstealder/).inputValue()).resolves.toBe('15');
    await expect(company.getByLabel(/^Højeste alder/).inputValue()).resolves.toBe('17');
    await company.getByText('Standard for typen: 15–17 år').waitFor();
    await company.getByText('Regler for unges arbejde – unge fra 15 år').waitFor();

    const title = `Fritidsjob i butikken ${unique()}`;
    await company.getByLabel(/^Titel/).fill(title);
    await chooseOccupation(company, 'butiksass', /^Butiksassistent/);
    // Dates are typed as dd.mm.yyyy whatever the browser's language; what is no date is said at
    // the field, and the text stays to be corrected.
    const startDate = company.getByLabel(/^Startdato/);
    await expect(startDate.getAttribute('placeholder')).resolves.toBe('dd.mm.åååå');
    await fillDate(startDate, '31.02.2027');
    expect(await fieldError(company, /^Startdato/)).toContain('Skriv datoen som dd.mm.åååå, fx 24.11.2026.');
    await expect(startDate.inputValue()).resolves.toBe('31.02.2027');
    await fillDate(startDate, '1.3.2027');
    await expect(startDate.inputValue()).resolves.toBe('01.03.2027');
    await expect(startDate.getAttribute('aria-invalid')).resolves.not.toBe('true');
    // Or picked in the calendar: Danish, Monday first.
    await startDate.click();
    const calendar = company.locator('[data-dates-dropdown]');
    await calendar.getByText('Marts 2027').waitFor();
    await expect(calendar.locator('thead th').first().textContent()).resolves.toMatch(/^ma/i);
    await company.waitForTimeout(300);
    await expectAccessible(company, 'opening form (calendar open)');
    await calendar.getByRole('button', { name: '2 marts 2027', exact: true }).click();
    await calendar.waitFor({ state: 'hidden' });
    await expect(startDate.inputValue()).resolves.toBe('02.03.2027');
    await company.getByLabel(/^Postnummer/).fill('8800');
    await company.getByRole('textbox', { name: 'By', exact: true }).fill('Viborg');

    // Evening work until 22.00 breaks the night rest of a 15-year-old: said at the end time.
    await company.getByRole('checkbox', { name: 'Aften (efter kl. 18)' }).check();
    await company.getByLabel(/^Sluttidspunkt/).fill('22:00');
    const night = 'Undervisningspligtige unge må ikke arbejde mellem kl. 20.00 og kl. 06.00.';
    expect(await fieldError(company, /^Sluttidspunkt/)).toContain(night);
    await company.getByText(/Jobåbningen bryder en regel/).waitFor();
    await expectAccessible(company, 'opening form (youth rule broken)');
    // Sending anyway is refused at the same field.
    await company.getByRole('button', { name: 'Opret og send' }).click();
    expect(await fieldError(company, /^Sluttidspunkt/)).toContain(night);

    // Fixed: ends at 19.30.
    await company.getByLabel(/^Sluttidspunkt/).fill('19:30');
    await company.getByText('Jobåbningen holder sig inden for reglerne.').waitFor();
    await expect(company.getByLabel(/^Sluttidspunkt/).getAttribute('aria-invalid')).resolves.not.toBe('true');

    await company.getByRole('button', { name: 'Opret og send' }).click();
    await company.waitForURL((url) => /^\/openings\/[0-9a-f-]{36}$/.test(url.pathname));
    const openingId = new URL(company.url()).pathname.split('/')[2]!;
    await company.getByRole('heading', { level: 1, name: title }).waitFor();
    await company
      .getByRole('status')
      .filter({ hasText: 'Jobåbningen er oprettet og sendt til jobkonsulent og boligsocial medarbejder' })
      .waitFor();
    await company.getByRole('heading', { name: 'Status: Henvist' }).waitFor();
    await settle(company);
    await expectAccessible(company, 'opening page (just created)');

    // In the list, with its status.
    await open(company, '/openings');
    const row = company.getByRole('row').filter({ hasText: title });
    await row.waitFor();
    await row.getByText('Henvist').waitFor();

    // The job consultant and the housing social worker: the bell rises, the link opens it.
    for (const [page, was] of [
      [consultant, before.consultant],
      [worker, before.worker],
    ] as const) {
      await page.reload();
      await page.getByRole('link', { name: new RegExp(`^Notifikationer, ${was + 1} ulæste?$`) }).waitFor();
      await open(page, '/notifications');
      await page
        .getByRole('link', { name: `Ny jobåbning: ${title}` })
        .first()
        .click();
      await page.waitForURL((url) => url.pathname === `/openings/${openingId}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
    }

    // The company edits its opening and follows the status the consultant sets.
    await open(company, `/openings/${openingId}`);
    await company.getByRole('link', { name: 'Redigér' }).click();
    await company.waitForURL((url) => url.pathname === `/openings/${openingId}/edit`);
    await settle(company);
    await expect(company.getByLabel(/^Sluttidspunkt/).inputValue()).resolves.toBe('19:30');
    await expect(company.getByLabel(/^Startdato/).inputValue()).resolves.toBe('02.03.2027');
    await company.getByLabel(/^Antal stillinger/).fill('2');
    await company.getByRole('button', { name: 'Gem ændringer' }).click();
    await company.waitForURL((url) => url.pathname === `/openings/${openingId}`);
    await company.getByRole('row', { name: /Antal stillinger 2/ }).waitFor();
    // The company's own contact person, filled in for it when it created the opening.
    await company.getByRole('row', { name: /Kontaktperson .*virksomhed@jobbro\.test/ }).waitFor();

    await consultant.getByRole('button', { name: 'Skift til: Samtaler' }).click();
    await consultant.getByRole('heading', { name: 'Status: Samtaler' }).waitFor();
    await company.reload();
    await company.getByRole('heading', { name: 'Status: Samtaler' }).waitFor();
    await company.getByRole('listitem').filter({ hasText: 'Samtaler' }).first().waitFor();
  });

  it('virksomhed@ sees nothing of other companies', async () => {
    const admin = await signedIn('admin');
    const company = await signedIn('company_contact');
    const me = await (await company.request.get('/api/me')).json();
    const own = me.memberships.find((m: { role: string }) => m.role === 'company_contact').scopeId;
    const all = await (await admin.request.get('/api/openings?pageSize=200')).json();
    const foreign = all.items.find((o: { companyId: string }) => o.companyId !== own);
    expect(foreign, 'the demo data has openings of other companies').toBeDefined();

    const mine = await (await company.request.get('/api/openings?pageSize=200')).json();
    expect(mine.items.every((o: { companyId: string }) => o.companyId === own)).toBe(true);
    expect((await company.request.get(`/api/openings/${foreign.id}`)).status()).toBeGreaterThanOrEqual(403);

    await open(company, `/openings?q=${encodeURIComponent(foreign.title)}`);
    await company.getByText('Ingen resultater matcher din søgning eller dine filtre.').waitFor();
    await open(company, `/openings/${foreign.id}`);
    await company.getByRole('heading', { level: 1, name: 'Jobåbning' }).waitFor();
    await company.getByRole('alert').waitFor();
    await expect(company.getByText(foreign.title).count()).resolves.toBe(0);
  });
});

describe('openings list for housing staff', () => {
  it('bolig@ finds an opening by search, status and type filters, and sorts the list', async () => {
    const staff = await signedIn('housing_staff');
    const companies = await (await staff.request.get('/api/companies?pageSize=1')).json();
    const token = unique();
    const title = `Ejendomsservice ${token}`;
    const created = await staff.request.post('/api/openings', {
      headers: { 'x-csrf-token': await csrf(staff) },
      data: {
        companyId: companies.items[0].id,
        type: 'part_time',
        title,
        occupationId: 'toemrer',
        hoursPerWeek: 25,
        startDate: '2027-05-03',
        positions: 1,
        postalCode: '8800',
        city: 'Viborg',
      },
    });
    expect(created.status()).toBe(201);

    await staff.locator('#main-navigation').getByRole('link', { name: 'Jobåbninger' }).click();
    await staff.waitForURL((url) => url.pathname === '/openings');
    await settle(staff);
    await staff.getByRole('link', { name: 'Ny jobåbning' }).waitFor();
    await expectAccessible(staff, 'openings list (housing staff)');

    await staff.getByRole('searchbox', { name: 'Søg i titel, virksomhed og by' }).fill(token);
    await staff.waitForURL((url) => url.searchParams.get('q') === token);
    await staff.getByText('1 jobåbning', { exact: true }).waitFor();
    const row = staff.getByRole('row').filter({ hasText: title });
    await row.getByText('Ordinært job, deltid').waitFor();
    await row.getByText('03.05.2027').waitFor();

    await staff.getByLabel('Status', { exact: true }).selectOption({ label: 'Henvist' });
    await staff.waitForURL((url) => url.searchParams.get('status') === 'referred');
    await staff.getByText('1 jobåbning', { exact: true }).waitFor();
    await staff.getByLabel('Type', { exact: true }).selectOption({ label: 'Fritidsjob' });
    await staff.waitForURL((url) => url.searchParams.get('type') === 'leisure_job');
    await staff.getByText('Ingen resultater matcher din søgning eller dine filtre.').waitFor();

    // Without the search: every referred opening, sorted by title.
    await open(staff, '/openings?status=referred');
    await staff.getByRole('button', { name: /^Titel/ }).click();
    await staff.waitForURL((url) => url.searchParams.get('sort') === 'title');
    await staff.locator('th[aria-sort="ascending"]').filter({ hasText: 'Titel' }).waitFor();
    await settle(staff);
    const badges = await staff
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.querySelector('.mantine-Badge-root')?.textContent ?? ''));
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(['Henvist']));
    const titles = await staff.locator('tbody tr td:first-child a').allTextContents();
    expect(titles).toEqual([...titles].sort(new Intl.Collator('da').compare));
  });

  it('bolig@ saves an opening prefilled from a job dialogue, and the dialogue gets it', async () => {
    const staff = await signedIn('housing_staff');
    const token = unique();
    const companies = await (await staff.request.get('/api/companies?pageSize=1')).json();
    const assignmentTitle = `Renovering af opgang ${token}`;
    const res = await staff.request.post('/api/assignments', {
      headers: { 'x-csrf-token': await csrf(staff) },
      data: {
        companyId: companies.items[0].id,
        kind: 'renovation',
        title: assignmentTitle,
        startDate: '2027-01-04',
        endDate: '2027-12-17',
      },
    });
    expect(res.status()).toBe(201);
    const { jobDialogueId } = await res.json();

    await open(staff, `/openings/new?fromDialogue=${jobDialogueId}`);
    await staff.getByText(`Virksomhed: ${companies.items[0].name}`).waitFor();
    await staff.getByRole('link', { name: assignmentTitle }).waitFor();
    await expect(staff.getByLabel(/^Type/).inputValue()).resolves.toBe('apprentice');
    await expect(staff.getByLabel(/^Titel/).inputValue()).resolves.toContain(assignmentTitle);
    await expect(staff.getByLabel(/^Startdato/).inputValue()).resolves.toBe('04.01.2027');
    await expect(staff.getByLabel(/^Timer pr\. uge/).inputValue()).resolves.toBe('37');
    await expectAccessible(staff, 'opening form (from a job dialogue)');

    await chooseOccupation(staff, 'tømrer', /^Tømrer/);
    if ((await staff.getByLabel(/^Postnummer/).inputValue()) === '') {
      await staff.getByLabel(/^Postnummer/).fill('8800');
    }
    if ((await staff.getByRole('textbox', { name: 'By', exact: true }).inputValue()) === '')
      await staff.getByRole('textbox', { name: 'By', exact: true }).fill('Viborg');
    await staff.getByRole('button', { name: 'Opret og send' }).click();
    await staff.waitForURL((url) => /^\/openings\/[0-9a-f-]{36}$/.test(url.pathname));
    const openingId = new URL(staff.url()).pathname.split('/')[2];
    await staff.getByRole('link', { name: 'Se opgaven' }).waitFor();

    const dialogue = await (await staff.request.get(`/api/job-dialogues/${jobDialogueId}`)).json();
    expect(dialogue.openingId).toBe(openingId);
  });
});
