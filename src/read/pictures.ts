import path from 'node:path';

/** Files a page may show as pictures, and the input's files that are pictures (listed, never reported as stray). */
export const IMAGE_EXTENSIONS: ReadonlySet<string> = new Set(['.jpg', '.jpeg', '.png', '.gif', '.webp', '.avif', '.svg']);

/** Whether a file is a picture a page may show. */
export function isPicture(name: string): boolean {
  return IMAGE_EXTENSIONS.has(path.extname(name).toLowerCase());
}
