import type { TMe } from '@domain/auth.schema.ts';
import type { TRole } from '@domain/roles.ts';
import { describe, expect, it } from 'vitest';
import { canImportLists } from './import-access.ts';

const me = (...memberships: [TRole, string | null][]): TMe => ({
  user: { id: '00000000-0000-4000-8000-000000000001', email: 'a@jobbro.test', name: 'A', locale: 'da' },
  memberships: memberships.map(([role, scopeId], i) => ({
    id: `00000000-0000-4000-8000-00000000001${i}`,
    role,
    scopeType: role === 'admin' ? 'global' : 'jobcenter',
    scopeId,
    scopeName: null,
  })) as TMe['memberships'],
  roles: memberships.map(([role]) => role),
  csrfToken: 'x',
  demo: false,
});

describe('who is offered the jobcenter list import', () => {
  it('job consultants with a jobcenter and the secretariat; not the other roles', () => {
    expect(canImportLists(me(['job_consultant', '00000000-0000-4000-8000-0000000000aa']))).toBe(true);
    expect(canImportLists(me(['admin', null]))).toBe(true);
    expect(canImportLists(me(['job_consultant', null]))).toBe(false);
    expect(canImportLists(me(['social_worker', '00000000-0000-4000-8000-0000000000bb']))).toBe(false);
    expect(canImportLists(me(['housing_staff', 'x'], ['steering', 'y']))).toBe(false);
  });
});
