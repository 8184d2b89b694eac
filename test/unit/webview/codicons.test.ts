import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The build keeps only the icon rules listed in scripts/panel-codicons.json (scripts/build.mjs):
// an icon the panel shows but the list lacks would be drawn as an empty box.
const root = join(__dirname, '..', '..', '..', '..');
const listed = new Set(JSON.parse(readFileSync(join(root, 'scripts', 'panel-codicons.json'), 'utf8')) as string[]);
const sources = [
  join(root, 'media', 'debugger.html'),
  ...readdirSync(join(root, 'src', 'webview')).filter((f) => f.endsWith('.ts')).map((f) => join(root, 'src', 'webview', f)),
].map((path) => ({ path, text: readFileSync(path, 'utf8') }));

test('every codicon the panel names is in the list the build keeps', () => {
  const used = new Set<string>();
  for (const { text } of sources) {
    for (const m of text.matchAll(/\bicon\('([a-z0-9-]+)'\)|\bicon="([a-z0-9-]+)"|\bcodicon-([a-z0-9-]+)/g)) {
      const name = m[1] ?? m[2] ?? m[3];
      if (name !== 'stylesheet') used.add(name); // the <link id="vscode-codicon-stylesheet">
    }
    // A class chosen between two icons: `codicon-${cond ? 'a' : 'b'}`.
    for (const m of text.matchAll(/codicon-\$\{[^}]*\?\s*'([a-z0-9-]+)'\s*:\s*'([a-z0-9-]+)'\s*\}/g)) used.add(m[1]).add(m[2]);
  }
  assert.ok(used.size >= 10, `only ${used.size} icons found: the scan no longer reads the sources`);
  assert.deepEqual([...used].filter((name) => !listed.has(name)), []);
});

test('icons are named by literals the scan can read', () => {
  for (const { path, text } of sources) {
    for (const m of text.matchAll(/\bicon\(([^)]*)\)/g)) {
      if (m[1].startsWith('name: string')) continue; // dom.ts's definition
      assert.match(m[1], /^'[a-z0-9-]+'$/, `${path}: icon(${m[1]})`);
    }
    if (path.endsWith('dom.ts')) continue; // icon(name) itself
    for (const m of text.matchAll(/codicon-\$\{([^}]*)\}/g)) {
      assert.match(m[1], /\?\s*'[a-z0-9-]+'\s*:\s*'[a-z0-9-]+'\s*$/, `${path} builds a codicon class from a variable: ${m[0]}`);
    }
  }
});
