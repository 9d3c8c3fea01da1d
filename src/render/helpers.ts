import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Environment } from 'nunjucks';
import { digest } from '../digest.ts';
import { DatelineError } from '../errors.ts';

/*
 * `dateline.config.mjs`: the site's own Nunjucks filters and globals, beside the JSON config.
 *
 *   export default {
 *     filters: { shout: (text) => String(text).toUpperCase() },
 *     globals: { edition: 'Evening' },
 *   };
 *
 * It is the user's own code and runs as such (the JSON config never runs code). A plain object
 * rather than Eleventy's `addFilter` calls or Lume's `site.filter()`: the file does two things,
 * and an object is checked whole, so every mistake is reported by its key. Filters run while
 * pages render, on the main thread, and must be synchronous and pure: a page is made again only
 * when the file's text changes (see `templatesFingerprint`), not when what it imports or reads does.
 */

/** The helpers file of a config file: the same name with `.mjs` for `.json` (`dateline.config.json` → `dateline.config.mjs`). */
export function helpersFileOf(configFile: string): string {
  const { dir, name, ext } = path.parse(configFile);
  return path.join(dir, `${ext === '.json' ? name : `${name}${ext}`}.mjs`);
}

/** The helpers file as read, before it runs: its text's hash decides whether pages are made again. */
export interface HelpersSource {
  file: string;
  digest: string;
}

export type Filter = (...args: unknown[]) => unknown;

export interface TemplateHelpers extends HelpersSource {
  filters: Readonly<Record<string, Filter>>;
  globals: Readonly<Record<string, unknown>>;
}

/** Reads the helpers file (absent: undefined); nothing runs yet. */
export async function readHelpersSource(file: string): Promise<HelpersSource | undefined> {
  try {
    return { file, digest: digest(await readFile(file)) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DatelineError({ code: 'helpers-unreadable', file, message: `cannot read the template helpers: ${(error as Error).message}` });
  }
}

/** Names the templates already use for the page (`p`) and the site (`site`): a global by that name would never be seen. */
const TEMPLATE_DATA = new Set(['p', 'site']);
const NAME = /^[A-Za-z_$][\w$]*$/;

/**
 * Runs the helpers file and checks what it exports. Imported again only when its text changed
 * (the hash is in the URL), so `serve` picks up an edit; a module it imports is not reloaded.
 * Every problem is reported at once, naming the file and the key.
 */
export async function importHelpers(source: HelpersSource): Promise<TemplateHelpers> {
  const { file } = source;
  let exported: unknown;
  try {
    exported = ((await import(`${pathToFileURL(path.resolve(file)).href}?v=${source.digest}`)) as { default?: unknown }).default;
  } catch (error) {
    const line = await errorLine(error, file);
    throw new DatelineError({ code: 'bad-helpers', file, ...(line === undefined ? {} : { line }), message: `could not be loaded: ${(error as Error).message ?? String(error)}` }, { cause: error });
  }
  if (!isPlainObject(exported)) {
    throw new DatelineError({ code: 'bad-helpers', file, message: 'expected a default export of the form export default { filters: { … }, globals: { … } }' });
  }
  const problems: string[] = [];
  for (const key of Object.keys(exported)) if (key !== 'filters' && key !== 'globals') problems.push(`${key}: unknown key (expected "filters" and "globals")`);
  // Loaded here, not at the top: the command's start (a build that finds nothing to do) does without Nunjucks.
  const { default: nunjucks } = await import('nunjucks');
  const builtins = new nunjucks.Environment();
  const filters = section(exported, 'filters', problems);
  const globals = section(exported, 'globals', problems);
  const checked: Record<string, Filter> = {};
  for (const [name, value] of Object.entries(filters)) {
    const problem = badName(name) ?? (hasFilter(builtins, name) ? `Nunjucks has a built-in filter "${name}"; choose another name` : undefined) ?? badFunction(value, 'a function');
    if (problem) problems.push(`filters.${name}: ${problem}`);
    else checked[name] = namingFile(name, value as Filter, file);
  }
  for (const [name, value] of Object.entries(globals)) {
    const problem =
      badName(name) ??
      (TEMPLATE_DATA.has(name) ? `"${name}" is the page data templates receive; choose another name` : undefined) ??
      (hasGlobal(builtins, name) ? `Nunjucks has a built-in global "${name}"; choose another name` : undefined) ??
      (value instanceof Promise ? 'a promise: await it at the top of the module instead (top-level await works in .mjs files)' : undefined) ??
      (typeof value === 'function' ? badFunction(value, 'a function') : undefined);
    if (problem) problems.push(`globals.${name}: ${problem}`);
  }
  if (problems.length > 0) throw new DatelineError({ code: 'bad-helpers', file, message: `invalid template helpers:\n  ${problems.join('\n  ')}` });
  return { ...source, filters: checked, globals: { ...globals } };
}

function section(exported: Record<string, unknown>, key: 'filters' | 'globals', problems: string[]): Record<string, unknown> {
  const value = exported[key];
  if (value === undefined) return {};
  if (isPlainObject(value)) return value;
  problems.push(`${key}: expected an object of names and ${key === 'filters' ? 'functions' : 'values'}`);
  return {};
}

function badName(name: string): string | undefined {
  return NAME.test(name) ? undefined : 'not a name templates can use (letters, digits, _ and $, not starting with a digit)';
}

function badFunction(value: unknown, expected: string): string | undefined {
  if (typeof value !== 'function') return `expected ${expected}, got ${value === null ? 'null' : typeof value}`;
  if (value.constructor.name === 'AsyncFunction') return 'an async function: templates render synchronously, so it must return its result, not a promise';
  return undefined;
}

function hasFilter(environment: Environment, name: string): boolean {
  try {
    environment.getFilter(name);
    return true;
  } catch {
    return false;
  }
}

function hasGlobal(environment: Environment, name: string): boolean {
  try {
    return environment.getGlobal(name) !== undefined;
  } catch {
    return false;
  }
}

/** A filter whose failure says which filter of which file failed (Nunjucks adds the template and line). */
function namingFile(name: string, filter: Filter, file: string): Filter {
  return function (this: unknown, ...args: unknown[]) {
    try {
      return filter.apply(this, args);
    } catch (error) {
      throw new Error(`filter "${name}" of ${file} failed: ${(error as Error).message ?? String(error)}`, { cause: error });
    }
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * The line of the helpers file an import failed on: from the stack for an error thrown while it
 * ran; for a syntax error (whose stack Node 20 does not place), from `node --check`.
 */
async function errorLine(error: unknown, file: string): Promise<number | undefined> {
  const url = pathToFileURL(path.resolve(file)).href;
  const stack = String((error as Error)?.stack ?? '');
  const escaped = url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const thrown = new RegExp(`${escaped}(?:\\?[^:\\s]*)?:(\\d+)`).exec(stack);
  if (thrown) return Number(thrown[1]);
  if (!(error instanceof SyntaxError)) return undefined;
  try {
    // Loaded only here: a build without helpers, or with good ones, never starts a child process.
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    await promisify(execFile)(process.execPath, ['--check', path.resolve(file)]);
    return undefined;
  } catch (failure) {
    const stderr = String((failure as { stderr?: string }).stderr ?? '');
    const at = new RegExp(`${path.resolve(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+)`).exec(stderr);
    return at ? Number(at[1]) : undefined;
  }
}
