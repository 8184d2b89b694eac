// `npm run bench`, second half: the figures only a real VS Code can give. Starts code-server,
// runs bench/editor-host inside its extension host, prints what it reports, and stops.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCodeServer } from '../test/harness/lib/install-code-server.mjs';
import { makeState, startCodeServer } from '../test/harness/lib/server.mjs';
import { runExtensionTests } from '../test/harness/lib/extension-tests.mjs';
import { projectRoot } from '../test/harness/lib/paths.mjs';

ensureCodeServer();
const state = makeState('bench');
const server = await startCodeServer(state, { folder: state.workspace });
let figures = [];
try {
  const result = await runExtensionTests({
    base: server.base, folder: state.workspace, developmentPath: projectRoot,
    testsPath: join(projectRoot, 'out', 'bench', 'editor-host', 'index.js'), echo: false,
  });
  figures = result.output.filter((l) => l.startsWith('KPR-BENCH ')).map((l) => JSON.parse(l.slice('KPR-BENCH '.length)));
  if (result.exitCode !== 0 || figures.length === 0) {
    console.error(`editor bench failed (exit ${result.exitCode}):\n${result.output.join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  await server.stop();
  state.remove();
}
console.log('\n## editor (VS Code 1.96.4 extension host)');
for (const f of figures) {
  console.log(`${f.name.padEnd(56)} ${f.value.toFixed(1).padStart(12)} ${f.unit}  ratio ${f.ratio.toFixed(2)}  (reference ${f.reference.name}: ${f.reference.value.toFixed(1)})`);
}
const resultsDir = join(projectRoot, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const latest = join(resultsDir, 'latest.json');
let all = [];
try { all = JSON.parse(readFileSync(latest, 'utf8')); } catch { /* no node results yet */ }
all.push({ suite: 'editor', results: figures });
writeFileSync(latest, JSON.stringify(all, null, 2) + '\n');
