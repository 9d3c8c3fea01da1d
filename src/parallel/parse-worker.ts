import { markdownRecord } from '../records/markdown-record.ts';
import { readAndParseHere, type ReadResult, type ReadTask } from '../records/parse-sources.ts';
import { textRecord } from '../records/text-record.ts';

/**
 * A worker thread's task: read and parse a batch of article files (see `readAndParse`). The
 * parsers are imported here, not on first use: a worker always needs them, and a worker run from
 * the TypeScript sources loads modules through tsx, which does not see dynamic imports there.
 */
export default function parseBatch(task: ReadTask): Promise<ReadResult[]> {
  return readAndParseHere(task, { text: textRecord, markdown: markdownRecord });
}
