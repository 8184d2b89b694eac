// The same extension-host suite through @vscode/test-electron, for desktops that can download
// VS Code (it cannot be downloaded on the CI machines, which use code-server instead).
//   KPR_VSCODE_RUNNER=electron npm run test:integration
//   KPR_VSCODE_VERSION=stable|1.96.4 (default 1.96.4, the lowest engines.vscode we test)
import { runTests } from '@vscode/test-electron';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './lib/paths.mjs';

export async function runWithTestElectron() {
  const version = process.env.KPR_VSCODE_VERSION || '1.96.4';
  const workspace = mkdtempSync(join(tmpdir(), 'kpr-electron-'));
  const userData = mkdtempSync(join(tmpdir(), 'kpr-electron-user-'));
  try {
    await runTests({
      version,
      // KPR_TEST_LOGS_DIR: where the suite finds its extension host's log (suite/host-log.ts).
      extensionTestsEnv: { KPR_EXPECT_VSCODE_VERSION: version === 'stable' ? '' : version, KPR_TEST_LOGS_DIR: join(userData, 'logs') },
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: join(projectRoot, 'out', 'test', 'integration', 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', userData],
    });
    return 0;
  } catch (error) {
    console.error(`test-electron run failed: ${error}`);
    return 1;
  }
}
