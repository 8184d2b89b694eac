// Entry point of the .vsix check: runs with the probe as the development extension while kpr
// itself comes from the installed .vsix in the extensions folder.
import { runMochaSuite } from '../mocha-entry';

export function run(): Promise<void> {
  return runMochaSuite(__dirname);
}
