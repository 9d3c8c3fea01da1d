import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CONFIG_FILE, loadConfig } from '../config/load.ts';
import { DatelineError, formatProblem } from '../errors.ts';
import { helpersFileOf } from '../render/helpers.ts';
import { BUILD_HELP, CHECK_HELP, INIT_HELP, MAIN_HELP, NEW_HELP, SERVE_HELP } from './help.ts';
import { formatProblems } from './report.ts';

import type { Console } from './console.ts';

export type { Console };

const processConsole: Console = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

type Options = NonNullable<ParseArgsConfig['options']>;
const shared = {
  input: { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies Options;

/** Each command: its help, the options it takes, and how many file arguments. */
const COMMANDS = {
  build: {
    help: BUILD_HELP,
    positionals: 0,
    options: {
      ...shared,
      output: { type: 'string' },
      'base-url': { type: 'string' },
      strict: { type: 'boolean', default: false },
      clean: { type: 'boolean', default: false },
      'in-place': { type: 'boolean', default: false },
      drafts: { type: 'boolean', default: false },
      'allow-empty': { type: 'boolean', default: false },
      jobs: { type: 'string' },
    },
  },
  check: { help: CHECK_HELP, positionals: 0, options: { ...shared, output: { type: 'string' }, drafts: { type: 'boolean', default: false }, jobs: { type: 'string' } } },
  new: { help: NEW_HELP, positionals: 1, options: { ...shared, date: { type: 'string' } } },
  init: { help: INIT_HELP, positionals: 1, options: { help: shared.help, templates: { type: 'boolean', default: false } } },
  serve: {
    help: SERVE_HELP,
    positionals: 0,
    options: { ...shared, output: { type: 'string' }, 'base-url': { type: 'string' }, port: { type: 'string', default: '8080' }, host: { type: 'string', default: '127.0.0.1' } },
  },
} as const satisfies Record<string, { help: string; positionals: number; options: Options }>;

type Command = keyof typeof COMMANDS;

/** Runs one command line; resolves to the exit status (0 ok, 1 problems in the input, 2 usage). */
export async function main(argv: readonly string[], io: Console = processConsole): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(MAIN_HELP);
    return name === undefined ? 2 : 0;
  }
  if (!(name in COMMANDS)) {
    io.err(`dateline: unknown command "${name}"\n\n${MAIN_HELP}`);
    return 2;
  }
  const command = name as Command;
  const spec = COMMANDS[command];
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    const options: Options = spec.options;
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true }) as typeof parsed;
    if (parsed.positionals.length > spec.positionals) throw new Error(`unexpected argument "${parsed.positionals[spec.positionals]}"`);
  } catch (error) {
    io.err(`dateline ${command}: ${(error as Error).message}\n\n${spec.help}`);
    return 2;
  }
  const values = parsed.values;
  if (values.help) {
    io.out(spec.help);
    return 0;
  }
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const flag = (key: string) => values[key] === true;
  try {
    // `init` makes the config; it reads none.
    if (command === 'init') return await (await import('./init-command.ts')).runInit(parsed.positionals[0] ?? '.', { templates: flag('templates') }, io);
    const configFile = text('config') ?? CONFIG_FILE;
    if (configFile.endsWith('.mjs')) {
      throw new DatelineError({ code: 'bad-config', file: configFile, message: 'is a module: --config names the JSON config', hint: `template helpers are read from the .mjs file of the config's name beside it (${CONFIG_FILE} → ${helpersFileOf(CONFIG_FILE)})` });
    }
    const helpers = helpersFileOf(configFile);
    const load = () => loadConfig(configFile, { input: text('input'), output: text('output'), baseUrl: text('base-url') }, text('config') !== undefined);
    const config = await load();
    const jobs = jobsOf(text('jobs'));
    // Commands load their own modules, so a build that finds nothing to do starts quickly.
    switch (command) {
      case 'build':
        return await (await import('./build-command.ts')).runBuild(config, { strict: flag('strict'), drafts: flag('drafts'), clean: flag('clean'), inPlace: flag('in-place'), allowEmpty: flag('allow-empty'), helpers, ...(jobs === undefined ? {} : { jobs }) }, io);
      case 'check':
        return await (await import('./check-command.ts')).runCheck(config, flag('drafts'), io, jobs);
      case 'serve': {
        const port = Number(text('port'));
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DatelineError({ code: 'bad-port', file: '--port', message: `"${text('port')}" is not a port number` });
        const { startServe } = await import('./serve-command.ts');
        const serving = await startServe(config, { port, host: text('host') ?? '127.0.0.1', loadConfig: load, configFile }, io);
        io.out(`Serving ${config.output} at ${serving.url} — watching ${config.input}, the templates, ${configFile} and ${helpers}. Press Ctrl+C to stop.`);
        await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
        await serving.stop();
        return 0;
      }
      case 'new': {
        const { runNew, localToday } = await import('./new-command.ts');
        const date = text('date');
        const from = parsed.positionals[0];
        return await runNew(config, { ...(date === undefined ? {} : { date }), ...(from === undefined ? {} : { from }), today: localToday(), readStdin }, io);
      }
    }
  } catch (error) {
    if (error instanceof DatelineError) for (const line of formatProblems(error.problems)) io.err(line);
    io.err(error instanceof DatelineError ? formatProblem(error.problem) : `dateline ${command}: ${(error as Error).message}`);
    // DATELINE_DEBUG=1 shows where an unexpected failure happened.
    if (process.env.DATELINE_DEBUG && !(error instanceof DatelineError)) io.err(String((error as Error).stack));
    return 1;
  }
}

/** `--jobs N`: worker threads, a whole number from 1 (absent: one per core). */
function jobsOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new DatelineError({ code: 'bad-jobs', file: '--jobs', message: `"${value}" is not a number of worker threads (a whole number from 1)` });
  return jobs;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
