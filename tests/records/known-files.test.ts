import { describe, expect, it } from 'vitest';
import { matchSnapshot } from '../../src/records/known-files.ts';

/** What a lookup of every path says: the definition the two-ended comparison must equal. */
const byLookup = (now: string[], before: string[]) => now.map((path) => before.indexOf(path));

describe('matchSnapshot', () => {
  it('finds each file of the last build, whatever was added, removed or renamed between', () => {
    const before = ['001_a.txt', '002_b.txt', '003_c.txt', 'sub/004_d.txt'];
    for (const now of [
      before,
      [...before, 'sub/005_e.txt'],
      ['000_z.txt', ...before],
      ['001_a.txt', '002_x.txt', '003_c.txt', 'sub/004_d.txt'],
      ['001_a.txt', 'sub/004_d.txt'],
      ['003_c.txt', '001_a.txt'],
      [],
    ]) {
      expect([...matchSnapshot(now, { paths: before })], now.join()).toEqual(byLookup(now, before));
    }
    expect([...matchSnapshot(['001_a.txt'], { paths: [] })]).toEqual([-1]);
  });

  it('equals a lookup by path on random histories', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const before = Array.from({ length: Math.floor(next() * 12) }, (_, index) => `${String(index).padStart(3, '0')}.txt`);
      const now = before.filter(() => next() > 0.2);
      for (let add = Math.floor(next() * 3); add > 0; add--) now.splice(Math.floor(next() * (now.length + 1)), 0, `${Math.floor(next() * 20)}-new.txt`);
      const unique = [...new Set(now)];
      expect([...matchSnapshot(unique, { paths: before })]).toEqual(byLookup(unique, before));
    }
  });
});
