import * as z from 'zod/mini';
import '../config/schema.ts'; // zod's English messages
import { asciiWords } from '../derive/permalink.ts';
import { SAFE_SLUG } from '../derive/slug.ts';
import { stripControlCharacters } from '../clean/control-characters.ts';
import { DatelineError, type Problem } from '../errors.ts';
import { parseFrontMatter } from '../parse/front-matter.ts';
import { stripBom } from '../parse/text.ts';
import { ownPagePath } from '../site/urls.ts';
import { markdownBody } from './markdown-record.ts';
import type { LocalImage, ReadImage } from '../body/local-images.ts';
import type { SourceFile } from './source-file.ts';

/**
 * A page of the site's own (`pages/about.md`): undated Markdown with a title, at `/<slug>/`, in
 * the site's layout, and in its navigation when its front matter asks.
 */
export interface OwnPage {
  /** Root-relative URL path: `about/`, `policies/corrections/`. */
  path: string;
  title: string;
  description: string;
  /** Sanitized HTML of the body. */
  bodyHtml: string;
  /** The pictures of the pages folder it shows, copied beside it. */
  images: LocalImage[];
  /** Its place in the site's navigation, when it has one (lower `order` first). */
  nav?: { label: string; order: number };
  draft: boolean;
  /** The file, as messages name it. */
  source: string;
  /** Hash of the file's bytes: another means another page. */
  hash: string;
  warnings: Problem[];
}

const navField = z.union([
  z.boolean(),
  z.number(),
  z.object({ label: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(60))), order: z.optional(z.number()) }),
]);

/** The front matter of a page; other keys are left alone. */
const pageFields = z.object({
  title: z.string({ error: 'title is required (a line such as: title: About us)' }).check(z.trim(), z.minLength(1, 'title is empty'), z.maxLength(200)),
  slug: z.optional(
    z.string().check(
      z.refine((slug) => slug.split('/').every((segment) => SAFE_SLUG.test(segment)), 'slug may hold only lower-case letters, digits and single hyphens, with / between parts'),
      z.maxLength(120),
    ),
  ),
  description: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
  nav: z.optional(navField),
  draft: z._default(z.boolean({ error: 'draft must be true or false' }), false),
});

/** Turns `pages/<path>.md` into a page; its URL is its front matter's `slug`, else its path's words. */
export function pageRecord(source: SourceFile, readImage: ReadImage = () => undefined): OwnPage {
  const file = source.displayPath;
  const { data, keyLines, body, bodyLine } = parseFrontMatter(stripControlCharacters(stripBom(source.text)), file);
  const parsed = pageFields.safeParse(data);
  if (!parsed.success) {
    const key = String(parsed.error.issues[0]?.path[0] ?? '');
    throw new DatelineError({ code: 'bad-front-matter', file, line: keyLines[key] ?? 1, message: parsed.error.issues.map((each) => `${each.path.join('.') || 'front matter'}: ${each.message}`).join('; ') });
  }
  const fields = parsed.data;
  const slug = fields.slug ?? pathSlug(source.relativePath);
  if (slug === '') throw new DatelineError({ code: 'bad-page-slug', file, line: keyLines.slug ?? 1, message: 'its name gives no URL (no letters or digits)', hint: 'rename the file, or set slug: in its front matter' });
  const { html, paragraphs, warnings, images } = markdownBody(body, { file, bodyLine, relativePath: source.relativePath }, readImage);
  return {
    path: ownPagePath(slug),
    title: fields.title,
    description: fields.description ?? firstWords(paragraphs.join(' ')),
    bodyHtml: html,
    images,
    ...navOf(fields.nav, fields.title),
    draft: fields.draft,
    source: file,
    hash: source.hash,
    warnings,
  };
}

/** `policies/Corrections Policy.md` → `policies/corrections-policy`. */
function pathSlug(relativePath: string): string {
  const parts = relativePath.replace(/\.(?:md|markdown)$/i, '').split('/').map(asciiWords);
  return parts.some((part) => part === '') ? '' : parts.join('/');
}

function navOf(nav: z.output<typeof navField> | undefined, title: string): Pick<OwnPage, 'nav'> {
  if (nav === undefined || nav === false) return {};
  if (nav === true) return { nav: { label: title, order: 0 } };
  if (typeof nav === 'number') return { nav: { label: title, order: nav } };
  return { nav: { label: nav.label ?? title, order: nav.order ?? 0 } };
}

/** A description from the text: at most 200 characters, cut at a word. */
function firstWords(text: string): string {
  if (text.length <= 200) return text;
  const cut = text.slice(0, 200);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
}
