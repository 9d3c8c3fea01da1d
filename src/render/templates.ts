import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_TEMPLATES } from '../build-paths.ts';
import type { SiteConfig } from '../config/schema.ts';
import { digest } from '../digest.ts';
import { DatelineError } from '../errors.ts';
import type { TemplateHelpers } from './helpers.ts';

/**
 * The templates a site renders with: the user's folder (`templates` in the config), whose files
 * override Dateline's of the same name, then Dateline's own for everything else; and the filters
 * and globals of `dateline.config.mjs`, when there is one.
 */
export interface TemplateSet {
  /** Folders searched in order, Dateline's own last. */
  folders: readonly string[];
  helpers?: TemplateHelpers;
}

/** Where templates are looked up for a config: its `templates` folder first, then Dateline's own. */
export function templateFolders(config: Pick<SiteConfig, 'templates'>): string[] {
  if (config.templates === undefined || path.resolve(config.templates) === path.resolve(DEFAULT_TEMPLATES)) return [DEFAULT_TEMPLATES];
  return [config.templates, DEFAULT_TEMPLATES];
}

/** The prefix that names Dateline's own version of a template, so an override can extend it: `{% extends "dateline/base.njk" %}`. */
export const DATELINE_PREFIX = 'dateline/';

/** The user's templates folder must be a folder: a typo would otherwise silently give Dateline's look. */
export async function assertTemplateFolders(folders: readonly string[]): Promise<void> {
  for (const folder of folders) {
    const info = await stat(folder).catch(() => undefined);
    if (!info?.isDirectory()) {
      throw new DatelineError({ code: 'no-templates', file: folder, message: info ? 'is not a folder' : 'does not exist', hint: '"templates" in dateline.config.json names a folder of templates that override Dateline\'s own' });
    }
  }
}

/** Files under `assets/` are copied, not rendered. */
const ASSETS = 'assets';

/**
 * A hash of everything that decides how pages render: every template of every folder (each file's
 * name, folder and text; an override and the template it hides both count, since an override may
 * extend Dateline's own), the names of the assets (so an asset added or removed is made or dropped
 * by the next update; their contents are compared as outputs), and the helpers file's text. Not
 * covered: modules the helpers file imports and anything it reads.
 */
export async function templatesFingerprint(templates: TemplateSet): Promise<string> {
  const parts: string[] = [];
  for (const [index, folder] of templates.folders.entries()) {
    for (const file of await filesUnder(folder)) {
      const relative = path.relative(folder, file).split(path.sep).join('/');
      if (!relative.startsWith(`${ASSETS}/`)) parts.push(`${index}:${relative}`, await readFile(file, 'utf8'));
    }
  }
  parts.push('assets', ...(await assetFiles(templates.folders)).keys());
  if (templates.helpers) parts.push('helpers', templates.helpers.digest);
  return digest(...parts);
}

/**
 * The files under `assets/` of every folder, by output path (`assets/style.css`), copied as they
 * are: a user's file replaces Dateline's of the same name; subfolders are kept; hidden files skipped.
 */
export async function readAssets(folders: readonly string[]): Promise<Map<string, Uint8Array>> {
  const assets = new Map<string, Uint8Array>();
  for (const [name, file] of await assetFiles(folders)) assets.set(name, await readFile(file));
  return assets;
}

/** Each asset's output path and the file it comes from, sorted by output path. */
async function assetFiles(folders: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  // Dateline's last, so the user's files win.
  for (const folder of [...folders].reverse()) {
    const root = path.join(folder, ASSETS);
    for (const file of await filesUnder(root)) {
      const relative = path.relative(root, file).split(path.sep);
      if (relative.some((part) => part.startsWith('.'))) continue;
      found.set(`${ASSETS}/${relative.join('/')}`, file);
    }
  }
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Regular files under a folder, recursively, sorted (none when it does not exist). */
async function filesUnder(folder: string): Promise<string[]> {
  if (!existsSync(folder)) return [];
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
