import { LmdbStateStore } from '../src/store/lmdb-store.ts';
import { stateDir } from '../src/store/state-dir.ts';
const store = await LmdbStateStore.open(stateDir('/tmp/rt/out', '/tmp/rt/node_modules/.cache/dateline'));
try { store.rows(); console.log('ok'); } catch (e) { console.log(e); }
