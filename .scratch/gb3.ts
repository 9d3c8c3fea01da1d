import { open } from 'lmdb';
import { stateDir } from '../src/store/state-dir.ts';
const root = open({ path: stateDir('/tmp/rt/out', '/tmp/rt/node_modules/.cache/dateline'), maxDbs: 16, compression: false });
const rows = root.openDB({ name: 'rows', encoding: 'binary' });
for (let r = 0; r < 3; r++) {
let s = performance.now();
const keys = [...rows.getKeys()] as string[];
const t0 = performance.now() - s; s = performance.now();
const sizes = keys.map((key) => rows.getBinaryFast(key)!.length);
const t1 = performance.now() - s; s = performance.now();
const all = new Uint8Array(sizes.reduce((a, b) => a + Math.ceil(b / 8) * 8, 0));
const t2 = performance.now() - s; s = performance.now();
let at = 0;
for (const [i, key] of keys.entries()) { const b = rows.getBinaryFast(key)!; all.set(b.subarray(0, b.length), at); at += Math.ceil(sizes[i]! / 8) * 8; }
const t3 = performance.now() - s;
console.log('keys', t0.toFixed(1), 'sizes', t1.toFixed(1), 'alloc', t2.toFixed(1), 'copy', t3.toFixed(1));
}
