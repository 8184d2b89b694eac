// Entry point loaded by the extension host (extensionTestsPath) for kpr's integration suite.
import { runMochaSuite } from '../mocha-entry';

export function run(): Promise<void> {
  return runMochaSuite(__dirname, { honourGrep: true });
}
