import { LmdbStateStore } from '../src/store/lmdb-store.ts';
import { stateDir } from '../src/store/state-dir.ts';
import { featureIndex } from '../src/corpus/related.ts';
const store = await LmdbStateStore.open(stateDir('/tmp/rt/out', '/tmp/rt/node_modules/.cache/dateline'));
let s = performance.now();
const rows = store.rows();
console.log('rows', (performance.now() - s).toFixed(1));
s = performance.now();
const counts = store.nameCounts();
console.log('counts', (performance.now() - s).toFixed(1));
s = performance.now();
store.snapshot();
console.log('snapshot', (performance.now() - s).toFixed(1));
for (let i = 0; i < 3; i++) {
  s = performance.now();
  featureIndex(rows);
  console.log('featureIndex', (performance.now() - s).toFixed(1));
}
