// Installs code-server 4.96.4 (VS Code 1.96.4's server, web workbench and Node extension host)
// from the npm registry into .vscode-test/, on first use, without any download from outside the
// registry: its own postinstall would fetch a git dependency and prebuilt binaries, which fail
// offline, so the steps it would take are done here by hand.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_SERVER_VERSION, codeServerBin, codeServerHome, installedMarker, vscodeDir } from './paths.mjs';
import { ensureSystemPackages } from './system-packages.mjs';
import { log } from './log.mjs';

// The one git dependency of lib/vscode; the npm tarball of the same version has the same integrity hash.
const PROXY_AGENT_GIT = 'git+ssh://git@github.com/microsoft/vscode-proxy-agent.git#0803e0a7d1249bcb64ae9d256d0ee732b7246ea5';
const PROXY_AGENT_NPM = 'https://registry.npmjs.org/@vscode/proxy-agent/-/proxy-agent-0.27.0.tgz';
const NATIVE_MODULES = ['@parcel/watcher', '@vscode/deviceid', '@vscode/spdlog', 'kerberos', 'native-watchdog', 'node-pty'];

function run(cwd, cmd, args, extraEnv = {}) {
  const started = Date.now();
  const env = {
    ...process.env,
    npm_config_nodedir: '/usr', // build native addons against Debian's Node headers, no header download
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    ...extraEnv,
  };
  const r = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed with exit ${r.status}:\n${(r.stderr || '').slice(-4000)}`);
  }
  log('install', `${cmd} ${args.join(' ')} — ${((Date.now() - started) / 1000).toFixed(0)}s`);
}

export function isCodeServerInstalled() {
  return existsSync(installedMarker) && readFileSync(installedMarker, 'utf8').trim() === CODE_SERVER_VERSION && existsSync(codeServerBin);
}

export function ensureCodeServer() {
  ensureSystemPackages();
  if (isCodeServerInstalled()) return;
  log('install', `installing code-server ${CODE_SERVER_VERSION} into ${codeServerHome} (first use, ~3 min)`);
  rmSync(codeServerHome, { recursive: true, force: true });
  mkdirSync(codeServerHome, { recursive: true });
  writeFileSync(join(codeServerHome, 'package.json'), JSON.stringify({ name: 'kpr-code-server', private: true }) + '\n');

  run(codeServerHome, 'npm', ['install', '--ignore-scripts', '--no-save', `code-server@${CODE_SERVER_VERSION}`]);
  run(codeServerHome, 'npm', ['rebuild', 'argon2'], { npm_config_build_from_source: 'true' });

  const shrinkwrapPath = join(vscodeDir, 'npm-shrinkwrap.json');
  const shrinkwrap = readFileSync(shrinkwrapPath, 'utf8').split(PROXY_AGENT_GIT).join(PROXY_AGENT_NPM);
  if (shrinkwrap.includes('git+ssh')) throw new Error(`an unexpected git dependency remains in ${shrinkwrapPath}`);
  writeFileSync(shrinkwrapPath, shrinkwrap);
  run(vscodeDir, 'npm', ['install', '--omit=dev', '--ignore-scripts']);
  run(vscodeDir, 'npm', ['rebuild', ...NATIVE_MODULES]);

  // What code-server's postinstall would have done (Linux branch), with Debian's ripgrep.
  const rgDir = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  copyFileSync('/usr/bin/rg', join(rgDir, 'rg'));
  chmodSync(join(rgDir, 'rg'), 0o755);
  symlinkForce('node_modules', join(vscodeDir, 'node_modules.asar'));
  symlinkForce('code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  symlinkForce('browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  run(join(vscodeDir, 'extensions'), 'npm', ['install', '--omit=dev']);

  const version = spawnSync(codeServerBin, ['--version'], {
    encoding: 'utf8',
    env: { ...process.env, HOME: join(codeServerHome, 'home'), XDG_CONFIG_HOME: join(codeServerHome, 'home', '.config'), XDG_DATA_HOME: join(codeServerHome, 'home', '.local', 'share') },
  });
  if (version.status !== 0 || !version.stdout.includes(CODE_SERVER_VERSION)) {
    throw new Error(`code-server --version did not report ${CODE_SERVER_VERSION}: ${version.stdout}${version.stderr}`);
  }
  writeFileSync(installedMarker, CODE_SERVER_VERSION + '\n');
  log('install', `code-server ready: ${version.stdout.trim().split('\n').pop()}`);
}

function symlinkForce(target, path) {
  rmSync(path, { force: true });
  symlinkSync(target, path);
}

// `node test/harness/lib/install-code-server.mjs` installs without running anything.
if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    ensureCodeServer();
  } catch (error) {
    console.error(`kpr test harness: ${error.message}`);
    process.exit(1);
  }
}
