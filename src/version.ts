import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** Dateline's own version, as people see it (the generator tag in pages and feeds). */
export const DATELINE_VERSION: string = (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * What the build cache is keyed on besides the input: Dateline's source files, its locked
 * dependencies and the Node version, so a `git pull` or `npm update` starts the next build clean
 * instead of trusting stale records and pages. The compiled command has the sources' key built in
 * (scripts/compile.mjs); run from the sources (tests, tsx), it is computed from them.
 */
export const CODE_KEY: string = createHash('sha256')
  .update(process.env.DATELINE_CODE_KEY ?? sourcesKey())
  .update(process.version)
  .digest('hex')
  .slice(0, 16);

function sourcesKey(): string {
  const hash = createHash('sha256');
  const sources = readdirSync(path.join(packageRoot, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of [...sources, path.join(packageRoot, 'package.json'), path.join(packageRoot, 'package-lock.json')]) {
    try {
      hash.update(path.relative(packageRoot, file)).update(readFileSync(file));
    } catch {
      // no lock file in an installed copy: the version stands for it
    }
  }
  return hash.digest('hex').slice(0, 16);
}
