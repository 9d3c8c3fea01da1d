import { placeKey } from './gazetteer.ts';
import type { NameKind } from './names.ts';
import { CONNECTORS, KNOWN_ABBREVIATIONS } from './name-words.ts';

interface Named {
  name: string;
  kind: NameKind;
  mentions: number;
  lede: boolean;
}

/**
 * One article's names with the variants of one name made one, the fuller name kept:
 * a widely known short name (`Fed` is `Federal Reserve`); an abbreviation the article defines
 * (`International Coffee Organization (ICO)`) or whose letters are the initials of a longer name
 * in it (`IBM`); the first words of a longer name (`Shearson` of `Shearson Lehman Brothers`), or its
 * last partner's (`Poor` of `Standard and Poor's`); the
 * surname of exactly one person (`Zelenskyy`). `defined`: the abbreviations the article
 * defines, by key, and what each stands for.
 */
export function mergeVariants<T extends Named>(names: T[], defined: ReadonlyMap<string, string> = new Map()): T[] {
  const byKey = new Map<string, T>();
  const keys = new Map<T, string>();
  for (const name of names) {
    const known = KNOWN_ABBREVIATIONS.get(key(name.name));
    if (known !== undefined) name.name = known;
    const nameKey = key(name.name);
    const same = byKey.get(nameKey);
    if (same) join(name, same);
    else {
      byKey.set(nameKey, name);
      keys.set(name, nameKey);
    }
  }
  const kept = [...keys.keys()];
  // The longer names, by their first word and by their last, with their initials.
  const byFirst = new Map<string, T[]>();
  const byLast = new Map<string, T[]>();
  const byInitials = new Map<string, T[]>();
  for (const name of kept) {
    const words = keys.get(name)!.split(' ');
    if (!name.name.includes(' ')) continue;
    push(byFirst, words[0]!, name);
    push(byLast, key(name.name.split(' ').at(-1)!), name);
    push(byLast, words.at(-1)!, name);
    push(byInitials, initials(name.name), name);
  }
  const merged = new Map<T, T>();
  // Longer names first, and along merges, so `Dai Nippon Printing` and then `Dai Nippon` end in `Dai Nippon Printing Co`.
  for (const name of [...kept].sort((a, b) => b.name.length - a.name.length)) {
    const nameKey = keys.get(name)!;
    const definition = defined.get(nameKey);
    const target = name.name.includes(' ')
      ? (firstWordsOf(name, nameKey, byFirst, keys) ?? lastWordsOf(name, nameKey, byLast, keys))
      : ((definition === undefined ? undefined : byKey.get(key(definition))) ??
        acronymOf(name, byInitials) ??
        firstWordsOf(name, nameKey, byFirst, keys) ??
        lastPartnerOf(name, nameKey, byLast, keys) ??
        personOf(name, byLast, byFirst));
    let into = target;
    while (into !== undefined && merged.has(into)) into = merged.get(into);
    if (into === undefined || into === name) continue;
    join(name, into);
    merged.set(name, into);
  }
  return kept.filter((name) => !merged.has(name));
}

function join<T extends Named>(from: T, to: T): void {
  to.mentions += from.mentions;
  to.lede ||= from.lede;
  if (to.kind === 'other') to.kind = from.kind;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The key variants are compared by: `Moody's Investors Service` starts with `Moody`. */
function key(name: string): string {
  return placeKey(name.replace(/['’]s\b/gu, '').replace(/,/g, ''));
}

/** Words that an abbreviation's letters skip (`Economic Commission for Africa` is `ECA`). */
const SKIPPED = new Set([...CONNECTORS, 'and', 'the', 'on', 'to']);

/** The one longer name (not a person) whose initials `name` spells, when it is an abbreviation. */
function acronymOf<T extends Named>(name: T, byInitials: ReadonlyMap<string, T[]>): T | undefined {
  const letters = name.name.replace(/\./g, '');
  if (!/^\p{Lu}{2,6}$/u.test(letters)) return undefined;
  return only((byInitials.get(letters) ?? []).filter((other) => other.kind !== 'person'));
}

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((word) => !SKIPPED.has(word.toLowerCase()))
    .map((word) => word[0]!.toUpperCase())
    .join('');
}

/** The longer organisation (or unknown) name that starts with `name`: `Capitol` of `Capitol Bancorp`; of several, the most mentioned. */
function firstWordsOf<T extends Named>(name: T, nameKey: string, byFirst: ReadonlyMap<string, T[]>, keys: ReadonlyMap<T, string>): T | undefined {
  if (name.kind === 'place' || name.kind === 'person') return undefined;
  let best: T | undefined;
  for (const other of byFirst.get(nameKey.split(' ')[0]!) ?? []) {
    if ((other.kind === 'organisation' || other.kind === 'other') && keys.get(other)!.startsWith(`${nameKey} `) && (best === undefined || other.mentions > best.mentions)) best = other;
  }
  return best;
}

/** The one longer organisation that ends with `name`: `Budget Committee` of `House Budget Committee`. */
function lastWordsOf<T extends Named>(name: T, nameKey: string, byLast: ReadonlyMap<string, T[]>, keys: ReadonlyMap<T, string>): T | undefined {
  if (name.kind !== 'organisation' && name.kind !== 'other') return undefined;
  const candidates = (byLast.get(nameKey.slice(nameKey.lastIndexOf(' ') + 1)) ?? []).filter((other) => other !== name && other.kind === 'organisation' && keys.get(other)!.endsWith(` ${nameKey}`));
  return only([...new Set(candidates)]);
}

/** The one organisation whose last word, after `and`, `name` is: `Poor` of `Standard and Poor's`. */
function lastPartnerOf<T extends Named>(name: T, nameKey: string, byLast: ReadonlyMap<string, T[]>, keys: ReadonlyMap<T, string>): T | undefined {
  if (name.kind === 'place' || name.kind === 'person') return undefined;
  return only([...new Set(byLast.get(nameKey) ?? [])].filter((other) => other.kind === 'organisation' && keys.get(other)!.endsWith(` and ${nameKey}`)));
}

/** The one person whose last word (or, family name first, whose first word: `Lho` of `Lho Shin-yong`) `name` is. */
function personOf<T extends Named>(name: T, byLast: ReadonlyMap<string, T[]>, byFirst: ReadonlyMap<string, T[]>): T | undefined {
  if (name.kind === 'place') return undefined;
  const people = (candidates: readonly T[] | undefined) => only([...new Set(candidates ?? [])].filter((other) => other.kind === 'person'));
  return people(byLast.get(key(name.name))) ?? people(byFirst.get(key(name.name)));
}

function only<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}
