#!/usr/bin/env node
// Runs Dateline's TypeScript sources directly through tsx (Node 20 cannot strip types itself).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
