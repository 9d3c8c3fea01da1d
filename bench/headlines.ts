/**
 * What a reader sees of each article in a list: the derived headline, the standfirst (summary)
 * and the place. Measured over a folder of seed-format articles (default: the Reuters corpus):
 *
 *   npx tsx bench/headlines.ts [FOLDER] [--show N]
 *
 * Figures: headlines cut with "…", longer than 90 characters, bare numbers or list markers,
 * still starting with a wire dateline or holding a ticker bracket; summaries that start with the
 * headline word for word; bodies still ending in the wire's sign-off; headlines repeated on one day.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LEFTOVER_PATTERNS } from '../src/clean/leftovers.ts';
import { startsWithWords } from '../src/derive/summary.ts';
import { textRecord } from '../src/records/text-record.ts';
import type { ArticleRecord } from '../src/records/record.ts';
import { brokenPattern, endsOnFunctionWord, isEmptyStandfirst, notAStory, rouge1, standfirstRepeats } from './lede-quality.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const showAt = args.indexOf('--show');
const show = showAt === -1 ? 0 : Number(args[showAt + 1]);
const folder = args.find((arg, index) => !arg.startsWith('--') && (showAt === -1 || index !== showAt + 1)) ?? path.resolve(root, '../shared/corpora/reuters21578/articles');

/** A wire dateline left at the start: a place in capitals then a date, an agency or a dash. */
const DATELINE_LEFT = /^[^\p{Ll}]{0,6}\p{Lu}[\p{Lu}\p{M}.'’&/}{ -]{2,}(?:,|\s[-–—]|\s\()|^[\p{Lu}][\p{L}. ,'-]{0,40},? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\p{L}*\.? \d{1,2},? [-–—]/u;
const SIGN_OFF_LEFT = /\b(?:reuters?)\W*$/i;

const files = readdirSync(folder).filter((name) => name.endsWith('.txt')).sort();
const records: ArticleRecord[] = [];
const failed: string[] = [];
const start = performance.now();
for (const name of files) {
  const text = readFileSync(path.join(folder, name), 'utf8');
  const id = name.replace(/\.txt$/, '').replace(/^[^_]*_/, '');
  try {
    records.push(textRecord({ relativePath: name, displayPath: name, id, format: 'text', text, hash: id, times: { size: 0, mtimeMs: 0, ctimeMs: 0 } } as never, DEFAULT_LEFTOVER_PATTERNS));
  } catch {
    failed.push(name);
  }
}
const seconds = (performance.now() - start) / 1000;

function repeatsEarly(summary: string, headline: string): boolean {
  const at = summary.toLowerCase().indexOf(headline.toLowerCase());
  return headline.length > 0 && at !== -1 && at <= 60;
}

const share = (test: (record: ArticleRecord) => boolean) => {
  const hits = records.filter(test);
  return { count: hits.length, share: hits.length / records.length, examples: hits.slice(0, show).map((record) => `${record.source}: ${record.headline}`) };
};
// The wire often sent a story twice: a repeat counts only when the two articles' texts differ.
const byDay = new Map<string, Map<string, Set<string>>>();
for (const record of records) {
  const day = byDay.get(record.date) ?? byDay.set(record.date, new Map()).get(record.date)!;
  const key = record.headline.toLowerCase();
  (day.get(key) ?? day.set(key, new Set()).get(key)!).add(record.text);
}
let repeatedOnDay = 0;
for (const day of byDay.values()) for (const texts of day.values()) repeatedOnDay += texts.size - 1;

const figures = {
  'cut with "…"': share((record) => record.headline.endsWith('…')),
  'over 90 characters': share((record) => Array.from(record.headline).length > 90),
  'bare number or list marker': share((record) => /^[\p{N}\p{P}\s]*$/u.test(record.headline) || /^\d+[.)]?$/.test(record.headline)),
  'wire dateline left': share((record) => DATELINE_LEFT.test(record.headline)),
  'ticker bracket left': share((record) => /[<>]/.test(record.headline)),
  // Word for word at the start, or the whole headline within the summary's first words (after a dateline, say).
  'summary repeats headline': share((record) => startsWithWords(record.summary, record.headline.replace(/…$/, '')) || repeatsEarly(record.summary, record.headline.replace(/…$/, ''))),
  'sign-off left in body': share((record) => SIGN_OFF_LEFT.test(record.text) && !/\b(?:told|by|to|from|with) reuters\W*$/i.test(record.text)),
  'with a place': share((record) => record.place !== undefined),
  // The sub-editor's checks (bench/lede-quality.ts, judged by a tagger Dateline does not use).
  'broken English': share((record) => brokenPattern(record.headline) !== undefined),
  'ends on a function word': share((record) => endsOnFunctionWord(record.headline)),
  'table row, note or no verb': share((record) => notAStory(record.headline) !== undefined),
  'standfirst opens as headline': share((record) => standfirstRepeats(record.headline, record.summary)),
  'empty standfirst': share((record) => isEmptyStandfirst(record.summary)),
};
console.log(`${records.length} articles from ${folder} in ${seconds.toFixed(1)} s (${failed.length} not built)`);
for (const [label, { count, share: ratio, examples }] of Object.entries(figures)) {
  console.log(`${label.padEnd(28)} ${String(count).padStart(6)}  ${(100 * ratio).toFixed(1).padStart(5)}%`);
  for (const example of examples) console.log(`    ${example}`);
}
console.log(`${'repeated on one day'.padEnd(28)} ${String(repeatedOnDay).padStart(6)}  ${((100 * repeatedOnDay) / records.length).toFixed(1).padStart(5)}%`);
const keyFile = path.join(folder, '..', 'key.jsonl');
try {
  const titles = new Map(readFileSync(keyFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { file: string; title: string }).map((entry) => [entry.file, entry.title]));
  const scores = records.filter((record) => titles.has(record.source)).map((record) => rouge1(record.headline, titles.get(record.source)!));
  console.log(`${'ROUGE-1 F1 against key titles'.padEnd(28)} ${(scores.reduce((sum, score) => sum + score, 0) / scores.length).toFixed(3)} over ${scores.length}`);
} catch {
  // No key beside this folder.
}
const lengths = records.map((record) => Array.from(record.headline).length).sort((a, b) => a - b);
console.log(`headline length: median ${lengths[lengths.length >> 1]}, 90th percentile ${lengths[Math.floor(lengths.length * 0.9)]}`);
