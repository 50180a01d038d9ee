import type { TConsentScope } from './consent.schema.ts';

// The consent texts residents are shown (seed 002: Greve's consent to share between municipality
// and housing social plan). Versioned: a consent records the version it was given on, so a text
// change never rewrites what someone agreed to. Add a new version; never edit a published one.

export const CURRENT_CONSENT_TEXT_VERSION = '2026-1';

export const CONSENT_TEXTS: Record<string, Record<TConsentScope, { title: string; body: string }>> = {
  '2026-1': {
    sharing: {
      title: 'Samtykke til deling mellem jobcenter og boligsocial helhedsplan',
      body: 'Jeg giver samtykke til, at jobcentret i min kommune og den boligsociale helhedsplan i mit boligområde må udveksle oplysninger om mig, som er nødvendige for at hjælpe mig i job eller uddannelse: navn, kontaktoplysninger, bopæl, ydelsesgruppe, jobcenterkategori, ønsker til job, erfaring, uddannelse og behov for støtte. Samtykket gælder i 24 måneder. Jeg kan til enhver tid trække det tilbage, og så stopper delingen med det samme.',
    },
    matching: {
      title: 'Samtykke til at blive foreslået til arbejdsgivere',
      body: 'Jeg giver samtykke til, at jobkonsulenten og den boligsociale medarbejder må foreslå mig til konkrete job, praktikker og lærepladser. En arbejdsgiver, jeg bliver foreslået til, får kun mit fornavn, de job, jeg ønsker, min erfaring og hvornår jeg kan arbejde – aldrig min ydelse, kategori, støttebehov eller noter. Jeg kan til enhver tid trække samtykket tilbage.',
    },
    evaluation: {
      title: 'Samtykke til brug i evaluering',
      body: 'Jeg giver samtykke til, at oplysninger om mit forløb må gemmes og bruges pseudonymiseret – uden navn og kontaktoplysninger – til at evaluere partnerskabets indsats. Ingen kan genkende mig i evalueringens tal. Jeg kan til enhver tid trække samtykket tilbage.',
    },
  },
};
