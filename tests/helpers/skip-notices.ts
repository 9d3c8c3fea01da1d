import type { Reporter, TestModule, Vitest } from 'vitest/node';

/**
 * One line per missing need at the end of a run, after vitest's summary, instead of a line per
 * skipped test: `skipped: 14 tests need Java 11+ for the W3C Nu HTML checker: … (apt-get …)`.
 */
export default class SkipNotices implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = new Map<string, number>();
    for (const module of testModules) {
      for (const test of module.children.allTests('skipped')) {
        const reason = test.meta().skippedFor;
        if (reason !== undefined) counts.set(reason, (counts.get(reason) ?? 0) + 1);
      }
    }
    for (const [reason, count] of counts) this.vitest?.logger.log(`skipped: ${count} ${count === 1 ? 'test needs' : 'tests need'} ${reason}`);
  }
}
