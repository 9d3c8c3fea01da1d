import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** Dateline's own version, as people see it (the generator tag in pages and feeds). */
export const DATELINE_VERSION: string = (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * What the build cache is keyed on besides the input: Dateline's source files, its locked
 * dependencies and the Node version. Dateline runs from source, so a `git pull` or `npm update`
 * changes this key and the next build starts clean instead of trusting stale records and pages.
 */
export const CODE_KEY: string = codeKey();

function codeKey(): string {
  const hash = createHash('sha256').update(DATELINE_VERSION).update(process.version);
  const sources = path.join(packageRoot, 'src');
  const files = readdirSync(sources, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of [...files, path.join(packageRoot, 'package-lock.json')]) {
    try {
      hash.update(path.relative(packageRoot, file)).update(readFileSync(file));
    } catch {
      // no lock file in an installed copy: the version stands for it
    }
  }
  return hash.digest('hex').slice(0, 16);
}
