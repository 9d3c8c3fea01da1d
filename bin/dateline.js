#!/usr/bin/env -S node --max-old-space-size=12288 --max-semi-space-size=4
// The heap limit is raised from Node's default (about 4 GB) so archives of 100,000 articles build.
// The young generation is capped at 4 MB a semi-space (Node's default grows to 16 MB): an update
// touches less fresh memory, which made adding one article to the Reuters archive 8% faster
// (median of 7 paired runs, bench/run.ts) with no measurable change to a clean build.
// Runs the compiled bundle in lib/ (made by `npm run compile`, which `npm install` runs).
let main;
try {
  ({ main } = await import('../lib/dateline.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('lib/dateline.js')) throw error;
  process.stderr.write('dateline: the command is not compiled yet; run `npm run compile` (or `npm install`) in the Dateline folder first\n');
  process.exit(1);
}
process.exitCode = await main(process.argv.slice(2));
