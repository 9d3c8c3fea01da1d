// Runs the command line from the TypeScript sources (`npm run dateline:dev -- build`), for
// development; the `dateline` command runs the compiled bundle in lib/.
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
