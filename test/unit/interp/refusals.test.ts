// What the interpreter refuses, before anything runs: one problem per cause, at the patch's
// document line and column, for the variant that contains it only.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadCParser } from '../../../src/c';
import { refusedProblems } from '../../../src/interp';
import { programsFor } from '../../../src/interp/programs';
import { parsePatchDocument } from '../../../src/patch/parse';
import { compile, editSample, editsDir, readText, samplePath } from './support/programs';

test('the sample has no problem in either variant', async () => {
  // Compiled as written, although the sample itself runs as the model.
  for (const variant of ['baseline', 'patched'] as const) {
    const result = await compile(readText(samplePath), variant);
    assert.deepEqual(result.ok ? [] : result.problems, [], variant);
  }
});

test('an unknown function is a problem of the patched variant only, at its document position', async () => {
  const problems = refusedProblems(programsFor(parsePatchDocument(readText(join(editsDir, 'unknown-call.patch.txt'))), await loadCParser()));
  assert.equal(problems.length, 1);
  assert.equal(problems[0].variant, 'patched');
  assert.equal(problems[0].line + 1, 186);
  assert.equal(problems[0].column, 7);
  assert.match(problems[0].message, /set_predefined_pid_v2/);
});

test('an unknown identifier, a syntax error and an unsupported statement are refused where they are', async () => {
  const cases: [string, string, RegExp][] = [
    ['+ return -EBUSY;', '+ return -EWHATEVER;', /unknown identifier EWHATEVER/],
    ['+ if (rc < 0) {', '+ if (rc < 0 +) {', /syntax error/],
    ['+ atomic_dec(&map->nr_free);', '+ switch (offset) { default: break; }', /unsupported statement \(switch statement\)/],
  ];
  for (const [from, to, message] of cases) {
    const text = editSample([[from, to]]);
    const result = await compile(text, 'patched');
    assert.equal(result.ok, false, to);
    if (result.ok) continue;
    const line = text.split('\n').findIndex((l) => l === to);
    assert.ok(result.problems.some((p) => p.line === line && message.test(p.message)), `${to}: ${JSON.stringify(result.problems)}`);
    assert.ok((await compile(text, 'baseline')).ok, `${to}: the baseline still compiles`);
  }
});
