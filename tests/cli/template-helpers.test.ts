import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dateline } from '../helpers/cli.ts';
import { tempDir } from '../helpers/files.ts';
import { writeInput } from '../helpers/site.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  work = await tempDir();
  await writeInput(work.dir, {
    'in/001_a.txt': ' date 2025-04-27 Troops moved north on Sunday.',
    'templates/pages/not-found.njk': '{% extends "dateline/pages/not-found.njk" %}\n{% block main %}<h1>{{ "lost" | shout }}</h1>{% endblock %}\n',
    'dateline.config.json': JSON.stringify({ input: 'in', output: 'out', templates: 'templates', search: false }),
  });
});
afterEach(() => work.cleanup());

const build = (...extra: string[]) => dateline(['build', ...extra], { cwd: work.dir });

describe('dateline.config.mjs through the dateline command', () => {
  it('is found beside the config: dateline.config.json takes dateline.config.mjs, --config site.json takes site.mjs', async () => {
    await writeFile(path.join(work.dir, 'dateline.config.mjs'), "export default { filters: { shout: (text) => text.toUpperCase() + '!' } };\n");
    expect((await build()).code).toBe(0);
    expect(await readFile(path.join(work.dir, 'out/404.html'), 'utf8')).toContain('<h1>LOST!</h1>');

    await writeFile(path.join(work.dir, 'site.json'), JSON.stringify({ input: 'in', output: 'other', templates: 'templates', search: false }));
    await writeFile(path.join(work.dir, 'site.mjs'), "export default { filters: { shout: (text) => text + '?' } };\n");
    expect((await build('--config', 'site.json')).code).toBe(0);
    expect(await readFile(path.join(work.dir, 'other/404.html'), 'utf8')).toContain('<h1>lost?</h1>');
  });

  it('reports a syntax error with the file and line, and leaves the site as it was', async () => {
    await writeFile(path.join(work.dir, 'dateline.config.mjs'), 'export default {\n  filters: {\n    shout: (text) => text.toUpperCase(),\n  },\n  globals: { x: },\n};\n');
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^dateline\.config\.mjs:5: could not be loaded: Unexpected token '}'$/m);
    expect(await readFile(path.join(work.dir, 'out/404.html'), 'utf8').catch(() => 'none')).toBe('none');
  });

  it('reports an error thrown while the module runs with the line that threw', async () => {
    await writeFile(path.join(work.dir, 'dateline.config.mjs'), "const desk = process.env.NO_SUCH_DESK;\nif (!desk) throw new Error('set NO_SUCH_DESK');\nexport default {};\n");
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^dateline\.config\.mjs:2: could not be loaded: set NO_SUCH_DESK$/m);
  });

  it('reports a module it cannot import by name', async () => {
    await writeFile(path.join(work.dir, 'dateline.config.mjs'), "import slug from 'no-such-package-here';\nexport default { filters: { slug } };\n");
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^dateline\.config\.mjs: could not be loaded: Cannot find package 'no-such-package-here'/m);
  });

  it('refuses --config naming the .mjs file, and says where helpers are read from', async () => {
    await writeFile(path.join(work.dir, 'dateline.config.mjs'), 'export default {};\n');
    const result = await build('--config', 'dateline.config.mjs');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('dateline.config.mjs: is a module: --config names the JSON config (template helpers are read from the .mjs file of the config\'s name beside it (dateline.config.json → dateline.config.mjs))');
  });

  it('never runs a helpers file for a command that renders nothing (check)', async () => {
    await writeFile(path.join(work.dir, 'dateline.config.mjs'), "throw new Error('ran');\n");
    const result = await dateline(['check'], { cwd: work.dir });
    expect(result.code, result.stderr).toBe(0);
  });
});
