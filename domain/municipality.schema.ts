import { z } from 'zod';
import { ZRequiredText, ZUuid } from './common.schema.ts';

/** A Danish municipality (kommune), identified by its 3-digit municipality code. */
export const ZMunicipalityInput = z.object({
  code: z
    .string({ error: 'Skal udfyldes.' })
    .trim()
    .regex(/^\d{3}$/, { error: 'Kommunekoden skal være 3 cifre.' }),
  name: ZRequiredText(100),
});
export const ZMunicipality = ZMunicipalityInput.extend({ id: ZUuid });
export type TMunicipalityInput = z.infer<typeof ZMunicipalityInput>;
export type TMunicipality = z.infer<typeof ZMunicipality>;
export const MUNICIPALITY_SORTS = ['name', 'code'] as const;
