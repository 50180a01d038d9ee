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
const MatchingWeightsPage = page(
  () => import('@client/features/matching/MatchingWeightsPage.tsx'),
  'MatchingWeightsPage',
);
const OutboxPage = page(() => import('@client/features/outbox/OutboxPage.tsx'), 'OutboxPage');
const EvaluationExportPage = page(
  () => import('@client/features/evaluation-export/EvaluationExportPage.tsx'),
  'EvaluationExportPage',
);
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
const OpeningsPage = page(() => import('@client/features/openings/OpeningsPage.tsx'), 'OpeningsPage');
const OpeningFormPage = page(
  () => import('@client/features/openings/OpeningFormPage.tsx'),
  'OpeningFormPage',
);
const AssignmentsPage = page(
  () => import('@client/features/assignments/AssignmentsPage.tsx'),
  'AssignmentsPage',
);
const AssignmentPage = page(
  () => import('@client/features/assignments/AssignmentPage.tsx'),
  'AssignmentPage',
);
const JobDialoguesPage = page(
  () => import('@client/features/job-dialogues/JobDialoguesPage.tsx'),
  'JobDialoguesPage',
);
const JobDialoguePage = page(
  () => import('@client/features/job-dialogues/JobDialoguePage.tsx'),
  'JobDialoguePage',
);
const SocialClausesPage = page(
  () => import('@client/features/social-clauses/SocialClausesPage.tsx'),
  'SocialClausesPage',
);
const AgreementsPage = page(() => import('@client/features/agreements/AgreementsPage.tsx'), 'AgreementsPage');
const AgreementPage = page(() => import('@client/features/agreements/AgreementPage.tsx'), 'AgreementPage');
const ReferralContactsPage = page(
  () => import('@client/features/referral-contacts/ReferralContactsPage.tsx'),
  'ReferralContactsPage',
);
const ResidentsPage = page(() => import('@client/features/residents/ResidentsPage.tsx'), 'ResidentsPage');
const ResidentPage = page(() => import('@client/features/residents/ResidentPage.tsx'), 'ResidentPage');
const ResidentFormPage = page(
  () => import('@client/features/residents/ResidentFormPage.tsx'),
  'ResidentFormPage',
);
const ExpiringConsentsPage = page(
  () => import('@client/features/residents/ExpiringConsentsPage.tsx'),
  'ExpiringConsentsPage',
);
const ScreeningsDuePage = page(
  () => import('@client/features/residents/ScreeningsDuePage.tsx'),
  'ScreeningsDuePage',
);
const RetentionPage = page(() => import('@client/features/residents/RetentionPage.tsx'), 'RetentionPage');
const ResidentImportPage = page(
  () => import('@client/features/resident-imports/ResidentImportPage.tsx'),
  'ResidentImportPage',
);
const ResidentImportWizardPage = page(
  () => import('@client/features/resident-imports/ResidentImportPage.tsx'),
  'ResidentImportWizardPage',
);
const BiasReportPage = page(
  () => import('@client/features/bias-report/BiasReportPage.tsx'),
  'BiasReportPage',
);
const ProposalsPage = page(() => import('@client/features/proposals/ProposalsPage.tsx'), 'ProposalsPage');
const ProposalPage = page(() => import('@client/features/proposals/ProposalPage.tsx'), 'ProposalPage');
const AllocationPage = page(
  () => import('@client/features/allocations/AllocationPage.tsx'),
  'AllocationPage',
);
const CompanyProposalsPage = page(
  () => import('@client/features/company-portal/CompanyProposalsPage.tsx'),
  'CompanyProposalsPage',
);
const CompanyProposalPage = page(
  () => import('@client/features/company-portal/CompanyProposalPage.tsx'),
  'CompanyProposalPage',
);
const FollowUpsPage = page(() => import('@client/features/follow-ups/FollowUpsPage.tsx'), 'FollowUpsPage');
const PlacementsPage = page(() => import('@client/features/placements/PlacementsPage.tsx'), 'PlacementsPage');
const PlacementPage = page(() => import('@client/features/placements/PlacementPage.tsx'), 'PlacementPage');
const EscalationsPage = page(
  () => import('@client/features/escalations/EscalationsPage.tsx'),
  'EscalationsPage',
);
const RetentionReportPage = page(
  () => import('@client/features/retention-report/RetentionReportPage.tsx'),
  'RetentionReportPage',
);
const DashboardPage = page(() => import('@client/features/dashboard/DashboardPage.tsx'), 'DashboardPage');
const SteeringPage = page(() => import('@client/features/steering/SteeringPage.tsx'), 'SteeringPage');
const ReportsPage = page(() => import('@client/features/reports/ReportsPage.tsx'), 'ReportsPage');
const HousingAreaPage = page(
  () => import('@client/features/housing-areas/HousingAreaPage.tsx'),
  'HousingAreaPage',
);
const IndicatorsPage = page(() => import('@client/features/indicators/IndicatorsPage.tsx'), 'IndicatorsPage');
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
      {
        path: '/agreements',
        element: (
          <RequireCan kind="agreement">
            <AgreementsPage />
          </RequireCan>
        ),
      },
      {
        path: '/agreements/:id',
        element: (
          <RequireCan kind="agreement">
            <AgreementPage />
          </RequireCan>
        ),
      },
      {
        path: '/admin/partnerships/:id/referral-contacts',
        element: (
          <RequireAdmin>
            <ReferralContactsPage />
          </RequireAdmin>
        ),
      },
      {
        path: '/assignments',
        element: (
          <RequireCan kind="assignment">
            <AssignmentsPage />
          </RequireCan>
        ),
      },
      {
        path: '/assignments/:id',
        element: (
          <RequireCan kind="assignment">
            <AssignmentPage />
          </RequireCan>
        ),
      },
      {
        path: '/job-dialogues',
        element: (
          <RequireCan kind="job_dialogue">
            <JobDialoguesPage />
          </RequireCan>
        ),
      },
      {
        path: '/job-dialogues/:id',
        element: (
          <RequireCan kind="job_dialogue">
            <JobDialoguePage />
          </RequireCan>
        ),
      },
      {
        path: '/social-clauses',
        element: (
          <RequireCan kind="social_clause">
            <SocialClausesPage />
          </RequireCan>
        ),
      },
      {
        path: '/openings',
        element: (
          <RequireCan kind="opening">
            <OpeningsPage />
          </RequireCan>
        ),
      },
      // The form page checks "create" or "update" itself.
      { path: '/openings/new', element: <OpeningFormPage /> },
      { path: '/openings/:id/edit', element: <OpeningFormPage /> },
      { path: '/openings/:id', element: <OpeningPage /> },
      // Residents: the server decides each person from consents; the pages show its answer.
      {
        path: '/residents',
        element: (
          <RequireCan kind="resident">
            <ResidentsPage />
          </RequireCan>
        ),
      },
      {
        path: '/residents/new',
        element: (
          <RequireCan kind="resident">
            <ResidentFormPage />
          </RequireCan>
        ),
      },
      // The jobcenter list import (job consultants and the secretariat; the server decides).
      {
        path: '/residents/import',
        element: (
          <RequireCan kind="resident">
            <ResidentImportPage />
          </RequireCan>
        ),
      },
      {
        path: '/residents/import/:id',
        element: (
          <RequireCan kind="resident">
            <ResidentImportWizardPage />
          </RequireCan>
        ),
      },
      {
        path: '/residents/consents/expiring',
        element: (
          <RequireCan kind="resident">
            <ExpiringConsentsPage />
          </RequireCan>
        ),
      },
      {
        path: '/residents/screenings/due',
        element: (
          <RequireCan kind="resident">
            <ScreeningsDuePage />
          </RequireCan>
        ),
      },
      {
        path: '/residents/:id/edit',
        element: (
          <RequireCan kind="resident">
            <ResidentFormPage />
          </RequireCan>
        ),
      },
      {
        path: '/proposals',
        element: (
          <RequireCan kind="proposal">
            <ProposalsPage />
          </RequireCan>
        ),
      },
      {
        path: '/proposals/:id',
        element: (
          <RequireCan kind="proposal">
            <ProposalPage />
          </RequireCan>
        ),
      },
      {
        path: '/allocations',
        element: (
          <RequireCan kind="allocation">
            <AllocationPage />
          </RequireCan>
        ),
      },
      // The company portal (issue 6): the candidates sent to a company contact's company. Its
      // openings with their pipeline are on /openings.
      {
        path: '/company/proposals',
        element: (
          <RequireCan kind="company_portal">
            <CompanyProposalsPage />
          </RequireCan>
        ),
      },
      {
        path: '/company/proposals/:id',
        element: (
          <RequireCan kind="company_portal">
            <CompanyProposalPage />
          </RequireCan>
        ),
      },
      // Follow-up after a hire (issue 6): the professionals' check-ins and escalations; placements
      // for them and for a company's contact (its own, first names only).
      {
        path: '/follow-ups',
        element: (
          <RequireCan kind="follow_up">
            <FollowUpsPage />
          </RequireCan>
        ),
      },
      {
        path: '/placements',
        element: (
          <RequireCan kind="placement">
            <PlacementsPage />
          </RequireCan>
        ),
      },
      {
        path: '/placements/:id',
        element: (
          <RequireCan kind="placement">
            <PlacementPage />
          </RequireCan>
        ),
      },
      {
        path: '/escalations',
        element: (
          <RequireCan kind="escalation">
            <EscalationsPage />
          </RequireCan>
        ),
      },
      {
        path: '/residents/:id',
        element: (
          <RequireCan kind="resident">
            <ResidentPage />
          </RequireCan>
        ),
      },
      {
        path: '/reports/bias',
        element: (
          <RequireCan kind="bias_report" action="read">
            <BiasReportPage />
          </RequireCan>
        ),
      },
      {
        path: '/reports/retention',
        element: (
          <RequireCan kind="retention_report" action="read">
            <RetentionReportPage />
          </RequireCan>
        ),
      },
      {
        path: '/dashboard',
        element: (
          <RequireCan kind="dashboard" action="read">
            <DashboardPage />
          </RequireCan>
        ),
      },
      {
        path: '/reports',
        element: (
          <RequireCan kind="report" action="create">
            <ReportsPage />
          </RequireCan>
        ),
      },
      {
        path: '/steering',
        element: (
          <RequireCan kind="steering_group">
            <SteeringPage />
          </RequireCan>
        ),
      },
      // An area's facts, indicators and classification (issue 7): every staff role reads them.
      {
        path: '/areas/:id',
        element: (
          <RequireCan kind="housing_area" action="read">
            <HousingAreaPage />
          </RequireCan>
        ),
      },
      {
        path: '/indicators',
        element: (
          <RequireCan kind="area_indicator">
            <IndicatorsPage />
          </RequireCan>
        ),
      },
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
        path: '/admin/matching',
        element: (
          <RequireAdmin>
            <MatchingWeightsPage />
          </RequireAdmin>
        ),
      },
      {
        path: '/admin/retention',
        element: (
          <RequireAdmin>
            <RetentionPage />
          </RequireAdmin>
        ),
      },
      {
        path: '/admin/evaluation-export',
        element: (
          <RequireCan kind="evaluation_export" action="export">
            <EvaluationExportPage />
          </RequireCan>
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
