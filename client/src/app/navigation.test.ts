import type { TMe } from '@domain/auth.schema.ts';
import type { TRole } from '@domain/roles.ts';
import { ROLE_SCOPE } from '@domain/roles.ts';
import { describe, expect, it } from 'vitest';
import { navigationFor, referencePath } from './navigation.ts';

function meWith(role: TRole, demo = true): TMe {
  return {
    user: { id: '00000000-0000-4000-8000-000000000001', email: 'x@jobbro.test', name: 'X', locale: 'da' },
    memberships: [
      {
        id: '00000000-0000-4000-8000-000000000002',
        role,
        scopeType: ROLE_SCOPE[role],
        scopeId: role === 'admin' ? null : '00000000-0000-4000-8000-000000000003',
        scopeName: null,
      },
    ],
    roles: [role],
    csrfToken: 't',
    demo,
  };
}

const paths = (role: TRole, demo = true) => navigationFor(meWith(role, demo)).map((i) => i.to);

describe('navigationFor', () => {
  it('gives the admin every admin page, the outbox only in demo mode', () => {
    expect(paths('admin')).toEqual([
      '/',
      '/companies',
      '/assignments',
      '/job-dialogues',
      '/social-clauses',
      '/openings',
      '/agreements',
      '/residents',
      '/dashboard',
      '/steering',
      '/reports/bias',
      '/reports/retention',
      '/reports',
      '/indicators',
      '/admin/partnerships',
      '/admin/housing-organisations',
      '/admin/housing-areas',
      '/admin/jobcenters',
      '/admin/social-housing-plans',
      '/admin/municipalities',
      '/admin/users',
      '/admin/audit',
      '/admin/matching',
      '/admin/retention',
      '/admin/evaluation-export',
      '/admin/outbox',
      '/account/password',
    ]);
    expect(paths('admin', false)).not.toContain('/admin/outbox');
  });

  it.each(['housing_staff', 'social_worker', 'job_consultant', 'steering'] as const)(
    'gives %s the read-only reference lists and no admin pages',
    (role) => {
      const p = paths(role);
      expect(p).toContain('/data/housing-areas');
      expect(p).toContain('/data/partnerships');
      expect(p.some((x) => x.startsWith('/admin'))).toBe(false);
    },
  );

  it('gives a company contact its own company page, its openings, the start page and the password page', () => {
    expect(paths('company_contact')).toEqual([
      '/',
      '/companies/00000000-0000-4000-8000-000000000003',
      '/openings',
      '/agreements',
      '/company/proposals',
      '/placements',
      '/account/password',
    ]);
  });

  it('gives staff who work with companies the register, and steering none', () => {
    for (const role of ['housing_staff', 'social_worker', 'job_consultant'] as const) {
      expect(paths(role)).toContain('/companies');
    }
    expect(paths('steering')).not.toContain('/companies');
  });

  it('gives assignments, job dialogues and social clauses to the staff of the method, in its order', () => {
    const mine = (role: TRole) =>
      paths(role).filter((p) => ['/assignments', '/job-dialogues', '/social-clauses'].includes(p));
    for (const role of ['housing_staff', 'social_worker', 'job_consultant'] as const) {
      expect(mine(role)).toEqual(['/assignments', '/job-dialogues', '/social-clauses']);
    }
    // The company reads its assignments and clauses on its own page; dialogues are internal.
    expect(mine('company_contact')).toEqual([]);
    expect(mine('steering')).toEqual([]);
  });

  it('gives every role that works with openings the openings list, and steering none', () => {
    for (const role of [
      'admin',
      'housing_staff',
      'social_worker',
      'job_consultant',
      'company_contact',
    ] as const) {
      expect(paths(role)).toContain('/openings');
    }
    expect(paths('steering')).not.toContain('/openings');
  });

  it('gives the agreements list to both sides of an agreement, and steering none', () => {
    for (const role of ['housing_staff', 'social_worker', 'job_consultant', 'company_contact'] as const) {
      expect(paths(role)).toContain('/agreements');
    }
    expect(paths('steering')).not.toContain('/agreements');
  });

  it('gives residents to the two professional roles and the admin only', () => {
    for (const role of ['admin', 'social_worker', 'job_consultant'] as const) {
      expect(paths(role)).toContain('/residents');
    }
    for (const role of ['housing_staff', 'company_contact', 'steering'] as const) {
      expect(paths(role)).not.toContain('/residents');
    }
  });

  it('gives the bias report to the admin, social workers, job consultants and steering, under reports', () => {
    for (const role of ['admin', 'social_worker', 'job_consultant', 'steering'] as const) {
      const item = navigationFor(meWith(role)).find((i) => i.to === '/reports/bias');
      expect(item?.group).toBe('reports');
    }
    for (const role of ['housing_staff', 'company_contact'] as const) {
      expect(paths(role)).not.toContain('/reports/bias');
    }
  });

  it('gives proposals and the allocation plan to the two professional roles only', () => {
    for (const role of ['social_worker', 'job_consultant'] as const) {
      const p = paths(role);
      expect(p.slice(p.indexOf('/residents'), p.indexOf('/residents') + 3)).toEqual([
        '/residents',
        '/proposals',
        '/allocations',
      ]);
    }
    for (const role of ['admin', 'housing_staff', 'company_contact', 'steering'] as const) {
      expect(paths(role)).not.toContain('/proposals');
      expect(paths(role)).not.toContain('/allocations');
    }
  });

  it('gives check-ins and escalations to the two professional roles, placements to them and companies', () => {
    for (const role of ['social_worker', 'job_consultant'] as const) {
      const p = paths(role);
      expect(p.slice(p.indexOf('/follow-ups'), p.indexOf('/follow-ups') + 3)).toEqual([
        '/follow-ups',
        '/placements',
        '/escalations',
      ]);
      // The open escalations are counted beside the link.
      const escalations = navigationFor(meWith(role)).find((i) => i.to === '/escalations');
      expect(escalations?.count).toEqual({
        path: '/api/escalations',
        query: { state: 'open' },
        labelKey: 'escalations.navCount',
      });
    }
    expect(paths('company_contact')).toContain('/placements');
    for (const role of ['admin', 'housing_staff', 'company_contact', 'steering'] as const) {
      expect(paths(role)).not.toContain('/follow-ups');
      expect(paths(role)).not.toContain('/escalations');
    }
    for (const role of ['admin', 'housing_staff', 'steering'] as const) {
      expect(paths(role)).not.toContain('/placements');
    }
  });

  it('gives the retention report to the admin, social workers, job consultants and steering, under reports', () => {
    for (const role of ['admin', 'social_worker', 'job_consultant', 'steering'] as const) {
      const item = navigationFor(meWith(role)).find((i) => i.to === '/reports/retention');
      expect(item?.group).toBe('reports');
    }
    for (const role of ['housing_staff', 'company_contact'] as const) {
      expect(paths(role)).not.toContain('/reports/retention');
    }
  });

  it('gives the area indicators to every staff role (steering too) under data, and companies none', () => {
    for (const role of ['admin', 'housing_staff', 'social_worker', 'job_consultant', 'steering'] as const) {
      const item = navigationFor(meWith(role)).find((i) => i.to === '/indicators');
      expect(item?.group).toBe('data');
    }
    expect(paths('company_contact')).not.toContain('/indicators');
  });

  it('puts reference lists under /admin for admins and /data for staff', () => {
    expect(referencePath(meWith('admin'), 'jobcenters')).toBe('/admin/jobcenters');
    expect(referencePath(meWith('steering'), 'jobcenters')).toBe('/data/jobcenters');
  });
});

describe('the dashboard', () => {
  it('comes first among the reports for every staff role, and not for a company contact', () => {
    for (const role of ['admin', 'housing_staff', 'social_worker', 'job_consultant', 'steering'] as const) {
      const reports = navigationFor(meWith(role)).filter((i) => i.group === 'reports');
      expect(reports[0]).toEqual({ to: '/dashboard', labelKey: 'dashboard.nav', group: 'reports' });
    }
    expect(paths('company_contact')).not.toContain('/dashboard');
  });

  it('gives the steering page to every staff role right after the dashboard, and not to a company contact', () => {
    for (const role of ['admin', 'housing_staff', 'social_worker', 'job_consultant', 'steering'] as const) {
      const reports = navigationFor(meWith(role)).filter((i) => i.group === 'reports');
      expect(reports[1]).toEqual({ to: '/steering', labelKey: 'steeringPage.nav', group: 'reports' });
    }
    expect(paths('company_contact')).not.toContain('/steering');
  });
});
