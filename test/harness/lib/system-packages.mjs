// The Debian packages the harness needs: Chromium for Playwright, ripgrep in place of
// @vscode/ripgrep's download, kerberos headers and a toolchain for code-server's native modules.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { log } from './log.mjs';

const REQUIRED = [
  { pkg: 'chromium', probe: '/usr/bin/chromium' },
  { pkg: 'ripgrep', probe: '/usr/bin/rg' },
  { pkg: 'libkrb5-dev', probe: '/usr/include/krb5.h' },
  { pkg: 'g++', probe: '/usr/bin/g++' },
  { pkg: 'make', probe: '/usr/bin/make' },
  { pkg: 'python3', probe: '/usr/bin/python3' },
];

export function missingSystemPackages() {
  return REQUIRED.filter((r) => !existsSync(r.probe)).map((r) => r.pkg);
}

/** Installs what is missing with apt-get when root; otherwise stops with one message naming it. */
export function ensureSystemPackages() {
  const missing = missingSystemPackages();
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`kpr test harness: missing Debian packages, install them as root: apt-get install -y ${missing.join(' ')}`);
    process.exit(3);
  }
  log('apt', `installing ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (r.status !== 0) {
      console.error(`kpr test harness: apt-get ${args[0]} failed (exit ${r.status}); needed: ${missing.join(' ')}`);
      process.exit(3);
    }
  }
  const still = missingSystemPackages();
  if (still.length) {
    console.error(`kpr test harness: still missing after apt-get: ${still.join(' ')}`);
    process.exit(3);
  }
}
