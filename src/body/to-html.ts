import { unified } from 'unified';
import remarkHtml from 'remark-html';
import type { Root } from 'mdast';

/**
 * The one place article HTML is made. remark-html runs with `sanitize: true` (its default, spelled
 * out here): raw HTML is dropped and only safe elements, attributes and URL protocols survive.
 * Its output is the only article text a template marks safe.
 */
const compiler = unified().use(remarkHtml, { sanitize: true });

export function toSafeHtml(tree: Root): string {
  return String(compiler.stringify(compiler.runSync(tree) as Root));
}
