import { LmdbStateStore } from '../src/store/lmdb-store.ts';
import { stateDir } from '../src/store/state-dir.ts';
import { collectTopics } from '../src/corpus/topics.ts';
import { collectTopics as oldTopics } from './topics-old.ts';
import { MemoryDictionary } from '../src/corpus/dictionary.ts';
const dir = stateDir('/tmp/rt/out', '/tmp/rt/node_modules/.cache/dateline');
const store = await LmdbStateStore.open(dir);
const meta = store.meta()!;
const rows = store.rows();
const dictionary = new MemoryDictionary({ lookup: (text) => store.wordId(text), reverse: (id) => store.word(id), next: meta.nextWord });
let s = performance.now();
const a = collectTopics(rows, dictionary, { language: 'en' });
console.log('new cold', (performance.now() - s).toFixed(1));
s = performance.now();
const b = oldTopics(rows, dictionary, { language: 'en' });
console.log('old', (performance.now() - s).toFixed(1));
s = performance.now();
const c = collectTopics(rows, dictionary, { language: 'en' }, a.stored);
console.log('new memo', (performance.now() - s).toFixed(1));
const sig = (t: any) => JSON.stringify([t.topics.map((x: any) => [x.key, x.slug, x.label, x.kind, x.members]), Array.from(t.ofArticle.start), Array.from(t.ofArticle.data), t.minArticles]);
console.log('new==old', sig(a) === sig(b), 'memo==new', sig(a) === sig(c), a.topics.length);
if (sig(a) !== sig(b)) {
  const ta = a.topics, tb = b.topics;
  for (let i = 0; i < Math.max(ta.length, tb.length); i++) if (JSON.stringify(ta[i]) !== JSON.stringify(tb[i])) { console.log('topic diff', i, ta[i]?.label, tb[i]?.label, ta[i]?.members.length, tb[i]?.members.length); break; }
  let diffs = 0; for (let p = 0; p < rows.length; p++) if (!a.ofArticle.same(p, b.ofArticle, p)) { if (diffs++ < 5) console.log('article', p, Array.from(a.ofArticle.at(p)), Array.from(b.ofArticle.at(p))); } console.log('article diffs', diffs);
}
