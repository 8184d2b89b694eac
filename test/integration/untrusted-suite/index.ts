// Entry point of the Restricted Mode suite: the harness opens its workspace untrusted.
import { runMochaSuite } from '../mocha-entry';

export function run(): Promise<void> {
  return runMochaSuite(__dirname);
}
