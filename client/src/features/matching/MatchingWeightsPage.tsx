import { api, request } from '@client/api/client.ts';
import { ErrorAlert } from '@client/components/ErrorAlert.tsx';
import { FormSection } from '@client/components/FormSection.tsx';
import { parseForm, serverFieldErrors, type TFieldErrors } from '@client/components/form-errors.ts';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { SectionCard } from '@client/components/SectionCard.tsx';
import { formatDateTime } from '@client/lib/format.ts';
import type { TPage } from '@domain/common.schema.ts';
import { EXCLUSION_CODES } from '@domain/matching/hard-filters.ts';
import type { TMatchingWeights, TWeightsPreview } from '@domain/matching/matching.schema.ts';
import {
  SCORE_COMPONENTS,
  type TMatchSettings,
  type TScoreComponent,
  ZMatchSettings,
} from '@domain/matching/matching-settings.ts';
import type { TPartnership } from '@domain/partnership.schema.ts';
import {
  Button,
  Group,
  List,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent, MATCHING_KEYS } from './matching-ui.tsx';

const LIMITS = [
  'maxActiveProposalsPerResident',
  'maxActiveProposalsPerOpening',
  'declineQuarantineMonths',
] as const;
type TLimit = (typeof LIMITS)[number];

/** What the inputs hold: numbers as typed (Danish decimal comma allowed). */
interface TFormValues {
  weights: Record<TScoreComponent, string>;
  limits: Record<TLimit, string>;
}

const decimal = (v: number) => String(v).replace('.', ',');

function toForm(s: TMatchSettings): TFormValues {
  return {
    weights: Object.fromEntries(
      SCORE_COMPONENTS.map((c) => [c, decimal(s.weights[c])]),
    ) as TFormValues['weights'],
    limits: Object.fromEntries(LIMITS.map((l) => [l, String(s[l])])) as TFormValues['limits'],
  };
}

function fromForm(v: TFormValues): unknown {
  const num = (text: string) => (text.trim() === '' ? undefined : text.trim().replace(',', '.'));
  return {
    weights: Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, num(v.weights[c])])),
    ...Object.fromEntries(LIMITS.map((l) => [l, num(v.limits[l])])),
  };
}

/**
 * The secretariat's matching weights per partnership (issue 5 item 8): each component explained
 * in plain Danish, the hard filters, the limits, a preview of how the top 10 of the open
 * openings would move (pseudonymous: the secretariat does not match people), save and reset.
 */
export function MatchingWeightsPage() {
  const { t } = useTranslation();
  const partnerships = useQuery({
    queryKey: ['/api/partnerships', 'options'],
    staleTime: 5 * 60_000,
    queryFn: ({ signal }) =>
      api.get<TPage<TPartnership>>('/api/partnerships', { pageSize: 200, sort: 'name', dir: 'asc' }, signal),
  });
  const [partnershipId, setPartnershipId] = useState('');
  const chosen = partnershipId || partnerships.data?.items[0]?.id || '';

  return (
    <>
      <PageHeader title={t('matching.weightsTitle')} lead={t('matching.weightsLead')} />
      <Stack gap="lg">
        <ErrorAlert error={partnerships.error} />
        {partnerships.isPending ? (
          <Loader aria-label={t('matching.loading')} />
        ) : (
          <NativeSelect
            label={t('matching.partnership')}
            value={chosen}
            onChange={(e) => setPartnershipId(e.currentTarget.value)}
            data={(partnerships.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            maw={420}
          />
        )}
        {chosen ? <WeightsEditor key={chosen} partnershipId={chosen} /> : null}
        <Explanations />
      </Stack>
    </>
  );
}

function WeightsEditor({ partnershipId }: { partnershipId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: MATCHING_KEYS.weights(partnershipId),
    queryFn: ({ signal }) => api.get<TMatchingWeights>('/api/matching/weights', { partnershipId }, signal),
  });
  const [values, setValues] = useState<TFormValues | null>(null);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null);
  const [preview, setPreview] = useState<TWeightsPreview | null>(null);

  useEffect(() => {
    if (query.data && values === null) setValues(toForm(query.data.settings));
  }, [query.data, values]);

  if (query.isPending || values === null) {
    return query.isError ? <ErrorAlert error={query.error} /> : <Loader aria-label={t('matching.loading')} />;
  }
  const data = query.data!;

  const fieldError = (path: string) => errors[path] ?? errors[`settings.${path}`];
  const totalWeight = SCORE_COMPONENTS.reduce((sum, c) => {
    const n = Number(values.weights[c].replace(',', '.'));
    return Number.isFinite(n) && n > 0 ? sum + n : sum;
  }, 0);

  const run = async (kind: 'preview' | 'save') => {
    setError(null);
    const parsed = parseForm(ZMatchSettings, fromForm(values));
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setBusy(kind);
    try {
      const body = { partnershipId, settings: parsed.data };
      if (kind === 'preview') {
        setPreview(await api.post<TWeightsPreview>('/api/matching/weights/preview', body));
      } else {
        const saved = await request<TMatchingWeights>('PUT', '/api/matching/weights', { body });
        qc.setQueryData(MATCHING_KEYS.weights(partnershipId), saved);
        setValues(toForm(saved.settings));
        setPreview(null);
        notifications.show({
          color: 'green',
          message: t('matching.weightsSaved'),
          closeButtonProps: { 'aria-label': t('common.close') },
        });
      }
    } catch (err) {
      setErrors(serverFieldErrors(err));
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void run('save');
      }}
    >
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          {data.updatedAt
            ? t('matching.weightsUpdated', {
                at: formatDateTime(data.updatedAt),
                by: data.updatedByName ?? t('matching.unknownUser'),
              })
            : t('matching.weightsDefault')}
        </Text>
        <ErrorAlert error={error} />
        <FormSection legend={t('matching.weightsSection')}>
          <Text size="sm">{t('matching.weightsHint')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {SCORE_COMPONENTS.map((c) => {
              const n = Number(values.weights[c].replace(',', '.'));
              const share = totalWeight > 0 && Number.isFinite(n) && n > 0 ? n / totalWeight : 0;
              return (
                <TextInput
                  key={c}
                  label={t(`matching.components.${c}`)}
                  description={`${t(`matching.explain.${c}`)} ${t('matching.share', { share: formatPercent(share), standard: decimal(data.defaults.weights[c]) })}`}
                  inputMode="decimal"
                  value={values.weights[c]}
                  error={fieldError(`weights.${c}`)}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setValues((old) => (old ? { ...old, weights: { ...old.weights, [c]: v } } : old));
                  }}
                />
              );
            })}
          </SimpleGrid>
        </FormSection>
        <FormSection legend={t('matching.limitsSection')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {LIMITS.map((l) => (
              <TextInput
                key={l}
                label={t(`matching.limits.${l}`)}
                description={t(`matching.limitsHint.${l}`, { standard: data.defaults[l] })}
                inputMode="numeric"
                value={values.limits[l]}
                error={fieldError(l)}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setValues((old) => (old ? { ...old, limits: { ...old.limits, [l]: v } } : old));
                }}
              />
            ))}
          </SimpleGrid>
        </FormSection>
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            onClick={() => {
              setValues(toForm(data.defaults));
              setErrors({});
              setPreview(null);
            }}
          >
            {t('matching.resetDefaults')}
          </Button>
          <Button variant="outline" loading={busy === 'preview'} onClick={() => void run('preview')}>
            {t('matching.preview')}
          </Button>
          <Button type="submit" loading={busy === 'save'}>
            {t('common.save')}
          </Button>
        </Group>
        {preview ? <PreviewResult preview={preview} /> : null}
      </Stack>
    </form>
  );
}

function PreviewResult({ preview }: { preview: TWeightsPreview }) {
  const { t } = useTranslation();
  const rank = (n: number | null) => (n === null ? t('matching.outsideTop') : String(n));
  const move = (o: number | null, n: number | null) => {
    if (o === null) return t('matching.moveIn');
    if (n === null) return t('matching.moveOut');
    if (o === n) return t('matching.moveSame');
    return o > n ? t('matching.moveUp', { count: o - n }) : t('matching.moveDown', { count: n - o });
  };
  return (
    <SectionCard title={t('matching.previewTitle')}>
      <Text size="sm" mb="md">
        {t('matching.previewLead')}
      </Text>
      {preview.openings.length === 0 ? (
        <Text>{t('matching.previewNoOpenings')}</Text>
      ) : (
        <Stack gap="lg">
          {preview.openings.map((o) => (
            <Table.ScrollContainer key={o.openingId} minWidth={560}>
              <Table striped>
                <caption style={{ textAlign: 'left', fontWeight: 600, marginBottom: 4 }}>
                  {`${o.title} (${o.companyName}) – ${t('matching.previewChanged', { count: o.changedCount })}`}
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('matching.previewCandidate')}</Table.Th>
                    <Table.Th scope="col">{t('matching.previewOldRank')}</Table.Th>
                    <Table.Th scope="col">{t('matching.previewNewRank')}</Table.Th>
                    <Table.Th scope="col">{t('matching.previewMove')}</Table.Th>
                    <Table.Th scope="col" style={{ textAlign: 'right' }}>
                      {t('matching.previewOldScore')}
                    </Table.Th>
                    <Table.Th scope="col" style={{ textAlign: 'right' }}>
                      {t('matching.previewNewScore')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {o.rows.length === 0 ? (
                    <Table.Tr>
                      <Table.Td colSpan={6}>{t('matching.previewNoCandidates')}</Table.Td>
                    </Table.Tr>
                  ) : (
                    o.rows.map((r) => (
                      <Table.Tr key={r.label}>
                        <Table.Th scope="row">{r.label}</Table.Th>
                        <Table.Td>{rank(r.oldRank)}</Table.Td>
                        <Table.Td>{rank(r.newRank)}</Table.Td>
                        <Table.Td>{move(r.oldRank, r.newRank)}</Table.Td>
                        <Table.Td style={{ textAlign: 'right' }}>
                          {r.oldScore === null ? '–' : formatPercent(r.oldScore)}
                        </Table.Td>
                        <Table.Td style={{ textAlign: 'right' }}>
                          {r.newScore === null ? '–' : formatPercent(r.newScore)}
                        </Table.Td>
                      </Table.Tr>
                    ))
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

/** How matching works, in plain Danish: transparency is part of the design (EU AI Act). */
function Explanations() {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('matching.howTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('matching.howLead')}</Text>
        <Text size="sm" fw={600}>
          {t('matching.filtersTitle')}
        </Text>
        <List size="sm">
          {EXCLUSION_CODES.map((c) => (
            <List.Item key={c}>{t(`matching.filters.${c}`)}</List.Item>
          ))}
        </List>
        <Text size="sm">{t('matching.noProtected')}</Text>
        <Text size="sm">{t('matching.humanDecides')}</Text>
      </Stack>
    </SectionCard>
  );
}
