import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { NavCount } from '@client/components/NavCount.tsx';
import { usePageTitle } from '@client/components/usePageTitle.ts';
import { NotificationBell } from '@client/features/notifications/NotificationBell.tsx';
import { appErrorMessagesDa, appErrorMessagesEn } from '@domain/errors.ts';
import { resourceOfKind, type TAction, type TResourceKind } from '@domain/policy.ts';
import {
  Alert,
  AppShell,
  Box,
  Burger,
  Button,
  Center,
  Container,
  Group,
  Loader,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { isAdminMe, meCan } from './actor.ts';
import { useAuthActions, useMe } from './auth.ts';
import { currentLang, setLanguage } from './i18n.ts';
import { navigationFor, type TNavGroup } from './navigation.ts';

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t('shell.skipToMain')}
    </a>
  );
}

/** Shows the other language in that language (WCAG 3.1.2), and remembers the choice. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const other = currentLang() === 'da' ? 'en' : 'da';
  return (
    <Button
      variant="subtle"
      size="compact-md"
      lang={other}
      onClick={() => setLanguage(other)}
      aria-label={t('shell.switchLanguage')}
    >
      {other === 'en' ? 'English' : 'Dansk'}
    </Button>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <Box component="footer" className="site-footer" py="lg" px="md">
      <Container size="lg">
        <Group justify="space-between" gap="sm">
          <Text size="sm">{t('shell.footerText')}</Text>
          <Group gap="lg">
            <Link to="/tilgaengelighed" style={{ color: 'var(--mantine-color-blue-9)' }}>
              {t('shell.accessibility')}
            </Link>
          </Group>
        </Group>
      </Container>
    </Box>
  );
}

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** Login, invitation and the public pages: header, main, footer, no navigation. */
export function PublicLayout({ children }: { children?: ReactNode }) {
  return (
    <Box style={{ minHeight: '100dvh', display: 'flex', flexDirection: 'column' }}>
      <SkipLink />
      <Box
        component="header"
        px="md"
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Container size="lg">
          <Group justify="space-between">
            <Link to="/" className="brand-link">
              Jobbro
            </Link>
            <LanguageSwitch />
          </Group>
        </Container>
      </Box>
      <Box component="main" id="main" tabIndex={-1} style={{ flex: 1 }} py="xl" px="md">
        <Container size="lg">
          <Suspense fallback={<PageLoader />}>{children ?? <Outlet />}</Suspense>
        </Container>
      </Box>
      <SiteFooter />
    </Box>
  );
}

const GROUP_ORDER: TNavGroup[] = ['overview', 'reports', 'data', 'admin', 'account'];

/** The signed-in shell: header, role-based navigation (burger below 768 px), main, footer. */
export function AppLayout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { logout } = useAuthActions();
  const [opened, { toggle, close }] = useDisclosure(false);
  const mobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const location = useLocation();
  if (!me) return null;
  const items = navigationFor(me);
  const isActive = (to: string) =>
    to === '/' ? location.pathname === '/' : location.pathname.startsWith(to);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={0}
    >
      <AppShell.Header>
        <SkipLink />
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('shell.closeMenu') : t('shell.openMenu')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Link to="/" className="brand-link">
              Jobbro
            </Link>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" fw={600} visibleFrom="md">
              {me.user.name}
            </Text>
            <NotificationBell />
            <LanguageSwitch />
            <Button variant="outline" size="compact-md" onClick={() => void logout()}>
              {t('shell.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        id="main-navigation"
        aria-label={t('shell.navigation')}
        p="sm"
        inert={mobile && !opened}
      >
        <ScrollArea type="auto">
          <Stack gap="md">
            <Box hiddenFrom="md" px="xs">
              <Text size="sm" fw={700}>
                {me.user.name}
              </Text>
              <Text size="xs" c="dimmed">
                {me.user.email}
              </Text>
            </Box>
            {GROUP_ORDER.map((group) => {
              const groupItems = items.filter((i) => i.group === group);
              if (groupItems.length === 0) return null;
              const headingId = `nav-group-${group}`;
              return (
                <Box key={group} role="group" aria-labelledby={headingId}>
                  <Text id={headingId} size="xs" fw={700} tt="uppercase" c="dimmed" px="xs" mb={4}>
                    {t(`nav.group.${group}`)}
                  </Text>
                  <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                    {groupItems.map((item) => (
                      <li key={item.to}>
                        <NavLink
                          component={Link}
                          to={item.to}
                          label={t(item.labelKey)}
                          active={isActive(item.to)}
                          aria-current={isActive(item.to) ? 'page' : undefined}
                          onClick={close}
                          rightSection={item.count ? <NavCount {...item.count} /> : undefined}
                          variant="light"
                          styles={{ label: { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 500 } }}
                        />
                      </li>
                    ))}
                  </Box>
                </Box>
              );
            })}
          </Stack>
        </ScrollArea>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} style={{ display: 'flex', flexDirection: 'column' }}>
        <Container size="xl" w="100%" py="xl" px={{ base: 'md', sm: 'xl' }} style={{ flex: 1 }}>
          <Suspense fallback={<PageLoader />}>{children ?? <Outlet />}</Suspense>
        </Container>
      </AppShell.Main>
      <Box style={{ paddingInlineStart: 'var(--app-shell-navbar-offset, 0rem)' }}>
        <SiteFooter />
      </Box>
    </AppShell>
  );
}

/** Pages for everyone (accessibility statement, 404): inside the shell when signed in. */
export function AnyoneLayout() {
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  return me.data ? <AppLayout /> : <PublicLayout />;
}

/** Sends anyone without a session to /login, remembering where they were going. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader />;
  if (me.isError) {
    return (
      <PublicLayout>
        <ErrorAlert error={me.error} />
      </PublicLayout>
    );
  }
  if (!me.data) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return <AppLayout />;
}

/** A clear "no access" page rather than a blank one. */
export function ForbiddenNotice() {
  const { t } = useTranslation();
  usePageTitle(t('errors.forbiddenTitle'));
  return (
    <Stack>
      <Title order={1}>{t('errors.forbiddenTitle')}</Title>
      <Alert color="orange" variant="light">
        {(currentLang() === 'en' ? appErrorMessagesEn : appErrorMessagesDa).FORBIDDEN}
      </Alert>
      <Text>
        <Link to="/">{t('errors.backToStart')}</Link>
      </Text>
    </Stack>
  );
}

/** Admin-only routes (the server checks again on every call). */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  return isAdminMe(me) ? children : <ForbiddenNotice />;
}

/** Routes for whoever may list this kind of resource. */
export function RequireCan({
  kind,
  action = 'list',
  children,
}: {
  kind: TResourceKind;
  /** The action asked "on some instance"; a report is read, a register listed. */
  action?: TAction;
  children: ReactNode;
}) {
  const { data: me } = useMe();
  return meCan(me, action, resourceOfKind(kind)) ? children : <ForbiddenNotice />;
}
