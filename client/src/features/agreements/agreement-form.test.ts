import { describe, expect, it } from 'vitest';
import { emptyAgreementForm, newCommitmentRow, validateAgreementForm } from './agreement-form.ts';

const ORG = '00000000-0000-4000-8000-000000000001';
const COMPANY = { id: '00000000-0000-4000-8000-000000000002', name: 'Testfirma ApS' };

describe('validateAgreementForm', () => {
  it('says "Skal udfyldes." at each empty required field, with the schema\'s own messages elsewhere', () => {
    const form = emptyAgreementForm();
    form.commitments[0]!.kind = '';
    form.commitments[0]!.quantity = '';
    const result = validateAgreementForm(form, 'Skal udfyldes.');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject({
      companyId: 'Skal udfyldes.',
      housingOrganisationIds: 'Vælg mindst én boligorganisation.',
      title: 'Skal udfyldes.',
      periodStart: 'Skal udfyldes.',
      'commitments.0.kind': 'Skal udfyldes.',
      'commitments.0.quantity': 'Skal udfyldes.',
    });
  });

  it('refuses an end before the start and a quantity of 0', () => {
    const form = {
      ...emptyAgreementForm([ORG], COMPANY),
      title: 'Aftale',
      periodStart: '2027-06-01',
      periodEnd: '2027-01-01',
      commitments: [{ ...newCommitmentRow(), kind: 'apprentices' as const, quantity: '0' }],
    };
    const result = validateAgreementForm(form, 'Skal udfyldes.');
    expect(result).toEqual({
      ok: false,
      errors: {
        periodEnd: 'Slutdatoen skal ligge efter startdatoen.',
        'commitments.0.quantity': 'Mindst 1.',
      },
    });
  });

  it('turns a valid form into the API body: empty optional dates become null, quantities numbers', () => {
    const form = {
      ...emptyAgreementForm([ORG], COMPANY),
      title: ' Lærlingeaftale ',
      periodStart: '2027-01-01',
      commitments: [
        { ...newCommitmentRow(), kind: 'apprentices' as const, quantity: '2', per: 'year' as const },
      ],
    };
    expect(validateAgreementForm(form, 'Skal udfyldes.')).toEqual({
      ok: true,
      data: {
        companyId: COMPANY.id,
        housingOrganisationIds: [ORG],
        title: 'Lærlingeaftale',
        periodStart: '2027-01-01',
        periodEnd: null,
        signedOn: null,
        note: null,
        commitments: [{ kind: 'apprentices', quantity: 2, per: 'year', note: null }],
      },
    });
  });
});
