/**
 * Related articles as a reader sees them, over the seed and the Reuters corpus: the lists the
 * build computes (`src/corpus/related.ts`, topics as `src/archive/derive.ts` makes them), printed
 * for a systematic sample so that each listed pair can be judged by hand.
 *
 *   npx tsx bench/related.ts [--every 380] [--why] [--judged bench/related-judgements.md] [--scale 100000] [--set minScore=24 …]
 *
 * Prints, for the seed and every `--every`th article in archive order: its headline and first
 * sentence, and those of each related article (`--why`: with the topics and terms shared and the
 * score). Figures: articles with an empty list (all, and in the sample), listed pairs, and the time
 * the whole archive's lists take. `--judged FILE` reads verdicts (lines `- yes · A → B …` or
 * `- no · A → B …`, ids as printed; a `yes` whose reason, after ` — `, starts `duplicate:` is the
 * article sent again) and gives precision over the sample's pairs, duplicates counted not related
 * (and, beside it, counted related), naming the pairs not judged yet and the judged ones no longer
 * listed. `--scale N` also times the lists of an archive of N articles made by repeating
 * these over later years. `--set name=value` tries other settings than `RELATED_DEFAULTS`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rowOf } from '../src/archive/row.ts';
import { ArchiveRows, type NamedRow } from '../src/archive/rows.ts';
import { DEFAULT_LEFTOVER_PATTERNS } from '../src/clean/leftovers.ts';
import { MemoryDictionary } from '../src/corpus/dictionary.ts';
import { commonLevelOf, featureIndex, RELATED_DEFAULTS, scoreNeeded, relatedOf, Scratch, type FeatureIndex, type RelatedSettings } from '../src/corpus/related.ts';
import { topicsFromScratch } from '../src/corpus/topics.ts';
import type { ArticleRecord } from '../src/records/record.ts';
import { textRecord } from '../src/records/text-record.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
const every = Number(option('--every') ?? 380);
const why = args.includes('--why');
const judged = option('--judged');
const scale = option('--scale');
// `--set minScore=20` and the like: other settings than the defaults, to try them.
const settings: RelatedSettings = { ...RELATED_DEFAULTS };
args.forEach((arg, at) => {
  if (args[at - 1] !== '--set') return;
  const [key, value] = arg.split('=');
  if (!(key! in settings)) throw new Error(`no setting ${key}`);
  settings[key as keyof RelatedSettings] = Number(value);
});
const folders = [path.join(root, 'seeds'), path.resolve(root, '../shared/corpora/reuters21578/articles')];

const records: ArticleRecord[] = [];
let started = performance.now();
for (const folder of folders) {
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.txt')).sort()) {
    const id = name.replace(/\.txt$/, '').replace(/^[^_]*_/, '');
    const text = readFileSync(path.join(folder, name), 'utf8');
    try {
      records.push(textRecord({ relativePath: name, displayPath: name, id, format: 'text', text, hash: id, times: { size: 0, mtimeMs: 0, ctimeMs: 0 } } as never, DEFAULT_LEFTOVER_PATTERNS));
    } catch {
      // An article with no text left is not built.
    }
  }
}
const recordSeconds = (performance.now() - started) / 1000;

// The archive as the build makes it: rows in order, topics from the names, then the related lists.
const dictionary = new MemoryDictionary();
const named: (NamedRow & { record: ArticleRecord })[] = records.map((record, no) => ({ ...rowOf(record, no, dictionary), record }));
named.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
const bare = ArchiveRows.of(named);
const topics = topicsFromScratch(bare, (position) => named[position]!, dictionary, { language: 'en' });
const rows = bare.with({ topics: topics.ofArticle });
started = performance.now();
const index = featureIndex(rows);
const scratch = new Scratch(rows.length);
const lists = Array.from({ length: rows.length }, (_, position) => relatedOf(index, position, settings, scratch));
const relatedSeconds = (performance.now() - started) / 1000;

const seed = named.findIndex((row) => row.record.source.startsWith('000_'));
const sample = [...new Set([seed, ...Array.from({ length: Math.floor(rows.length / every) }, (_, at) => at * every + every - 1)])].filter((position) => position >= 0);

const firstSentence = (record: ArticleRecord) => {
  const text = record.text.replace(/\s+/g, ' ');
  // Not after an initial (`U.S.`, `E.F.`) or a short abbreviation (`Dr.`, `Inc.`).
  const end = text.slice(20).search(/(?<![\s.]\p{Lu}|\b(?:Inc|Corp|Co|Ltd|Dr|Mr|Mrs|St|No|Gov|Sen|Rep|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec))[.!?]["”’]?\s+(?=["“‘]?\p{Lu})/u);
  const sentence = end === -1 ? text : text.slice(0, 20 + end + 1);
  return sentence.length > 240 ? `${sentence.slice(0, 240)}…` : sentence;
};
const label = (position: number) => {
  const { record } = named[position]!;
  return `${record.id} ${record.date} ${record.headline}`;
};
const sharedOf = (a: number, b: number) => {
  const slots = (position: number) => new Set(index.own.subarray(index.ownStart[position]!, index.ownStart[position + 1]!));
  const other = slots(b);
  const parts: string[] = [];
  let score = 0;
  for (const s of slots(a)) {
    const excess = index.levels[s]! - commonLevelOf(rows.length, settings);
    if (!other.has(s) || excess <= 0) continue;
    score += index.topic[s] === 1 ? excess * settings.topicFactor : excess;
    parts.push(`${featureText(index, s)} ${excess}`);
  }
  return `score ${score}: ${parts.join(', ')}`;
};

console.log(`${rows.length} articles (${records.length} records) in ${recordSeconds.toFixed(1)} s; ${topics.topics.length} topics; settings ${JSON.stringify(settings)}`);
console.log(`related lists of all ${rows.length} articles: ${(relatedSeconds * 1000).toFixed(0)} ms (common up to level ${commonLevelOf(rows.length, settings)}, score needed ${scoreNeeded(rows.length, settings)})`);
const empty = lists.filter((list) => list.length === 0).length;
const sizes = lists.reduce((sum, list) => sum + list.length, 0);
console.log(`empty lists: ${empty} of ${rows.length} (${((100 * empty) / rows.length).toFixed(1)}%), ${(sizes / rows.length).toFixed(2)} related per article`);
const sampleEmpty = sample.filter((position) => lists[position]!.length === 0).length;
const pairs = sample.flatMap((position) => lists[position]!.map((other) => [position, other] as const));
// A re-send of the page's own story: an article listed under the same headline (case and "…" aside) or the same text.
const sameStory = (a: number, b: number) => {
  const [one, two] = [named[a]!.record, named[b]!.record];
  const words = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
  return words(one.headline) === words(two.headline) || one.text === two.text;
};
const resends = lists.reduce((sum, list, position) => sum + (list.some((other) => sameStory(position, other)) ? 1 : 0), 0);
console.log(`lists holding a re-send of the page's own story: ${resends} of ${lists.filter((list) => list.length > 0).length}`);
if (args.includes('--resends')) for (const [position, list] of lists.entries()) for (const other of list) if (sameStory(position, other)) console.log(`  re-send: ${label(position)}  →  ${label(other)}`);
console.log(`sample: ${sample.length} articles, ${sampleEmpty} with an empty list (${((100 * sampleEmpty) / sample.length).toFixed(0)}%), ${pairs.length} pairs listed`);

if (judged !== undefined) {
  // A verdict `yes` whose reason starts `duplicate:` is the article itself sent again: not related.
  const verdicts = new Map<string, 'yes' | 'no' | 'duplicate'>();
  for (const line of readFileSync(judged, 'utf8').split('\n')) {
    const match = /^- (yes|no) · (\S+) → (\S+) .*? — (duplicate:)?/.exec(line);
    if (match) verdicts.set(`${match[2]} ${match[3]}`, match[4] ? 'duplicate' : (match[1] as 'yes' | 'no'));
  }
  const counts = { yes: 0, no: 0, duplicate: 0 };
  const missing: string[] = [];
  const listed = new Set<string>();
  for (const [a, b] of pairs) {
    const key = `${named[a]!.record.id} ${named[b]!.record.id}`;
    listed.add(key);
    const verdict = verdicts.get(key);
    if (verdict === undefined) missing.push(`${label(a)}  →  ${label(b)}`);
    else counts[verdict]++;
  }
  const judgedPairs = counts.yes + counts.no + counts.duplicate;
  const precision = (related: number, of: number) => (related / Math.max(1, of)).toFixed(3);
  console.log(`judged: ${counts.yes} related, ${counts.no} not, ${counts.duplicate} duplicates of the article; precision ${precision(counts.yes, judgedPairs)} (duplicates not related), ${precision(counts.yes + counts.duplicate, judgedPairs)} counting them related; ${missing.length} pairs not judged`);
  for (const line of missing) console.log(`  not judged: ${line}`);
  for (const key of verdicts.keys()) if (!listed.has(key)) console.log(`  judged, no longer listed: ${key} (${verdicts.get(key)})`);
} else {
  for (const position of sample) {
    const { record } = named[position]!;
    console.log(`\n## ${label(position)}\n   ${firstSentence(record)}`);
    if (why) console.log(`   topics: ${[...rows.topics.at(position)].map((key) => topics.byKey.get(key)!.label).join(', ')}`);
    for (const other of lists[position]!) {
      console.log(`   → ${label(other)}\n       ${firstSentence(named[other]!.record)}`);
      if (why) console.log(`       ${sharedOf(position, other)}`);
    }
  }
}

if (scale !== undefined) {
  // N articles: these repeated, each repeat moved on by whole years so the order stays by date.
  const count = Number(scale);
  const big: NamedRow[] = [];
  for (let at = 0; at < count; at++) {
    const row = named[at % named.length]!;
    const round = Math.floor(at / named.length);
    const year = Number(row.order.slice(0, 4)) + 40 * round;
    big.push({ ...row, order: `${year}${row.order.slice(4)}${round}`, no: at, topics: rows.topics.at(at % named.length) });
  }
  big.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const bigRows = ArchiveRows.of(big);
  started = performance.now();
  const bigIndex = featureIndex(bigRows);
  const bigScratch = new Scratch(bigRows.length);
  let listed = 0;
  for (let position = 0; position < bigRows.length; position++) listed += relatedOf(bigIndex, position, settings, bigScratch).length;
  console.log(`\nrelated lists of all ${count} articles: ${(performance.now() - started).toFixed(0)} ms, ${(listed / count).toFixed(2)} related per article`);
}

function featureText(index: FeatureIndex, s: number): string {
  for (let feature = 0; feature < index.slot.length; feature++) {
    if (index.slot[feature] === s) return feature % 2 === 1 ? `[${topics.byKey.get((feature - 1) / 2)?.label}]` : dictionary.textOf(feature / 2);
  }
  return '?';
}
