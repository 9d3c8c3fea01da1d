import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes `count` articles in the seed format into `target`, made from the Reuters corpus: article
 * i is Reuters article i mod 19,043 with a new id and a date spread over 1987–2025, so the archive
 * has many years, months and days. Deterministic: the same count gives the same files.
 */
export function generateCorpus(reutersDir: string, target: string, count: number): void {
  mkdirSync(target, { recursive: true });
  const names = readdirSync(reutersDir).filter((name) => name.endsWith('.txt')).sort();
  const bodies = names.map((name) => readFileSync(path.join(reutersDir, name), 'utf8').replace(/^\s*date\s+\S+\s+/, ''));
  const start = Date.UTC(1987, 0, 1);
  const days = Math.floor((Date.UTC(2025, 11, 31) - start) / 86_400_000);
  for (let index = 0; index < count; index++) {
    const date = new Date(start + Math.floor((index / count) * days) * 86_400_000).toISOString().slice(0, 10);
    const id = (BigInt(index) * 0x9e3779b97f4a7c15n % 2n ** 64n).toString(16).padStart(16, '0');
    writeFileSync(path.join(target, `${String(index).padStart(6, '0')}_${id}.txt`), ` date ${date} ${bodies[index % bodies.length]}`);
  }
}
