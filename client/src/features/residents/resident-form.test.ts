import { parseForm } from '@client/components/form-errors.ts';
import { describe, expect, it } from 'vitest';
import {
  consentFieldError,
  emptyResidentValues,
  move,
  OUTSIDE_AREAS,
  residentFormSchema,
  type TResidentFormValues,
} from './resident-form.ts';

const TODAY = '2026-03-10';
const AREA = '00000000-0000-4000-8000-0000000000aa';

function valid(patch: Partial<TResidentFormValues> = {}): TResidentFormValues {
  return {
    ...emptyResidentValues(TODAY),
    firstName: 'Amina',
    lastName: 'Testesen',
    birthDate: '1990-05-01',
    postalCode: '8800',
    housingAreaId: AREA,
    ...patch,
  };
}

describe('residentFormSchema', () => {
  it('turns the form into the API body, keeping the occupations in their ranked order', () => {
    const r = parseForm(residentFormSchema(TODAY), valid({ occupationIds: ['snedker', 'toemrer'] }));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.data.housingAreaId).toBe(AREA);
      expect(r.data.consents).toEqual([]);
      expect(r.data.occupationIds).toEqual(['snedker', 'toemrer']);
    }
  });

  it('asks for an explicit area choice, and sends "outside the areas" as null', () => {
    const missing = parseForm(residentFormSchema(TODAY), valid({ housingAreaId: '' }));
    expect(missing.ok ? {} : missing.errors).toEqual({
      housingAreaId: 'Vælg et boligområde eller »Uden for boligområderne«.',
    });
    const outside = parseForm(residentFormSchema(TODAY), valid({ housingAreaId: OUTSIDE_AREAS }));
    expect(outside.ok && outside.data.housingAreaId).toBe(null);
  });

  it('keeps the domain rules: a future birth date and a health need without consent are refused', () => {
    const r = parseForm(
      residentFormSchema(TODAY),
      valid({ birthDate: '2030-01-01', supportNeeds: ['health'], healthNeedConsent: false }),
    );
    expect(r.ok ? {} : r.errors).toMatchObject({
      birthDate: 'Fødselsdatoen ligger i fremtiden.',
      supportNeeds: 'Et helbredsrelateret støttebehov kræver personens udtrykkelige samtykke.',
    });
  });

  it('gives every ticked scope its own consent, and asks for a witness for a verbal consent', () => {
    const ok = parseForm(residentFormSchema(TODAY), valid({ consentScopes: ['sharing', 'matching'] }));
    expect(ok.ok && ok.data.consents.map((c) => [c.scope, c.givenOn, c.method])).toEqual([
      ['sharing', TODAY, 'paper'],
      ['matching', TODAY, 'paper'],
    ]);
    const verbal = parseForm(
      residentFormSchema(TODAY),
      valid({ consentScopes: ['sharing'], consentMethod: 'verbal_witnessed' }),
    );
    expect(verbal.ok).toBe(false);
    if (!verbal.ok) expect(consentFieldError(verbal.errors, 'witnessName')).toBe('Skriv hvem der var vidne.');
  });
});

describe('move', () => {
  it('moves a ranked item up or down and leaves the ends alone', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});
