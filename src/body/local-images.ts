import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Definition, Image, ImageReference, Root } from 'mdast';
import { imageSize } from 'image-size';
import { visit } from 'unist-util-visit';
import { asciiWords } from '../derive/permalink.ts';
import type { Problem } from '../errors.ts';
import { IMAGE_EXTENSIONS } from '../read/pictures.ts';

/** A picture of the input's own that an authored page shows: copied beside the page. */
export interface LocalImage {
  /** The image file, `/`-separated, relative to the input folder. */
  source: string;
  /** Its name beside the page (in the page's folder), as its `src` says. */
  file: string;
  width?: number;
  height?: number;
  /** Of its bytes: another digest means another picture. */
  digest: string;
}

/** Reads an image of the input folder by its path relative to it; undefined when there is none (or it leads outside). */
export type ReadImage = (source: string) => Uint8Array | undefined;


const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** Whether a URL in Markdown names a file of the input (not a web address, a site path or an anchor). */
function isLocal(url: string): boolean {
  return url !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('/') && !url.startsWith('#') && !url.startsWith('?');
}

/**
 * Finds the pictures an authored page shows from the input folder (`![Map](map.png)`, also by
 * reference): each is resolved from the page's file, read, named beside the page and given its
 * width and height, so the browser keeps its place while it loads. A picture that is missing, or
 * outside the input folder, is left out with a warning naming the line. Web addresses are left
 * as they are. Also returns every local path referred to (found or not): a change to any of those
 * files means the page is made again.
 */
export function localImages(tree: Root, page: { relativePath: string; file: string; bodyLine: number }, readImage: ReadImage): { images: LocalImage[]; refs: string[]; warnings: Problem[] } {
  const images = new Map<string, LocalImage>();
  const names = new Map<string, string>();
  const refs = new Set<string>();
  const warnings: Problem[] = [];
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node) => {
    definitions.set(node.identifier, node);
  });
  const gone: { node: Image | ImageReference; parent: { children: unknown[] } }[] = [];
  const resolveAt = (url: string, line: number | undefined) => {
    const found = imageAt(url, page, readImage, images, names, refs);
    if (typeof found === 'string') {
      warnings.push({ code: 'image-left-out', severity: 'warning', file: page.file, ...(line === undefined ? {} : { line: page.bodyLine + line - 1 }), message: `${found}; it is left out`, hint: 'put the picture in the input folder beside the page, or link to it by its web address' });
      return undefined;
    }
    return found;
  };
  visit(tree, (node, _index, parent) => {
    if (node.type !== 'image' && node.type !== 'imageReference') return;
    const definition = node.type === 'imageReference' ? definitions.get(node.identifier) : undefined;
    const url = node.type === 'image' ? node.url : definition?.url;
    if (url === undefined || !isLocal(url)) return;
    const image = resolveAt(url, node.position?.start.line);
    if (image === undefined) {
      if (parent) gone.push({ node, parent: parent as { children: unknown[] } });
      return;
    }
    if (node.type === 'image') node.url = image.file;
    else definition!.url = image.file;
    node.data = { ...node.data, hProperties: { ...(image.width === undefined ? {} : { width: image.width, height: image.height }) } };
  });
  for (const { node, parent } of gone) parent.children.splice(parent.children.indexOf(node), 1);
  if (gone.length > 0) dropEmptyParagraphs(tree);
  return { images: [...images.values()], refs: [...refs].sort(), warnings };
}

/**
 * One more picture of a page by the URL it gives (its front matter's `image:`): the image, with
 * the same name as the body's picture of the same file, or why it is left out.
 */
export function addImage(url: string, page: { relativePath: string }, readImage: ReadImage, found: { images: LocalImage[]; refs: string[] }): LocalImage | string {
  const images = new Map(found.images.map((image) => [image.source, image]));
  const names = new Map(found.images.map((image) => [image.file, image.source]));
  const refs = new Set(found.refs);
  const image = imageAt(url, page, readImage, images, names, refs);
  found.images.splice(0, found.images.length, ...images.values());
  found.refs.splice(0, found.refs.length, ...[...refs].sort());
  return image;
}

/** One picture by the URL a page gives it: the image, or why it is left out. */
function imageAt(url: string, page: { relativePath: string }, readImage: ReadImage, images: Map<string, LocalImage>, names: Map<string, string>, refs: Set<string>): LocalImage | string {
  let decoded: string;
  try {
    decoded = decodeURI(url.split(/[?#]/)[0]!);
  } catch {
    return `the picture "${url}" is not a valid address`;
  }
  const source = path.posix.normalize(path.posix.join(path.posix.dirname(page.relativePath), decoded));
  if (source.startsWith('../') || source === '..' || path.posix.isAbsolute(source)) return `the picture "${url}" is outside the input folder`;
  refs.add(source);
  const known = images.get(source);
  if (known) return known;
  if (!IMAGE_EXTENSIONS.has(path.posix.extname(source).toLowerCase())) return `"${url}" is not a picture (${[...IMAGE_EXTENSIONS].join(', ')})`;
  const bytes = readImage(source);
  if (bytes === undefined) return `the picture "${url}" is not in the input folder`;
  let size: { width?: number; height?: number } = {};
  try {
    const measured = imageSize(bytes);
    size = { width: measured.width, height: measured.height };
  } catch {
    return `the picture "${url}" is not an image Dateline can read`;
  }
  const digest = createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
  const image: LocalImage = { source, file: nameFor(source, names), ...size, digest };
  images.set(source, image);
  return image;
}

/** A name beside the page: the file's own when a URL holds it as it is, else its words; with a hash when two pictures would share it. */
function nameFor(source: string, names: Map<string, string>): string {
  const base = path.posix.basename(source);
  const extension = path.posix.extname(base).toLowerCase();
  const stem = base.slice(0, base.length - extension.length);
  let name = SAFE_NAME.test(base) && base !== 'index.html' ? base : `${asciiWords(stem) || 'image'}${extension}`;
  const holder = names.get(name);
  if (holder !== undefined && holder !== source) name = `${asciiWords(stem) || 'image'}-${createHash('sha256').update(source).digest('hex').slice(0, 8)}${extension}`;
  names.set(name, source);
  return name;
}

/** Paragraphs left with nothing but white space once their pictures went. */
function dropEmptyParagraphs(node: { children?: unknown[] }): void {
  if (!Array.isArray(node.children)) return;
  node.children = node.children.filter((child) => {
    const typed = child as { type: string; children?: { type: string; value?: string }[] };
    return !(typed.type === 'paragraph' && (typed.children ?? []).every((inner) => inner.type === 'text' && (inner.value ?? '').trim() === ''));
  });
  for (const child of node.children) dropEmptyParagraphs(child as { children?: unknown[] });
}
