import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/files.ts';
import { brokenLinks } from '../helpers/links.ts';
import { itNeeding } from '../helpers/requires.ts';
import { checkHtml } from '../helpers/vnu.ts';

// The site tests rely on these checkers passing good pages; here they must fail bad ones.
let work: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  work = await tempDir();
  await mkdir(path.join(work.dir, 'a'));
  await writeFile(path.join(work.dir, 'a', 'index.html'), '<!doctype html><html lang="en"><title>x</title><a href="../b/index.html">b</a><a href="../missing/">m</a><a href="../">folder</a><a href="/b.html">root</a><a href="https://elsewhere.example/">e</a>');
  await writeFile(path.join(work.dir, 'b.html'), '<!doctype html><html lang="en"><title>x</title><p><div>block in paragraph</div><span id=a><span id=a>');
});

afterAll(() => work.cleanup());

describe('the test checkers', () => {
  it('the link checker reports missing targets and folder links (they fail from disk), and ignores other sites', async () => {
    expect(await brokenLinks(work.dir, ['a/index.html'])).toEqual(['a/index.html: ../b/index.html', 'a/index.html: ../missing/', 'a/index.html: ../', 'a/index.html: /b.html (root-relative)']);
  });

  itNeeding('java', 'the HTML checker reports invalid HTML', async () => {
    const errors = await checkHtml([path.join(work.dir, 'b.html')]);
    expect(errors.map((error) => error.message).join('\n')).toMatch(/Duplicate ID/);
  });
});
