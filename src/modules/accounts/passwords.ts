import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum. */
const options = { algorithm: 2 /* Algorithm.Argon2id: a const enum, not readable at run time */ } as const;

export const passwordMinLength = 12;
export const passwordMaxLength = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

let dummyHash: Promise<string> | null = null;

/**
 * Checks a password against a stored hash. Without a hash (unknown account, invitation not accepted) it still
 * verifies against a throwaway hash, so the answer takes about as long and reveals nothing.
 */
export async function verifyPassword(
  storedHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** French problems with a chosen password, by field; empty when it is acceptable. */
export function passwordProblems(
  password: string,
  confirmation: string,
  email?: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!password) errors.password = 'Saisissez un mot de passe.';
  else if ([...password].length < passwordMinLength) {
    errors.password = `Le mot de passe doit contenir au moins ${passwordMinLength} caractères.`;
  } else if (password.length > passwordMaxLength) {
    errors.password = `Le mot de passe doit contenir au plus ${passwordMaxLength} caractères.`;
  } else if (email && password.toLowerCase().includes(email.toLowerCase())) {
    errors.password = 'Le mot de passe ne doit pas contenir votre adresse e-mail.';
  } else if (new Set(password).size < 4) {
    errors.password = 'Le mot de passe est trop simple : variez les caractères.';
  }
  if (!errors.password && password !== confirmation) {
    errors.confirmation = 'Les deux mots de passe ne sont pas identiques.';
  }
  return errors;
}

/** A strong password to hand out once (first administrator, CLI): 20 characters from an unambiguous set. */
export function generatePassword(length = 20): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[crypto.randomInt(alphabet.length)];
  return out;
}
