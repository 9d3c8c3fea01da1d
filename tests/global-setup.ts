import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findNeeds } from './helpers/requires.ts';

/**
 * The CLI tests run the real `dateline` command, which runs the compiled bundle: compile the
 * sources first. Then look once for what some tests need (the Reuters corpus, Java, Chromium),
 * so that each test file does not start Java and Chromium again to find out.
 */
export default async function setup(project: TestProject): Promise<void> {
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../scripts/compile.mjs')], { stdio: 'inherit' });
  project.provide('needs', await findNeeds());
}
