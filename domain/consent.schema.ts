import { z } from 'zod';
import { optionalField, ZIsoDate, ZOptionalText, ZRequiredText } from './common.schema.ts';
import { addDays, addMonths } from './time.ts';

// A resident's consent (samtykke, seed 002 Greve), in three scopes (issue 4 item 2). Each consent
// is its own row with its history: given, expiry, withdrawal. Whether a consent is active is
// decided here, on the Copenhagen day, so a withdrawal or an expiry takes effect on the very
// next request.

export const CONSENT_SCOPES = ['sharing', 'matching', 'evaluation'] as const;
export type TConsentScope = (typeof CONSENT_SCOPES)[number];

export const CONSENT_SCOPE_LABEL_DA: Record<TConsentScope, string> = {
  sharing: '(a) Deling mellem jobcenter og boligsocial helhedsplan',
  matching: '(b) Matchning og forslag til arbejdsgivere',
  evaluation: '(c) Opbevaring til evaluering (pseudonymiseret)',
};

export const CONSENT_METHODS = ['paper', 'digital', 'verbal_witnessed'] as const;
export type TConsentMethod = (typeof CONSENT_METHODS)[number];
export const CONSENT_METHOD_LABEL_DA: Record<TConsentMethod, string> = {
  paper: 'Underskrevet på papir',
  digital: 'Digitalt',
  verbal_witnessed: 'Mundtligt med vidne',
};

/** Consents last 24 months unless the partnership configures otherwise. */
export const DEFAULT_CONSENT_MONTHS = 24;

/** The day a consent given on `givenOn` expires by default: the day before the same date N months on. */
export function defaultConsentExpiry(givenOn: string, months = DEFAULT_CONSENT_MONTHS): string {
  return addDays(addMonths(givenOn, months), -1);
}

export const ZConsentInput = z
  .object({
    scope: z.enum(CONSENT_SCOPES, { error: 'Vælg hvad samtykket dækker.' }),
    /** The version of the consent text the resident was shown (e.g. "2026-1"). */
    textVersion: ZRequiredText(40),
    givenOn: ZIsoDate,
    method: z.enum(CONSENT_METHODS, { error: 'Vælg hvordan samtykket er givet.' }),
    /** For a verbal consent: who witnessed it. */
    witnessName: ZOptionalText(150),
    /** Omitted: the default period after givenOn. */
    expiresOn: optionalField(ZIsoDate),
  })
  .superRefine((c, ctx) => {
    if (c.expiresOn && c.expiresOn <= c.givenOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['expiresOn'],
        message: 'Udløbsdatoen skal ligge efter datoen for samtykket.',
      });
    }
    if (c.method === 'verbal_witnessed' && !c.witnessName) {
      ctx.addIssue({ code: 'custom', path: ['witnessName'], message: 'Skriv hvem der var vidne.' });
    }
  });
export type TConsentInput = z.infer<typeof ZConsentInput>;

/** What the rules need to know of a consent. */
export interface TConsentState {
  scope: TConsentScope;
  givenOn: string;
  expiresOn: string | null;
  withdrawnOn: string | null;
}

/**
 * Active on `today`: given, not expired (the expiry day itself still counts) and never withdrawn
 * (a withdrawal takes effect at once, whatever date it carries).
 */
export function isConsentActive(c: TConsentState, today: string): boolean {
  return c.withdrawnOn === null && c.givenOn <= today && (c.expiresOn === null || c.expiresOn >= today);
}

/** The scopes a resident has an active consent for today. */
export function activeScopes(consents: readonly TConsentState[], today: string): Set<TConsentScope> {
  return new Set(consents.filter((c) => isConsentActive(c, today)).map((c) => c.scope));
}

/** Active consents that expire within `days` (default 30): the "udløber snart" list. */
export function expiresWithin(c: TConsentState, today: string, days = 30): boolean {
  return isConsentActive(c, today) && c.expiresOn !== null && c.expiresOn <= addDays(today, days);
}
