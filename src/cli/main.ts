import { parseArgs } from 'node:util';
import { CONFIG_FILE, loadConfig } from '../config/load.ts';
import type { SiteConfig } from '../config/schema.ts';
import { DatelineError, formatProblem } from '../errors.ts';
import { formatProblems } from './report.ts';
import { BUILD_HELP, CHECK_HELP, MAIN_HELP } from './help.ts';

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
    // Commands load their own modules, so a build that finds nothing to do starts quickly.
    if (command === 'build') return await (await import('./build-command.ts')).runBuild(config, values, io);
    return await (await import('./check-command.ts')).runCheck(config, values.drafts, io);
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
