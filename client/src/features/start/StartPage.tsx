import { api } from '@client/api/client.ts';
import { isAdminMe, meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { currentLang } from '@client/app/i18n.ts';
import { navigationFor } from '@client/app/navigation.ts';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { formatNumber } from '@client/lib/format.ts';
import type { TMe } from '@domain/auth.schema.ts';
import type { TPage } from '@domain/common.schema.ts';
import { ROLE_LABEL_DA, ROLE_LABEL_EN, ROLES, type TRole } from '@domain/roles.ts';
import {
  Anchor,
  Badge,
  Card,
  Group,
  List,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The start page: what waits for me, who am I, what my role does in Jobbro, where I can go. */
export function StartPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const labels = currentLang() === 'en' ? ROLE_LABEL_EN : ROLE_LABEL_DA;
  const roles = ROLES.filter((r) => me.memberships.some((m) => m.role === r));
  const links = navigationFor(me).filter((i) => i.to !== '/');

  return (
    <>
      <PageHeader title={t('start.title', { name: me.user.name })} lead={t('start.lead')} />
      <Stack gap="xl">
        {isAdminMe(me) ? <AdminCounts /> : <WaitingForYou me={me} />}

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Card withBorder radius="md" padding="lg">
            <Title order={2} size="h3" mb="sm">
              {t('start.whoAmI')}
            </Title>
            <Table variant="vertical" layout="fixed" withRowBorders={false}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={120}>{t('field.name')}</Table.Th>
                  <Table.Td>{me.user.name}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('field.email')}</Table.Th>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{me.user.email}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Title order={3} size="h4" mt="md" mb="xs">
              {t('start.myRoles')}
            </Title>
            {me.memberships.length === 0 ? (
              <Text>{t('start.noRoles')}</Text>
            ) : (
              <List spacing="xs">
                {me.memberships.map((m) => (
                  <List.Item key={m.id}>
                    <Group gap="xs">
                      <Badge color="blue">{labels[m.role]}</Badge>
                      <Text size="sm">{m.scopeName ?? t(`scope.none.${m.scopeType}`)}</Text>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
          </Card>

          <Card withBorder radius="md" padding="lg">
            <Title order={2} size="h3" mb="sm">
              {t('start.yourPages')}
            </Title>
            <List spacing="xs">
              {links.map((l) => (
                <List.Item key={l.to}>
                  <Anchor component={Link} to={l.to}>
                    {t(l.labelKey)}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Card>
        </SimpleGrid>

        {roles.map((role) => (
          <RoleCard key={role} role={role} label={labels[role]} />
        ))}
      </Stack>
    </>
  );
}

function RoleCard({ role, label }: { role: TRole; label: string }) {
  const { t } = useTranslation();
  const coming = t(`start.role.${role}.coming`, { returnObjects: true }) as unknown;
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} size="h3" mb="xs">
        {t('start.asRole', { role: label })}
      </Title>
      <Text mb="md" className="prose">
        {t(`start.role.${role}.does`)}
      </Text>
      <Text size="sm" c="dimmed" mb="md">
        {t(`start.role.${role}.sees`)}
      </Text>
      <Title order={3} size="h4" mb="xs">
        {t('start.coming')}
      </Title>
      <List spacing={4}>
        {(Array.isArray(coming) ? coming : []).map((c) => (
          <List.Item key={String(c)}>{String(c)}</List.Item>
        ))}
      </List>
    </Paper>
  );
}

const COUNTED = [
  { path: '/api/partnerships', key: 'partnerships', to: '/admin/partnerships' },
  { path: '/api/housing-organisations', key: 'housing-organisations', to: '/admin/housing-organisations' },
  { path: '/api/housing-areas', key: 'housing-areas', to: '/admin/housing-areas' },
  { path: '/api/users', key: 'users', to: '/admin/users' },
] as const;

function AdminCounts() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="overview-heading">
      <Title order={2} size="h3" id="overview-heading" mb="sm">
        {t('start.overview')}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        {COUNTED.map((c) => (
          <CountCard key={c.key} path={c.path} label={t(`nav.${c.key}`)} to={c.to} />
        ))}
      </SimpleGrid>
    </section>
  );
}

/**
 * What needs doing, from the lists the user works in: their open and overdue job dialogues,
 * clauses behind, openings waiting for candidates. Each count links to its list.
 */
function WaitingForYou({ me }: { me: TMe }) {
  const { t } = useTranslation();
  const staff = me.memberships.some((m) => m.role === 'housing_staff');
  const cards = [
    staff && meCan(me, 'list', { kind: 'job_dialogue' })
      ? [
          {
            key: 'overdueDialogues',
            path: '/api/job-dialogues',
            params: { mine: 'true', state: 'overdue' },
            to: '/job-dialogues',
          },
          {
            key: 'openDialogues',
            path: '/api/job-dialogues',
            params: { mine: 'true', state: 'open' },
            to: '/job-dialogues',
          },
        ]
      : [],
    meCan(me, 'list', { kind: 'social_clause' }) && !me.memberships.every((m) => m.role === 'company_contact')
      ? [
          {
            key: 'clausesBehind',
            path: '/api/social-clauses',
            params: { status: 'behind' },
            to: '/social-clauses',
          },
        ]
      : [],
    meCan(me, 'list', { kind: 'opening' })
      ? [{ key: 'openingsReferred', path: '/api/openings', params: { status: 'referred' }, to: '/openings' }]
      : [],
    // Follow-up after a hire (issue 6): my due and overdue check-ins, and the open escalations.
    meCan(me, 'list', { kind: 'follow_up' })
      ? [
          {
            key: 'followUpsDue',
            path: '/api/follow-ups',
            params: { scope: 'mine', due: 'true' },
            to: '/follow-ups?due=true',
          },
        ]
      : [],
    meCan(me, 'list', { kind: 'escalation' })
      ? [{ key: 'openEscalations', path: '/api/escalations', params: { state: 'open' }, to: '/escalations' }]
      : [],
  ].flat();
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby="waiting-heading">
      <Title order={2} size="h3" id="waiting-heading" mb="sm">
        {t('start.waiting.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        {cards.map((c) => (
          <CountCard
            key={c.key}
            path={c.path}
            params={c.params}
            label={t(`start.waiting.${c.key}`)}
            to={c.to}
          />
        ))}
      </SimpleGrid>
    </section>
  );
}

function CountCard({
  path,
  label,
  to,
  params = {},
}: {
  path: string;
  label: string;
  to: string;
  params?: Record<string, string>;
}) {
  const query = { ...params, page: 1, pageSize: 1 };
  const q = useQuery({
    queryKey: [path, 'list', query],
    queryFn: ({ signal }) => api.get<TPage<unknown>>(path, query, signal),
  });
  return (
    <Card withBorder radius="md" padding="md" component={Link} to={to} className="count-card">
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {q.data ? (
        <Text fz={32} fw={800} c="blue.9" lh={1.2}>
          {formatNumber(q.data.total)}
        </Text>
      ) : q.isError ? (
        <Text fz={32} fw={800} lh={1.2}>
          –
        </Text>
      ) : (
        <Skeleton height={38} mt={2} width={60} />
      )}
    </Card>
  );
}
