import { relativeHref } from '../site/urls.ts';
import type { Pagination } from './types.ts';

/** Splits items into pages of `size` (at least one page, possibly empty). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages.length === 0 ? [[]] : pages;
}

/**
 * Pagination links for page `current` of `total`, each relative to the current page's path.
 * Shows the first and last page, and two on either side of the current one, with gaps between.
 */
export function pagination(current: number, total: number, pathOf: (page: number) => string): Pagination | undefined {
  if (total <= 1) return undefined;
  const here = pathOf(current);
  const href = (page: number) => relativeHref(here, pathOf(page));
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, total])]
    .filter((page) => page >= 1 && page <= total)
    .sort((a, b) => a - b);
  const pages: Pagination['pages'] = [];
  shown.forEach((page, index) => {
    const before = shown[index - 1];
    if (before !== undefined && page - before > 1) pages.push({ number: 0, gap: true });
    pages.push(page === current ? { number: page } : { number: page, href: href(page) });
  });
  return {
    current,
    total,
    ...(current > 1 ? { previous: href(current - 1) } : {}),
    ...(current < total ? { next: href(current + 1) } : {}),
    pages,
  };
}
