import { readdirSync, readFileSync } from 'node:fs';

/**
 * The ids of this process's child processes whose command name matches `name`, read from /proc
 * (Linux); undefined where /proc cannot say. Pagefind's Node API does not expose its process.
 */
export function childProcesses(name: RegExp): number[] | undefined {
  try {
    const found: number[] = [];
    for (const task of readdirSync(`/proc/${process.pid}/task`)) {
      for (const pid of readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) {
        if (name.test(readFileSync(`/proc/${pid}/comm`, 'utf8'))) found.push(Number(pid));
      }
    }
    return found;
  } catch {
    return undefined;
  }
}
