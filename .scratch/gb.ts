import { open } from 'lmdb';
import { stateDir } from '../src/store/state-dir.ts';
const root = open({ path: stateDir('/tmp/rt/out', '/tmp/rt/node_modules/.cache/dateline'), maxDbs: 16, compression: false });
const rows = root.openDB({ name: 'rows', encoding: 'binary' });
const keys = [...rows.getKeys()] as string[];
console.log(keys.length);
for (const key of keys.slice(0, 5)) { const a = rows.getBinaryFast(key)!; const l1 = a.length; const b = rows.getBinary(key)!; console.log(key, l1, b.length, a.byteOffset); }
const sizes = keys.map((key) => rows.getBinaryFast(key)!.length);
keys.forEach((key, i) => { const b = rows.getBinaryFast(key)!; if (b.length !== sizes[i]) console.log('mismatch', key, sizes[i], b.length); });
console.log('sum', sizes.reduce((a, b) => a + b, 0));
