import { LineCounter, parseDocument, isMap, isPair, isScalar } from 'yaml';
import { DatelineError } from '../errors.ts';
import { lineAt } from './text.ts';

/** Raw, unvalidated front matter and the Markdown body after it. */
export interface FrontMatter {
  data: Record<string, unknown>;
  /** 1-based line of each top-level key, so validation errors can point at it. */
  keyLines: Record<string, number>;
  body: string;
  bodyLine: number;
}

const OPENING = /^---[ \t]*([^\n]*)\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;
/** Aliases are refused outright: a 400-byte "billion laughs" expands to hundreds of megabytes. */
const MAX_ALIASES = 0;
const MAX_FRONT_MATTER_BYTES = 64 * 1024;

/**
 * Splits `---` YAML front matter from a Markdown body and parses it as YAML only.
 * We do not use gray-matter here: it evaluates `---js` front matter with `eval`, and its engine
 * lookup cannot be fully switched off. Any fence language other than YAML is refused.
 * Timestamps stay strings (YAML core schema), so `date: 2025-02-30` is caught, not silently moved.
 */
export function parseFrontMatter(text: string, file: string): FrontMatter {
  const opening = OPENING.exec(text);
  if (!opening) {
    throw new DatelineError({
      code: 'missing-front-matter',
      file,
      line: 1,
      message: 'a Markdown article must start with "---" front matter holding title and date',
    });
  }
  const language = (opening[1] ?? '').trim().toLowerCase();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    throw new DatelineError({
      code: 'front-matter-language',
      file,
      line: 1,
      message: `front matter in "${opening[1]?.trim()}" is not supported; only YAML is read`,
      hint: 'start the file with a plain "---" line',
    });
  }
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    throw new DatelineError({ code: 'unclosed-front-matter', file, line: 1, message: 'front matter has no closing "---" line' });
  }
  const yamlText = rest.slice(0, closing.index);
  if (yamlText.length > MAX_FRONT_MATTER_BYTES) {
    throw new DatelineError({ code: 'front-matter-too-large', file, line: 2, message: 'front matter is larger than 64 KB' });
  }
  const bodyStart = opening[0].length + closing.index + closing[0].length;
  const { data, keyLines } = parseYaml(yamlText, file);
  return { data, keyLines, body: text.slice(bodyStart).replace(/^\n/, ''), bodyLine: lineAt(text, bodyStart) + 1 };
}

function parseYaml(yamlText: string, file: string): { data: Record<string, unknown>; keyLines: Record<string, number> } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { schema: 'core', lineCounter, uniqueKeys: true, prettyErrors: false });
  const yamlLine = (offset: number) => lineCounter.linePos(offset).line + 1; // +1 for the opening fence
  const [firstError] = doc.errors;
  if (firstError) {
    throw new DatelineError({
      code: 'bad-yaml',
      file,
      line: yamlLine(firstError.pos[0]),
      message: `front matter is not valid YAML: ${firstError.message.split('\n')[0]}`,
    });
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new DatelineError({ code: 'bad-yaml', file, line: 2, message: 'front matter must be a YAML mapping of keys to values' });
  }
  const keyLines: Record<string, number> = {};
  for (const item of isMap(doc.contents) ? doc.contents.items : []) {
    if (isPair(item) && isScalar(item.key) && item.key.range) keyLines[String(item.key.value)] = yamlLine(item.key.range[0]);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw new DatelineError(
      { code: 'yaml-aliases', file, line: 2, message: 'front matter uses YAML aliases (*name), which Dateline does not expand' },
      { cause: error },
    );
  }
  return { data: (data ?? {}) as Record<string, unknown>, keyLines };
}
