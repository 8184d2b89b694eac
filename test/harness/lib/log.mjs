// Harness log lines: prefixed, timestamped relative to start, on stderr so test output stays clean.
const t0 = Date.now();
export function log(scope, ...parts) {
  const seconds = ((Date.now() - t0) / 1000).toFixed(1).padStart(6);
  console.error(`[${scope} ${seconds}s]`, ...parts);
}
