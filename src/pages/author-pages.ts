import type { Author, Authors } from '../corpus/authors.ts';
import { authorFeedPath, authorPath } from '../site/urls.ts';
import { plural } from '../site/words.ts';
import { link, pageCommon } from './common.ts';
import type { NamedList } from './named-list.ts';
import type { AuthorIndexPage, SiteSettings } from './types.ts';

/** An author as a named list of articles (see `NamedList`): `/authors/<slug>/`. */
export function authorNamed(author: Author): NamedList {
  return {
    label: author.name,
    members: author.members,
    path: (page) => authorPath(author.slug, page),
    feedPath: authorFeedPath(author.slug),
    kind: 'Author',
    index: { path: authorPath(), label: 'Authors' },
    relation: `by ${author.name}`,
  };
}

/** `/authors/`: every author A–Z with their count of articles. */
export function authorIndexPage(authors: Authors, site: SiteSettings): AuthorIndexPage {
  const path = authorPath();
  return {
    ...pageCommon(path, 'Authors', `${plural(authors.list.length, 'author')} who wrote for ${site.title}.`, site),
    template: 'authors',
    heading: 'Authors',
    entries: authors.list.map((author) => ({ ...link(path, authorPath(author.slug), author.name), count: author.members.length, countLabel: plural(author.members.length, 'article') })),
  };
}
