import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../errors.ts';
import { reservedFileOf, reservedRootOf } from '../site/urls.ts';
import type { FileTimes } from './fingerprint.ts';

/** A file of the site's own (`static/`), published as it is at the same path. */
export interface StaticFile extends FileTimes {
  /** `/`-separated path under the folder, and so under the output. */
  path: string;
  absolutePath: string;
}

/** Editor and system leftovers, never published. */
const LEFTOVER = /(?:~|\.swp|\.swo|\.swx|\.bak|\.orig|\.rej|\.tmp|\.part|\.crdownload)$|^#.*#$|^(?:Thumbs\.db|desktop\.ini|Icon\r)$/i;
/** What a URL holds as it is; anything else would need escaping, and is refused. */
const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/**
 * Lists the site's own files (a logo, a favicon, CNAME, `.well-known/`), recursively, in path
 * order. Hidden files are left out (but `.well-known/`, which the web reads). Refused, each with
 * the reason and the rest published: a name a URL cannot hold as it is, a link that leads outside
 * the folder, and a file at a place Dateline makes (`index.html`, `feed.xml`, `/archive/`…) or a
 * page of the site's own (`taken`).
 */
export async function listStaticFiles(dir: string | undefined, display: string, taken: ReadonlyMap<string, string>): Promise<{ files: StaticFile[]; problems: Problem[] }> {
  const files: StaticFile[] = [];
  const problems: Problem[] = [];
  if (dir === undefined) return { files, problems };
  let root: string;
  try {
    root = await realpath(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { files, problems };
    throw error;
  }
  const refuse = (relative: string, code: string, message: string, hint?: string) =>
    problems.push({ code, severity: 'error', file: path.join(display, relative), message, ...(hint ? { hint } : {}) });

  const visited = new Set<string>([root]);
  async function walk(absoluteDir: string, relativeDir: string): Promise<void> {
    const names = (await readdir(absoluteDir)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      if (LEFTOVER.test(name) || (name.startsWith('.') && name !== '.well-known')) continue;
      const relative = relativeDir === '' ? name : `${relativeDir}/${name}`;
      const absolute = path.join(absoluteDir, name);
      let info = await lstat(absolute);
      if (info.isSymbolicLink()) {
        let target: string;
        try {
          target = await realpath(absolute);
        } catch {
          refuse(relative, 'broken-symlink', 'is a symbolic link to nothing; skipped');
          continue;
        }
        const inside = path.relative(root, target);
        if (inside.startsWith('..') || path.isAbsolute(inside)) {
          refuse(relative, 'symlink-outside', 'is a symbolic link to a place outside the folder; refused');
          continue;
        }
        info = await stat(target);
      }
      if (!SAFE_NAME.test(name) && name !== '.well-known') {
        refuse(relative, 'unsafe-name', 'has a name a URL cannot hold as it is; skipped', 'rename it with letters, digits, ".", "_" and "-" only');
        continue;
      }
      if (info.isDirectory()) {
        if (relativeDir === '' && reservedRootOf(`${name}/`) !== undefined) {
          refuse(relative, 'static-replaces-generated', `would go where Dateline makes ${reservedRootOf(`${name}/`)}; skipped`, 'put it in a folder of another name');
          continue;
        }
        const real = await realpath(absolute);
        if (visited.has(real)) continue;
        visited.add(real);
        await walk(absolute, relative);
        continue;
      }
      if (!info.isFile()) continue;
      const generated = relativeDir === '' ? reservedFileOf(name) : undefined;
      const page = taken.get(relative);
      if (generated !== undefined || page !== undefined) {
        refuse(relative, 'static-replaces-generated', `would replace ${generated ?? `the page of ${page}`}, which Dateline makes; skipped`, 'rename it, or remove it');
        continue;
      }
      files.push({ path: relative, absolutePath: absolute, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs });
    }
  }
  await walk(root, '');
  return { files, problems };
}
