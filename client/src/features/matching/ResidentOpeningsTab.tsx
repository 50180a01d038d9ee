import { api } from '@client/api/client.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { SectionCard } from '@client/components/SectionCard.tsx';
import { formatDate, formatNumber } from '@client/lib/format.ts';
import type { TResidentOpenings } from '@domain/matching/matching.schema.ts';
import { OPENING_TYPE_INFO } from '@domain/opening-types.ts';
import { Anchor, List, Loader, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MATCHING_KEYS, MatchCard, ProposeModal } from './matching-ui.tsx';

type TFit = TResidentOpenings['openings'][number];
type TMiss = TResidentOpenings['excluded'][number];

/**
 * A resident's "Jobforslag" tab: the open openings the person fits, best first, with the
 * reasons, and "Hvorfor ikke?" for the ones they do not fit.
 */
export function ResidentOpeningsTab({ residentId }: { residentId: string }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [target, setTarget] = useState<TFit | null>(null);
  const query = useQuery({
    queryKey: MATCHING_KEYS.residentOpenings(residentId),
    refetchOnMount: 'always',
    queryFn: ({ signal }) =>
      api.get<TResidentOpenings>(`/api/residents/${residentId}/openings`, undefined, signal),
  });
  if (query.isPending) return <Loader aria-label={t('matching.loading')} />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const data = query.data;
  const name = `${data.resident.firstName} ${data.resident.lastName}`;
  const typeLabel = (type: TFit['type']) =>
    i18n.language === 'en' ? OPENING_TYPE_INFO[type].labelEn : OPENING_TYPE_INFO[type].labelDa;
  const facts = (o: TFit | TMiss) =>
    `${o.companyName} · ${typeLabel(o.type)} · ${t('matching.hoursShort', { hours: formatNumber(o.hoursPerWeek) })} · ${t('matching.starts', { date: formatDate(o.startDate) })}`;

  return (
    <Stack gap="lg">
      <SectionCard title={t('matching.fitsTitle')}>
        <Text size="sm" mb="md">
          {t('matching.fitsLead')}
        </Text>
        {data.openings.length === 0 ? (
          <Text>{t('matching.noFits')}</Text>
        ) : (
          <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {data.openings.map((o) => (
              <FitRow key={o.openingId} fit={o} facts={facts(o)} onPropose={() => setTarget(o)} />
            ))}
          </Stack>
        )}
      </SectionCard>

      <SectionCard title={t('matching.whyNotTitle')}>
        {data.excluded.length === 0 ? (
          <Text>{t('matching.noMisses')}</Text>
        ) : (
          <Stack gap="sm">
            {data.excluded.map((o) => (
              <div key={o.openingId}>
                <Text fw={600}>
                  <Anchor component={Link} to={`/openings/${o.openingId}`}>
                    {o.title}
                  </Anchor>
                </Text>
                <Text size="sm" c="dimmed">
                  {facts(o)}
                </Text>
                <List size="sm">
                  {o.exclusions.map((x) => (
                    <List.Item key={x.code}>{x.message}</List.Item>
                  ))}
                </List>
              </div>
            ))}
          </Stack>
        )}
      </SectionCard>

      <ProposeModal
        target={
          target
            ? { openingId: target.openingId, residentId, residentName: name, openingTitle: target.title }
            : null
        }
        onClose={() => setTarget(null)}
        onProposed={async () => {
          await qc.invalidateQueries({ queryKey: MATCHING_KEYS.residentOpenings(residentId) });
          await qc.invalidateQueries({ queryKey: MATCHING_KEYS.candidates(target?.openingId ?? '') });
        }}
      />
    </Stack>
  );
}

function FitRow({ fit: o, facts, onPropose }: { fit: TFit; facts: string; onPropose: () => void }) {
  const { t } = useTranslation();
  return (
    <MatchCard
      title={o.title}
      to={`/openings/${o.openingId}`}
      facts={facts}
      score={o.score}
      reasons={o.reasons}
      components={o.components}
      proposeLabel={t('matching.proposeFor', { opening: o.title })}
      onPropose={onPropose}
    />
  );
}
