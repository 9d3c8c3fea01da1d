import type { Author, Authors } from '../corpus/authors.ts';
import { authorFeedPath, authorPath, relativeHref } from '../site/urls.ts';
import { plural } from '../site/words.ts';
import { link, pageCommon } from './common.ts';
import { listPages, pageHolding, pageName, spanLabel, undated, type ListPages } from './list-pages.ts';
import type { SiteState } from './state.ts';
import type { AuthorIndexPage, ListPage, SiteSettings } from './types.ts';

/** An author's articles, cut into pages where the articles say, like a topic's. */
export function authorList(state: SiteState, author: Author): ListPages {
  return listPages(state, author.members, state.site.pageSize);
}

/** `/authors/<slug>/`: their newest `pageSize` articles, their count, their feed, a link to older pages. */
export function authorPage(state: SiteState, author: Author, list: ListPages): ListPage {
  const path = authorPath(author.slug);
  const count = plural(list.members.length, 'article');
  const olderIndex = list.members.length - 1 - state.site.pageSize;
  return {
    ...pageCommon(path, author.name, `${count} by ${author.name}.`, state.site, [{ path: authorPath(), label: 'Authors' }]),
    template: 'list',
    heading: author.name,
    kicker: `Author · ${count}`,
    ...undated(state, path, list.members.slice(-state.site.pageSize).reverse()),
    ...(olderIndex >= 0 ? { older: relativeHref(path, authorPath(author.slug, pageName(state, list, pageHolding(list, olderIndex)))) } : {}),
    ...(state.site.baseUrl === undefined ? {} : { feed: link(path, authorFeedPath(author.slug), `Atom feed for ${author.name}`) }),
    isFront: false,
  };
}

/** `/authors/<slug>/page/<first article>/`: one page of an author's articles, newest first. */
export function authorArchivePage(state: SiteState, author: Author, list: ListPages, page: number): ListPage {
  const path = authorPath(author.slug, pageName(state, list, page));
  const [start, end] = list.pages[page]!;
  const positions = list.members.slice(start, end);
  const range = spanLabel(state, state.rows.date(positions[0]!), state.rows.date(positions.at(-1)!));
  return {
    ...pageCommon(path, `${author.name}: ${range}`, `Articles by ${author.name} from ${range}.`, state.site, [
      { path: authorPath(), label: 'Authors' },
      { path: authorPath(author.slug), label: author.name },
    ]),
    template: 'list',
    heading: `${author.name}: ${range}`,
    kicker: 'Author',
    ...undated(state, path, [...positions].reverse()),
    newer: relativeHref(path, page + 1 < list.pages.length ? authorPath(author.slug, pageName(state, list, page + 1)) : authorPath(author.slug)),
    ...(page > 0 ? { older: relativeHref(path, authorPath(author.slug, pageName(state, list, page - 1))) } : {}),
    isFront: false,
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
