import { danishDate } from '@domain/time.ts';
import { goals, milestones, steeringGroupMembers, steeringGroups } from '@server/db/schema/index.ts';
import { createTestApp, TestSession } from '@server/test/setup.ts';
import { asc, eq, isNull } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemoData } from './demo-data.ts';
import { DEMO_STEERING_GROUP_NAME, loadDemoSteering } from './demo-steering.ts';

it("loads Viborg's steering group, this year's goals and seed 000's milestones once, for styregruppe@ to see", async () => {
  const t = await createTestApp({ config: { demo: true } });
  try {
    await loadDemoData(t.deps.db);
    const year = danishDate(new Date()).slice(0, 4);

    const [group] = await t.deps.db.select().from(steeringGroups);
    expect(group).toMatchObject({ name: DEMO_STEERING_GROUP_NAME });
    expect(group!.mandate).toContain('sætter mål og rammer for jobskabelsen');

    const rows = await t.deps.db.select().from(goals).orderBy(asc(goals.createdAt), asc(goals.title));
    expect(rows.map((g) => [g.kpi, g.target])).toEqual(
      expect.arrayContaining([
        ['hires', 12],
        ['apprenticeships', 3],
        ['retention_6', 75],
        ['median_days_to_first_proposal', 5],
      ]),
    );
    expect(rows.every((g) => g.periodFrom === `${year}-01-01` && g.periodTo === `${year}-12-31`)).toBe(true);
    // Seed 003's first sub-goal, from Houlkærvænget's 2019 baseline in the demo indicators.
    expect(rows.find((g) => g.kpi === 'area_indicator')).toMatchObject({
      indicator: 'employment_share_18_64',
      baseline: 48.07,
      target: 51,
    });

    const programme = await t.deps.db
      .select()
      .from(milestones)
      .where(isNull(milestones.partnershipId))
      .orderBy(asc(milestones.dueDate));
    expect(programme.map((m) => [m.dueDate, m.status, m.ownerName])).toEqual([
      ['2020-01-31', 'done', 'Projektledelsen'],
      ['2020-04-30', 'done', 'Projektledelsen'],
      ['2020-05-15', 'done', 'Projektledelsen og boligforeningerne'],
      ['2020-06-01', 'done', 'Projektstyregrupperne i de 3 byer'],
      ['2020-06-30', 'done', 'Projektledelsen'],
    ]);
    expect(programme[3]!.description).toBe(
      'Senest 1. juni har de 3 projektstyregrupper sat rammer og mål for hovedprojektet.',
    );

    // The marker keeps a second start from loading them again.
    expect(await loadDemoSteering(t.deps.db)).toBe(false);
    expect(await t.deps.db.select().from(goals)).toHaveLength(rows.length);
    expect(await t.deps.db.select().from(milestones)).toHaveLength(7);

    // styregruppe@ is the chair, and sees the goals and both kinds of milestone on the steering page.
    const steering = new TestSession(t.app);
    expect((await steering.login('styregruppe@jobbro.test', DEMO_PASSWORD)).statusCode).toBe(200);
    const detail = await steering.get(`/api/steering-groups/${group!.id}`);
    expect(detail.json().members).toEqual([
      expect.objectContaining({ name: 'Stine Styregruppe', title: 'Formand' }),
    ]);
    expect(
      await t.deps.db
        .select()
        .from(steeringGroupMembers)
        .where(eq(steeringGroupMembers.steeringGroupId, group!.id)),
    ).toHaveLength(1);
    const list = await steering.get(`/api/goals?steeringGroupId=${group!.id}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(rows.length);
    const area = list.json().items.find((g: { kpi: string }) => g.kpi === 'area_indicator');
    expect(area).toMatchObject({ housingAreaName: 'Houlkærvænget', actual: 48.07, actualYear: 2019 });
    const ms = await steering.get(`/api/milestones?partnershipId=${group!.partnershipId}`);
    expect(
      ms
        .json()
        .items.map((m: { partnershipId: string | null; status: string }) => [
          m.partnershipId === null,
          m.status,
        ]),
    ).toEqual([
      [true, 'done'],
      [true, 'done'],
      [true, 'done'],
      [true, 'done'],
      [true, 'done'],
      [false, 'done'],
      [false, 'planned'],
    ]);
  } finally {
    await t.close();
  }
});
