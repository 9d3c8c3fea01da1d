#!/usr/bin/env -S node --max-old-space-size=12288
// The heap limit is raised from Node's default (about 4 GB) so archives of 100,000 articles build.
// Runs Dateline's TypeScript sources directly through tsx (Node 20 cannot strip types itself).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
