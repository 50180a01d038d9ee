import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@domain/auth.schema.ts';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

// argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane): ~20 ms here.
// `algorithm: 2` is Argon2id (the package exports it as a const enum, unusable with isolatedModules).
const ARGON2_OPTIONS = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist keeps the response time the same,
// so timing does not reveal which e-mail addresses have accounts.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('jobbro-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

// The 10,000 most common passwords: the head of zxcvbn-ts's ranked common-password list.
const COMMON_PASSWORD_COUNT = 10_000;
let common: Set<string> | undefined;

/** Danish reason a new password is refused, or null when it is acceptable. */
export function passwordWeakness(password: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH)
    return `Adgangskoden skal være mindst ${PASSWORD_MIN_LENGTH} tegn.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Adgangskoden må højst være ${PASSWORD_MAX_LENGTH} tegn.`;
  common ??= new Set(dictionary['passwords-common'].slice(0, COMMON_PASSWORD_COUNT));
  if (common.has(password.toLowerCase())) return 'Adgangskoden er blandt de mest almindelige. Vælg en anden.';
  return null;
}
