import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The CLI tests run the real `dateline` command, which runs the compiled bundle: compile the sources first. */
export default function compile(): void {
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../scripts/compile.mjs')], { stdio: 'inherit' });
}
