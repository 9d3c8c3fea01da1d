import { linkSync, mkdirSync, readdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { chmod, link, mkdir, readdir, readFile, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DatelineError } from '../errors.ts';
import { faultError, faultPoint } from '../fault-point.ts';
import { resolveInside } from './output-path.ts';
import { WrittenPaths, type Writer } from './writer.ts';
import { changedFolders, OutputChanged, type ChangedFolders } from './tree-check.ts';

/** A file Dateline leaves in every output folder, so it only ever replaces folders it made. */
export const OUTPUT_MARKER = '.dateline-output';
const MARKER_TEXT = 'This folder is written by Dateline and replaced on every build.\n';

/** A marker's text with a token of its own: every build that writes the marker gives its output a new identity (see {@link outputIdentity}). */
function markerText(): string {
  return `${MARKER_TEXT}build ${randomUUID()}\n`;
}

/** Files are first written here, beside the output, then moved in when the build succeeds. */
/** A file of the new version that could not be written: named, with the reason, and what became of the site. */
function writeFailure(file: string, error: NodeJS.ErrnoException): DatelineError {
  const full = error.code === 'ENOSPC' || error.code === 'EDQUOT';
  return new DatelineError({
    code: 'write-failed',
    file,
    message: `could not be written (${full ? 'the disk is full' : (error.code ?? error.message)}); nothing was published: the previous site is as it was`,
    ...(full ? { hint: 'free some space on the disk and build again' } : {}),
  });
}

/** A path as the user would give it: relative to the working directory when it is under it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function stagingOf(output: string): string {
  return `${output}.staging-${process.pid}`;
}

/**
 * Beside the output while a version the build state already describes is swapped in, so that a
 * build killed between the two renames of the swap is finished by the next start (see
 * `removeLeftovers`) rather than undone. Written after the state is saved: a build killed before
 * that leaves no flag, and its version is never published.
 */
function sealedFlagOf(output: string): string {
  return `${output}.sealed-${process.pid}`;
}

abstract class StagingWriter implements Writer {
  protected readonly output: string;
  protected readonly staging: string;
  readonly #claimed = new WrittenPaths();
  readonly #folders = new Set<string>();

  protected constructor(output: string) {
    this.output = output;
    this.staging = stagingOf(output);
  }

  async write(file: string, content: string | Uint8Array): Promise<void> {
    this.#claimed.claim(file);
    const target = resolveInside(this.staging, file);
    const folder = path.dirname(target);
    if (!this.#folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.#folders.add(folder);
    }
    try {
      faultError('write');
      await writeFile(target, content);
    } catch (error) {
      throw writeFailure(shown(path.join(this.output, file)), error as NodeJS.ErrnoException);
    }
    faultPoint('write');
  }

  abstract remove(file: string): Promise<void>;
  abstract seal(): Promise<string | undefined>;
  abstract publish(): Promise<void>;

  /**
   * Swaps the sealed version in (see `swapIn`), the old one kept at `keepAs` or deleted. Called
   * once the state is saved for it: the flag beside the output says so until the swap is done.
   */
  protected async swap(keepAs?: string): Promise<void> {
    await writeFile(sealedFlagOf(this.output), '');
    await swapIn(this.staging, this.output, keepAs);
    await rm(sealedFlagOf(this.output), { force: true });
  }

  async abort(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
    await rm(sealedFlagOf(this.output), { force: true });
  }
}

/**
 * A clean build: the whole site is written into a staging folder beside the output folder, which
 * is then swapped in, so a failed build leaves the previous site untouched and nothing stale stays.
 * The new site is also hard-linked into the kept version beside the output (see
 * {@link SwappingUpdateWriter}: one link per file, no bytes copied), so that the next update starts
 * from it instead of linking the whole site then. That copy is made beside the staging folder and
 * becomes the kept version only once the new site is in, so that a build that fails leaves no copy
 * of a site it did not publish.
 */
export class ReplacingWriter extends StagingWriter {
  /** The kept version's marker (the state records its identity). */
  readonly #keptMarker = markerText();

  static async open(outputDir: string): Promise<ReplacingWriter> {
    const output = path.resolve(outputDir);
    await assertReplaceable(output);
    const writer = new ReplacingWriter(output);
    await rm(writer.staging, { recursive: true, force: true });
    await rm(retainedTreeOf(output), { recursive: true, force: true }); // a clean build keeps no previous version
    await mkdir(writer.staging, { recursive: true });
    await writeFile(path.join(writer.staging, OUTPUT_MARKER), markerText());
    return writer;
  }

  async remove(): Promise<void> {
    // The staging folder starts empty: what is not written is not there.
  }

  async seal(): Promise<string | undefined> {
    const copy = keptCopyOf(this.output);
    await rm(copy, { recursive: true, force: true });
    linkTree(this.staging, copy, new Set([OUTPUT_MARKER]));
    await writeFile(path.join(copy, OUTPUT_MARKER), this.#keptMarker);
    return markerIdentity(this.staging);
  }

  /** The identity the kept version will have (see `outputIdentity`). */
  keptIdentity(): string {
    return /^build (\S+)$/m.exec(this.#keptMarker)![1]!;
  }

  async publish(): Promise<void> {
    await this.swap();
    const kept = retainedTreeOf(this.output);
    await rm(kept, { recursive: true, force: true });
    await rename(keptCopyOf(this.output), kept);
  }

  override async abort(): Promise<void> {
    await super.abort();
    await rm(keptCopyOf(this.output), { recursive: true, force: true });
  }
}

/** Where a clean build links its copy of the new site until it is the kept version. */
function keptCopyOf(output: string): string {
  return `${output}.kept-${process.pid}`;
}

/**
 * An incremental build updated in place, for `serve`'s preview: only new and changed files are
 * written, into a staging folder; when the build succeeds each is renamed over its old version (a
 * rename replaces a file atomically, so no reader sees half a page), then files the site no longer
 * has are removed. New pages go in before the pages that link to them are replaced, and removals
 * come last, so links keep working while the update lands — but during those renames a reader can
 * see some pages new and others not yet. `dateline build` uses {@link SwappingUpdateWriter}.
 */
export class UpdatingWriter extends StagingWriter {
  readonly #written: string[] = [];
  readonly #removed: string[] = [];

  static async open(outputDir: string): Promise<UpdatingWriter> {
    const output = path.resolve(outputDir);
    const writer = new UpdatingWriter(output);
    await rm(writer.staging, { recursive: true, force: true });
    await mkdir(writer.staging, { recursive: true });
    return writer;
  }

  override async write(file: string, content: string | Uint8Array): Promise<void> {
    await super.write(file, content);
    this.#written.push(file);
  }

  async remove(file: string): Promise<void> {
    resolveInside(this.output, file);
    this.#removed.push(file);
  }

  async seal(): Promise<undefined> {
    return undefined; // the output changes file by file: its identity is known only once it has
  }

  async publish(): Promise<void> {
    const created: string[] = [];
    const replaced: string[] = [];
    for (const file of this.#written) {
      (await exists(resolveInside(this.output, file)) ? replaced : created).push(file);
    }
    for (const file of [...created, ...replaced]) {
      const target = resolveInside(this.output, file);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(resolveInside(this.staging, file), target);
    }
    for (const file of this.#removed) {
      const target = resolveInside(this.output, file);
      await rm(target, { force: true });
      await removeEmptyFolders(path.dirname(target), this.output);
    }
    await writeFile(path.join(this.output, OUTPUT_MARKER), markerText()); // a new identity (see outputIdentity)
    await rm(this.staging, { recursive: true, force: true });
  }
}

/** The previous version of the output, kept (hidden) beside it so the next update can start from it. */
export function retainedTreeOf(outputDir: string): string {
  const output = path.resolve(outputDir);
  return path.join(path.dirname(output), `.${path.basename(output)}.previous`);
}

/** The previous version a swapping update may start from, and how it differs from the output. */
export interface RetainedTree {
  /** Files written or removed by the build that made the current output from this tree. */
  changedSince: readonly string[];
  /** When that build sealed it (ms): a folder of either tree changed later was changed by hand. */
  at?: number;
}

/** What a swapping update checks the trees against: the build state (the files it says the output holds), and when the output was sealed. */
export interface PublishedSite {
  state: string;
  at: number;
}

/**
 * An incremental build whose result replaces the site as a whole, so a reader sees the old site
 * or the new one, never a mix. The staging folder shares every unchanged file with the output
 * through hard links (no bytes are copied); new and changed files replace their links there,
 * removed files are unlinked, and the staging folder is swapped in with two renames. The replaced
 * version is kept, hidden, beside the output: the next update starts from it and only brings the
 * files the last build changed up to date, instead of linking the whole site again.
 */
export class SwappingUpdateWriter extends StagingWriter {
  readonly #changes = new Set<string>();
  /** Folders of the staged tree and of the output changed by hand since the last build (see `changedFolders`). */
  #check: Promise<ChangedFolders> | undefined;

  /**
   * Starts from the kept previous version (brought up to date with the files the last build
   * changed) or, without one, from links to the whole output. Neither is trusted blindly: while
   * the build goes on, the folders of both trees are checked for changes made after the last
   * build sealed them (see `seal`).
   */
  static async open(outputDir: string, retained?: RetainedTree, published?: PublishedSite): Promise<SwappingUpdateWriter> {
    const output = path.resolve(outputDir);
    const writer = new SwappingUpdateWriter(output);
    await rm(writer.staging, { recursive: true, force: true });
    const kept = retainedTreeOf(output);
    try {
      if (retained !== undefined && (await exists(kept))) {
        await rename(kept, writer.staging);
        await chmod(writer.staging, ((await stat(writer.staging)).mode & 0o7777) | 0o700); // written into until the swap
        for (const file of retained.changedSince) await mirror(output, writer.staging, file);
      } else {
        await rm(kept, { recursive: true, force: true });
        linkTree(output, writer.staging);
      }
    } catch (error) {
      await writer.abort();
      throw error;
    }
    if (published !== undefined) {
      writer.#check = changedFolders([writer.staging, output], published.state, published.at, OUTPUT_MARKER);
      writer.#check.catch(() => undefined); // awaited in seal
    }
    return writer;
  }

  override async write(file: string, content: string | Uint8Array): Promise<void> {
    // The staged file may be a hard link to the published one: unlink it, never write through it.
    await unlink(resolveInside(this.staging, file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await super.write(file, content);
    this.#changes.add(file);
  }

  async remove(file: string): Promise<void> {
    const target = resolveInside(this.staging, file);
    await rm(target, { force: true });
    await removeEmptyFolders(path.dirname(target), this.staging);
    this.#changes.add(file);
  }

  /** Files this update wrote or removed: what the kept tree will lack next time (the marker is always rewritten). */
  changes(): string[] {
    return [...this.#changes];
  }

  /**
   * Settles the staged tree before it is published. An output changed by hand since the last
   * build no longer matches the state: `OutputChanged`, and the caller builds everything again.
   * A staged folder changed since (the kept version edited by hand, or only by this build) is
   * made to match the output, entry by entry, except where this build wrote or removed.
   */
  async seal(): Promise<string | undefined> {
    if (this.#check !== undefined) {
      // A check that could not run vouches for nothing: the output counts as changed.
      const [staged, published] = await this.#check.catch(() => [[], ['.']]);
      if (published!.length > 0) throw new OutputChanged(published![0]!);
      const holding = new Set<string>();
      for (const file of this.#changes) for (let folder = path.posix.dirname(file); folder !== '.' && !holding.has(folder); folder = path.posix.dirname(folder)) holding.add(folder);
      for (const folder of staged!) await reconcileFolder(this.output, this.staging, folder, (file) => this.#changes.has(file) || holding.has(file));
    }
    await rm(path.join(this.staging, OUTPUT_MARKER), { force: true });
    await writeFile(path.join(this.staging, OUTPUT_MARKER), markerText()); // a new identity (see outputIdentity)
    return markerIdentity(this.staging);
  }

  async publish(): Promise<void> {
    await this.swap(retainedTreeOf(this.output));
  }
}

/**
 * Makes the entries of `folder` in `staging` the output's (the same files, linked), leaving those
 * `mine` claims (written or removed by this build, or folders holding such).
 */
async function reconcileFolder(output: string, staging: string, folder: string, mine: (file: string) => boolean): Promise<void> {
  const entriesOf = async (root: string) => {
    const found = new Map<string, { folder: boolean; ino: number }>();
    const dir = path.join(root, folder);
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      found.set(entry.name, { folder: entry.isDirectory(), ino: entry.isDirectory() ? 0 : (await stat(path.join(dir, entry.name))).ino });
    }
    return found;
  };
  const [staged, published] = await Promise.all([entriesOf(staging), entriesOf(output)]);
  for (const name of new Set([...staged.keys(), ...published.keys()])) {
    const file = folder === '.' ? name : `${folder}/${name}`;
    const mineNow = mine(file);
    const was = staged.get(name);
    const is = published.get(name);
    if (mineNow || (was && is && was.folder === is.folder && was.ino === is.ino)) continue;
    await rm(path.join(staging, file), { recursive: true, force: true });
    if (is === undefined) continue;
    if (is.folder) linkTree(path.join(output, file), path.join(staging, file));
    else {
      await mkdir(path.join(staging, folder), { recursive: true });
      await link(path.join(output, file), path.join(staging, file));
    }
  }
}

/** Makes `file` in `staging` what it is in `output`: a hard link to it, or absent. */
async function mirror(output: string, staging: string, file: string): Promise<void> {
  const source = resolveInside(output, file);
  const target = resolveInside(staging, file);
  await rm(target, { force: true });
  if (await exists(source)) {
    await mkdir(path.dirname(target), { recursive: true });
    await link(source, target);
  } else {
    await removeEmptyFolders(path.dirname(target), staging);
  }
}

/** Recreates the folders of `from` under `to`, with every file hard-linked. */
function linkTree(from: string, to: string, except: ReadonlySet<string> = new Set()): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (except.has(entry.name)) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isFile()) linkSync(source, target);
  }
}

/**
 * Swaps a staged folder in for the output with two renames, putting the old one back on failure.
 * The old version is deleted, or kept at `keepAs`.
 */
async function swapIn(staging: string, output: string, keepAs?: string): Promise<void> {
  const old = keepAs ?? `${output}.old-${process.pid}`;
  let hadOutput = true;
  try {
    // The new version has the permissions the output folder was given (a read-only one stays read-only).
    await chmod(staging, (await stat(output)).mode & 0o7777);
    await rename(output, old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    hadOutput = false;
  }
  faultPoint('swap');
  try {
    await rename(staging, output);
  } catch (error) {
    if (hadOutput) await rename(old, output);
    throw error;
  }
  if (hadOutput && keepAs === undefined) await rm(old, { recursive: true, force: true });
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Removes `folder` and its parents while they are empty, stopping at `root`. */
async function removeEmptyFolders(folder: string, root: string): Promise<void> {
  for (let current = folder; current !== root && current.startsWith(root); current = path.dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return; // not empty (or already gone)
    }
  }
}

/**
 * Settles what builds that were killed left beside the output, before anything else. Call while
 * holding the lock. A build killed between the two renames of its swap (the old version moved
 * aside, the new one not yet in) had sealed its new version and saved the state for it: the swap
 * is finished. Any other staging folder, and old versions, are removed.
 */
export async function removeLeftovers(outputDir: string): Promise<void> {
  const output = path.resolve(outputDir);
  const parent = path.dirname(output);
  const prefix = `${path.basename(output)}.`;
  const names = (await readdir(parent).catch(() => [] as string[])).filter((name) => name.startsWith(prefix) && /^(?:staging|old|sealed|kept)-\d+$/.test(name.slice(prefix.length)));
  if (!(await exists(output))) {
    const sealed = names.find((name) => name.slice(prefix.length).startsWith('sealed-') && names.includes(`${prefix}staging-${name.slice(prefix.length + 'sealed-'.length)}`));
    const previous = names.find((name) => name.slice(prefix.length).startsWith('old-'));
    if (sealed !== undefined) {
      const pid = sealed.slice(prefix.length + 'sealed-'.length);
      await rename(path.join(parent, `${prefix}staging-${pid}`), output);
      // A clean build's copy of the new site becomes the kept version, as its publish would have made it.
      if (names.includes(`${prefix}kept-${pid}`)) {
        await rm(retainedTreeOf(output), { recursive: true, force: true });
        await rename(path.join(parent, `${prefix}kept-${pid}`), retainedTreeOf(output));
      }
    }
    else if (previous !== undefined) await rename(path.join(parent, previous), output);
  }
  for (const name of names) await rm(path.join(parent, name), { recursive: true, force: true });
}

/**
 * Which build last wrote the output: the token in its marker file. Every build writes a new one,
 * so a cache saved with this identity only matches the output it was saved with — not one rebuilt
 * meanwhile by another Dateline run (from another working directory, say). It is in the file's
 * text, not its inode or times, so an output saved and restored with the build state (a CI cache)
 * is still recognised and the next build there is incremental. Undefined when the folder is not a
 * Dateline output.
 */
export async function outputIdentity(outputDir: string): Promise<string | undefined> {
  return markerIdentity(path.resolve(outputDir));
}

/** The identity of the marker in a folder; renaming or copying the folder keeps it. */
async function markerIdentity(folder: string): Promise<string | undefined> {
  try {
    return /^build (\S+)$/m.exec(await readFile(path.join(folder, OUTPUT_MARKER), 'utf8'))?.[1] ?? 'none';
  } catch {
    return undefined;
  }
}

async function assertReplaceable(output: string): Promise<void> {
  if (output === path.parse(output).root || output === path.resolve(process.cwd()) || output === path.resolve(process.env.HOME ?? '/')) {
    throw new DatelineError({ code: 'unsafe-output', file: output, message: 'cannot be the output folder: it is replaced on every build' });
  }
  let entries: string[];
  try {
    if (!(await stat(output)).isDirectory()) throw new DatelineError({ code: 'unsafe-output', file: output, message: 'exists and is not a folder' });
    entries = await readdir(output);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
    throw new DatelineError({
      code: 'unsafe-output',
      file: output,
      message: `is not empty and was not written by Dateline (it has no ${OUTPUT_MARKER} file), so it is not replaced`,
      hint: 'choose another --output or empty it',
    });
  }
}
