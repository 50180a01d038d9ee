import { describe, expect, it } from 'vitest';
import { ageOn, residentInputSchema, ZResidentPatch } from './resident.schema.ts';

const TODAY = '2026-11-24';
const base = { firstName: 'Amira', lastName: 'Hansen', birthDate: '1990-05-17', postalCode: '8800' };
const fields = (body: object) =>
  residentInputSchema(TODAY)
    .safeParse(body)
    .error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('resident input', () => {
  it('accepts a minimal person and fills the defaults', () => {
    const r = residentInputSchema(TODAY).parse(base);
    expect(r).toMatchObject({
      status: 'active',
      educationLevel: 'unknown',
      occupationIds: [],
      housingAreaId: null,
    });
  });

  it('refuses birth dates in the future or implying an age under 13, in Danish at the field', () => {
    expect(fields({ ...base, birthDate: '2027-01-01' })).toEqual([
      ['birthDate', 'Fødselsdatoen ligger i fremtiden.'],
    ]);
    expect(fields({ ...base, birthDate: '2014-01-01' })).toEqual([
      ['birthDate', 'Personen skal være mindst 13 år.'],
    ]);
    expect(ageOn('2013-11-24', TODAY)).toBe(13);
    expect(ageOn('2013-11-25', TODAY)).toBe(12);
  });

  it('refuses a CPR number in any text, and an unknown occupation', () => {
    expect(fields({ ...base, lastName: 'Hansen 170590-1234' })).toEqual([
      ['lastName', 'Må ikke indeholde et CPR-nummer.'],
    ]);
    expect(fields({ ...base, occupationIds: ['astronaut'] })?.[0]?.[0]).toBe('occupationIds.0');
  });

  it('records a health-related support need only with explicit consent', () => {
    expect(fields({ ...base, supportNeeds: ['health'] })).toEqual([
      ['supportNeeds', 'Et helbredsrelateret støttebehov kræver personens udtrykkelige samtykke.'],
    ]);
    expect(fields({ ...base, supportNeeds: ['health'], healthNeedConsent: true })).toBeUndefined();
  });

  it('checks each experience entry: a title, real years in order, short text', () => {
    expect(
      fields({
        ...base,
        experiences: [
          { title: 'Lager', fromYear: 2021, toYear: 2019 },
          { title: ' ', fromYear: '20x9', toYear: 2101 },
        ],
      }),
    ).toEqual([
      ['experiences.0.toYear', 'Slutåret ligger før startåret.'],
      ['experiences.1.title', 'Skal udfyldes.'],
      ['experiences.1.fromYear', 'Skriv et årstal, fx 2019.'],
      ['experiences.1.toYear', 'Ugyldigt år.'],
    ]);
    expect(
      residentInputSchema(TODAY).parse({ ...base, experiences: [{ title: 'Avisbud', fromYear: '2018' }] })
        .experiences,
    ).toEqual([{ title: 'Avisbud', employer: null, fromYear: 2018, toYear: null, description: null }]);
  });

  it('patches only what is sent', () => {
    expect(ZResidentPatch.parse({ phone: '20 11 22 33' })).toEqual({ phone: '+4520112233' });
  });
});
