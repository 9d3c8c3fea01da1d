import type { Column } from '../archive/rows.ts';
import type { Topic } from '../corpus/topics.ts';
import { articlePage } from '../pages/article-page.ts';
import type { SiteState } from '../pages/state.ts';
import { join } from 'node:path';
import type { LocalImage } from '../body/local-images.ts';
import { outputFileOf } from '../site/urls.ts';
import { idsOf, nosOf, type ArticleChanges, type PageKind, type Planned, type Reached } from './kind.ts';

/**
 * An article's page — its body (by its record's hash), its neighbours, related articles, topics
 * and authors' pages — and the pictures it shows, copied beside it.
 */
function articleOutputs(state: SiteState, position: number): Planned[] {
  const entry = state.entry(position);
  const near = [position - 1, position + 1].filter((other) => other >= 0 && other < state.rows.length);
  const related = [...state.rows.related.at(position)].map((no) => state.positionOfNo(no)!);
  const topics = [...state.rows.topics.at(position)].map((key) => topicSignature(state.topics.byKey.get(key)!));
  const authors = entry.authors.map((name) => state.authors.byName.get(name)?.slug);
  return [
    {
      file: outputFileOf(entry.path),
      signature: JSON.stringify([entry.hash, entry.path, idsOf(state, near), idsOf(state, related), topics, authors]),
      shows: nosOf(state, [...near, ...related]),
      sitemap: { path: entry.path, lastmod: entry.updated ?? entry.date },
      make: { page: () => articlePage(state, position) },
    },
    ...pictureCopies(entry.path, entry.images ?? [], state.folders.input),
  ];
}

/** The pictures a page shows, copied from `folder` beside the page at `path`. */
export function pictureCopies(path: string, images: readonly LocalImage[], folder: string): Planned[] {
  return images.map((image) => ({
    file: `${path}${image.file}`,
    signature: image.digest,
    shows: [],
    make: { copy: join(folder, ...image.source.split('/')), key: image.digest },
  }));
}

function topicSignature(topic: Topic): string {
  return `${topic.slug}\u0000${topic.label}`;
}

/**
 * The articles whose pages an update can change: the changed ones and their previous and next
 * articles (before and after: a renamed file can move within its day), articles whose topics or
 * related lists changed or list a changed article, and the members of a topic that was renamed.
 */
function reachedArticles(before: SiteState, after: SiteState, changes: ArticleChanges): Set<number> {
  const articles = new Set<number>();
  const around = (state: SiteState, position: number | undefined) => {
    if (position === undefined) return;
    for (const other of [position - 1, position, position + 1]) if (other >= 0 && other < state.rows.length) articles.add(state.rows.no[other]!);
  };
  for (const no of new Set([...changes.listed, ...changes.changed])) {
    around(before, before.positionOfNo(no));
    around(after, after.positionOfNo(no));
  }
  const renamedTopics = new Set<number>();
  for (const topic of after.topics.topics) {
    const old = before.topics.byKey.get(topic.key);
    if (old && (old.slug !== topic.slug || old.label !== topic.label)) renamedTopics.add(topic.key);
  }
  const { rows } = after;
  for (let position = 0; position < rows.length; position++) {
    const no = rows.no[position]!;
    const old = before.positionOfNo(no);
    if (old === undefined || !rows.topics.same(position, before.rows.topics, old) || !rows.related.same(position, before.rows.related, old)) articles.add(no);
    else if (anyOf(rows.related, position, changes.listed) || anyOf(rows.topics, position, renamedTopics)) articles.add(no);
  }
  return articles;
}

/** Whether row `position` of `column` holds a number in `set`. */
function anyOf(column: Column, position: number, set: ReadonlySet<number>): boolean {
  for (let at = column.start[position]!, end = column.start[position + 1]!; at < end; at++) if (set.has(column.data[at]!)) return true;
  return false;
}

export const articleKind: PageKind = {
  name: 'article',
  template: 'pages/article.njk',
  outputs: (state) => Array.from({ length: state.rows.length }, (_, position) => articleOutputs(state, position)).flat(),
  reach(before, after, changes): Reached {
    return [...reachedArticles(before, after, changes)].map((no) => {
      const was = before.positionOfNo(no);
      const is = after.positionOfNo(no);
      return [was === undefined ? [] : articleOutputs(before, was), is === undefined ? [] : articleOutputs(after, is)];
    });
  },
};
