import LinkifyIt from 'linkify-it';
import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';

const linkify = new LinkifyIt().set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
/** Wire tables are typed with runs of spaces; they keep their columns only when shown preformatted. */
const TYPED_TABLE = /(?<! ) {3,}\S/;

/**
 * Builds the Markdown tree of a plain-text article by hand: each paragraph is literal text, so
 * `1.`, `#`, `>`, `*`, `[x](y)` and `<b>` stay exactly what they are. Only bare http(s) URLs become links.
 */
export function plainTextTree(paragraphs: readonly string[]): Root {
  return { type: 'root', children: paragraphs.map(paragraphNode) };
}

function paragraphNode(text: string): RootContent {
  if (TYPED_TABLE.test(text)) return { type: 'code', value: text };
  const children: PhrasingContent[] = [];
  text.split('\n').forEach((line, index) => {
    if (index > 0) children.push({ type: 'break' });
    // (Not `push(...nodes)`: a line of a hundred thousand links is more arguments than a call may have.)
    for (const node of linkedText(line)) children.push(node);
  });
  return { type: 'paragraph', children } satisfies Paragraph;
}

function linkedText(text: string): PhrasingContent[] {
  const matches = linkify.test(text) ? (linkify.match(text) ?? []) : [];
  const nodes: PhrasingContent[] = [];
  let last = 0;
  for (const match of matches) {
    if (!/^https?:$/i.test(match.schema) && match.schema !== '') continue;
    if (!/^https?:\/\//i.test(match.url)) continue;
    if (match.index > last) nodes.push({ type: 'text', value: text.slice(last, match.index) });
    nodes.push({ type: 'link', url: match.url, children: [{ type: 'text', value: match.raw }] });
    last = match.lastIndex;
  }
  if (last < text.length) nodes.push({ type: 'text', value: text.slice(last) });
  return nodes;
}
