import path from 'node:path';

/** URL-safe names; a leading `_` for host files (`_redirects`), and `.well-known`, the one hidden folder the web uses. */
const SAFE_SEGMENT = /^(?:[A-Za-z0-9_][A-Za-z0-9._-]*|\.well-known)$/;

/**
 * Checks a `/`-separated output path before anything is written: relative, no `..`, no empty or
 * hidden segments (but `.well-known`), only URL-safe characters. Whatever a slug or template says, nothing can be
 * written outside the output folder. Returns the path unchanged or throws.
 */
export function checkOutputPath(file: string): string {
  const segments = file.split('/');
  if (file === '' || file.startsWith('/') || segments.some((segment) => !SAFE_SEGMENT.test(segment) || segment === '..' || segment === '.')) {
    throw new Error(`refusing to write "${file}": output paths must stay inside the output folder and hold only [A-Za-z0-9._-]`);
  }
  return file;
}

/** Absolute path of `file` under `root`, after {@link checkOutputPath} and a containment check. */
export function resolveInside(root: string, file: string): string {
  const absolute = path.resolve(root, ...checkOutputPath(file).split('/'));
  const relative = path.relative(root, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new Error(`refusing to write "${file}": it resolves outside ${root}`);
  }
  return absolute;
}
