import type { TPage } from '@domain/common.schema.ts';
import type { TDemoClock } from '@domain/demo-clock.schema.ts';
import type { TProposalListItem } from '@domain/proposal.schema.ts';
import { addDays, addMonths, danishDate, daysBetween } from '@domain/time.ts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobbroServer, type TJobbroServer } from './jobbro-server.ts';
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

// Issue 6's end-to-end story, from proposal to hire to 6 months: virksomhed@ invites and hires the
// candidate sent to Viborg El-service → jobkonsulent@ sees the 1-week follow-up and records "at
// risk" → boligsocial@ gets the alert and the escalation → the clock moves 6 months → the 6-month
// check-in records "in job" → retention shows it; the Houlkærvænget clause still shows 1 af 3.
//
// The story moves Jobbro's clock, so it runs on a server of its own (JOBBRO_TEST_CLOCK, its own
// data dir): the shared e2e server must keep today's date for the other files.

const OPENING = 'Elektrikerlærling';
const COMPANY = 'Viborg El-service (fiktiv)';
const ASSIGNMENT = 'Renovering af Houlkærvænget, etape 2';
const AT_RISK_NOTE = 'Kommer for sent om morgenen; bussen passer ikke til mødetiden.';
const STEP_TIMEOUT = 180_000;

let server: TJobbroServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startJobbroServer({ env: { JOBBRO_TEST_CLOCK: 'true' } });
  browser = await launch();
}, 240_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
}, 60_000);

async function signedIn(email: string): Promise<Page> {
  const context = await newContext(browser, undefined, server.baseUrl);
  contexts.push(context);
  const page = await context.newPage();
  await login(page, email);
  return page;
}

async function csrf(page: Page): Promise<string> {
  return (await (await page.request.get('/api/me')).json()).csrfToken;
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.status(), `GET ${path}: ${await res.text()}`).toBe(200);
  return res.json() as Promise<T>;
}

/** What the story learns on the way and the later steps use. */
const story: {
  today: string;
  proposalId: string;
  residentId: string;
  firstName: string;
  lastName: string;
  placementId: string;
  startDate: string;
  /** Viborg El-service's 6-month retention before the outcome was recorded. */
  before: { retained: number; due: number } | null;
} = {
  today: danishDate(new Date()),
  proposalId: '',
  residentId: '',
  firstName: '',
  lastName: '',
  placementId: '',
  startDate: '',
  before: null,
};

const fullName = () => `${story.firstName} ${story.lastName}`;

/** The numbers under "Fastholdt 6 mdr." in a retention table's row: "1 af 2" → { retained: 1, due: 2 }. */
async function retainedAt6(
  page: Page,
  table: string,
  group: string,
): Promise<{ retained: number; due: number }> {
  const row = page
    .getByRole('table', { name: `${table}: ansættelser og fastholdelse` })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: group, exact: true }) });
  // Columns after the group: Ansættelser, Nået 6 mdr., Fastholdt 6 mdr., …
  const text = (await row.getByRole('cell').nth(2).textContent()) ?? '';
  const m = /(\d+) af (\d+)/.exec(text);
  expect(m, `"${text}" in the row ${group} of ${table}`).not.toBeNull();
  return { retained: Number(m![1]), due: Number(m![2]) };
}

async function openRetention(page: Page): Promise<void> {
  await page.locator('#main-navigation').getByRole('link', { name: 'Fastholdelse' }).click();
  await page.waitForURL((url) => url.pathname === '/reports/retention');
  await settle(page);
  await page.getByRole('heading', { level: 1, name: 'Fastholdelse efter ansættelse' }).waitFor();
  await page.getByRole('table', { name: 'Pr. virksomhed: ansættelser og fastholdelse' }).waitFor();
}

describe('from proposal to hire to 6 months (issue 6)', () => {
  it('1. virksomhed@ sees the candidate by first name only, invites to an interview and hires', {
    timeout: STEP_TIMEOUT,
  }, async () => {
    // Whom the demo sent to Viborg El-service (read as the job consultant, who sees full names).
    const consultant = await signedIn(DEMO_USERS.job_consultant);
    const sent = await getJson<TPage<TProposalListItem>>(
      consultant,
      '/api/proposals?status=sent_to_company&pageSize=100',
    );
    const candidates: { proposalId: string; residentId: string; firstName: string; lastName: string }[] = [];
    for (const p of sent.items.filter((x) => x.openingTitle === OPENING && x.companyName === COMPANY)) {
      const r = await getJson<{ firstName: string; lastName: string }>(
        consultant,
        `/api/residents/${p.residentId}`,
      );
      candidates.push({ proposalId: p.id, residentId: p.residentId, ...r });
    }
    // One the company can tell apart by first name.
    const chosen = candidates.find((c) => candidates.filter((o) => o.firstName === c.firstName).length === 1);
    expect(chosen, `a demo candidate sent to ${COMPANY} for ${OPENING}`).toBeDefined();
    Object.assign(story, chosen);

    const company = await signedIn(DEMO_USERS.company_contact);
    await company.locator('#main-navigation').getByRole('link', { name: 'Kandidater' }).click();
    await company.waitForURL((url) => url.pathname === '/company/proposals');
    await settle(company);
    await company.getByRole('heading', { level: 1, name: 'Kandidater' }).waitFor();
    const row = company
      .getByRole('row')
      .filter({ hasText: OPENING })
      .filter({
        has: company.getByRole('link', { name: story.firstName, exact: true }),
      });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Sendt til virksomheden');
    // Consent (b) shows the company the first name, never the last.
    await expect(company.locator('main').textContent()).resolves.not.toContain(story.lastName);
    await expectAccessible(company, 'company: Kandidater');

    await row.getByRole('link', { name: story.firstName, exact: true }).click();
    await company.waitForURL((url) => url.pathname === `/company/proposals/${story.proposalId}`);
    await settle(company);
    await company.getByRole('heading', { level: 1, name: `${story.firstName} til ${OPENING}` }).waitFor();
    await expect(company.locator('main').textContent()).resolves.not.toContain(story.lastName);
    await expectAccessible(company, 'company: candidate');

    // Invite to an interview in a week at 10.00 (Danish time).
    const interviewDay = addDays(story.today, 7);
    await company.locator('main').getByRole('button', { name: 'Inviter til samtale' }).click();
    const invite = company.getByRole('dialog', { name: 'Inviter til samtale' });
    await invite.waitFor();
    await fillDate(invite.getByLabel(/^Dato/), danishDateText(interviewDay));
    await invite.getByLabel(/^Tidspunkt/).fill('10:00');
    await invite.getByLabel(/^Sted/).fill('Værkstedet, Industrivej 4, Viborg');
    await settle(company);
    await expectAccessible(company, 'company: invite dialog');
    await invite.getByRole('button', { name: 'Send invitation', exact: true }).click();
    // (The dialog's title changes to "Flyt samtalen" as it closes: wait for any dialog to go.)
    await company.getByRole('dialog').waitFor({ state: 'hidden' });
    await company.getByText('Kandidaten er inviteret til samtale.').first().waitFor();
    await company
      .getByText(`${danishDateText(interviewDay)} kl. 10.00`)
      .first()
      .waitFor();
    await expect(company.locator('main').textContent()).resolves.toContain('Til samtale');
    await company.locator('main').getByRole('button', { name: 'Flyt samtalen' }).waitFor();

    // Hire from today, 37 hours a week, as the opening's type (lærlingeplads).
    story.startDate = story.today;
    await company.locator('main').getByRole('button', { name: 'Ansæt', exact: true }).click();
    const hire = company.getByRole('dialog', { name: 'Ansæt kandidaten' });
    await hire.waitFor();
    await fillDate(hire.getByLabel(/^Startdato/), danishDateText(story.startDate));
    await hire.getByLabel(/^Timer pr\. uge/).fill('37');
    await settle(company);
    await expectAccessible(company, 'company: hire dialog');
    await hire.getByRole('button', { name: 'Ansæt', exact: true }).click();
    await hire.waitFor({ state: 'hidden' });
    await company.getByText('I har ansat kandidaten. Jobcentret følger op på ansættelsen.').waitFor();
    // Nothing left to answer: the buttons are gone, the placement is there.
    for (const name of ['Ansæt', 'Inviter til samtale', 'Flyt samtalen', 'Sig nej tak']) {
      await expect(company.locator('main').getByRole('button', { name, exact: true }).count()).resolves.toBe(
        0,
      );
    }
    await expectAccessible(company, 'company: hired');

    // The company sees its follow-up dates (never the notes), first name only.
    await company.getByRole('link', { name: 'Se forløbet' }).click();
    await company.waitForURL((url) => /^\/placements\/[0-9a-f-]{36}$/.test(url.pathname));
    await settle(company);
    story.placementId = new URL(company.url()).pathname.split('/').pop()!;
    await company.getByRole('heading', { level: 1, name: `${story.firstName} hos ${COMPANY}` }).waitFor();
    const dates = company.getByRole('table', { name: 'Jobcentrets opfølgning' });
    const week1 = dates.getByRole('row').filter({ has: company.getByRole('rowheader', { name: '1 uge' }) });
    await expect(week1.textContent()).resolves.toContain(danishDateText(addDays(story.startDate, 7)));
    const month6 = dates
      .getByRole('row')
      .filter({ has: company.getByRole('rowheader', { name: '6 måneder' }) });
    await expect(month6.textContent()).resolves.toContain(danishDateText(addMonths(story.startDate, 6)));
    await expect(company.locator('main').textContent()).resolves.not.toContain(story.lastName);
    await expectAccessible(company, 'company: placement');
  });

  it('2. jobkonsulent@ sees the 1-week follow-up in "Mine opfølgninger" and records "I risiko"', {
    timeout: STEP_TIMEOUT,
  }, async () => {
    expect(story.placementId, 'step 1 hired').not.toBe('');
    const consultant = await signedIn(DEMO_USERS.job_consultant);
    await consultant.locator('#main-navigation').getByRole('link', { name: 'Mine opfølgninger' }).click();
    await consultant.waitForURL((url) => url.pathname === '/follow-ups');
    await settle(consultant);
    await consultant.getByRole('heading', { level: 1, name: 'Mine opfølgninger' }).waitFor();
    const record = consultant.getByRole('button', { name: `Registrér opfølgning 1 uge for ${fullName()}` });
    const row = consultant.getByRole('row').filter({ has: record });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(danishDateText(addDays(story.startDate, 7)));
    expect(text).toContain('Planlagt');
    expect(text).toContain(OPENING);
    await expectAccessible(consultant, 'Mine opfølgninger');

    await record.click();
    const dialog = consultant.getByRole('dialog', { name: 'Registrér opfølgning – 1 uge' });
    await dialog.waitFor();
    await dialog.getByLabel(/^Hvem talte du med\?/).selectOption({ label: 'Beboeren og virksomheden' });
    await dialog.getByRole('radio', { name: 'I risiko' }).check();
    // Saying "at risk" tells the user what follows.
    await dialog.getByText('Der åbnes en eskalering').waitFor();
    await dialog.getByLabel(/^Noter/).fill(AT_RISK_NOTE);
    await dialog.getByLabel(/^Handling/).fill('Aftalt møde med mester og beboeren på fredag.');
    await settle(consultant);
    await expectAccessible(consultant, 'Registrér opfølgning');
    await dialog.getByRole('button', { name: 'Registrér', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await consultant
      .getByText('Opfølgningen er registreret, og der er åbnet en eskalering.')
      .first()
      .waitFor();
    // Recorded: it leaves the planned list.
    await record.waitFor({ state: 'detached' });

    // The placement page shows the check-in with its note and the open escalation.
    await open(consultant, `/placements/${story.placementId}`);
    await consultant.getByRole('heading', { level: 1, name: `${fullName()} hos ${COMPANY}` }).waitFor();
    const main = (await consultant.locator('main').textContent()) ?? '';
    expect(main).toContain(AT_RISK_NOTE);
    expect(main).toContain('I risiko');
    await expectAccessible(consultant, 'placement (professional)');
  });

  it('3. boligsocial@ gets the alert at once, and the escalation stays open', {
    timeout: STEP_TIMEOUT,
  }, async () => {
    const worker = await signedIn(DEMO_USERS.social_worker);
    const bell = worker.getByRole('link', { name: /^Notifikationer, \d+ ulæste?$/ });
    const unread = Number(/(\d+)/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1]);
    expect(unread).toBeGreaterThanOrEqual(1);
    await bell.click();
    await worker.waitForURL((url) => url.pathname === '/notifications');
    await settle(worker);
    await worker.getByText('Kun ulæste').click();
    await worker.waitForURL((url) => url.searchParams.get('unread') === 'true');
    await settle(worker);
    await worker.getByText(`Noget går skævt: ${OPENING}`).first().waitFor();

    // The navigation counts the open escalations; the list shows this one.
    const nav = worker.locator('#main-navigation').getByRole('link', { name: /^Eskaleringer/ });
    await expect(nav.textContent()).resolves.toMatch(/\d+ åbne?/);
    await nav.click();
    await worker.waitForURL((url) => url.pathname === '/escalations');
    await settle(worker);
    await worker.getByRole('heading', { level: 1, name: 'Eskaleringer' }).waitFor();
    const row = worker
      .getByRole('row')
      .filter({ has: worker.getByRole('link', { name: fullName(), exact: true }) });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(OPENING);
    expect(text).toContain('I risiko');
    expect(text).toContain('Åben');
    expect(text).toContain('Ikke løst endnu');
    await row.getByRole('button', { name: `Løs eskaleringen for ${fullName()}` }).waitFor();
    await expectAccessible(worker, 'escalations');
  });

  it('4. admin@ moves the clock six months ahead', { timeout: STEP_TIMEOUT }, async () => {
    const admin = await signedIn(DEMO_USERS.admin);
    const before = await getJson<TDemoClock>(admin, '/api/demo/clock');
    expect(before.offsetDays).toBe(0);
    // Six months from the start date are 181-184 days: move past the 6-month check-in's day.
    const days = Math.max(183, daysBetween(story.today, addMonths(story.startDate, 6)) + 1);
    const res = await admin.request.post('/api/demo/clock', {
      headers: { 'x-csrf-token': await csrf(admin) },
      data: { days },
    });
    expect(res.status(), await res.text()).toBe(200);
    const after = (await res.json()) as TDemoClock;
    expect(after.offsetDays).toBe(days);
    story.today = danishDate(new Date(after.now));
    expect(story.today).toBe(addDays(danishDate(new Date()), days));
  });

  it('5. jobkonsulent@ logs in again and records the 6-month check-in: "I job"', {
    timeout: STEP_TIMEOUT,
  }, async () => {
    const consultant = await signedIn(DEMO_USERS.job_consultant);

    // Retention before the outcome: the hire has reached 6 months, without an outcome yet.
    await openRetention(consultant);
    const before = await retainedAt6(consultant, 'Pr. virksomhed', COMPANY);
    expect(before.due).toBeGreaterThanOrEqual(1);
    await expect(consultant.locator('main').textContent()).resolves.toContain(
      `opgjort ${danishDateText(story.today)}`,
    );
    story.before = before;

    await consultant.locator('#main-navigation').getByRole('link', { name: 'Mine opfølgninger' }).click();
    await consultant.waitForURL((url) => url.pathname === '/follow-ups');
    await settle(consultant);
    // Only the due ones (the server's clock decides): the 6-month check-in is among them.
    await consultant.getByRole('checkbox', { name: 'Kun forfaldne' }).click();
    await consultant.waitForURL((url) => url.searchParams.get('due') === 'true');
    await settle(consultant);
    // The demo has many due check-ins: find the story's person by name, as a consultant would.
    await consultant.getByLabel('Søg i navn, virksomhed eller jobåbning').fill(story.lastName);
    await consultant.waitForURL((url) => url.searchParams.get('q') !== null);
    await settle(consultant);
    const record = consultant.getByRole('button', {
      name: `Registrér opfølgning 6 måneder for ${fullName()}`,
    });
    const row = consultant.getByRole('row').filter({ has: record });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(danishDateText(addMonths(story.startDate, 6)));
    expect(text).toMatch(/Overskredet|Forfalder/);
    await expectAccessible(consultant, 'Mine opfølgninger, due only, 6 months later');

    await record.click();
    const dialog = consultant.getByRole('dialog', { name: 'Registrér opfølgning – 6 måneder' });
    await dialog.waitFor();
    await dialog.getByLabel(/^Hvem talte du med\?/).selectOption({ label: 'Beboeren' });
    await dialog.getByRole('radio', { name: 'Går godt' }).check();
    // The 6-month check-in asks where the person is now.
    await dialog.getByRole('radio', { name: 'I job', exact: true }).check();
    await dialog.getByLabel(/^Noter/).fill('Stadig ansat og glad for lærepladsen.');
    await settle(consultant);
    await expectAccessible(consultant, 'Registrér opfølgning, 6 months');
    await dialog.getByRole('button', { name: 'Registrér', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await consultant.getByText('Opfølgningen er registreret.').first().waitFor();
    await record.waitFor({ state: 'detached' });
  });

  it('6. retention at 6 months counts the hire as retained', { timeout: STEP_TIMEOUT }, async () => {
    const consultant = await signedIn(DEMO_USERS.job_consultant);
    await openRetention(consultant);
    const after = await retainedAt6(consultant, 'Pr. virksomhed', COMPANY);
    expect(after).toEqual({ retained: story.before!.retained + 1, due: story.before!.due });
    const apprentices = await retainedAt6(consultant, 'Pr. type', 'Lærlingeplads');
    expect(apprentices.retained).toBeGreaterThanOrEqual(1);
    await expectAccessible(consultant, 'retention report');
  });

  it('7. bolig@ sees the Houlkærvænget renovation’s apprentice clause at 1 af 3', {
    timeout: STEP_TIMEOUT,
  }, async () => {
    const staff = await signedIn(DEMO_USERS.housing_staff);
    await staff.locator('#main-navigation').getByRole('link', { name: 'Opgaver' }).click();
    await staff.waitForURL((url) => url.pathname === '/assignments');
    await settle(staff);
    await staff.getByRole('link', { name: ASSIGNMENT, exact: true }).click();
    await staff.waitForURL((url) => /^\/assignments\/[0-9a-f-]{36}$/.test(url.pathname));
    await settle(staff);
    const clause = staff.getByRole('article').filter({
      has: staff.getByRole('heading', { name: 'Lærlinge og elever' }),
    });
    await clause.getByText('1 af 3 lærlinge/elever').waitFor();
    const bar = clause.getByRole('progressbar', { name: 'Lærlinge og elever' });
    await expect(bar.getAttribute('aria-valuenow')).resolves.toBe('1');
    await expect(bar.getAttribute('aria-valuemax')).resolves.toBe('3');
  });
});
