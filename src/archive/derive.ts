import type { Dictionary } from '../corpus/dictionary.ts';
import { affectedByChanges, featureIndex, featuresOf, RELATED_DEFAULTS, relatedOf, Scratch } from '../corpus/related.ts';
import type { NameCounts, NamedIn } from '../corpus/name-counts.ts';
import { collectTopics, type PreviousTopics, type Topics, type TopicSettings } from '../corpus/topics.ts';
import { positionsByNo } from '../pages/state.ts';
import type { ArchiveRows } from './rows.ts';

export interface Derived {
  /** The rows with their topics and related articles filled in. */
  rows: ArchiveRows;
  topics: Topics;
  /** Articles whose related lists were computed (all of them on a clean build). */
  relatedComputed: number;
  /** Positions of the articles that were there before with other topics (none on a clean build). */
  topicsMoved: number[];
}

export interface DeriveInput {
  /** The archive now; rows that did not change carry the topics and related articles the last build derived. */
  rows: ArchiveRows;
  /** The names and tags of the article at a position. */
  names: (position: number) => NamedIn;
  /** The archive's name counts now, and a key's label counts now. */
  counts: NameCounts;
  labels: (key: number) => ReadonlyMap<number, number>;
  /** Keys whose counts changed since the last build (see `NameCounts.settle`). */
  touched: ReadonlySet<number>;
  dictionary: Pick<Dictionary, 'textOf'>;
  settings: TopicSettings;
  /** The last build's rows, the articles new, changed or gone since (by `no`), and its topics. Absent on a clean build. */
  previous?: { rows: ArchiveRows; changed: ReadonlySet<number>; topics: PreviousTopics };
}

/**
 * What the archive says of each article beyond its own text: its topics (see `collectTopics`)
 * and its related articles (computed again only for the articles whose lists can have changed,
 * see `affectedByChanges`; for all on a clean build).
 */
export function deriveArchive(input: DeriveInput): Derived {
  const { rows, previous } = input;
  const nowAt = positionsByNo(rows);
  const changed = new Set<number>();
  if (previous) {
    for (const no of previous.changed) {
      const at = nowAt(no);
      if (at !== undefined) changed.add(at);
    }
  }
  const topics = collectTopics({
    rows,
    names: input.names,
    counts: input.counts,
    labels: input.labels,
    dictionary: input.dictionary,
    settings: input.settings,
    touched: input.touched,
    changed: previous ? changed : 'all',
    ...(previous ? { previous: previous.topics } : {}),
  });
  const withTopics = rows.with({ topics: topics.ofArticle });
  const index = featureIndex(withTopics);
  let targets: Iterable<number>;
  const topicsMoved: number[] = [];
  if (previous === undefined) {
    targets = range(rows.length);
  } else {
    const beforeAt = positionsByNo(previous.rows);
    const changes: Parameters<typeof affectedByChanges>[1][number][] = [];
    const old = previous.rows;
    for (let at = 0; at < rows.length; at++) {
      const no = rows.no[at]!;
      const was = beforeAt(no);
      const sameTopics = was !== undefined && old.topics.same(was, withTopics.topics, at);
      if (was !== undefined && !sameTopics) topicsMoved.push(at);
      if (sameTopics && !previous.changed.has(no)) continue;
      changes.push({
        ...(was === undefined ? {} : { before: { order: old.orders[was]!, features: featuresOf(old.topics.at(was), old.terms.at(was)) } }),
        after: { order: rows.orders[at]!, features: featuresOf(withTopics.topics.at(at), rows.terms.at(at)) },
      });
    }
    for (let was = 0; was < old.length; was++) if (nowAt(old.no[was]!) === undefined) changes.push({ before: { order: old.orders[was]!, features: featuresOf(old.topics.at(was), old.terms.at(was)) } });
    const affected = affectedByChanges(index, changes, old.length);
    if (affected === 'all') {
      targets = range(rows.length);
    } else {
      // The changed articles themselves, even one with no features at all.
      for (const at of changed) affected.add(at);
      targets = affected;
    }
  }
  const scratch = new Scratch(rows.length);
  const computed = new Map<number, Int32Array>();
  for (const position of targets) computed.set(position, Int32Array.from(relatedOf(index, position, RELATED_DEFAULTS, scratch), (other) => rows.no[other]!));
  const related = rows.related.patched(computed);
  return { rows: withTopics.with({ related }), topics, relatedComputed: computed.size, topicsMoved };
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}
