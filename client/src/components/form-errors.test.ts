import { toApiError } from '@client/api/errors.ts';
import { ZHousingAreaInput } from '@domain/housing-area.schema.ts';
import { ZSocialHousingPlanInput } from '@domain/social-housing-plan.schema.ts';
import { describe, expect, it } from 'vitest';
import { parseForm, serverFieldErrors } from './form-errors.ts';

describe('parseForm', () => {
  it('puts the Danish schema messages at the fields', () => {
    const r = parseForm(ZHousingAreaInput, {
      name: '   ',
      housingOrganisationId: '7d5e8a3c-1b2f-4c6d-9e8f-0a1b2c3d4e5f',
      municipalityId: '7d5e8a3c-1b2f-4c6d-9e8f-0a1b2c3d4e5f',
      postalCode: '88',
      residentsCount: -1,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.name).toBe('Skal udfyldes.');
    expect(r.errors.postalCode).toBe('Postnummer skal være 4 cifre.');
    expect(r.errors.residentsCount).toBe('Kan ikke være negativt.');
  });

  it('keeps the path of a cross-field rule', () => {
    const r = parseForm(ZSocialHousingPlanInput, {
      name: 'Plan',
      partnershipId: '7d5e8a3c-1b2f-4c6d-9e8f-0a1b2c3d4e5f',
      periodStart: '2026-01-01',
      periodEnd: '2025-01-01',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.periodEnd).toBe('Slutdatoen skal ligge efter startdatoen.');
  });

  it('returns the parsed, transformed value on success', () => {
    const r = parseForm(ZHousingAreaInput, {
      name: ' Houlkærvænget ',
      housingOrganisationId: '7d5e8a3c-1b2f-4c6d-9e8f-0a1b2c3d4e5f',
      municipalityId: '7d5e8a3c-1b2f-4c6d-9e8f-0a1b2c3d4e5f',
      postalCode: '8800',
      residentsCount: '1234',
    });
    expect(r.ok && r.data.name).toBe('Houlkærvænget');
    expect(r.ok && r.data.residentsCount).toBe(1234);
  });
});

describe('serverFieldErrors', () => {
  it('takes the fields map of an API error', () => {
    const e = toApiError(400, {
      error: { code: 'VALIDATION_FAILED', message: 'x', fields: { 'memberships.0.role': 'Vælg en rolle.' } },
    });
    expect(serverFieldErrors(e)).toEqual({ 'memberships.0.role': 'Vælg en rolle.' });
    expect(serverFieldErrors(new Error('x'))).toEqual({});
  });
});
