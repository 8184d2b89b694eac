// Bundles the extension host entry and the CLI with esbuild. Type checking is tsc's job
// (`npm run typecheck`); esbuild only strips types, so a bundle never waits on the checker.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {esbuild.BuildOptions[]} */
const targets = [
  {
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    // The exploration runs in a worker thread of the extension host (see src/vscode/findings.ts).
    entryPoints: ['src/explore/worker-main.ts'],
    outfile: 'dist/explore-worker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    // The kpr debug adapter over stdio, for DAP clients other than VS Code (which runs it inline).
    entryPoints: ['src/debug-adapter/main.ts'],
    outfile: 'dist/debug-adapter.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    // `kpr`: the entry holds the dispatcher and `kpr parse`; the model's commands are a bundle of
    // their own, required from dist/ when one of them is used, so a parse compiles none of them.
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [requireBeside(/\/model-commands$/, './cli-model.js')],
  },
  {
    entryPoints: ['src/cli/commands/model-commands.ts'],
    outfile: 'dist/cli-model.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
];

/** Leaves the imports matching `filter` out of a bundle, as a require of `file` beside it in dist/. */
function requireBeside(filter, file) {
  return { name: 'require-beside', setup: (build) => build.onResolve({ filter }, () => ({ path: file, external: true })) };
}
// The webview script is bundled for the browser once it exists.
if (existsSync('src/webview/main.ts')) {
  targets.push({
    // Two scripts: the panel (webview.js) and the form's custom elements (webview-form.js), which
    // the panel loads after its first paint (src/webview/load-form-elements.ts).
    entryPoints: { webview: 'src/webview/main.ts', 'webview-form': 'src/webview/form-elements.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    // Half the bytes for the panel to parse before its first paint (`npm run bench`).
    minify: true,
  });
}

// The debugger panel loads the codicon font from dist/ (its localResourceRoots: media/ and dist/).
mkdirSync('dist/codicons', { recursive: true });
copyFileSync('node_modules/@vscode/codicons/dist/codicon.ttf', 'dist/codicons/codicon.ttf');
writeFileSync('dist/codicons/codicon.css', codiconSubset(readFileSync('node_modules/@vscode/codicons/dist/codicon.css', 'utf8'), JSON.parse(readFileSync('scripts/panel-codicons.json', 'utf8'))));

/**
 * codicon.css with the font face and base rules, and of its ~650 icon rules only those the panel
 * uses (scripts/panel-codicons.json, checked against the webview's sources by a unit test): the
 * page and each button's shadow root (vscode-elements links the same sheet there) parse and match
 * 15 rules instead of 650 before the first paint (`npm run bench`).
 */
function codiconSubset(css, names) {
  const iconRule = /^\.codicon-([a-z0-9-]+):before \{ content: [^}]*\}$/gm;
  const first = css.search(iconRule);
  if (first < 0) throw new Error('codicon.css: no icon rules found (its format changed?)');
  const rules = new Map([...css.matchAll(iconRule)].map((m) => [m[1], m[0]]));
  const missing = names.filter((name) => !rules.has(name));
  if (missing.length > 0) throw new Error(`codicon.css has no icon ${missing.join(', ')} (scripts/panel-codicons.json)`);
  return `${css.slice(0, first)}${names.map((name) => rules.get(name)).join('\n')}\n`;
}

// The C front end's tree-sitter runtime and grammar, found beside the bundles (src/c/parser.ts).
copyFileSync('node_modules/web-tree-sitter/tree-sitter.wasm', 'dist/tree-sitter.wasm');
copyFileSync('node_modules/tree-sitter-c/tree-sitter-c.wasm', 'dist/tree-sitter-c.wasm');

for (const options of targets) {
  const full = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', ...options };
  if (watch) {
    const ctx = await esbuild.context(full);
    await ctx.watch();
  } else {
    await esbuild.build(full);
  }
}
