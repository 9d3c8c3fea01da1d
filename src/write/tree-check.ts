import { Worker } from 'node:worker_threads';

/**
 * The output or the kept previous version was changed after the last build published it (a page
 * deleted or added by hand): the state no longer says what the output holds.
 */
export class OutputChanged extends Error {
  constructor(readonly folder: string) {
    super(`the output was changed since the last build (in ${folder})`);
    this.name = 'OutputChanged';
  }
}

/** Folders of each root, relative, whose entries changed after `since` (ms), or which are missing. */
export type ChangedFolders = string[][];

/**
 * Folders of the site changed by hand in each root since `since` (ms): those whose entries are
 * not the files and folders the build state says the output has there (and the `marker` file at the top). A file added, removed or
 * renamed in a folder sets its modification time, so only folders modified after `since` (or
 * missing) are listed and compared — all of them only when the trees were copied (restored from a
 * cache). All on a thread of its own while the build goes on: the state's list of files is read
 * there, and one `stat` a folder for 22,000 folders of the Reuters site takes about 0.1 s, where
 * walking the trees would take 1.4 s. (A file's bytes edited in place are not seen.)
 */
export function changedFolders(roots: readonly string[], state: string, since: number, marker: string): Promise<ChangedFolders> {
  const worker = new Worker(CHECK_FOLDERS, { eval: true, workerData: { roots, state, since, lmdb: import.meta.resolve('lmdb'), marker } });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the output check stopped (exit code ${code})`)));
  });
}

const CHECK_FOLDERS = `
const { parentPort, workerData } = require('node:worker_threads');
const { readdirSync, statSync } = require('node:fs');
const path = require('node:path');
const { roots, state, since, lmdb, marker } = workerData;
(async () => {
  const { open } = await import(lmdb);
  const root = open({ path: state, maxDbs: 16, compression: false });
  const outputs = root.openDB({ name: 'outputs', encoding: 'binary' });
  // Each folder's entries as the state has them: its files, and its folders (by name).
  const entries = new Map([['.', new Set([marker])]]);
  const add = (file) => {
    const folder = path.posix.dirname(file);
    const known = entries.get(folder);
    if (known !== undefined) return known.add(path.posix.basename(file));
    entries.set(folder, new Set([path.posix.basename(file)]));
    add(folder);
  };
  for (const file of outputs.getKeys()) add(file);
  await root.close();
  parentPort.postMessage(roots.map((root) => {
    const changed = [];
    for (const [folder, names] of entries) {
      const at = path.join(root, folder);
      const stat = statSync(at, { throwIfNoEntry: false });
      if (stat !== undefined && Math.floor(stat.mtimeMs) <= since) continue;
      let found;
      try {
        found = readdirSync(at);
      } catch {
        changed.push(folder);
        continue;
      }
      if (found.length !== names.size || found.some((name) => !names.has(name))) changed.push(folder);
    }
    return changed;
  }));
})();
`;
