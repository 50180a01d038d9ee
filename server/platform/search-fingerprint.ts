import { createHmac } from 'node:crypto';

// A search for a person is logged (issue 4 item 6), but the typed text — usually a name — must
// not be: the audit log is append-only and outlives an erasure. It keeps a keyed fingerprint
// instead. With the key, an admin can check "was this text searched?" (the audit log filter);
// without it, the fingerprint cannot be turned back into a name by trying likely names.

/** Hex characters kept of the HMAC: 64 bits, plenty to tell searches apart, short in the log. */
const FINGERPRINT_HEX = 16;

/** The key, derived from the session secret so a deployment needs no extra secret. */
function fingerprintKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('jobbro/audit-search-fingerprint/v1').digest();
}

/** The same text however it was typed: Unicode NFC, trimmed, inner spaces collapsed, lower case. */
export function normaliseSearchText(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('da-DK');
}

export interface TSearchFingerprint {
  fingerprint: string;
  /** Characters of the normalised text: tells a one-letter search from a full name. */
  length: number;
}

export function searchFingerprint(secret: string, text: string): TSearchFingerprint {
  const normal = normaliseSearchText(text);
  const fingerprint = createHmac('sha256', fingerprintKey(secret))
    .update(normal, 'utf8')
    .digest('hex')
    .slice(0, FINGERPRINT_HEX);
  return { fingerprint, length: [...normal].length };
}

/**
 * The fingerprint of a jobcenter person reference, kept after an erasure request so the
 * jobcenter's next list is stopped at that person (its own key label: a search fingerprint and
 * a reference fingerprint of the same text differ).
 */
export function erasedRefFingerprint(secret: string, jobcenterRef: string): string {
  return createHmac('sha256', createHmac('sha256', secret).update('jobbro/erased-jobcenter-ref/v1').digest())
    .update(jobcenterRef.trim(), 'utf8')
    .digest('hex');
}

/**
 * Search criteria as the audit log keeps them: every filter as it was, the free text `q` only as
 * its fingerprint (absent when nothing was typed).
 */
export function auditedCriteria(secret: string, criteria: Record<string, unknown>): Record<string, unknown> {
  const { q, ...rest } = criteria;
  const out: Record<string, unknown> = Object.fromEntries(
    Object.entries(rest).filter(([, v]) => v !== undefined),
  );
  if (typeof q === 'string' && normaliseSearchText(q) !== '') out.q = searchFingerprint(secret, q);
  return out;
}
