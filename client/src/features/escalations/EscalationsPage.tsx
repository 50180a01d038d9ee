import { DataTable, type TColumn, useListParams } from '@client/components/DataTable.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { ESCALATIONS_PATH } from '@client/features/follow-ups/follow-up-ui.ts';
import { formatDate, formatDateTime, formatNumber } from '@client/lib/format.ts';
import type { TEscalation } from '@domain/placement.schema.ts';
import { Anchor, Button, Input, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EscalationStateBadge } from './EscalationStateBadge.tsx';
import { ResolveEscalationModal } from './ResolveEscalationModal.tsx';

const STATES = ['open', 'resolved', 'all'] as const;
type TState = (typeof STATES)[number];

/**
 * Escalations: placements where something goes wrong — a check-in "at risk" or the company's
 * "noget går skævt". Open ones first (the default view), each with "Løs"; an escalation stays
 * here until someone resolves it.
 */
export function EscalationsPage() {
  const { t } = useTranslation();
  const list = useListParams();
  const toggleLabelId = useId();
  const [resolving, setResolving] = useState<TEscalation | null>(null);
  const stateParam = list.params.get('state') ?? '';
  const state: TState = (STATES as readonly string[]).includes(stateParam) ? (stateParam as TState) : 'open';

  const columns = useMemo<TColumn<TEscalation>[]>(
    () => [
      {
        key: 'openedAt',
        header: t('escalations.field.openedAt'),
        sortKey: 'openedAt',
        render: (e) => (
          <Stack gap={4} align="flex-start">
            <Text size="sm">{formatDate(e.openedAt)}</Text>
            <EscalationStateBadge escalation={e} />
          </Stack>
        ),
      },
      {
        key: 'person',
        header: t('escalations.field.person'),
        sortKey: 'residentName',
        render: (e) => (
          <Anchor component={Link} to={`/placements/${e.placementId}`} fw={600}>
            {e.residentName ?? t('followUps.unnamed')}
          </Anchor>
        ),
      },
      {
        key: 'company',
        header: t('escalations.field.companyOpening'),
        sortKey: 'companyName',
        render: (e) => (
          <>
            <Text size="sm">{e.companyName}</Text>
            {e.openingTitle ? (
              <Text size="xs" c="dimmed">
                {e.openingTitle}
              </Text>
            ) : null}
          </>
        ),
      },
      {
        key: 'source',
        header: t('escalations.field.source'),
        render: (e) => t(`escalations.source.${e.source}`),
      },
      {
        key: 'reason',
        header: t('escalations.field.reason'),
        render: (e) => (
          <Text size="sm" maw={360} style={{ whiteSpace: 'pre-wrap' }}>
            {e.reason}
          </Text>
        ),
      },
      {
        key: 'resolution',
        header: t('escalations.field.resolution'),
        render: (e: TEscalation) =>
          e.resolvedAt ? (
            <>
              <Text size="sm" maw={320} style={{ whiteSpace: 'pre-wrap' }}>
                {e.resolution}
              </Text>
              <Text size="xs" c="dimmed">
                {[formatDateTime(e.resolvedAt), e.resolvedByName].filter(Boolean).join(' · ')}
              </Text>
            </>
          ) : (
            <Text size="sm">{t('escalations.notResolved')}</Text>
          ),
      },
    ],
    [t],
  );

  return (
    <>
      <PageHeader title={t('escalations.title')} lead={t('escalations.lead')} />
      <DataTable<TEscalation>
        path={ESCALATIONS_PATH}
        caption={t(`escalations.caption.${state}`)}
        columns={columns}
        rowKey={(e) => e.id}
        searchLabel={t('escalations.search')}
        viewQuery={{ state }}
        countLabel={(n) => t(`escalations.count.${state}`, { count: n, formatted: formatNumber(n) })}
        rowActions={(e) =>
          e.resolvedAt === null ? (
            <Button
              size="compact-sm"
              onClick={() => setResolving(e)}
              aria-label={t('escalations.resolveFor', { name: e.residentName ?? e.companyName })}
            >
              {t('escalations.resolve')}
            </Button>
          ) : null
        }
        filters={
          <Stack gap={4}>
            <Input.Label id={toggleLabelId} component="span">
              {t('escalations.show')}
            </Input.Label>
            <SegmentedControl
              aria-labelledby={toggleLabelId}
              value={state}
              onChange={(v) => list.update({ state: v === 'open' ? null : v })}
              data={STATES.map((s) => ({ value: s, label: t(`escalations.state.${s}`) }))}
            />
          </Stack>
        }
        emptyState={
          state === 'open' ? (
            <Stack gap="xs" align="flex-start">
              <Text fw={600}>{t('escalations.empty')}</Text>
              <Text>{t('escalations.emptyHint')}</Text>
            </Stack>
          ) : (
            <Text>{t('escalations.emptyOther')}</Text>
          )
        }
      />
      <ResolveEscalationModal escalation={resolving} onClose={() => setResolving(null)} />
    </>
  );
}
