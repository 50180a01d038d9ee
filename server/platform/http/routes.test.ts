import { createTestApp, type TTestApp } from '@server/test/setup.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Every route must declare its authentication and policy (STYLE.md 2), and every route that
// is not public must answer 401 without a session — walking the app's own route table, so a
// route added later is covered without touching this file.

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';
const concreteUrl = (url: string) => url.replace(/:[a-zA-Z]+/g, SAMPLE_ID).replace(/\*$/, 'x');

describe('route declarations', () => {
  it('has an access declaration on every registered route', () => {
    const routes = t.app.registeredRoutes;
    expect(routes.length).toBeGreaterThan(30);
    const undeclared = routes.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it('answers 401 on every non-public API route without a session', async () => {
    const guarded = t.app.registeredRoutes.filter((r) => r.access && !('public' in r.access));
    expect(guarded.length).toBeGreaterThan(25);
    const failures: string[] = [];
    for (const route of guarded) {
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: concreteUrl(route.url),
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      if (res.statusCode !== 401 || res.json().error.code !== 'UNAUTHENTICATED') {
        failures.push(`${route.method} ${route.url} → ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('keeps public routes few and explained', () => {
    const publicRoutes = t.app.registeredRoutes.filter((r) => r.access && 'public' in r.access);
    for (const r of publicRoutes)
      expect(r.access && 'public' in r.access && r.access.reason.length).toBeGreaterThan(3);
    const apiPublic = publicRoutes
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`);
    expect(apiPublic.sort()).toEqual(
      [
        'GET /api/auth/invitations/:token',
        'GET /api/health',
        'GET /api/openapi.json',
        'POST /api/auth/invitations/accept',
        'POST /api/auth/login',
      ].sort(),
    );
  });
});

describe('errors and headers', () => {
  it('answers an unknown API route with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/does-not-exist' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'ROUTE_NOT_FOUND', message: expect.stringContaining('findes ikke') },
    });
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('marks API responses no-store and gives each a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', db: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the OpenAPI document generated from the zod schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/auth/login'].post.requestBody).toBeDefined();
    expect(doc.paths['/api/housing-areas']).toBeDefined();
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });
});

describe('health', () => {
  it('answers 503 when the database is down', async () => {
    const broken = await createTestApp();
    await broken.database.pool.end();
    const res = await broken.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'error', db: 'down' });
    await broken.app.close();
    await broken.deps.queue.stop();
  });
});
