import { api } from '@client/api/client.ts';
import {
  AGREEMENT_STATES,
  COMMITMENT_KINDS,
  COMMITMENT_PERIODS,
  type TAgreementState,
} from '@domain/agreement.schema.ts';
import type { TPage } from '@domain/common.schema.ts';
import type { THousingOrganisation } from '@domain/housing-organisation.schema.ts';
import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

// Shared bits of the agreement pages: the API path, the state badge and option lists.

export const AGREEMENTS_PATH = '/api/agreements';

/** Light badges; the theme darkens their text to 4.5:1 contrast. */
const STATE_COLOR: Record<TAgreementState, string> = {
  draft: 'gray',
  active: 'green',
  ended: 'orange',
};

export function AgreementStateBadge({ state }: { state: TAgreementState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOR[state]} tt="none">
      {t(`agreements.state.${state}`)}
    </Badge>
  );
}

export function useStateOptions() {
  const { t } = useTranslation();
  return AGREEMENT_STATES.map((s) => ({ value: s, label: t(`agreements.state.${s}`) }));
}

export function useKindOptions() {
  const { t } = useTranslation();
  return COMMITMENT_KINDS.map((k) => ({ value: k, label: t(`agreements.kind.${k}`) }));
}

export function usePerOptions() {
  const { t } = useTranslation();
  return COMMITMENT_PERIODS.map((p) => ({ value: p, label: t(`agreements.perOption.${p}`) }));
}

/** All housing organisations (reference data every staff role reads), by name. */
export function useHousingOrganisations(enabled = true) {
  return useQuery({
    queryKey: ['/api/housing-organisations', 'all'],
    enabled,
    staleTime: 60_000,
    queryFn: ({ signal }) =>
      api.get<TPage<THousingOrganisation>>(
        '/api/housing-organisations',
        { sort: 'name', dir: 'asc', page: 1, pageSize: 200 },
        signal,
      ),
    select: (page) => page.items,
  });
}
