import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Parser } from 'htmlparser2';

const LINK_ATTRIBUTES: Record<string, string[]> = { a: ['href'], link: ['href'], script: ['src'], img: ['src'] };

/** The links and asset references of an HTML document, parsed with a real HTML parser. */
export function extractLinks(html: string): string[] {
  const links: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      for (const attribute of LINK_ATTRIBUTES[name] ?? []) {
        const value = attributes[attribute];
        if (value !== undefined) links.push(value);
      }
    },
  });
  parser.write(html);
  parser.end();
  return links;
}

/**
 * Internal links of every HTML file under `root` that do not resolve to a file there.
 * Relative links resolve against the page's folder. Links into the base URL count as internal.
 */
export async function brokenLinks(root: string, htmlFiles: readonly string[], options: { baseUrl?: string } = {}): Promise<string[]> {
  const broken: string[] = [];
  for (const file of htmlFiles) {
    const html = await readFile(path.join(root, file), 'utf8');
    for (const link of extractLinks(html)) {
      // Internal links are relative, so the site works under any subpath (404.html is served at
      // any depth, so it may link from the root).
      if (link.startsWith('/') && file !== '404.html') {
        broken.push(`${file}: ${link} (root-relative)`);
        continue;
      }
      const target = localTarget(link, file, options.baseUrl);
      if (target === undefined) continue;
      // A relative link must name a file: a folder link only works on a server, not from disk.
      // Absolute links into the base URL (canonical, Open Graph) are for servers: a folder will do.
      const absolute = path.join(root, target);
      const isFile = existsSync(absolute) && statSync(absolute).isFile();
      const servedFolder = /^[a-z]+:/i.test(link) && existsSync(path.join(absolute, 'index.html'));
      if (!isFile && !servedFolder) broken.push(`${file}: ${link}`);
    }
  }
  return broken;
}

function localTarget(link: string, fromFile: string, baseUrl: string | undefined): string | undefined {
  const withoutFragment = link.split('#')[0] ?? '';
  if (withoutFragment === '') return undefined;
  if (baseUrl !== undefined && withoutFragment.startsWith(baseUrl)) return withoutFragment.slice(baseUrl.length);
  if (/^[a-z][a-z0-9+.-]*:/i.test(withoutFragment)) return undefined; // another site
  if (withoutFragment.startsWith('/')) return withoutFragment.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), withoutFragment));
}
