import type { Dictionary } from '../corpus/dictionary.ts';
import { affectedByChanges, featureIndex, featuresOf, RELATED_DEFAULTS, relatedOf, Scratch } from '../corpus/related.ts';
import { collectTopics, type Topics, type TopicSettings } from '../corpus/topics.ts';
import { positionsByNo } from '../pages/state.ts';
import { Column, type ArchiveRows } from './rows.ts';

export interface Derived {
  /** The rows with their topics and related articles filled in. */
  rows: ArchiveRows;
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
 * `previous.changed` holds, by `no`, the articles that are new, changed or gone.
 */
export function deriveArchive(rows: ArchiveRows, dictionary: Pick<Dictionary, 'textOf'>, settings: TopicSettings, previous?: { rows: ArchiveRows; changed: ReadonlySet<number> }): Derived {
  const topics = collectTopics(rows, dictionary, settings);
  const withTopics = rows.with({ topics: topics.ofArticle });
  const index = featureIndex(withTopics);
  let targets: Iterable<number>;
  if (previous === undefined) {
    targets = range(rows.length);
  } else {
    const beforeAt = positionsByNo(previous.rows);
    const nowAt = positionsByNo(rows);
    const changes: Parameters<typeof affectedByChanges>[1][number][] = [];
    const old = previous.rows;
    for (let at = 0; at < rows.length; at++) {
      const no = rows.no[at]!;
      const was = beforeAt(no);
      if (was !== undefined && !previous.changed.has(no) && old.topics.same(was, withTopics.topics, at)) continue;
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
      for (const no of previous.changed) {
        const at = nowAt(no);
        if (at !== undefined) affected.add(at);
      }
      targets = affected;
    }
  }
  const scratch = new Scratch(rows.length);
  const computed = new Map<number, Int32Array>();
  for (const position of targets) computed.set(position, Int32Array.from(relatedOf(index, position, RELATED_DEFAULTS, scratch), (other) => rows.no[other]!));
  const related = Column.of(Array.from({ length: rows.length }, (_, position) => computed.get(position) ?? rows.related.at(position)));
  return { rows: withTopics.with({ related }), topics, relatedComputed: computed.size };
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}
