import { fileURLToPath } from 'node:url';

/** Dateline's own templates, used unless the config names others. */
export const DEFAULT_TEMPLATES = fileURLToPath(new URL('../templates', import.meta.url));
