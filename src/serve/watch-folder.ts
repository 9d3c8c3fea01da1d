import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/**
 * Watches a folder and every folder under it, each with a plain (non-recursive) watcher, and
 * calls `changed` with the `/`-separated path of what changed, relative to the folder — or with
 * null when it lost track (a folder went or came, a watcher failed): then list everything again.
 *
 * Node 20's recursive watch on Linux took 20–45 ms to report a save in a folder of 19,000 files,
 * and 0.6 s to start; a plain watcher reports it in under a millisecond. Hidden folders are not
 * watched (the build skips them too).
 */
export function watchFolder(root: string, changed: (relativePath: string | null) => void): { close(): void } {
  const watchers = new Map<string, FSWatcher>();
  const add = (relativeDir: string) => {
    watchers.get(relativeDir)?.close(); // a folder that went and came back under the same name
    const dir = path.join(root, relativeDir);
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_event, name) => {
        if (name === null) return changed(null);
        const relativePath = relativeDir === '' ? String(name) : `${relativeDir}/${String(name)}`;
        if (isFolder(path.join(root, relativePath))) {
          // A folder came (or was renamed): watch it and what is in it, and list everything again.
          addTree(relativePath);
          return changed(null);
        }
        changed(relativePath);
      });
    } catch {
      return changed(null); // gone already
    }
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(relativeDir);
      changed(null);
    });
    watchers.set(relativeDir, watcher);
  };
  const addTree = (relativeDir: string) => {
    add(relativeDir);
    let entries;
    try {
      entries = readdirSync(path.join(root, relativeDir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.')) addTree(relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`);
    }
  };
  addTree('');
  return {
    close() {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
