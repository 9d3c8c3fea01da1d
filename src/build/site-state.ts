import type { ArchiveRow } from '../archive/row.ts';
import type { Topic, TopicKind, Topics } from '../corpus/topics.ts';
import { daySpans, positionsByNo, type SiteState } from '../pages/state.ts';
import type { SiteSettings } from '../pages/types.ts';
import type { ArticleEntry } from '../records/entry.ts';

/** A {@link SiteState} over rows in order, reading entries and bodies through the given lookups (each read once). */
export function siteState(site: SiteSettings, rows: readonly ArchiveRow[], topics: Topics, lookup: { entry(id: string): ArticleEntry; body(entry: ArticleEntry): string }): SiteState {
  const days = daySpans(rows);
  const entries = new Map<string, ArticleEntry>();
  const entry = (position: number) => {
    const id = rows[position]!.id;
    let found = entries.get(id);
    if (found === undefined) entries.set(id, (found = lookup.entry(id)));
    return found;
  };
  return {
    site,
    rows,
    topics,
    positionOfNo: positionsByNo(rows),
    days,
    dayDates: [...days.keys()],
    entry,
    body: (position) => lookup.body(entry(position)),
  };
}

/**
 * The topics of the last build, as they were: names and kinds from the stored table, members from
 * the rows' stored topic lists. What the plan compares the new topics with.
 */
export function storedTopics(rows: readonly ArchiveRow[], table: readonly [number, string, string, TopicKind][], minArticles: number): Topics {
  const byKey = new Map<number, Topic>(table.map(([key, slug, label, kind]) => [key, { key, slug, label, kind, members: [] }]));
  rows.forEach((row, position) => {
    for (const key of row.topics) byKey.get(key)?.members.push(position);
  });
  return { topics: [...byKey.values()], byKey, ofArticle: rows.map((row) => row.topics), minArticles };
}
