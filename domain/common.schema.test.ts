import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  patchOf,
  ZEmail,
  ZListQuery,
  ZOptionalPhone,
  ZOptionalText,
  ZPostalCode,
  ZRequiredText,
} from './common.schema.ts';
import { ZHousingOrganisationInput } from './housing-organisation.schema.ts';

describe('shared field schemas', () => {
  it('normalises phone numbers to +45 and 8 digits; empty means none', () => {
    expect(ZOptionalPhone.parse('87 87 40 49')).toBe('+4587874049');
    expect(ZOptionalPhone.parse('+45 87874049')).toBe('+4587874049');
    expect(ZOptionalPhone.parse('')).toBeNull();
    expect(ZOptionalPhone.parse(undefined)).toBeNull();
    expect(ZOptionalPhone.safeParse('1234').error?.issues[0]?.message).toContain('8 cifre');
  });
  it('checks postal codes and e-mails with Danish messages', () => {
    expect(ZPostalCode.safeParse('880').error?.issues[0]?.message).toBe('Postnummer skal være 4 cifre.');
    expect(ZEmail.parse(' Bo@Boligviborg.DK ')).toBe('bo@boligviborg.dk');
    expect(ZEmail.safeParse('bo@').error?.issues[0]?.message).toBe('Ugyldig e-mailadresse.');
  });
  it('refuses CPR numbers in free text', () => {
    expect(ZRequiredText().safeParse('Kontakt 010190-1234').error?.issues[0]?.message).toBe(
      'Må ikke indeholde et CPR-nummer.',
    );
    expect(ZOptionalText().safeParse('Ring 87874049').success).toBe(true);
  });
  it('defaults list queries and caps the page size', () => {
    expect(ZListQuery.parse({})).toEqual({ dir: 'asc', page: 1, pageSize: 25 });
    expect(ZListQuery.safeParse({ pageSize: '1000' }).success).toBe(false);
  });
  it('rejects an invalid CVR on a housing organisation', () => {
    const r = ZHousingOrganisationInput.safeParse({
      name: 'X',
      partnershipId: '00000000-0000-4000-8000-000000000000',
      cvr: '12345678',
    });
    expect(r.error?.issues[0]?.path).toEqual(['cvr']);
  });
});

describe('patchOf', () => {
  it('makes every field optional and drops defaults, so unsent fields stay unset', () => {
    const create = z.object({ name: z.string(), evening: z.boolean().default(false) });
    expect(create.partial().parse({ name: 'x' })).toEqual({ name: 'x', evening: false });
    expect(patchOf(create).parse({ name: 'x' })).toEqual({ name: 'x' });
    expect(patchOf(create).parse({})).toEqual({});
  });
});
