// One build's try for the output lock, for tests/faults/lock.test.ts: it says "ready", reads a
// line (the start signal), tries the lock, prints "acquired" or "locked", and holds what it took until its input ends.
import { createInterface } from 'node:readline';
import { lockOutput } from '../../src/write/lock.ts';

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
process.stdout.write('ready\n');
await lines.next();
try {
  const release = await lockOutput(process.argv[2]!);
  process.stdout.write('acquired\n');
  while (!(await lines.next()).done);
  await release();
} catch (error) {
  process.stdout.write(`${(error as { problem?: { code?: string } }).problem?.code ?? String(error)}\n`);
}
