/**
 * One problem with the input, as the user sees it: `file:line: message (hint)`.
 * Plain and serialisable so it can travel with records and into the summary.
 */
export interface Problem {
  /** Stable machine-readable name, e.g. `bad-date`. */
  code: string;
  severity: 'error' | 'warning';
  /** Path as the user typed it (relative to the working directory when possible). */
  file: string;
  /** 1-based line, when the problem sits on one. */
  line?: number;
  message: string;
  /** What to do about it. */
  hint?: string;
}

/** Thrown by the pure stages; caught at the per-file boundary and turned into a {@link Problem}. */
export class DatelineError extends Error {
  readonly problem: Problem;
  /** Problems found on the way, for the caller to list before this one (e.g. every skipped file). */
  readonly problems: readonly Problem[];

  constructor(problem: Omit<Problem, 'severity'> & { severity?: Problem['severity'] }, options?: { cause?: unknown; problems?: readonly Problem[] }) {
    super(formatProblem({ severity: 'error', ...problem }), options);
    this.name = 'DatelineError';
    this.problem = { severity: 'error', ...problem };
    this.problems = options?.problems ?? [];
  }
}

/** The one place a problem becomes text. */
export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const level = problem.severity === 'warning' ? 'warning: ' : '';
  const hint = problem.hint ? ` (${problem.hint})` : '';
  return `${where}: ${level}${problem.message}${hint}`;
}

/** Turns anything thrown while handling `file` into a problem that names it. */
export function toProblem(error: unknown, file: string): Problem {
  if (error instanceof DatelineError) return error.problem;
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return {
      code: 'too-deep',
      severity: 'error',
      file,
      message: 'the text is nested too deeply to process',
      hint: 'flatten deeply nested quotes or lists',
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'unexpected', severity: 'error', file, message: `could not be processed: ${message}` };
}
