import type { TPage } from '@domain/common.schema.ts';
import type { TOpeningCandidates } from '@domain/matching/matching.schema.ts';
import type { TOpeningListItem } from '@domain/opening.schema.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, expectAccessible, launch, login, newContext, open, settle } from './support.ts';

// Issue 5's end-to-end flow: jobkonsulent@ proposes a ranked candidate from a demo opening's
// "Kandidater" tab; boligsocial@ sees the proposal in "Forslag" and a notification, records the
// resident's yes; the job consultant computes an allocation plan and accepts a line. axe on each page.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

async function candidatesOf(page: Page, openingId: string): Promise<TOpeningCandidates> {
  const res = await page.request.get(`/api/openings/${openingId}/candidates?limit=50`);
  expect(res.status()).toBe(200);
  return res.json();
}

describe('proposals', () => {
  it('a job consultant proposes, the social worker sees it and records the yes, a plan line is accepted', async () => {
    const consultantContext = await newContext(browser);
    const workerContext = await newContext(browser);
    const consultant = await consultantContext.newPage();
    const worker = await workerContext.newPage();
    try {
      await login(consultant, DEMO_USERS.job_consultant);
      await login(worker, DEMO_USERS.social_worker);

      // A demo opening with a candidate both professionals see (the social worker must find the proposal).
      const list = (await (
        await consultant.request.get('/api/openings?pageSize=100')
      ).json()) as TPage<TOpeningListItem>;
      let chosen: { openingId: string; title: string; name: string } | null = null;
      for (const o of list.items.filter((x) => ['referred', 'proposals'].includes(x.status))) {
        const mine = await candidatesOf(consultant, o.id);
        // Closed, or already with as many proposals under way as allowed: nobody more to propose.
        if (!mine.opening.matchable || mine.opening.activeProposals >= mine.opening.maxActiveProposals)
          continue;
        const theirs = new Set((await candidatesOf(worker, o.id)).candidates.map((c) => c.residentId));
        const both = mine.candidates.find((c) => theirs.has(c.residentId) && c.activeProposals === 0);
        if (both) {
          chosen = { openingId: o.id, title: o.title, name: `${both.firstName} ${both.lastName}` };
          break;
        }
      }
      expect(chosen, 'a demo opening with a candidate both sides see').not.toBeNull();
      const { openingId, title, name } = chosen!;

      // The consultant proposes the person from the Kandidater tab.
      await open(consultant, `/openings/${openingId}?tab=candidates`);
      await consultant.getByRole('button', { name: `Foreslå ${name}`, exact: true }).click();
      const dialog = consultant.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByLabel(/^Note/).fill('Har selv spurgt efter arbejde i faget.');
      await expectAccessible(consultant, 'propose dialog');
      await dialog.getByRole('button', { name: 'Foreslå', exact: true }).click();
      await consultant.getByText(`${name} er foreslået.`, { exact: false }).first().waitFor();
      await expectAccessible(consultant, 'candidates after proposing');

      // The social worker sees it in Forslag, and a notification names the opening.
      await open(worker, '/proposals');
      await expectAccessible(worker, 'proposals list');
      await worker.getByLabel('Søg i jobåbning, virksomhed eller navn').fill(name);
      const row = worker.getByRole('row').filter({ hasText: title });
      await row.first().waitFor();
      await expect(row.first().textContent()).resolves.toContain('Afventer beboeren');
      await open(worker, '/notifications');
      await worker.getByText(`Nyt forslag til ${title}`).first().waitFor();

      await open(worker, '/proposals');
      await worker.getByLabel('Søg i jobåbning, virksomhed eller navn').fill(name);
      await worker.getByRole('row').filter({ hasText: title }).getByRole('link', { name }).click();
      await worker.getByRole('heading', { level: 1, name: `${name} til ${title}` }).waitFor();
      await settle(worker);
      await expectAccessible(worker, 'proposal detail');
      await worker.getByRole('button', { name: 'Beboeren har sagt ja' }).click();
      await worker.getByRole('button', { name: 'Send til virksomheden' }).waitFor();
      await expect(
        worker.getByRole('list').filter({ hasText: 'Beboeren har sagt ja' }).count(),
      ).resolves.toBe(1);

      // The consultant computes an allocation plan and accepts one line.
      await open(consultant, '/allocations');
      await consultant.getByRole('button', { name: 'Beregn plan' }).click();
      const progress = consultant.getByText(/^\d+ af \d+ besluttet$/);
      await progress.waitFor();
      const before = (await progress.textContent()) ?? '';
      const total = Number(before.split(' af ')[1]!.split(' ')[0]);
      expect(total).toBeGreaterThan(0);
      await settle(consultant);
      await expectAccessible(consultant, 'allocation plan');
      await consultant
        .getByRole('button', { name: /^Acceptér forslaget om / })
        .first()
        .click();
      await consultant.getByText(`1 af ${total} besluttet`).waitFor();
      await consultant.getByRole('link', { name: 'Accepteret – se forslaget' }).first().waitFor();
      await expectAccessible(consultant, 'allocation plan after a decision');
    } finally {
      await consultantContext.close();
      await workerContext.close();
    }
  });
});
