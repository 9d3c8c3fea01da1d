import { open } from 'lmdb';
import { stateDir } from '../src/store/state-dir.ts';
const root = open({ path: stateDir('/tmp/rt/out', '/tmp/rt/node_modules/.cache/dateline'), maxDbs: 16, compression: false });
const rows = root.openDB({ name: 'rows', encoding: 'binary' });
const keys = [...rows.getKeys()] as string[];
for (const key of keys.slice(0, 4)) {
  const b = rows.getBinaryFast(key)!;
  console.log(key, 'length prop', b.length, 'byteLength', b.byteLength, 'byteOffset', b.byteOffset, 'buffer.byteLength', b.buffer.byteLength, 'ctor', b.constructor.name);
  const v = b.subarray(0, b.length);
  console.log('  sub', v.length, v.byteLength, v.byteOffset);
}
