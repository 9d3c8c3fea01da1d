import type { ArchiveRows } from '../archive/rows.ts';
import { asciiWords } from '../derive/permalink.ts';

/** Someone who wrote articles of the archive (an authored article's `author:`), with a page of their own. */
export interface Author {
  /** Their name's number in the dictionary. */
  key: number;
  name: string;
  /** Their page's segment: their name's words, numbered when two names share them. */
  slug: string;
  /** Positions of their articles, in archive order. */
  members: number[];
}

export interface Authors {
  /** A–Z by name. */
  list: Author[];
  byKey: ReadonlyMap<number, Author>;
  byName: ReadonlyMap<string, Author>;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * The archive's authors, from the rows' authors column: each with their articles and a slug of
 * their name's words (`Ana María Pérez` → `ana-maria-perez`). Two names with the same words
 * (`Jose Perez`, `José Pérez`) are told apart by a number, given in name order.
 */
export function authorsOf(rows: ArchiveRows, nameOf: (key: number) => string): Authors {
  const members = new Map<number, number[]>();
  const { authors } = rows;
  if (authors.data.length === 0) return { list: [], byKey: new Map(), byName: new Map() };
  for (let position = 0; position < rows.length; position++) {
    for (let at = authors.start[position]!, end = authors.start[position + 1]!; at < end; at++) {
      const key = authors.data[at]!;
      const list = members.get(key);
      if (list) list.push(position);
      else members.set(key, [position]);
    }
  }
  const list: Author[] = [...members].map(([key, positions]) => ({ key, name: nameOf(key), slug: '', members: positions }));
  list.sort((a, b) => collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const taken = new Map<string, number>();
  for (const author of [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const base = asciiWords(author.name) || 'author';
    const count = (taken.get(base) ?? 0) + 1;
    taken.set(base, count);
    author.slug = count === 1 ? base : `${base}-${count}`;
  }
  return { list, byKey: new Map(list.map((author) => [author.key, author])), byName: new Map(list.map((author) => [author.name, author])) };
}
