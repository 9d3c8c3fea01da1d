import { LmdbStateStore } from '../src/store/lmdb-store.ts';
import { stateDir } from '../src/store/state-dir.ts';
const store = await LmdbStateStore.open(stateDir('/tmp/rt/out', '/tmp/rt/node_modules/.cache/dateline'));
const counts = store.nameCounts();
let keys = 0, multi = 0;
for (let k = 0; k < counts.size; k++) if (counts.present(k) > 0) { keys++; if (counts.words(k) >= 2) multi++; }
console.log('size', counts.size, 'keys', keys, 'multi-word', multi, 'nextWord', store.meta()!.nextWord);
