import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from '../config/schema.ts';
import { isCalendarDate } from '../dates.ts';
import { DatelineError } from '../errors.ts';
import { normaliseNewlines, stripBom } from '../parse/text.ts';
import { ledgerFolderOf } from '../ledger/ledger-folder.ts';
import { readLedger } from '../ledger/ledger-io.ts';
import { placeRecords } from '../records/place.ts';
import { compileCleaning } from '../records/parse-sources.ts';
import { textRecord } from '../records/text-record.ts';
import { digest } from '../digest.ts';
import { MAX_ARTICLE_BYTES } from '../read/read-sources.ts';
import type { Console } from './console.ts';

const SEQUENCE = /^(\d+)_/;
const HEADER = /^\s*date[ \t]+(\d{4}-\d{2}-\d{2})(?:\s+|$)/;

/**
 * `dateline new`: writes an article in the seed format from a file or standard input, with the
 * next sequence number, a fresh random 16-hex id, and today's date unless one is given. It is
 * validated as a build would, never overwrites a file, and the path and future URL are printed.
 */
export async function runNew(config: SiteConfig, options: { date?: string; from?: string; today: string; readStdin: () => Promise<string> }, io: Console): Promise<number> {
  const source = options.from === undefined || options.from === '-' ? '(standard input)' : options.from;
  const raw = normaliseNewlines(stripBom(options.from === undefined || options.from === '-' ? await options.readStdin() : await readFile(options.from, 'utf8')));
  if (Buffer.byteLength(raw) > MAX_ARTICLE_BYTES) throw new DatelineError({ code: 'too-large', file: source, message: 'is larger than 1 MiB, the limit for an article' });
  const header = HEADER.exec(raw);
  const date = options.date ?? header?.[1] ?? options.today;
  if (!isCalendarDate(date)) {
    throw new DatelineError({ code: 'bad-date', file: options.date === undefined ? source : '--date', message: `date "${date}" is not a calendar date (expected YYYY-MM-DD)` });
  }
  const body = (header ? raw.slice(header[0].length) : raw).trim();
  if (body === '') throw new DatelineError({ code: 'empty-body', file: source, message: 'has no article text' });

  const names = await readdir(config.input).catch(() => [] as string[]);
  const numbers = names.map((name) => SEQUENCE.exec(name)).filter((match) => match !== null);
  const width = Math.max(3, ...numbers.map((match) => match[1]?.length ?? 0));
  const next = Math.max(-1, ...numbers.map((match) => Number(match[1]))) + 1;
  const id = randomBytes(8).toString('hex');
  const name = `${String(next).padStart(width, '0')}_${id}.txt`;
  const file = path.join(config.input, name);
  const text = ` date ${date} ${body}\n`;

  // Validate exactly as a build would, before anything is written.
  const cleaning = compileCleaning(config.leftoverPatterns, config.keepParagraphs);
  const record = textRecord({ relativePath: name, displayPath: file, id, format: 'text', text, hash: digest(text), times: { size: 0, mtimeMs: 0, ctimeMs: 0 } }, cleaning.leftovers, cleaning.furniture, cleaning.keep);
  // Where it will be: by the rule, unless the URL ledger gives that URL to another article.
  const { ledger } = await readLedger(ledgerFolderOf(config));
  const [placed] = placeRecords([record], { ledger, published: () => true, displayPath: () => file }).placed;
  // The name is new by construction; 'wx' still refuses to overwrite if another process made it meanwhile.
  await writeFile(file, text, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    throw new DatelineError({ code: error.code === 'EEXIST' ? 'exists' : 'unwritable', file, message: error.code === 'EEXIST' ? 'already exists; not overwritten' : `cannot be written: ${error.message}` });
  });
  io.out(`Wrote ${file}`);
  io.out(`Headline: ${record.headline}`);
  io.out(`It will be at /${placed?.path ?? ''} after the next build.`);
  return 0;
}

/** Today's calendar date where the user is (the machine's time zone), as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
