import { api } from '@client/api/client.ts';
import { meCan } from '@client/app/actor.ts';
import { useCurrentMe } from '@client/app/auth.ts';
import { referencePath } from '@client/app/navigation.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { Fact, FactGrid, SectionCard } from '@client/components/SectionCard.tsx';
import { usePageTitle } from '@client/components/usePageTitle.ts';
import { formatNumber } from '@client/lib/format.ts';
import type { THousingArea } from '@domain/housing-area.schema.ts';
import type { THousingOrganisation } from '@domain/housing-organisation.schema.ts';
import { Anchor, Badge, Skeleton, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AreaClassificationSection } from './AreaClassificationSection.tsx';
import { AreaIndicatorsSection } from './AreaIndicatorsSection.tsx';

const AREAS_PATH = '/api/housing-areas';

/** /areas/:id — an area's facts, its indicators year by year and its classification. */
export function HousingAreaPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const { id = '' } = useParams();
  const area = useQuery({
    queryKey: [AREAS_PATH, 'detail', id],
    queryFn: ({ signal }) => api.get<THousingArea>(`${AREAS_PATH}/${id}`, undefined, signal),
  });
  usePageTitle(area.data?.name ?? t('areaPage.title'));
  const back = (
    <Anchor component={Link} to={referencePath(me, 'housing-areas')} size="sm" mb="xs" display="inline-block">
      ← {t('areaPage.backToList')}
    </Anchor>
  );
  if (area.isPending) return <Skeleton height={240} />;
  if (area.isError) {
    return (
      <Stack>
        {back}
        <Title order={1}>{t('areaPage.title')}</Title>
        <ErrorAlert error={area.error} />
      </Stack>
    );
  }
  return (
    <>
      {back}
      <AreaDetail area={area.data} />
    </>
  );
}

function AreaDetail({ area }: { area: THousingArea }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  // The partnership (for its own indicators) is the owning organisation's.
  const organisation = useQuery({
    queryKey: ['/api/housing-organisations', 'detail', area.housingOrganisationId],
    queryFn: ({ signal }) =>
      api.get<THousingOrganisation>(
        `/api/housing-organisations/${area.housingOrganisationId}`,
        undefined,
        signal,
      ),
  });
  // The area's scope is fully known here (its organisation and plan), so the client answers exactly.
  const scope = {
    id: area.id,
    housingOrganisationId: area.housingOrganisationId,
    socialHousingPlanId: area.socialHousingPlanId,
  };
  const indicator = { kind: 'area_indicator' as const, ...scope };
  const canEdit = meCan(me, 'update', indicator);

  return (
    <>
      <PageHeader
        title={area.name}
        lead={
          area.isFictional && !/fiktiv/i.test(area.name) ? (
            <Badge color="gray">{t('ref.fictional')}</Badge>
          ) : null
        }
      />
      <Stack gap="lg">
        <SectionCard title={t('areaPage.facts')}>
          <FactGrid>
            <Fact label={t('field.housingOrganisation')}>{area.housingOrganisationName}</Fact>
            <Fact label={t('field.partnership')}>{organisation.data?.partnershipName ?? ''}</Fact>
            <Fact label={t('field.socialHousingPlan')}>{area.socialHousingPlanName ?? ''}</Fact>
            <Fact label={t('field.municipality')}>{area.municipalityName}</Fact>
            <Fact label={t('field.postalCode')}>{area.postalCode}</Fact>
            <Fact label={t('field.residentsCount')}>{formatNumber(area.residentsCount)}</Fact>
          </FactGrid>
        </SectionCard>
        <AreaIndicatorsSection
          area={{ id: area.id, name: area.name }}
          partnershipId={organisation.data?.partnershipId ?? null}
          canEdit={canEdit}
          canDelete={meCan(me, 'delete', indicator)}
          canImport={canEdit && meCan(me, 'create', { kind: 'area_indicator' })}
        />
        <AreaClassificationSection
          area={{ id: area.id, name: area.name, residentsCount: area.residentsCount }}
          canEdit={meCan(me, 'update', { kind: 'area_classification', ...scope })}
        />
      </Stack>
    </>
  );
}
