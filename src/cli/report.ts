import path from 'node:path';
import type { BuildSummary } from '../build/build.ts';
import type { FoundFurniture } from '../clean/boilerplate.ts';
import type { RemovalReport } from '../clean/removal-counts.ts';
import { formatProblem, type Problem } from '../errors.ts';
import { plural } from '../site/words.ts';

/** Problems, one per line, errors and warnings alike, as `file:line: message`. */
export function formatProblems(problems: readonly Problem[]): string[] {
  return problems.map(formatProblem);
}

/** The closing lines of a build: what was built, what was skipped and why, what was written, how long. */
export function formatSummary(summary: BuildSummary, output: string): string[] {
  const errors = summary.problems.filter((problem) => problem.severity === 'error').length;
  const warnings = summary.problems.length - errors;
  const lines = [
    `Built ${plural(summary.articles, 'article')} into ${output} in ${summary.seconds.toFixed(2)} s: ${plural(summary.parsed, 'file')} parsed, ${summary.reused} reused from the cache; ${plural(summary.files, 'file')} in the site; ${plural(summary.written, 'file')} written, ${summary.unchanged} unchanged, ${summary.removed} removed.`,
  ];
  if (summary.search) {
    const { indexed, merged, segments, written, removed } = summary.search;
    lines.push(
      `Search: ${plural(indexed, 'article')} indexed${merged > 0 ? `, merging ${plural(merged, 'segment')}` : ''}; ${plural(segments, 'segment')} in the index; ${plural(written, 'file')} written, ${removed} removed.`,
    );
  }
  lines.push(...formatFurniture(summary.furniture), ...formatRemovals(summary.removals));
  lines.push(...formatUrls(summary.urls));
  if (summary.skipped > 0) lines.push(`Skipped ${plural(summary.skipped, 'file')} with errors (listed above).`);
  if (warnings > 0) lines.push(`${plural(warnings, 'warning')} (listed above).`);
  if (summary.drafts > 0) lines.push(`${plural(summary.drafts, 'draft')} not published (use --drafts to include them).`);
  lines.push(`Stages: ${summary.stages.map((stage) => `${stage.stage} ${stage.seconds.toFixed(2)} s`).join(', ')}.`);
  return lines;
}

/** The page furniture found and removed, a line each with its count and an example file, and how to keep one. */
export function formatFurniture(furniture: readonly FoundFurniture[], verb = 'Removed'): string[] {
  if (furniture.length === 0) return [];
  return [
    `${verb} ${plural(furniture.length, 'line')} of page furniture the archive repeats (to keep one as text, add it to "keepParagraphs" in dateline.config.json):`,
    ...furniture.map((line) => `  "${line.text}": ${plural(line.articles, 'article')} over ${plural(line.days, 'day')}, e.g. ${line.example}`),
  ];
}

/**
 * The lines leftover patterns removed, most frequent first, each with its count and an example
 * file, and how to keep one; then the wire sign-offs, as one count.
 */
export function formatRemovals(removals: RemovalReport, verb = 'Removed'): string[] {
  const lines: string[] = [];
  const { lines: listed, more, leftoverArticles, signOffs } = removals;
  if (listed.length > 0) {
    lines.push(
      `${verb} ${plural(listed.length + more, 'line')} that leftover patterns match, from ${plural(leftoverArticles, 'article')} (to keep one as text, add it to "keepParagraphs" in dateline.config.json; to remove more, add a pattern to "leftoverPatterns"):`,
      ...listed.map((line) => `  "${line.text}": ${plural(line.articles, 'article')}, e.g. ${line.example}`),
    );
    if (more > 0) lines.push(`  and ${plural(more, 'more line')}, in as many articles or fewer each`);
  }
  if (signOffs.articles > 0) lines.push(`${verb} the wire sign-off at the end ("Reuter", "REUTER...", "MORE") from ${plural(signOffs.articles, 'article')}, e.g. ${signOffs.example}.`);
  return lines;
}

/** What the URL ledger recorded: URLs new to it, and URLs that moved (their old address redirects). */
export function formatUrls(urls: BuildSummary['urls']): string[] {
  const lines: string[] = [];
  if (urls.folder === undefined) return lines;
  if (urls.started) lines.push(`Recorded the URLs of ${plural(urls.recorded, 'article')} in ${urls.folder}${path.sep}: keep it with the articles (commit it), so that no published URL ever changes.`);
  else if (urls.recorded > 0) lines.push(`Recorded ${plural(urls.recorded, 'new URL')} in ${urls.folder}${path.sep}.`);
  if (urls.moved.length > 0) {
    lines.push(`${plural(urls.moved.length, 'URL')} moved; the old ${urls.moved.length === 1 ? 'one redirects' : 'ones redirect'} to the new:`);
    for (const { from, to } of urls.moved.slice(0, 10)) lines.push(`  /${from} → /${to}`);
    if (urls.moved.length > 10) lines.push(`  and ${urls.moved.length - 10} more`);
  }
  return lines;
}
