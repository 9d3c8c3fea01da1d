import { LmdbStateStore } from '../src/store/lmdb-store.ts';
import { stateDir } from '../src/store/state-dir.ts';
const store = await LmdbStateStore.open(stateDir('/tmp/rt/out', '/tmp/rt/node_modules/.cache/dateline'));
const rows = store.rows();
console.log('names', rows.names.data.length / 4, 'tags', rows.tags.data.length / 4, 'terms', rows.terms.data.length, 'topics', rows.topics.data.length, 'nextWord', store.meta()!.nextWord);
let s = performance.now(); let x = 0; const d = rows.names.data; for (let i = 0; i < d.length; i += 4) x += d[i]! ^ d[i + 3]!; console.log('bare loop', (performance.now() - s).toFixed(1), x);
