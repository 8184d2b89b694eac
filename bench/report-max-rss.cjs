// Preloaded (node --require) into a child the pipe bench runs: on exit, the child writes its own
// peak resident set size (KiB) to file descriptor 3, where the bench reads it.
process.on('exit', () => {
  require('node:fs').writeSync(3, String(process.resourceUsage().maxRSS));
});
