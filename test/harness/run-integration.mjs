// `npm run test:integration`: kpr's extension-host suite inside a real VS Code 1.96.4
// (code-server), a self-test proving that a failing extension-host test fails the run, and the
// packaged .vsix installed with --install-extension and seen to activate.
//
// The server's and extension hosts' logs are kept in test-results/integration/logs*/ and their
// paths printed when a check fails; an error the suite's extension host logged from kpr fails the
// run even when every test passed (a provider that throws only shows there).
//
// KPR_VSCODE_RUNNER=electron runs the same suite with @vscode/test-electron instead, for desktops
// that can download VS Code (see run-electron.mjs).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCodeServer } from './lib/install-code-server.mjs';
import { makeState, startCodeServer, installExtension, UNTRUSTED_SETTINGS } from './lib/server.mjs';
import { keepLogs, kprErrors, logsDirOf, shown } from './lib/host-logs.mjs';
import { runExtensionTests } from './lib/extension-tests.mjs';
import { packageVsix } from './lib/vsix.mjs';
import { projectRoot, resultsDir } from './lib/paths.mjs';
import { log } from './lib/log.mjs';

if (process.env.KPR_VSCODE_RUNNER === 'electron') {
  const { runWithTestElectron } = await import('./run-electron.mjs');
  process.exit(await runWithTestElectron());
}

const outDir = join(resultsDir, 'integration');
mkdirSync(outDir, { recursive: true });
const compiled = (p) => join(projectRoot, 'out', 'test', 'integration', p);
const checks = [];
const evidence = [];

ensureCodeServer();

// 1 + 2: the suite, then the deliberately failing suite, on one server.
{
  const state = makeState('integration');
  // The suite reads its extension host's log (test/integration/suite/host-log.ts).
  const server = await startCodeServer(state, { folder: state.workspace, logFile: join(outDir, 'server.log'), extraEnv: { KPR_TEST_LOGS_DIR: logsDirOf(state) } });
  let hostLogFiles = [];
  try {
    log('integration', 'running the extension-host suite');
    const suite = await runExtensionTests({
      base: server.base, folder: state.workspace, developmentPath: projectRoot,
      testsPath: compiled('suite/index.js'), screenshot: join(outDir, 'suite.png'), browserLog: join(outDir, 'suite-browser.log'),
    });
    checks.push({ name: 'extension-host suite passes', ok: suite.exitCode === 0, detail: `exit ${suite.exitCode}` });

    log('integration', 'self-test: a failing extension-host suite must fail the run');
    const failing = await runExtensionTests({
      base: server.base, folder: state.workspace, developmentPath: projectRoot,
      testsPath: compiled('failing-suite/index.js'), browserLog: join(outDir, 'failing-suite-browser.log'), echo: false,
    });
    const sawFailure = failing.output.some((line) => line.includes('0 passed, 1 failed'));
    checks.push({ name: 'a failing extension-host test is reported as a failure', ok: failing.exitCode === 1 && sawFailure, detail: `exit ${failing.exitCode}` });
  } finally {
    await server.stop();
    // One extension host per window, in the order they opened: the suite's first, then the self-test's.
    hostLogFiles = keepLogs(state, join(outDir, 'logs'));
    state.remove();
  }
  const suiteLogs = hostLogFiles.slice(0, 1);
  const hostErrors = suiteLogs.flatMap((file) => kprErrors(file, projectRoot));
  for (const text of hostErrors) console.log(`the suite's extension host logged an error from kpr:\n  ${text.split('\n').join('\n  ')}`);
  checks.push({ name: 'the suite\'s extension host logged no error from kpr', ok: hostErrors.length === 0, detail: `${hostErrors.length} errors in ${suiteLogs.length} logs` });
  evidence.push(join(outDir, 'server.log'), ...hostLogFiles, join(outDir, 'suite.png'), join(outDir, 'suite-browser.log'));
}

// 3: a small suite in Restricted Mode (an untrusted workspace), on its own server. Skipped when
// KPR_TEST_GREP selects other tests.
if (!process.env.KPR_TEST_GREP || new RegExp(process.env.KPR_TEST_GREP).test('Restricted Mode')) {
  const state = makeState('untrusted', UNTRUSTED_SETTINGS);
  const server = await startCodeServer(state, { folder: state.workspace, logFile: join(outDir, 'untrusted-server.log'), workspaceTrust: true });
  try {
    log('integration', 'running the Restricted Mode suite in an untrusted workspace');
    const untrusted = await runExtensionTests({
      base: server.base, folder: state.workspace, developmentPath: projectRoot,
      testsPath: compiled('untrusted-suite/index.js'), browserLog: join(outDir, 'untrusted-browser.log'),
    });
    checks.push({ name: 'the Restricted Mode suite passes in an untrusted workspace', ok: untrusted.exitCode === 0, detail: `exit ${untrusted.exitCode}` });
  } finally {
    await server.stop();
    evidence.push(join(outDir, 'untrusted-server.log'), ...keepLogs(state, join(outDir, 'untrusted-logs')), join(outDir, 'untrusted-browser.log'));
    state.remove();
  }
}

// 4: the .vsix, packaged with vsce, installed with --install-extension, activates.
{
  const vsix = join(outDir, 'kernel-patch-review.vsix');
  {
    const state = makeState('vsix');
    try {
      packageVsix(vsix);
      installExtension(state, vsix);
      const server = await startCodeServer(state, { folder: state.workspace, logFile: join(outDir, 'vsix-server.log') });
      try {
        const probe = await runExtensionTests({
          base: server.base, folder: state.workspace, developmentPath: join(projectRoot, 'test', 'integration', 'vsix-probe'),
          testsPath: compiled('vsix-probe/index.js'), browserLog: join(outDir, 'vsix-browser.log'),
        });
        checks.push({ name: 'the .vsix installs into code-server and activates', ok: probe.exitCode === 0, detail: `exit ${probe.exitCode}` });
      } finally {
        await server.stop();
        evidence.push(join(outDir, 'vsix-server.log'), ...keepLogs(state, join(outDir, 'vsix-logs')), join(outDir, 'vsix-browser.log'));
      }
    } catch (error) {
      checks.push({ name: 'the .vsix installs into code-server and activates', ok: false, detail: String(error) });
    } finally {
      state.remove();
    }
  }
}

for (const c of checks) console.log(`${c.ok ? '✔' : '✖'} ${c.name} (${c.detail})`);
const failed = checks.filter((c) => !c.ok).length;
if (failed) {
  console.log('evidence:');
  for (const path of evidence) console.log(`  ${shown(path, projectRoot)}`);
}
console.log(`integration: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
