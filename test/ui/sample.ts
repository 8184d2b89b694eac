// The bundled sample as the UI tests' workspace holds it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The sample's file name, which is also its editor tab's title. */
export const SAMPLE = 'rfc-3-5-next-syscall-data-pids.txt';

/** 1-based line of the sample's first line starting with `prefix`. */
export function sampleLine(workspace: string, prefix: string): number {
  const lines = readFileSync(join(workspace, SAMPLE), 'utf8').split('\n');
  const index = lines.findIndex((l) => l.startsWith(prefix));
  if (index < 0) throw new Error(`no line starts with ${prefix}`);
  return index + 1;
}
