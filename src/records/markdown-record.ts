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
import { addImage, localImages, type LocalImage, type ReadImage } from '../body/local-images.ts';
import { DatelineError, type Problem } from '../errors.ts';
import { parseFrontMatter } from '../parse/front-matter.ts';
import { parseMarkdownBody } from '../parse/markdown-body.ts';
import { stripBom } from '../parse/text.ts';
import { frontMatterFields } from './front-matter-fields.ts';
import type { ArticleRecord, SocialImage } from './record.ts';
import { digest } from '../digest.ts';
import type { SourceFile } from './source-file.ts';

/**
 * Turns an authored `.md` article (YAML front matter + Markdown) into a record; its pictures from
 * the input folder are read with `readImage` (none without it).
 */
export function markdownRecord(source: SourceFile, readImage: ReadImage = () => undefined): ArticleRecord {
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
  if (fields.updated !== undefined && fields.updated < fields.date) {
    throw new DatelineError({ code: 'bad-front-matter', file, line: keyLines.updated ?? 1, message: `updated ${fields.updated} is before the date ${fields.date}` });
  }
  const page = { file, bodyLine, relativePath: source.relativePath };
  const { html, paragraphs, warnings, images, refs, firstImage } = markdownBody(body, page, readImage);
  const image = socialImage(fields.image, firstImage, page, readImage, { images, refs }, warnings, keyLines.image);
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
    authors: [...new Set(fields.author)],
    ...(fields.updated === undefined ? {} : { updated: fields.updated }),
    ...(images.length === 0 ? {} : { images }),
    ...(refs.length === 0 ? {} : { imageRefs: refs }),
    ...(image === undefined ? {} : { image }),
    ...(fields.source_url === undefined ? {} : { sourceUrl: fields.source_url }),
    draft: fields.draft,
    removed: { leftovers: [], signOffs: [], furniture: [] },
    warnings,
    // Its pictures are part of it: another picture is another version of the article.
    hash: images.length === 0 ? source.hash : digest(source.hash, ...images.flatMap((picture) => [picture.source, picture.digest])),
  };
}

/**
 * The picture that stands for an article where it is shared: its front matter's `image` (a web
 * address, or a picture of the input, copied beside the page), else the first its body shows.
 */
function socialImage(
  wanted: string | undefined,
  first: string | undefined,
  page: { file: string; relativePath: string },
  readImage: ReadImage,
  found: { images: LocalImage[]; refs: string[] },
  warnings: Problem[],
  line: number | undefined,
): SocialImage | undefined {
  if (wanted === undefined) return first === undefined ? undefined : sized(first, found.images);
  if (/^https?:\/\//i.test(wanted)) return URL.canParse(wanted) ? { src: wanted } : undefined;
  const image = addImage(wanted, page, readImage, found);
  if (typeof image === 'string') {
    warnings.push({ code: 'image-left-out', severity: 'warning', file: page.file, ...(line === undefined ? {} : { line }), message: `image: ${image}; it is left out` });
    return first === undefined ? undefined : sized(first, found.images);
  }
  return { src: image.file, ...(image.width === undefined ? {} : { width: image.width, height: image.height }) };
}

/** A picture by its `src`, with its size when it is one of the page's own. */
function sized(src: string, images: readonly LocalImage[]): SocialImage {
  const own = images.find((image) => image.file === src);
  return own?.width === undefined ? { src } : { src, width: own.width, height: own.height! };
}

/**
 * An authored Markdown body (of an article or a page) as sanitized HTML, its top-level blocks as
 * plain text, and a warning for raw HTML it dropped. The page's `<h1>` is its title, so the body's
 * headings go one level down.
 */
export function markdownBody(body: string, page: { file: string; bodyLine: number; relativePath: string }, readImage: ReadImage): MarkdownBody {
  const tree = parseMarkdownBody(body, page.file, page.bodyLine);
  const warnings = droppedHtmlWarnings(tree, page.file, page.bodyLine);
  demoteHeadings(tree);
  const pictures = localImages(tree, page, readImage);
  return { html: toSafeHtml(tree), paragraphs: topLevelText(tree), warnings: [...warnings, ...pictures.warnings], images: pictures.images, refs: pictures.refs, firstImage: firstImageUrl(tree) };
}

export interface MarkdownBody {
  html: string;
  /** The top-level blocks as plain text. */
  paragraphs: string[];
  warnings: Problem[];
  /** The input's pictures it shows (copied beside the page), and every local path it refers to. */
  images: LocalImage[];
  refs: string[];
  /** The first picture it shows (a name beside the page, or a web address), if any. */
  firstImage?: string;
}

/** The `src` of the first picture in the body (after local ones were named beside the page). */
function firstImageUrl(tree: Root): string | undefined {
  let found: string | undefined;
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node) => {
    definitions.set(node.identifier, node.url);
  });
  visit(tree, (node) => {
    if (found !== undefined) return;
    if (node.type === 'image') found = node.url;
    else if (node.type === 'imageReference') found = definitions.get(node.identifier);
  });
  return found;
}

/** The page's `<h1>` is the headline, so a body's `#` becomes `<h2>` and so on down. */
function demoteHeadings(tree: Root): void {
  visit(tree, 'heading', (node) => {
    node.depth = Math.min(6, node.depth + 1) as typeof node.depth;
  });
}

function topLevelText(tree: Root): string[] {
  // A picture's alt text describes it; it is not the article's text (its summary, its words).
  return tree.children.map((node) => toString(node, { includeHtml: false, includeImageAlt: false }).trim()).filter((text) => text !== '');
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
