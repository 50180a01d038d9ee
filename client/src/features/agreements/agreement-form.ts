import { parseForm, type TFieldErrors } from '@client/components/form-errors.ts';
import {
  type TAgreement,
  type TAgreementInput,
  type TCommitmentKind,
  type TCommitmentPeriod,
  ZAgreementInput,
} from '@domain/agreement.schema.ts';

// The agreement form's values and their way to the API body, kept apart from the component so
// the validation can be unit-tested without a DOM.

export interface TCommitmentDraft {
  /** A stable React key for the row (rows can be removed from the middle). */
  key: string;
  kind: TCommitmentKind | '';
  quantity: string;
  per: TCommitmentPeriod | '';
  note: string;
}

export interface TAgreementForm {
  company: { id: string; name: string } | null;
  housingOrganisationIds: string[];
  title: string;
  periodStart: string;
  periodEnd: string;
  signedOn: string;
  note: string;
  commitments: TCommitmentDraft[];
}

let rowSeq = 0;
export function newCommitmentRow(): TCommitmentDraft {
  return { key: `commitment-${++rowSeq}`, kind: '', quantity: '1', per: 'year', note: '' };
}

export function emptyAgreementForm(
  housingOrganisationIds: string[] = [],
  company: TAgreementForm['company'] = null,
): TAgreementForm {
  return {
    company,
    housingOrganisationIds,
    title: '',
    periodStart: '',
    periodEnd: '',
    signedOn: '',
    note: '',
    commitments: [newCommitmentRow()],
  };
}

export function agreementToForm(a: TAgreement): TAgreementForm {
  return {
    company: { id: a.companyId, name: a.companyName },
    housingOrganisationIds: a.housingOrganisations.map((o) => o.id),
    title: a.title,
    periodStart: a.periodStart,
    periodEnd: a.periodEnd ?? '',
    signedOn: a.signedOn ?? '',
    note: a.note ?? '',
    commitments: a.commitments.map((c) => ({
      key: `commitment-${++rowSeq}`,
      kind: c.kind,
      quantity: String(c.quantity),
      per: c.per,
      note: c.note ?? '',
    })),
  };
}

export function formToInput(f: TAgreementForm) {
  return {
    companyId: f.company?.id ?? '',
    housingOrganisationIds: f.housingOrganisationIds,
    title: f.title,
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    signedOn: f.signedOn,
    note: f.note,
    commitments: f.commitments.map(({ kind, quantity, per, note }) => ({ kind, quantity, per, note })),
  };
}

/**
 * The shared schema's verdict, with "Skal udfyldes." where a required field is simply empty
 * (the schema would call an empty company an invalid id and an empty date an invalid date).
 */
export function validateAgreementForm(
  f: TAgreementForm,
  required: string,
): { ok: true; data: TAgreementInput } | { ok: false; errors: TFieldErrors } {
  const parsed = parseForm(ZAgreementInput, formToInput(f));
  const errors: TFieldErrors = parsed.ok ? {} : { ...parsed.errors };
  if (!f.company) errors.companyId = required;
  if (!f.periodStart) errors.periodStart = required;
  f.commitments.forEach((c, i) => {
    if (!c.kind) errors[`commitments.${i}.kind`] = required;
    if (!c.per) errors[`commitments.${i}.per`] = required;
    if (!c.quantity.trim()) errors[`commitments.${i}.quantity`] = required;
  });
  if (parsed.ok && Object.keys(errors).length === 0) return { ok: true, data: parsed.data };
  return { ok: false, errors };
}
