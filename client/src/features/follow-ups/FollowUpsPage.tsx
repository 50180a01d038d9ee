import { currentLang } from '@client/app/i18n.ts';
import { DataTable, type TColumn, useListParams } from '@client/components/DataTable.tsx';
import { PageHeader } from '@client/components/PageHeader.tsx';
import { formatDate, formatNumber } from '@client/lib/format.ts';
import { FOLLOW_UP_STATES, type TFollowUp, type TFollowUpState } from '@domain/placement.schema.ts';
import { Anchor, Button, Checkbox, Input, NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CheckInModal } from './CheckInModal.tsx';
import { FollowUpBadge } from './FollowUpBadge.tsx';
import { checkInLabel, FOLLOW_UPS_PATH } from './follow-up-ui.ts';

/**
 * "Mine opfølgninger": the check-ins assigned to me (or every check-in of the people I follow),
 * overdue and due first (the server's default order), with "Registrér opfølgning" on each planned
 * one. Scope, state and "only due" live in the URL, so the start page can link to the due ones.
 */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const list = useListParams();
  const toggleLabelId = useId();
  const [recording, setRecording] = useState<TFollowUp | null>(null);
  const scope = list.params.get('scope') === 'all' ? 'all' : 'mine';
  const stateParam = list.params.get('state') ?? '';
  const state: TFollowUpState = (FOLLOW_UP_STATES as readonly string[]).includes(stateParam)
    ? (stateParam as TFollowUpState)
    : 'planned';
  const dueOnly = list.params.get('due') === 'true' && state === 'planned';
  // The box follows the address, but shows a click at once: the address changes a moment later,
  // and a controlled box would flip back until it has.
  const [dueBox, setDueBox] = useState(dueOnly);
  useEffect(() => setDueBox(dueOnly), [dueOnly]);
  const title = scope === 'mine' ? t('followUps.title') : t('followUps.titleAll');

  const columns = useMemo<TColumn<TFollowUp>[]>(
    () => [
      {
        key: 'label',
        header: t('followUps.col.checkIn'),
        render: (f) => (
          <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
            {checkInLabel(f.key, currentLang())}
          </Text>
        ),
      },
      {
        key: 'dueDate',
        header: t('followUps.col.dueDate'),
        sortKey: 'dueDate',
        render: (f) => (
          <Stack gap={4} align="flex-start">
            <Text size="sm">{formatDate(f.dueDate)}</Text>
            <FollowUpBadge followUp={f} />
          </Stack>
        ),
      },
      {
        key: 'person',
        header: t('followUps.col.person'),
        sortKey: 'residentName',
        render: (f) =>
          f.residentId ? (
            <Anchor component={Link} to={`/residents/${f.residentId}`}>
              {f.residentName}
            </Anchor>
          ) : (
            (f.residentName ?? t('followUps.unnamed'))
          ),
      },
      {
        key: 'company',
        header: t('followUps.col.companyOpening'),
        sortKey: 'companyName',
        render: (f) => (
          <>
            <Text size="sm">{f.companyName}</Text>
            {f.openingTitle ? (
              <Text size="xs" c="dimmed">
                {f.openingTitle}
              </Text>
            ) : null}
          </>
        ),
      },
      ...(scope === 'all'
        ? [
            {
              key: 'assignedTo',
              header: t('followUps.col.assignedTo'),
              render: (f: TFollowUp) => f.assignedToName ?? t('followUps.unassigned'),
            },
          ]
        : []),
      ...(state === 'done'
        ? [
            {
              key: 'status',
              header: t('followUps.col.status'),
              render: (f: TFollowUp) => (f.status ? t(`followUps.status.${f.status}`) : ''),
            },
          ]
        : []),
      {
        key: 'placement',
        header: t('followUps.col.placement'),
        render: (f) => (
          <Anchor
            component={Link}
            to={`/placements/${f.placementId}`}
            aria-label={t('followUps.toPlacementOf', { name: f.residentName ?? f.companyName })}
            style={{ whiteSpace: 'nowrap' }}
          >
            {t('followUps.toPlacement')}
          </Anchor>
        ),
      },
    ],
    [t, scope, state],
  );

  return (
    <>
      <PageHeader title={title} lead={t('followUps.lead')} />
      <DataTable<TFollowUp>
        path={FOLLOW_UPS_PATH}
        caption={title}
        columns={columns}
        rowKey={(f) => f.id}
        searchLabel={t('followUps.search')}
        // "Only due" chooses a view too: nothing due is the good news of the empty state.
        viewQuery={{ scope, state, due: dueOnly ? 'true' : undefined }}
        countLabel={(n) => t('followUps.count', { count: n, formatted: formatNumber(n) })}
        rowActions={(f) =>
          f.state === 'planned' ? (
            <Button
              size="compact-sm"
              onClick={() => setRecording(f)}
              aria-label={t('followUps.recordFor', {
                label: checkInLabel(f.key, currentLang()),
                name: f.residentName ?? f.companyName,
              })}
            >
              {t('followUps.record')}
            </Button>
          ) : null
        }
        filters={
          <>
            <Stack gap={4}>
              <Input.Label id={toggleLabelId} component="span">
                {t('followUps.show')}
              </Input.Label>
              <SegmentedControl
                aria-labelledby={toggleLabelId}
                value={scope}
                onChange={(v) => list.update({ scope: v === 'all' ? 'all' : null })}
                data={[
                  { value: 'mine', label: t('followUps.mine') },
                  { value: 'all', label: t('followUps.all') },
                ]}
              />
            </Stack>
            <NativeSelect
              label={t('followUps.stateLabel')}
              value={state}
              onChange={(e) =>
                list.update({ state: e.currentTarget.value === 'planned' ? null : e.currentTarget.value })
              }
              data={FOLLOW_UP_STATES.map((s) => ({ value: s, label: t(`followUps.stateFilter.${s}`) }))}
            />
            {state === 'planned' ? (
              <Checkbox
                label={t('followUps.dueOnly')}
                checked={dueBox}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  setDueBox(checked);
                  list.update({ due: checked ? 'true' : null });
                }}
                mb={8}
              />
            ) : null}
          </>
        }
        emptyState={
          state === 'planned' ? (
            <Stack gap="xs" align="flex-start">
              <Text fw={600}>{t('followUps.empty')}</Text>
              <Text>{t('followUps.emptyHint')}</Text>
            </Stack>
          ) : (
            <Text>{t(`followUps.emptyState.${state}`)}</Text>
          )
        }
      />
      <CheckInModal followUp={recording} onClose={() => setRecording(null)} />
    </>
  );
}
