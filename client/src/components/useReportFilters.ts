import { isAdminMe } from '@client/app/actor.ts';
import { useMe } from '@client/app/auth.ts';
import { useEntityOptions } from '@client/components/EntitySelect.tsx';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The filters of a report page (partnership, period), kept in the address. The secretariat
 * (an admin) picks a partnership and is shown the first one until it does; `adminPartnerships`
 * are its choices (nothing is fetched for anyone else).
 */
export function useReportFilters() {
  const { data: me } = useMe();
  const admin = isAdminMe(me);
  const [params, setParams] = useSearchParams();
  const partnershipId = params.get('partnershipId') ?? '';
  // From the address as it is now, not as of the last render: two quick changes (a partnership,
  // then a date) must not undo each other.
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const adminPartnerships = useEntityOptions(admin ? '/api/partnerships' : null);
  const firstPartnership = adminPartnerships.data?.[0]?.value;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `set` is new each render; run when the options arrive.
  useEffect(() => {
    if (admin && !partnershipId && firstPartnership) set({ partnershipId: firstPartnership });
  }, [admin, partnershipId, firstPartnership]);

  return { admin, params, partnershipId, set, adminPartnerships };
}
