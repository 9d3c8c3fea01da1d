import type { IsoDate } from '../dates.ts';
import { KINDS } from '../kinds/index.ts';
import type { ArticleChanges, PageKind, Planned, Reached } from '../kinds/kind.ts';
import type { SiteState } from '../pages/state.ts';

export type { ArticleChanges };

/** A planned output with the template its kind renders pages with. */
export type PlannedOutput = Planned & { template?: string };

/** What a build must make and remove, decided before anything is rendered. */
export interface OutputPlan {
  /** Outputs to make; each is written only if its key differs from the last build's (see `decideWrites`). */
  make: PlannedOutput[];
  /** Files the previous build wrote that the site no longer has. */
  remove: string[];
  /** Sitemap entries that are new or changed (URL path → newest date), and paths no longer listed. */
  sitemap: { set: Map<string, IsoDate | undefined>; removed: string[] };
}

/** Every output of every kind: a clean build's plan. */
export function planEverything(state: SiteState, kinds: readonly PageKind[] = KINDS): OutputPlan {
  return comparePairs(
    kinds.map((kind) => [kind, [[[], kind.outputs(state)]]] as const),
    { changed: new Set(), listed: new Set() },
  );
}

/**
 * The outputs that can differ after `changes`, and the files that went away, found without making
 * a page. Each kind says which of its outputs the changes can reach (see `PageKind.reach`); a
 * kind that does not say is compared in full. Within what is reached, an output is made again
 * only if what decides it (its signature: ids, links, counts, labels) differs or it shows a
 * changed article.
 *
 * Pure: `before` and `after` hold everything it reads. The sitemaps, the search index, the
 * assets and the static files are planned by their own stages.
 */
export function planChanges(before: SiteState, after: SiteState, changes: ArticleChanges, kinds: readonly PageKind[] = KINDS): OutputPlan {
  return comparePairs(
    kinds.map((kind) => [kind, kind.reach ? kind.reach(before, after, changes) : [[kind.outputs(before), kind.outputs(after)]]] as const),
    changes,
  );
}

/** Within each kind's pairs of outputs (before, after), the outputs to make, the files gone and the sitemap changes. */
function comparePairs(reached: readonly (readonly [PageKind, Reached])[], changes: ArticleChanges): OutputPlan {
  const make = new Map<string, PlannedOutput>();
  const gone = new Set<string>();
  const kept = new Set<string>();
  const set = new Map<string, IsoDate | undefined>();
  const unlisted = new Set<string>();
  const listedPaths = new Set<string>();
  const madeBy = new Map<string, string>();
  for (const [kind, pairs] of reached) {
    for (const [was, is] of pairs) {
      const old = new Map(was.map((planned) => [planned.file, planned]));
      for (const planned of is) {
        const other = madeBy.get(planned.file);
        if (other !== undefined) throw new Error(`two outputs were planned for the same file "${planned.file}" (${other} and ${kind.name})`);
        madeBy.set(planned.file, kind.name);
        kept.add(planned.file);
        const previous = old.get(planned.file);
        if (previous === undefined || previous.signature !== planned.signature || planned.shows.some((no) => changes.listed.has(no)) || planned.reads?.some((no) => changes.changed.has(no))) {
          make.set(planned.file, 'page' in planned.make ? { ...planned, template: templateOf(kind) } : planned);
        }
        if (planned.sitemap) {
          listedPaths.add(planned.sitemap.path);
          if (previous?.sitemap?.path !== planned.sitemap.path || previous.sitemap.lastmod !== planned.sitemap.lastmod) set.set(planned.sitemap.path, planned.sitemap.lastmod);
        }
      }
      for (const planned of was) {
        gone.add(planned.file);
        if (planned.sitemap) unlisted.add(planned.sitemap.path);
      }
    }
  }
  return {
    make: [...make.values()],
    remove: [...gone].filter((file) => !kept.has(file)),
    sitemap: { set, removed: [...unlisted].filter((path) => !listedPaths.has(path)) },
  };
}

function templateOf(kind: PageKind): string {
  if (kind.template === undefined) throw new Error(`the ${kind.name} kind makes a page but names no template`);
  return kind.template;
}
