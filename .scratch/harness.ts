import { LmdbStateStore } from '../src/store/lmdb-store.ts';
import { stateDir } from '../src/store/state-dir.ts';
import { collectTopics } from '../src/corpus/topics.ts';
import { featureIndex } from '../src/corpus/related.ts';
import { MemoryDictionary } from '../src/corpus/dictionary.ts';
import { scanArticles } from '../src/read/scan.ts';
const dir = stateDir('/tmp/rt/out', '/tmp/rt/node_modules/.cache/dateline');
const t = (label: string, f: () => any) => { const s = performance.now(); const r = f(); console.log(label.padEnd(20), (performance.now() - s).toFixed(1), 'ms'); return r; };
const store = await t('open', () => LmdbStateStore.open(dir));
const meta = t('meta', () => store.meta())!;
for (let round = 0; round < 3; round++) {
  await (async () => { const s = performance.now(); await scanArticles('/tmp/rt/in'); console.log('scan'.padEnd(20), (performance.now() - s).toFixed(1), 'ms'); })();
  t('snapshot', () => store.snapshot());
  const rows = t('rows', () => store.rows());
  const dictionary = new MemoryDictionary({ lookup: (text) => store.wordId(text), reverse: (id) => store.word(id), next: meta.nextWord });
  const topics = t('topics', () => collectTopics(rows, dictionary, { language: 'en' }));
  t('featureIndex', () => featureIndex(rows.with({ topics: topics.ofArticle })));
}
