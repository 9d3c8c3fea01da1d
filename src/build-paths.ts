import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Dateline's own templates, used unless the config names others. */
export const DEFAULT_TEMPLATES = fileURLToPath(new URL('../templates', import.meta.url));

/** Where builds keep what they know for the next one (never inside the output): relative to the working directory. */
export const CACHE_DIR = path.join('node_modules', '.cache', 'dateline');
