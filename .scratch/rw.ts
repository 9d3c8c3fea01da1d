import { LmdbStateStore } from '../src/store/lmdb-store.ts';
import { stateDir } from '../src/store/state-dir.ts';
const store = await LmdbStateStore.open(stateDir('/tmp/rt/out', '/tmp/rt/node_modules/.cache/dateline'));
for (let i = 0; i < 3; i++) { const s = performance.now(); store.rows(); console.log('rows', (performance.now() - s).toFixed(1)); }
