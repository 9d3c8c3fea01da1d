import { rm } from 'node:fs/promises';
import type { StateStore } from './contents.ts';
import { droppedNote, isWriteRefusal, StateDamaged } from './damage.ts';
import { LmdbStateStore } from './lmdb-store.ts';
import { MemoryStateStore } from './memory-store.ts';

export interface OpenedState {
  store: StateStore;
  /** Said once when the state was not what it should be: why it was dropped, or why it will not be saved. */
  note?: string;
}

/**
 * Opens the build state in `file` for a build. The state is only a cache: one that is damaged,
 * cut short or written by another Dateline is dropped and made anew (the build is then clean),
 * and one that cannot be written (a read-only or full file system) is left alone and the build
 * runs clean in memory, saving nothing. Either way the note says so.
 */
export async function openState(file: string): Promise<OpenedState> {
  try {
    return { store: await LmdbStateStore.open(file) };
  } catch (error) {
    if (isWriteRefusal(error)) return unsaved(file, error);
    if (!(error instanceof StateDamaged)) throw error;
    const dropped = await dropState(file).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    if (dropped !== undefined) return unsaved(file, dropped);
    try {
      return { store: await LmdbStateStore.open(file), note: droppedNote(error) };
    } catch (again) {
      if (isWriteRefusal(again)) return unsaved(file, again);
      throw again;
    }
  }
}

/** Deletes the build state in `file` (its data, lock and seal files). */
export async function dropState(file: string): Promise<void> {
  await rm(file, { recursive: true, force: true });
  await rm(`${file}-lock`, { force: true });
  await rm(`${file}.seal`, { force: true });
}

function unsaved(file: string, error: unknown): OpenedState {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return { store: new MemoryStateStore(), note: `the build state ${file} cannot be written (${reason}): everything is built again, and the state is not saved` };
}
