import { agreementState, type TAgreement } from '@domain/agreement.schema.ts';
import type { TAgreementOrgRow, TAgreementRow, TCommitmentRow } from './agreements.repository.ts';

/**
 * The only shape an agreement leaves the server in. It holds no personal data, so every role
 * that may read it sees all of it; `today` is the Copenhagen calendar day its state is for.
 */
export function presentAgreement(
  row: TAgreementRow,
  organisations: TAgreementOrgRow[],
  commitments: TCommitmentRow[],
  today: string,
): TAgreement {
  return {
    id: row.id,
    companyId: row.companyId,
    companyName: row.companyName,
    housingOrganisations: organisations.map((o) => ({ id: o.id, name: o.name })),
    title: row.title,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    signedOn: row.signedOn,
    commitments: commitments.map((c) => ({
      id: c.id,
      kind: c.kind,
      quantity: c.quantity,
      per: c.per,
      note: c.note,
    })),
    note: row.note,
    state: agreementState(row, today),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
