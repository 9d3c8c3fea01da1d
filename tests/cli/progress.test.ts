import { afterEach, describe, expect, it, vi } from 'vitest';
import { terminalProgress } from '../../src/cli/progress.ts';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream, written };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('terminalProgress', () => {
  it('draws a bar on a terminal once the build has run for a second, and clears it at the end', () => {
    vi.useFakeTimers();
    vi.stubEnv('CI', '');
    const { stream, written } = fakeStream(true);
    const bar = terminalProgress(stream);
    bar.progress('writing', 10, 100);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(1500);
    bar.progress('writing', 50, 100);
    expect(written.at(-1)).toBe('\r\x1b[2K[############------------] writing 50/100');
    bar.done();
    expect(written.at(-1)).toBe('\r\x1b[2K');
  });

  it('stays silent when output is not a terminal, or on CI', () => {
    vi.useFakeTimers();
    const pipe = fakeStream(false);
    const onPipe = terminalProgress(pipe.stream);
    vi.advanceTimersByTime(1500);
    onPipe.progress('writing', 1, 2);
    onPipe.done();
    expect(pipe.written).toEqual([]);
    vi.stubEnv('CI', 'true');
    const ci = fakeStream(true);
    terminalProgress(ci.stream).progress('writing', 1, 2);
    expect(ci.written).toEqual([]);
  });
});
