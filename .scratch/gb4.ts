import { open } from 'lmdb';
import { stateDir } from '../src/store/state-dir.ts';
const root = open({ path: stateDir('/tmp/rt/out', '/tmp/rt/node_modules/.cache/dateline'), maxDbs: 16, compression: false });
const rows = root.openDB({ name: 'rows', encoding: 'binary' });
const keys = [...rows.getKeys()] as string[];
for (let r = 0; r < 3; r++) {
  let s = performance.now();
  let total = 0;
  for (const key of keys) { const b = rows.getBinaryFast(key)!; total += b.length; }
  const t1 = performance.now() - s; s = performance.now();
  const got = keys.map((key) => rows.getBinary(key)!);
  const t3 = performance.now() - s; s = performance.now();
  const all = new Uint8Array(total + 8 * keys.length);
  let at = 0;
  for (const b of got) { all.set(b, at); at += b.length; }
  const t2 = performance.now() - s; s = performance.now();
  const big = new Uint8Array(total); const src = new Uint8Array(total); big.set(src);
  const t4 = performance.now() - s;
  console.log('fast only', t1.toFixed(1), 'getBinary', t3.toFixed(1), 'copy', t2.toFixed(1), 'memcpy', t4.toFixed(1), got.map(b => b.length).slice(0,3), got[1]!.buffer.byteLength);
}
