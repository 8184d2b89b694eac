// Runs the grammar assertion tests in test/grammar/cases/ with vscode-tmgrammar-test.
// source.c must be VS Code's own C grammar (the one the editor resolves the embedding to), taken
// from the code-server build the test harness installs; it is not copied into the repository.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CODE_SERVER_VERSION = '4.96.4';
const cGrammar = join(
  root,
  '.vscode-test',
  `code-server-${CODE_SERVER_VERSION}`,
  'node_modules/code-server/lib/vscode/extensions/cpp/syntaxes/c.tmLanguage.json',
);
const ourGrammar = join(root, 'syntaxes', 'kernel-patch.tmLanguage.json');

function fail(message) {
  console.error(`test/grammar/run.mjs: ${message}`);
  process.exit(2);
}

if (!existsSync(cGrammar)) {
  fail(
    `VS Code's C grammar is missing: ${cGrammar}\n` +
      `It comes with code-server ${CODE_SERVER_VERSION}, which the test harness installs under .vscode-test/; install it first.`,
  );
}
let scopeName;
try {
  scopeName = JSON.parse(readFileSync(cGrammar, 'utf8')).scopeName;
} catch (error) {
  fail(`cannot read ${cGrammar}: ${error.message}`);
}
if (scopeName !== 'source.c') fail(`${cGrammar} has scopeName ${scopeName}, expected source.c`);

const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');
const cases = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['test/grammar/cases/*.test.mail'];
const args = [cli, '-g', relative(root, ourGrammar), '-g', cGrammar, ...cases];
// A grammar regex gone quadratic shows up as a run that never ends: fail it instead.
const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', timeout: 120_000 });
if (result.error) fail(result.error.message);
process.exit(result.status ?? 1);
