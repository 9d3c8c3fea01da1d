import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Dateline's own templates, used unless the config names others. */
export const DEFAULT_TEMPLATES = fileURLToPath(new URL('../templates', import.meta.url));

/** The sample article(s) `dateline init` starts a site with: the embedded default input. */
export const SAMPLE_ARTICLES = fileURLToPath(new URL('../seeds', import.meta.url));

/** The files `dateline init` writes besides the config and articles: deploy recipes, .gitignore. */
export const STARTER_DIR = fileURLToPath(new URL('../starter', import.meta.url));

/**
 * Where builds keep what they know for the next one (never inside the output): relative to the
 * working directory. `DATELINE_CACHE_DIR` moves it, e.g. out of node_modules for a CI cache that
 * `npm ci` would otherwise wipe.
 */
export const CACHE_DIR = process.env.DATELINE_CACHE_DIR || path.join('node_modules', '.cache', 'dateline');
