import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { stripControlCharacters } from '../clean/control-characters.ts';
import { countWords, readingMinutes } from '../derive/reading.ts';
import { findNames } from '../derive/names.ts';
import { keyTerms } from '../derive/terms.ts';
import { authoredSlug, textFingerprint } from '../derive/permalink.ts';
import { deriveSummary } from '../derive/summary.ts';
import { toSafeHtml } from '../body/to-html.ts';
import { DatelineError, type Problem } from '../errors.ts';
import { parseFrontMatter } from '../parse/front-matter.ts';
import { parseMarkdownBody } from '../parse/markdown-body.ts';
import { stripBom } from '../parse/text.ts';
import { frontMatterFields } from './front-matter-fields.ts';
import type { ArticleRecord } from './record.ts';
import type { SourceFile } from './source-file.ts';

/** Turns an authored `.md` article (YAML front matter + Markdown) into a record. */
export function markdownRecord(source: SourceFile): ArticleRecord {
  const file = source.displayPath;
  const text = stripControlCharacters(stripBom(source.text));
  const { data, keyLines, body, bodyLine } = parseFrontMatter(text, file);
  const parsed = frontMatterFields.safeParse(data);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const key = String(issue?.path[0] ?? '');
    throw new DatelineError({
      code: 'bad-front-matter',
      file,
      line: keyLines[key] ?? 1,
      message: parsed.error.issues.map((each) => `${each.path.join('.') || 'front matter'}: ${each.message}`).join('; '),
    });
  }
  const fields = parsed.data;
  const { html, paragraphs, warnings } = markdownBody(body, file, bodyLine);
  const plain = paragraphs.join('\n\n');
  const wordCount = countWords(plain);
  return {
    id: source.id,
    source: source.relativePath,
    format: 'markdown',
    date: fields.date,
    headline: fields.title,
    summary: fields.summary ?? deriveSummary(paragraphs, fields.title),
    slug: authoredSlug(fields.slug, source.id),
    fingerprint: textFingerprint(source.text),
    bodyHtml: html,
    text: plain,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    tags: [...new Set(fields.tags)],
    names: findNames(paragraphs),
    terms: keyTerms(plain),
    ...(fields.author === undefined ? {} : { author: fields.author }),
    ...(fields.source_url === undefined ? {} : { sourceUrl: fields.source_url }),
    draft: fields.draft,
    removed: { leftovers: [], signOffs: [], furniture: [] },
    warnings,
    hash: source.hash,
  };
}

/**
 * An authored Markdown body (of an article or a page) as sanitized HTML, its top-level blocks as
 * plain text, and a warning for raw HTML it dropped. The page's `<h1>` is its title, so the body's
 * headings go one level down.
 */
export function markdownBody(body: string, file: string, bodyLine: number): { html: string; paragraphs: string[]; warnings: Problem[] } {
  const tree = parseMarkdownBody(body, file, bodyLine);
  const warnings = droppedHtmlWarnings(tree, file, bodyLine);
  demoteHeadings(tree);
  return { html: toSafeHtml(tree), paragraphs: topLevelText(tree), warnings };
}

/** The page's `<h1>` is the headline, so a body's `#` becomes `<h2>` and so on down. */
function demoteHeadings(tree: Root): void {
  visit(tree, 'heading', (node) => {
    node.depth = Math.min(6, node.depth + 1) as typeof node.depth;
  });
}

function topLevelText(tree: Root): string[] {
  return tree.children.map((node) => toString(node, { includeHtml: false }).trim()).filter((text) => text !== '');
}

/** remark-html's sanitizer drops raw HTML silently; say which lines lost markup. */
function droppedHtmlWarnings(tree: Root, file: string, bodyLine: number): Problem[] {
  const found = new Set<number>();
  visit(tree, 'html', (node) => {
    if (node.position) found.add(bodyLine + node.position.start.line - 1);
  });
  const lines = [...found];
  if (lines.length === 0) return [];
  return [
    {
      code: 'raw-html-dropped',
      severity: 'warning',
      file,
      line: lines[0],
      message: `raw HTML is not published and was dropped (${lines.length === 1 ? '1 place' : `${lines.length} places, lines ${lines.slice(0, 5).join(', ')}`})`,
      hint: 'write it in Markdown instead',
    },
  ];
}
