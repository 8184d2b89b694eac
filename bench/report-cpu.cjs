// Preloaded (node --require) into a child the parse bench runs: on exit, the child writes the CPU
// time it used (user + system, microseconds) to file descriptor 3, where the bench reads it.
process.on('exit', () => {
  const usage = process.resourceUsage();
  require('node:fs').writeSync(3, String(usage.userCPUTime + usage.systemCPUTime));
});
