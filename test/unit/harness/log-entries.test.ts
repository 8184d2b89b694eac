// The extension host log reader that the provider test and the harness judge runs by: it must
// see a provider's error (as VS Code 1.96 writes it) and must not see the deliberate sentinel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorEntries, kprErrorEntries } from '../../integration/log-entries';

const ROOT = '/work/kpr';
// As code-server 4.96.4's remote extension host wrote them (issue 17), paths shortened.
const providerFailure = [
  '2026-12-02 18:30:56.540 [error] [kpr.kernel-patch-review] provider FAILED',
  '2026-12-02 18:30:56.543 [error] Error: selectionRange must be contained in fullRange',
  `\tat fileSymbol (${ROOT}/dist/extension.js:1:2)`,
  '\tat file:///srv/code-server/out/vs/workbench/api/node/extensionHostProcess.js:138:157704',
].join('\n');
const sentinel = [
  '2026-12-02 18:31:56.540 [error] [kpr.kernel-patch-review] provider FAILED',
  '2026-12-02 18:31:56.543 [error] Error: kpr-log-sentinel-26868-1796236256491',
  `\tat Object.provideHover (${ROOT}/out/test/integration/suite/host-log.js:107:19)`,
].join('\n');
const quiet = [
  '2026-12-02 18:28:38.853 [warning] Illegal argument: TextEditor(vs.editor.ICodeEditor:1,$model1)',
  "2026-12-02 18:29:21.269 [info] ExtensionService#_doActivateExtension vscode.debug-server-ready, startup: false, activationEvent: 'onDebugResolve'",
].join('\n');

test('a provider that threw is two error entries, the second with its stack', () => {
  const errors = kprErrorEntries([quiet, providerFailure, quiet].join('\n'), ROOT);
  assert.equal(errors.length, 2);
  assert.match(errors[0].text, /provider FAILED/);
  assert.match(errors[1].text, /selectionRange must be contained in fullRange\n\tat fileSymbol/);
});

test('the sentinel error and its "provider FAILED" line are no errors', () => {
  assert.deepEqual(errorEntries([quiet, sentinel, quiet].join('\n')), []);
  assert.equal(errorEntries([sentinel, providerFailure].join('\n')).length, 2);
});

test('an error that names neither kpr nor its files is not kpr\'s', () => {
  const other = '2026-12-02 18:30:56.540 [error] [vscode.git] provider FAILED\n2026-12-02 18:30:56.543 [error] Error: git not found\n\tat /srv/git.js:1:1';
  assert.equal(errorEntries(other).length, 2);
  assert.deepEqual(kprErrorEntries(other, ROOT), []);
});

test('VS Code\'s own error naming only the code-server installed under the project root is not kpr\'s', () => {
  // A window closing with a request pending, as code-server logged it in the suite's first window.
  const canceled = [
    '2026-12-03 13:51:36.900 [error] Canceled: Canceled',
    `\tat Fc (file://${ROOT}/.vscode-test/code-server-4.96.4/node_modules/code-server/lib/vscode/out/vs/workbench/api/node/extensionHostProcess.js:7:1122)`,
    `\tat Py.dispose (file://${ROOT}/node_modules/some-package/index.js:32:116049)`,
  ].join('\n');
  assert.equal(errorEntries(canceled).length, 1);
  assert.deepEqual(kprErrorEntries(canceled, ROOT), []);
  // The same with a frame of kpr's own bundle is kpr's.
  assert.equal(kprErrorEntries(`${canceled}\n\tat activate (${ROOT}/dist/extension.js:1:2)`, ROOT).length, 1);
});
