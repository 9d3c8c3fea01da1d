import { createHash } from 'node:crypto';

/** A short, stable hash of strings or bytes, for keys (each part ends with a NUL, so parts cannot run together). */
export function digest(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('base64url').slice(0, 22);
}
