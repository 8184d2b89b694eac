// A suite that must fail: the harness runs it to prove that a failing extension-host test
// makes `npm test` fail (its exit code comes back through codeAutomationExit, not the server log).
import { runMochaSuite } from '../mocha-entry';

export function run(): Promise<void> {
  return runMochaSuite(__dirname);
}
