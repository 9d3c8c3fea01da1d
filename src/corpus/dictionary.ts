/**
 * Strings (name keys, labels as written, key terms) as small integers, so that what the whole
 * archive is read for on every build — every article's names and terms — is a compact array of
 * numbers rather than hundreds of thousands of strings. An id, once given, is never reused.
 */
export interface Dictionary {
  /** The string's id, given now if the string is new. */
  idOf(text: string): number;
  /** The string an id stands for. */
  textOf(id: number): string;
}

/** A dictionary held in memory, optionally continuing one saved earlier (see the state store). */
export class MemoryDictionary implements Dictionary {
  readonly #ids = new Map<string, number>();
  readonly #texts: string[] = [];
  /** Strings given ids since the dictionary was made: what the store must save. */
  readonly added: [string, number][] = [];
  readonly #lookup: ((text: string) => number | undefined) | undefined;
  readonly #reverse: ((id: number) => string | undefined) | undefined;
  #next: number;

  /** `lookup`/`reverse` read ids saved by an earlier build; `next` is the first unused id. */
  constructor(saved?: { lookup(text: string): number | undefined; reverse(id: number): string | undefined; next: number }) {
    this.#lookup = saved?.lookup;
    this.#reverse = saved?.reverse;
    this.#next = saved?.next ?? 0;
  }

  /** The first id not given yet. */
  get next(): number {
    return this.#next;
  }

  idOf(text: string): number {
    let id = this.#ids.get(text) ?? this.#lookup?.(text);
    if (id === undefined) {
      id = this.#next++;
      this.added.push([text, id]);
    }
    this.#ids.set(text, id);
    this.#texts[id] = text;
    return id;
  }

  textOf(id: number): string {
    const text = this.#texts[id] ?? this.#reverse?.(id);
    if (text === undefined) throw new Error(`the dictionary has no string for id ${id}`);
    this.#texts[id] = text;
    return text;
  }
}
