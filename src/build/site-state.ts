import type { ArchiveRows } from '../archive/rows.ts';
import type { StoredTopic, Topic, Topics } from '../corpus/topics.ts';
import type { FormerUrl } from '../ledger/ledger.ts';
import { authorsOf } from '../corpus/authors.ts';
import { daySpans, positionsByNo, type Redirect, type SiteState } from '../pages/state.ts';
import type { SiteSettings } from '../pages/types.ts';
import type { ArticleEntry } from '../records/entry.ts';
import type { OwnPage } from '../records/page-record.ts';
import { StateDamaged } from '../store/damage.ts';

/**
 * A {@link SiteState} over rows in order, reading entries and bodies through the given lookups
 * (each read once); the former URLs of the articles it publishes redirect to them.
 */
export function siteState(
  site: SiteSettings,
  rows: ArchiveRows,
  topics: Topics,
  lookup: { entry(id: string): ArticleEntry | undefined; body(entry: ArticleEntry): string; word(key: number): string },
  formerUrls: readonly FormerUrl[] = [],
  pages: readonly OwnPage[] = [],
  folders: SiteState['folders'] = { input: '', pages: '' },
): SiteState {
  const days = daySpans(rows);
  const positionOfNo = positionsByNo(rows);
  const entries = new Map<string, ArticleEntry>();
  const entry = (position: number) => {
    const id = rows.id(position);
    let found = entries.get(id);
    if (found === undefined) {
      found = lookup.entry(id);
      if (found === undefined) throw new StateDamaged(`it has no entry for ${id}`);
      entries.set(id, found);
    }
    return found;
  };
  const redirects: Redirect[] = [];
  for (const { from, id } of formerUrls) {
    const no = lookup.entry(id)?.no;
    const position = no === undefined ? undefined : positionOfNo(no);
    // Only to an article published here, and only if it is still that article (its id at that place).
    if (position !== undefined && rows.id(position) === id) redirects.push({ from, position });
  }
  return {
    site,
    rows,
    topics,
    positionOfNo,
    redirects,
    pages,
    authors: authorsOf(rows, lookup.word),
    folders,
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
export function storedTopics(rows: ArchiveRows, table: readonly StoredTopic[], minArticles: number): Topics {
  const byKey = new Map<number, Topic>(table.map(([key, slug, label, kind]) => [key, { key, slug, label, kind, members: [] }]));
  const { topics } = rows;
  for (let position = 0; position < rows.length; position++) {
    for (let at = topics.start[position]!, end = topics.start[position + 1]!; at < end; at++) byKey.get(topics.data[at]!)?.members.push(position);
  }
  return { topics: [...byKey.values()], byKey, ofArticle: topics, minArticles, stored: [...table] };
}
