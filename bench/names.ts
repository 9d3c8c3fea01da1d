/**
 * Dateline's name finder against a hand-labelled gold set (the seed and 20 Reuters articles:
 * `bench/names/gold.json`), and its speed on 1,000 Reuters articles. The comparison with
 * compromise and wink-nlp in the README was made with the same gold set and scoring.
 *
 *   npx tsx bench/names.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findNames, type FoundName } from '../src/derive/names.ts';

type Gold = Record<string, { name: string; kind: string; variants: string[] }[]>;

const root = path.resolve(import.meta.dirname, '..');
const reuters = path.resolve(root, '../shared/corpora/reuters21578/articles');
const gold = JSON.parse(readFileSync(path.join(root, 'bench/names/gold.json'), 'utf8')) as Gold;

/** The article's paragraphs, as the records see them (header off; the sign-off is left in, as for the other approaches). */
function paragraphsOf(file: string): string[] {
  const folder = file.startsWith('000_') ? path.join(root, 'seeds') : reuters;
  const text = readFileSync(path.join(folder, file), 'utf8').replace(/^\s*date \d{4}-\d{2}-\d{2} /, '');
  return text.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean);
}

/** Case, surrounding quotes and brackets, trailing punctuation and a possessive ignored. */
function normalise(name: string): string {
  let text = name.replace(/\s+/g, ' ').trim().replace(/^[\s"'“‘([<+]+/, '');
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(/[\s.,;:!?"'”’)\]>+\-–]+$/, '').replace(/['’]s$/i, '');
  }
  return text.toLowerCase();
}

let truePositives = 0;
let predicted = 0;
let found = 0;
let total = 0;
let rightKind = 0;
for (const [file, entities] of Object.entries(gold)) {
  const goldIndex = new Map<string, number>();
  entities.forEach((entity, index) => [entity.name, ...entity.variants].forEach((variant) => goldIndex.set(normalise(variant), index)));
  const names = new Map<string, FoundName>(findNames(paragraphsOf(file)).map((name) => [normalise(name.name), name]));
  const hit = new Set<number>();
  for (const [key, name] of names) {
    const index = goldIndex.get(key);
    if (index === undefined) continue;
    truePositives++;
    hit.add(index);
    if (entities[index]!.kind === name.kind) rightKind++;
  }
  predicted += names.size;
  found += hit.size;
  total += entities.length;
}

const sample = readdirSync(reuters).sort().filter((_, index) => index % 19 === 0).slice(0, 1000).map((file) => paragraphsOf(file));
for (const paragraphs of sample) findNames(paragraphs); // warm up (and load the gazetteer)
const times = sample.map((paragraphs) => {
  const start = performance.now();
  findNames(paragraphs);
  return performance.now() - start;
});
times.sort((a, b) => a - b);
console.log(`gold: ${Object.keys(gold).length} articles, ${total} names; speed: ${sample.length} Reuters articles`);
console.log(`precision ${(truePositives / predicted).toFixed(2)} (${truePositives}/${predicted}), recall ${(found / total).toFixed(2)} (${found}/${total}), kind right ${(rightKind / truePositives).toFixed(2)}`);
console.log(`median ${times[times.length >> 1]!.toFixed(3)} ms per article, 95th percentile ${times[Math.floor(times.length * 0.95)]!.toFixed(3)} ms`);
