import { articleKind } from './article.ts';
import { authorIndexKind, authorKind } from './authors.ts';
import { newsSitemapKind, robotsKind } from './crawlers.ts';
import { dayKind } from './day.ts';
import { feedsKind } from './feeds.ts';
import { frontKind } from './front.ts';
import type { PageKind } from './kind.ts';
import { onThisDayIndexKind, onThisDayKind } from './on-this-day.ts';
import { ownPageKind } from './own-page.ts';
import { monthKind, periodKind } from './periods.ts';
import { redirectKind, redirectRulesKind } from './redirects.ts';
import { notFoundKind, searchKind, topicIndexKind } from './site-pages.ts';
import { topicKind } from './topic.ts';

/**
 * Every kind of output the site has, each declared once in its own file (see `PageKind`). A new
 * kind is added here and nowhere else: the plan, the renderer and the sitemaps read this list.
 */
export const KINDS: readonly PageKind[] = [
  articleKind,
  frontKind,
  dayKind,
  topicKind,
  authorKind,
  authorIndexKind,
  periodKind,
  monthKind,
  onThisDayKind,
  onThisDayIndexKind,
  topicIndexKind,
  searchKind,
  notFoundKind,
  ownPageKind,
  feedsKind,
  newsSitemapKind,
  robotsKind,
  redirectKind,
  redirectRulesKind,
];
