import path from 'node:path';
import { toProblem, type Problem } from '../errors.ts';
import { readOne } from '../read/read-sources.ts';
import { displayPath, foundFile, scanInput } from '../read/scan.ts';
import { reservedRootOf } from '../site/urls.ts';
import type { OwnPage } from './page-record.ts';
import { imageReader } from '../read/read-image.ts';

/**
 * Reads the site's own pages (`pages/*.md`, nested folders too): every build reads them all, as
 * there are few. A page that cannot be read or parsed is reported and left out; so is one whose
 * URL is a URL Dateline makes (`/archive/`, `/topics/`, a year…) or another page's.
 */
export async function loadPages(dir: string | undefined, drafts: boolean): Promise<{ pages: OwnPage[]; root: string; problems: Problem[] }> {
  if (dir === undefined) return { pages: [], root: '', problems: [] };
  const display = displayPath(dir);
  let scan;
  try {
    scan = await scanInput(dir, display);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { pages: [], root: '', problems: [] };
    throw error;
  }
  const problems: Problem[] = [...scan.problems];
  if (scan.paths.length === 0) return { pages: [], root: scan.root, problems };
  const readImage = imageReader(scan.root);
  // The Markdown parser is loaded only for a site that has pages: an update of scraped articles never loads it.
  const { pageRecord } = await import('./page-record.ts');
  const pages: OwnPage[] = [];
  const taken = new Map<string, string>();
  for (let index = 0; index < scan.paths.length; index++) {
    const found = foundFile(scan, index);
    const file = path.join(display, found.relativePath);
    if (found.format !== 'markdown') {
      problems.push({ code: 'not-a-page', severity: 'warning', file, message: 'is not a page (expected a .md file); ignored' });
      continue;
    }
    const source = await readOne(found, display);
    if ('code' in source) {
      problems.push(source);
      continue;
    }
    let page: OwnPage;
    try {
      page = pageRecord(source, readImage);
    } catch (error) {
      problems.push(toProblem(error, file));
      continue;
    }
    problems.push(...page.warnings);
    if (page.draft && !drafts) continue;
    const reserved = reservedRootOf(page.path);
    if (reserved !== undefined) {
      problems.push({ code: 'page-url-taken', severity: 'error', file, message: `would be at /${page.path}, where Dateline makes ${reserved}; skipped`, hint: 'give it another slug in its front matter' });
      continue;
    }
    const other = taken.get(page.path);
    if (other !== undefined) {
      problems.push({ code: 'page-url-taken', severity: 'error', file, message: `would be at /${page.path}, like ${other}; skipped`, hint: 'give one of them another slug' });
      continue;
    }
    taken.set(page.path, file);
    pages.push(page);
  }
  return { pages, root: scan.root, problems };
}
