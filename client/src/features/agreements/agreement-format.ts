import { formatDate, formatNumber } from '@client/lib/format.ts';
import type { TAgreement, TCommitmentInput } from '@domain/agreement.schema.ts';
import type { TFunction } from 'i18next';

// Pure text helpers of the agreement pages, kept apart so they can be unit-tested without a DOM.

/** "2 lærlinge om året", "1 elev i halvåret" (plural forms from the locale files). */
export function commitmentText(t: TFunction, c: Pick<TCommitmentInput, 'kind' | 'quantity' | 'per'>): string {
  return t('agreements.commitment.text', {
    quantity: formatNumber(c.quantity),
    kind: t(`agreements.kindCount.${c.kind}`, { count: c.quantity }),
    per: t(`agreements.per.${c.per}`),
  });
}

/** "01.01.2027 – 31.12.2028", or "01.01.2027 – indtil videre" without an end. */
export function periodText(t: TFunction, a: Pick<TAgreement, 'periodStart' | 'periodEnd'>): string {
  return t('agreements.periodRange', {
    from: formatDate(a.periodStart),
    to: a.periodEnd ? formatDate(a.periodEnd) : t('agreements.untilFurther'),
  });
}
