import { createHmac, randomBytes } from 'node:crypto';

/** A random, URL-safe secret for cookies, CSRF and invitation links (256 bits). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the database keeps instead of a token: an HMAC keyed with SESSION_SECRET, so a leaked
 * database copy cannot be turned back into working cookies or invitation links.
 */
export function tokenDigest(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('base64url');
}
