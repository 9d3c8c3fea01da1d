/**
 * Dateline's name finder against the hand-labelled gold set (the seed and 81 Reuters articles:
 * `bench/names/gold.json`, scored by `bench/names/score.ts`, the same scoring the test
 * `tests/derive/names-gold.test.ts` holds), and its speed on 1,000 Reuters articles.
 *
 *   npx tsx bench/names.ts [--mistakes]
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { findNames } from '../src/derive/names.ts';
import { paragraphsOf, readGold, scoreNames, type GoldSources } from './names/score.ts';

const root = path.resolve(import.meta.dirname, '..');
const sources: GoldSources = {
  seeds: path.join(root, 'seeds'),
  reuters: process.env.DATELINE_REUTERS ?? path.resolve(root, '../shared/corpora/reuters21578/articles'),
};

const score = scoreNames(readGold(), sources);
if (process.argv.includes('--mistakes')) {
  for (const { file, wrong, missed, wrongKind } of score.perArticle) {
    if (wrong.length + missed.length + wrongKind.length === 0) continue;
    console.log(`${file}\n  wrong: ${wrong.join(' | ')}\n  missed: ${missed.join(' | ')}\n  kind: ${wrongKind.join(' | ')}`);
  }
}

const sample = readdirSync(sources.reuters)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .filter((_, index) => index % 19 === 0)
  .slice(0, 1000)
  .map((file) => paragraphsOf(file, sources));
for (const paragraphs of sample) findNames(paragraphs); // warm up (and load the gazetteer)
const times = sample.map((paragraphs) => {
  const start = performance.now();
  findNames(paragraphs);
  return performance.now() - start;
});
times.sort((a, b) => a - b);
const { precision, recall, kindAccuracy, truePositives, predicted, expected, rightKind } = score;
console.log(`gold: ${score.articles} articles, ${expected} expected names; speed: ${sample.length} Reuters articles`);
console.log(`precision ${precision.toFixed(3)} (${truePositives}/${predicted}), recall ${recall.toFixed(3)} (${truePositives}/${expected}), kind right ${kindAccuracy.toFixed(3)} (${rightKind}/${truePositives})`);
console.log(`median ${times[times.length >> 1]!.toFixed(3)} ms per article, 95th percentile ${times[Math.floor(times.length * 0.95)]!.toFixed(3)} ms`);
