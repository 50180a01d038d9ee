import { api } from '@client/api/client.ts';
import { meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { SectionCard } from '@client/components/SectionCard.tsx';
import type { TAgreementPage } from '@domain/agreement.schema.ts';
import { Anchor, Button, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AgreementFormModal } from './AgreementFormModal.tsx';
import { commitmentText, periodText } from './agreement-format.ts';
import { AGREEMENTS_PATH, AgreementStateBadge } from './agreement-ui.tsx';

/**
 * The company page's "Partnerskabsaftaler": the agreements the company has with housing
 * organisations, as the viewer may see them (a company contact sees all of its own).
 */
export function CompanyAgreements({ company }: { company: { id: string; name: string } }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const [creating, setCreating] = useState(false);
  const canList = meCan(me, 'list', { kind: 'agreement' });
  const canCreate = meCan(me, 'create', { kind: 'agreement' });
  const agreements = useQuery({
    queryKey: [AGREEMENTS_PATH, 'company', company.id],
    enabled: canList,
    queryFn: ({ signal }) =>
      api.get<TAgreementPage>(
        AGREEMENTS_PATH,
        { companyId: company.id, sort: 'periodStart', dir: 'desc', limit: 100 },
        signal,
      ),
  });
  if (!canList) return null;
  const items = agreements.data?.items ?? [];

  return (
    <SectionCard
      title={t('agreements.companySection')}
      actions={
        canCreate ? (
          <Button size="compact-md" variant="outline" onClick={() => setCreating(true)}>
            {t('agreements.create')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={agreements.error} />
      {agreements.isPending ? (
        <Skeleton height={60} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('agreements.companyEmpty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table verticalSpacing="xs" fz="sm">
            <caption className="visually-hidden">{t('agreements.companySection')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('agreements.field.title')}</Table.Th>
                <Table.Th>{t('agreements.field.housingOrganisations')}</Table.Th>
                <Table.Th>{t('agreements.field.period')}</Table.Th>
                <Table.Th>{t('agreements.field.commitments')}</Table.Th>
                <Table.Th>{t('agreements.field.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/agreements/${a.id}`} fw={600}>
                      {a.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{a.housingOrganisations.map((o) => o.name).join(', ')}</Table.Td>
                  <Table.Td>{periodText(t, a)}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {a.commitments.map((c) => (
                        <span key={c.id}>{commitmentText(t, c)}</span>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <AgreementStateBadge state={a.state} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AgreementFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        editing={null}
        company={company}
      />
    </SectionCard>
  );
}
