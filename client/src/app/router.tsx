import { type ComponentType, lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AnyoneLayout, PublicLayout, RequireAdmin, RequireAuth, RequireCan } from './layouts.tsx';
import { REFERENCE_KIND, REFERENCE_SLUGS } from './navigation.ts';

// Every page is its own chunk (React.lazy), so the login page does not load the admin pages.
function page<P extends object, K extends string>(
  load: () => Promise<{ [k in K]: ComponentType<P> }>,
  name: K,
) {
  return lazy<ComponentType<P>>(async () => ({ default: (await load())[name] }));
}

const LoginPage = page(() => import('@client/features/auth/LoginPage.tsx'), 'LoginPage');
const InvitationPage = page(() => import('@client/features/auth/InvitationPage.tsx'), 'InvitationPage');
const ChangePasswordPage = page(
  () => import('@client/features/auth/ChangePasswordPage.tsx'),
  'ChangePasswordPage',
);
const StartPage = page(() => import('@client/features/start/StartPage.tsx'), 'StartPage');
const ReferenceListPage = page(
  () => import('@client/features/reference-data/ReferenceListPage.tsx'),
  'ReferenceListPage',
);
const UsersPage = page(() => import('@client/features/users/UsersPage.tsx'), 'UsersPage');
const UserDetailPage = page(() => import('@client/features/users/UserDetailPage.tsx'), 'UserDetailPage');
const AuditPage = page(() => import('@client/features/audit/AuditPage.tsx'), 'AuditPage');
const OutboxPage = page(() => import('@client/features/outbox/OutboxPage.tsx'), 'OutboxPage');
const AccessibilityPage = page(
  () => import('@client/features/accessibility/AccessibilityStatementPage.tsx'),
  'AccessibilityStatementPage',
);
const NotificationsPage = page(
  () => import('@client/features/notifications/NotificationsPage.tsx'),
  'NotificationsPage',
);
const CompaniesPage = page(() => import('@client/features/companies/CompaniesPage.tsx'), 'CompaniesPage');
const CompanyPage = page(() => import('@client/features/companies/CompanyPage.tsx'), 'CompanyPage');
const CompanyImportPage = page(
  () => import('@client/features/companies/CompanyImportPage.tsx'),
  'CompanyImportPage',
);
const OpeningPage = page(() => import('@client/features/openings/OpeningPage.tsx'), 'OpeningPage');
const NotFoundPage = page(() => import('@client/features/errors/NotFoundPage.tsx'), 'NotFoundPage');

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/invitation/:token', element: <InvitationPage /> },
    ],
  },
  {
    element: <RequireAuth />,
    children: [
      { path: '/', element: <StartPage /> },
      { path: '/account/password', element: <ChangePasswordPage /> },
      {
        path: '/companies',
        element: (
          <RequireCan kind="company">
            <CompaniesPage />
          </RequireCan>
        ),
      },
      {
        path: '/companies/import',
        element: (
          <RequireCan kind="company">
            <CompanyImportPage />
          </RequireCan>
        ),
      },
      {
        path: '/companies/:id',
        element: (
          <RequireCan kind="company">
            <CompanyPage />
          </RequireCan>
        ),
      },
      { path: '/notifications', element: <NotificationsPage /> },
      { path: '/openings/:id', element: <OpeningPage /> },
      ...REFERENCE_SLUGS.map((slug) => ({
        path: `/admin/${slug}`,
        element: (
          <RequireAdmin>
            <ReferenceListPage key={slug} slug={slug} />
          </RequireAdmin>
        ),
      })),
      ...REFERENCE_SLUGS.map((slug) => ({
        path: `/data/${slug}`,
        element: (
          <RequireCan kind={REFERENCE_KIND[slug]}>
            <ReferenceListPage key={slug} slug={slug} />
          </RequireCan>
        ),
      })),
      {
        path: '/admin/users',
        element: (
          <RequireAdmin>
            <UsersPage />
          </RequireAdmin>
        ),
      },
      {
        path: '/admin/users/:id',
        element: (
          <RequireAdmin>
            <UserDetailPage />
          </RequireAdmin>
        ),
      },
      {
        path: '/admin/audit',
        element: (
          <RequireAdmin>
            <AuditPage />
          </RequireAdmin>
        ),
      },
      {
        path: '/admin/outbox',
        element: (
          <RequireAdmin>
            <OutboxPage />
          </RequireAdmin>
        ),
      },
    ],
  },
  {
    element: <AnyoneLayout />,
    children: [
      { path: '/tilgaengelighed', element: <AccessibilityPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
