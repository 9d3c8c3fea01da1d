// Preloaded into a benchmarked process: reports its peak resident memory when it exits.
process.on('exit', () => {
  if (process.env.DATELINE_BENCH_RSS_FILE) {
    require('node:fs').writeFileSync(process.env.DATELINE_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
  }
});
