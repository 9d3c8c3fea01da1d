import { LmdbStateStore } from '../src/store/lmdb-store.ts';
import { stateDir } from '../src/store/state-dir.ts';
const store = await LmdbStateStore.open(stateDir('/tmp/rt/out', '/tmp/rt/node_modules/.cache/dateline'));
const F = () => process.resourceUsage().minorPageFault;
for (let i = 0; i < 3; i++) { const f = F(); const s = performance.now(); const snap = store.snapshot(); console.log('snapshot', (performance.now() - s).toFixed(1), F() - f, snap?.paths.length); }
