// Packages kpr as a .vsix with vsce, exactly as `npm run package` does (same flags).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './paths.mjs';

/** The vsce arguments of the `package` script, so the harness packages what users get. */
function packageScriptArgs() {
  const script = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).scripts.package;
  const args = script.split(/\s+/).slice(1); // drop "vsce"
  const out = args.indexOf('-o');
  if (out >= 0) args.splice(out, 2);
  return args;
}

/** Writes the .vsix to outPath; throws with vsce's own message when packaging fails. */
export function packageVsix(outPath) {
  const r = spawnSync('npx', ['vsce', ...packageScriptArgs(), '-o', outPath], { cwd: projectRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vsce package failed: ${r.stderr || r.stdout}`);
  return outPath;
}
