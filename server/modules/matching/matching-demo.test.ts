import type { TOpeningCandidates } from '@domain/matching/matching.schema.ts';
import { openings } from '@server/db/schema/index.ts';
import { DEMO_PASSWORD, loadDemoData } from '@server/modules/demo/demo-data.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';

// Issue 5 "done when": the demo openings show sensible ranked candidates with reasons, for the
// job consultant and the housing social worker alike.

let t: TTestApp;
const sessions: Record<string, TestSession> = {};

beforeAll(async () => {
  t = await createTestApp({ config: { demo: true } });
  await loadDemoData(t.deps.db);
  for (const who of ['jobkonsulent', 'boligsocial']) {
    const s = new TestSession(t.app);
    expect((await s.login(`${who}@jobbro.test`, DEMO_PASSWORD)).statusCode).toBe(200);
    sessions[who] = s;
  }
});
afterAll(() => t.close());

it('ranks people who want the trade first for the Houlkærvænget apprenticeship, with reasons', async () => {
  const all = await t.deps.db.select({ id: openings.id, title: openings.title }).from(openings);
  const apprenticeship = all.find((o) => o.title === 'Tømrerlærling – Houlkærvænget')!;
  for (const who of ['jobkonsulent', 'boligsocial']) {
    const res = await sessions[who]!.get(`/api/openings/${apprenticeship.id}/candidates?limit=10`);
    expect(res.statusCode, who).toBe(200);
    const body = res.json() as TOpeningCandidates;
    expect(body.candidates.length, who).toBeGreaterThanOrEqual(3);
    // The best three want carpentry or a building trade next to it (ISCO 71xx).
    for (const c of body.candidates.slice(0, 3)) {
      const occupation = c.components.find((x) => x.component === 'occupation')!;
      expect(occupation.value, `${who}: ${c.reasons.join(' | ')}`).toBeGreaterThanOrEqual(0.4);
      expect(c.reasons.length).toBeGreaterThanOrEqual(5);
      expect(c.reasons.some((r) => r.startsWith('Bor i '))).toBe(true);
    }
    // Scores fall down the list, and the summary says who is left out and why.
    const scores = body.candidates.map((c) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(body.exclusionSummary.some((l) => l.code === 'no_consent')).toBe(true);
    // Lines that read the same are one line ("ikke aktive" covers paused, in education, moved).
    const labels = body.exclusionSummary.map((l) => l.label.replace(/^\d+/, ''));
    expect(new Set(labels).size).toBe(labels.length);
  }
});
