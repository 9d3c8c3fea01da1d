import path from 'node:path';
import { parseArgs } from 'node:util';
import { build, siteSettings } from '../build.ts';
import { CONFIG_FILE, loadConfig } from '../config/load.ts';
import type { SiteConfig } from '../config/schema.ts';
import { DatelineError, formatProblem } from '../errors.ts';
import { loadRecords } from '../records/load-records.ts';
import { dropState, loadState, saveState, stateFile } from '../cache/state.ts';
import { isDatelineOutput, removeLeftovers, ReplacingWriter, UpdatingWriter } from '../write/disk-writer.ts';
import { lockOutput } from '../write/lock.ts';
import { BUILD_HELP, CHECK_HELP, MAIN_HELP } from './help.ts';
import { plural } from '../site/words.ts';
import { formatProblems, formatSummary } from './report.ts';

/** Where the CLI prints; injectable so tests can run commands in-process. */
export interface Console {
  out(line: string): void;
  err(line: string): void;
}

const processConsole: Console = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

const OPTIONS = {
  input: { type: 'string' },
  output: { type: 'string' },
  'base-url': { type: 'string' },
  config: { type: 'string' },
  strict: { type: 'boolean', default: false },
  clean: { type: 'boolean', default: false },
  drafts: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Runs one command line; resolves to the exit status (0 ok, 1 problems in the input, 2 usage). */
export async function main(argv: readonly string[], io: Console = processConsole): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(MAIN_HELP);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'build' && command !== 'check') {
    io.err(`dateline: unknown command "${command}"\n\n${MAIN_HELP}`);
    return 2;
  }
  let values: ReturnType<typeof parse>;
  try {
    values = parse(rest, command);
  } catch (error) {
    io.err(`dateline ${command}: ${(error as Error).message}\n\n${command === 'build' ? BUILD_HELP : CHECK_HELP}`);
    return 2;
  }
  if (values.help) {
    io.out(command === 'build' ? BUILD_HELP : CHECK_HELP);
    return 0;
  }
  try {
    const config = await loadConfig(values.config ?? CONFIG_FILE, {
      input: values.input,
      output: values.output,
      baseUrl: values['base-url'],
    }, values.config !== undefined);
    return command === 'build' ? await runBuild(config, values, io) : await runCheck(config, values.drafts, io);
  } catch (error) {
    if (error instanceof DatelineError) for (const line of formatProblems(error.problems)) io.err(line);
    io.err(error instanceof DatelineError ? formatProblem(error.problem) : `dateline ${command}: ${(error as Error).message}`);
    return 1;
  }
}

function parse(args: string[], command: string) {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  if (positionals.length > 0) throw new Error(`unexpected argument "${positionals[0]}"`);
  if (command === 'check' && (values.output !== undefined || values['base-url'] !== undefined || values.clean)) {
    throw new Error('check writes nothing; --output, --base-url and --clean belong to build');
  }
  return values;
}

async function runBuild(config: SiteConfig, flags: { strict: boolean; drafts: boolean; clean: boolean }, io: Console): Promise<number> {
  assertSeparateFolders(config);
  const release = await lockOutput(config.output);
  let summary;
  try {
    await removeLeftovers(config.output);
    const cache = stateFile(config.output);
    const previous = flags.clean ? undefined : await loadState(cache);
    const incremental = previous !== undefined && (await isDatelineOutput(config.output));
    const writer = incremental ? await UpdatingWriter.open(config.output) : await ReplacingWriter.open(config.output);
    // The state describes the output; forget it while the output changes, keep the new one after.
    await dropState(cache);
    summary = await build({ config, drafts: flags.drafts, ...(incremental ? { previous } : {}) }, writer);
    await saveState(cache, summary.state);
  } finally {
    await release();
  }
  for (const line of formatProblems(summary.problems)) io.err(line);
  if (siteSettings(config).baseUrl === undefined) {
    io.err('note: no base URL set, so feeds and sitemap.xml were not written (they need absolute URLs); pass --base-url or set "baseUrl" in dateline.config.json');
  }
  for (const line of formatSummary(summary, config.output)) io.out(line);
  return flags.strict && summary.skipped > 0 ? 1 : 0;
}

async function runCheck(config: SiteConfig, drafts: boolean, io: Console): Promise<number> {
  const loaded = await loadRecords({ inputDir: config.input, leftoverPatterns: config.leftoverPatterns, drafts });
  for (const line of formatProblems(loaded.problems)) io.err(line);
  const errors = loaded.problems.filter((problem) => problem.severity === 'error').length;
  io.out(`Checked ${config.input}: ${plural(loaded.records.length, 'article')} ready, ${plural(errors, 'file')} with errors, ${plural(loaded.problems.length - errors, 'warning')}.`);
  return errors > 0 ? 1 : 0;
}

/** The output folder is replaced on every build: it must not hold, or sit inside, the input. */
function assertSeparateFolders(config: SiteConfig): void {
  const input = path.resolve(config.input);
  const output = path.resolve(config.output);
  const inside = (child: string, parent: string) => {
    const relative = path.relative(parent, child);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  };
  if (inside(input, output) || inside(output, input)) {
    throw new DatelineError({ code: 'folders-overlap', file: config.output, message: `overlaps the input folder ${config.input}`, hint: 'choose an output folder outside the input' });
  }
}
