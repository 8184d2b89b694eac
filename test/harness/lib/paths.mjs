// Where the harness keeps what it installs and what it produces. Everything lives inside the
// project (git-ignored), the way @vscode/test-electron keeps its download in .vscode-test/.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const CODE_SERVER_VERSION = '4.96.4';
/** The VS Code version that code-server 4.96.4 embeds. */
export const VSCODE_VERSION = '1.96.4';
export const cacheRoot = join(projectRoot, '.vscode-test');
export const codeServerHome = join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerBin = join(codeServerHome, 'node_modules', '.bin', 'code-server');
export const vscodeDir = join(codeServerHome, 'node_modules', 'code-server', 'lib', 'vscode');
export const installedMarker = join(codeServerHome, '.kpr-installed');
export const resultsDir = join(projectRoot, 'test-results');
