import type { IsoDate } from '../dates.ts';
import type { SiteState } from '../pages/state.ts';
import type { PageModel } from '../pages/types.ts';

/**
 * One output of the site as the plan sees it, before anything is made: its file, what decides it
 * (`signature`, cheap to compare between two builds), the articles it shows, and how to make it.
 */
export interface Planned {
  /** Output file under the output folder. */
  file: string;
  /**
   * Everything that decides the output apart from the list-item fields of the articles in
   * `shows` and the site-wide settings: ids, link targets, counts, labels, content hashes.
   * Equal signatures and unchanged articles mean an unchanged output.
   */
  signature: string;
  /** `no` of every article whose headline, date, path or summary the output shows. */
  shows: readonly number[];
  /** `no` of every article whose whole text the output holds (a feed's items): it is made again when one of them changed in any way. */
  reads?: readonly number[];
  /** Where the sitemap lists it: its URL path and newest date; absent for files not listed. */
  sitemap?: { path: string; lastmod?: IsoDate };
  /**
   * A page model (rendered with its kind's template), a file made directly (a feed, the news
   * sitemap), or a file copied as it is (a picture), whose bytes have the digest `key`.
   */
  make: { page: () => PageModel } | { file: () => string } | { copy: string; key: string };
}

/** How the published articles changed between two builds, by `no`. */
export interface ArticleChanges {
  /** Added, removed, or changed in any way (text, headline, date, path…). */
  changed: ReadonlySet<number>;
  /** Added, removed, or shown differently in lists and links (headline, summary, date, path, reading time). */
  listed: ReadonlySet<number>;
}

/** The outputs of a kind before an update and after it, to be compared file by file. */
export type Reached = [before: Planned[], after: Planned[]][];

/**
 * A kind of output — article pages, day pages, feeds, redirects… — declared once: the template
 * its pages are rendered with, every output it has in a site, and optionally which of them an
 * update can reach.
 *
 * A kind without `reach` is compared in full on every update: every output it had before and has
 * now, by signature. That is correct for any kind, so a new kind is right by default; `reach`
 * only narrows the comparison where comparing everything would cost too much (a page per article
 * or per day), and must return every output whose signature can differ or that shows a changed
 * article, before and after.
 */
export interface PageKind {
  /** For messages and tests. */
  readonly name: string;
  /** The template (under the templates folder) its page models are rendered with; absent when it only makes files directly. */
  readonly template?: string;
  /** Every output of the kind in the site `state`. */
  outputs(state: SiteState): Planned[];
  /** The outputs the `changes` can reach, before and after (absent: all of them). */
  reach?(before: SiteState, after: SiteState, changes: ArticleChanges): Reached;
}

/** `no` of the articles at `positions`. */
export function nosOf(state: SiteState, positions: readonly number[]): number[] {
  return positions.map((position) => state.rows.no[position]!);
}

/** The ids of the articles at `positions`, for a signature. */
export function idsOf(state: SiteState, positions: readonly number[]): string {
  return positions.map((position) => state.rows.id(position)).join(' ');
}

/** The sitemap date of a list of positions in archive order: its newest article's. */
export function lastmod(state: SiteState, positions: readonly number[]): { lastmod?: IsoDate } {
  const last = positions.at(-1);
  return last === undefined ? {} : { lastmod: state.rows.date(last) };
}
