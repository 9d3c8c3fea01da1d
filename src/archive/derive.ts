import type { Dictionary } from '../corpus/dictionary.ts';
import { affectedByChanges, featureIndex, featuresOf, RELATED_DEFAULTS, relatedOf, Scratch } from '../corpus/related.ts';
import { collectTopics, type Topics, type TopicSettings } from '../corpus/topics.ts';
import type { ArchiveRow } from './row.ts';

export interface Derived {
  /** The rows with their topics and related articles filled in (a row whose derived fields changed is a new object). */
  rows: ArchiveRow[];
  topics: Topics;
  /** Articles whose related lists were computed (all of them on a clean build). */
  relatedComputed: number;
}

/**
 * What the archive says of each article beyond its own text: its topics (computed whole, from
 * every article's compact names) and its related articles (computed again only for the articles
 * whose lists can have changed, see `affectedByChanges`; for all on a clean build). The rows of
 * the last build carry the related lists it computed.
 *
 * `changed` holds the rows that are new or replaced, and the rows they replace or that went
 * (`before`), by `no`.
 */
export function deriveArchive(
  rows: readonly ArchiveRow[],
  dictionary: Pick<Dictionary, 'textOf'>,
  settings: TopicSettings,
  previous?: { rows: readonly ArchiveRow[]; changed: ReadonlySet<number> },
): Derived {
  const topics = collectTopics(rows, dictionary, settings);
  const withTopics = rows.map((row, position) => {
    const own = topics.ofArticle[position]!;
    return sameNumbers(own, row.topics) ? row : { ...row, topics: own };
  });
  // The features an article had and has now: its old row's (before its topics were computed again) and its new one's.
  const index = featureIndex(withTopics);
  let targets: Iterable<number>;
  if (previous === undefined) {
    targets = withTopics.keys();
  } else {
    const beforeByNo = new Map(previous.rows.map((row) => [row.no, row]));
    const changes: Parameters<typeof affectedByChanges>[1][number][] = [];
    const nowByNo = new Map<number, number>();
    withTopics.forEach((row, position) => nowByNo.set(row.no, position));
    for (const [no, position] of nowByNo) {
      const row = withTopics[position]!;
      const old = beforeByNo.get(no);
      if (old && !previous.changed.has(no) && sameNumbers(old.topics, row.topics)) continue;
      changes.push({ ...(old ? { before: { order: old.order, features: featuresOf(old) } } : {}), after: { order: row.order, features: featuresOf(row) } });
    }
    for (const [no, old] of beforeByNo) if (!nowByNo.has(no)) changes.push({ before: { order: old.order, features: featuresOf(old) } });
    const affected = affectedByChanges(index, changes, previous.rows.length);
    if (affected === 'all') targets = withTopics.keys();
    else {
      // The changed articles themselves, even one with no features at all.
      for (const no of previous.changed) if (nowByNo.has(no)) affected.add(nowByNo.get(no)!);
      targets = affected;
    }
  }
  const scratch = new Scratch(withTopics.length);
  const derived = [...withTopics];
  let relatedComputed = 0;
  for (const position of targets) {
    relatedComputed++;
    const related = Int32Array.from(relatedOf(index, position, RELATED_DEFAULTS, scratch), (other) => withTopics[other]!.no);
    const row = derived[position]!;
    if (!sameNumbers(related, row.related)) derived[position] = { ...row, related };
  }
  return { rows: derived, topics, relatedComputed };
}

export function sameNumbers(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
