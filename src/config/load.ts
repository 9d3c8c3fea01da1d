import { readFile } from 'node:fs/promises';
import { DatelineError } from '../errors.ts';
import { configSchema, type ConfigInput, type SiteConfig } from './schema.ts';

export const CONFIG_FILE = 'dateline.config.json';

/**
 * Reads and validates the config file (absent is fine), then applies command-line overrides.
 * Every problem is reported at once as `file: path.to.key: message`.
 */
export async function loadConfig(file: string, overrides: Partial<ConfigInput>, required = false): Promise<SiteConfig> {
  const fromFile = await readConfigFile(file, required);
  const merged = { ...fromFile, ...definedOnly(overrides) };
  const result = configSchema.safeParse(merged);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new DatelineError({
      code: 'bad-config',
      file,
      message: `invalid configuration:\n  ${lines.join('\n  ')}`,
      hint: 'flags override the file; see dateline --help',
    });
  }
  return result.data;
}

async function readConfigFile(file: string, required: boolean): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !required) return {};
    throw new DatelineError({ code: 'config-unreadable', file, message: `cannot read the config file: ${(error as Error).message}` });
  }
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new SyntaxError('expected a JSON object { ... }');
    return data as Record<string, unknown>;
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
    throw new DatelineError({ code: 'bad-config', file, line, message: `not valid JSON: ${(error as Error).message}` });
  }
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
