// The extension-tests entry contract shared by code-server's payload and @vscode/test-electron:
// a module exporting run(): Promise<void>. Runs every *.test.js beside the calling index and
// prints a closing "N passed, N failed" line that the harness and CI read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function runMochaSuite(directory: string, options: { honourGrep?: boolean } = {}): Promise<void> {
  // A test's time-out catches a hang; a loaded machine makes slow tests take half a minute.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120_000, reporter: 'spec' });
  const grep = process.env.KPR_TEST_GREP;
  if (grep && options.honourGrep) mocha.grep(grep);
  for (const file of fs.readdirSync(directory).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(directory, file));
  }
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passes = runner.stats?.passes ?? 0;
        console.log(`extension host (VS Code ${vscodeVersion()}): ${passes} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} extension-host tests failed`));
        else if (passes === 0) reject(new Error('no extension-host test ran'));
        else resolve();
      });
    } catch (error) {
      reject(error);
    }
  });
}

function vscodeVersion(): string {
  try {
    // Loaded lazily: this module is only ever run inside the extension host.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('vscode') as typeof import('vscode')).version;
  } catch {
    return 'unknown';
  }
}
