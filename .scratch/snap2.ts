import { open } from 'lmdb';
import { stateDir } from '../src/store/state-dir.ts';
const root = open({ path: stateDir('/tmp/rt/out', '/tmp/rt/node_modules/.cache/dateline'), maxDbs: 16, compression: false });
const files = root.openDB({ name: 'files', encoding: 'binary' });
const F = () => process.resourceUsage().minorPageFault;
for (let r = 0; r < 3; r++) {
  let f = F(); let s = performance.now();
  const lap = (l: string) => { console.log(l.padEnd(12), (performance.now() - s).toFixed(1), F() - f); f = F(); s = performance.now(); };
  const bytes = files.getBinary('snapshot')!; lap('getBinary');
  const head = new Int32Array(4); new Uint8Array(head.buffer).set(bytes.subarray(0, 16));
  const [count, a, b, c] = head as any;
  let at = 16 + count * 24 + count;
  const t1 = Buffer.from(bytes.buffer, bytes.byteOffset + at, a).toString('utf8'); at += a; lap('toString paths');
  const p = t1.split('\0'); lap('split paths');
  const t2 = Buffer.from(bytes.buffer, bytes.byteOffset + at, b).toString('latin1'); at += b; lap('toString hashes');
  const h = t2.split('\0'); lap('split hashes');
  const t3 = Buffer.from(bytes.buffer, bytes.byteOffset + at, c).toString('utf8'); lap('toString ids');
  const i = t3.split('\0'); lap('split ids');
  console.log(p.length, h.length, i.length, p[5], h[5], i[5]);
}
