import { buildJobcenter, buildUser, TEST_PASSWORD } from '@server/test/factories.ts';
import { createTestApp, TestSession, type TTestApp } from '@server/test/setup.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TTestApp;
let consultant: TestSession;
beforeAll(async () => {
  t = await createTestApp();
  const jobcenter = await buildJobcenter(t.deps.db);
  const user = await buildUser(t.deps.db, { role: 'job_consultant', scopeId: jobcenter.id });
  consultant = new TestSession(t.app);
  expect((await consultant.login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
});
afterAll(async () => t.close());

const list = (query: string) => consultant.get(`/api/occupations?${query}`);

describe('occupations API', () => {
  it('finds "Tømrer (7115)" from a partial, case- and letter-insensitive search', async () => {
    for (const q of ['tømr', 'TØMRER', 'toemrer', 'tomrer', 'carpenter']) {
      const res = await list(`q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      expect(res.json().items[0], q).toMatchObject({ id: 'toemrer', titleDa: 'Tømrer', isco: '7115' });
    }
  });

  it('finds every occupation of an ISCO unit group by its code', async () => {
    const res = await list('q=7115');
    expect(
      res
        .json()
        .items.map((o: { id: string }) => o.id)
        .sort(),
    ).toEqual(['bygningssnedker', 'toemrer']);
  });

  it('filters by group and pages with limit/offset or page/pageSize, returning the total', async () => {
    const all = (await list('group=green&limit=200')).json();
    expect(all.total).toBeGreaterThan(3);
    expect(all.items.every((o: { group: string }) => o.group === 'green')).toBe(true);

    const first = (await list('group=green&limit=2&offset=0')).json();
    const second = (await list('group=green&limit=2&offset=2')).json();
    expect(first).toMatchObject({ total: all.total, limit: 2, offset: 0, page: 1, pageSize: 2 });
    expect(first.items.map((o: { id: string }) => o.id)).toEqual(
      all.items.slice(0, 2).map((o: { id: string }) => o.id),
    );
    expect(second.items.map((o: { id: string }) => o.id)).toEqual(
      all.items.slice(2, 4).map((o: { id: string }) => o.id),
    );

    const byPage = (await list('group=green&page=2&pageSize=2')).json();
    expect(byPage).toMatchObject({ offset: 2, page: 2, pageSize: 2 });
    expect(byPage.items).toEqual(second.items);

    const past = (await list('group=green&limit=10&offset=500')).json();
    expect(past).toMatchObject({ items: [], total: all.total });
  });

  it('reads one occupation and answers 404 for an unknown id', async () => {
    const res = await consultant.get('/api/occupations/elektriker');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ titleDa: 'Elektriker', isco: '7411', education: 'Elektriker' });

    const missing = await consultant.get('/api/occupations/astronaut');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
  });

  it('answers 400 with a Danish message on bad parameters', async () => {
    for (const query of ['limit=0', 'limit=1000', 'offset=-1', 'page=0', 'limit=abc', 'group=rumfart']) {
      const res = await list(query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code, query).toBe('VALIDATION_FAILED');
    }
    expect((await consultant.get('/api/occupations/Not%20An%20Id')).statusCode).toBe(400);
  });

  it('requires a login', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/occupations' });
    expect(res.statusCode).toBe(401);
  });
});
