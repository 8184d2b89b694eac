// Configuration for `npx vscode-test` (@vscode/test-cli), an alternative way to run the
// extension-host suite in a downloaded VS Code desktop. CI uses test/harness/run-integration.mjs.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  files: 'out/test/integration/suite/**/*.test.js',
  version: '1.96.4',
  mocha: { ui: 'bdd', timeout: 60000 },
});
