// Coverage and failure origins of the lines an edit added: the interpreter runs them with no model
// step, so exploration judges them by their own document lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exploreAsWritten } from '../../../src/explore';
import { parsePatchDocument } from '../../../src/patch/parse';

const edits = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'edits');

function fixture(name: string): { patch: ReturnType<typeof parsePatchDocument>; lineOf: (text: string) => number } {
  const text = readFileSync(join(edits, name), 'utf8');
  const lines = text.split(/\r?\n/);
  return {
    patch: parsePatchDocument(text),
    lineOf(wanted) {
      const i = lines.indexOf(wanted);
      if (i < 0 || lines.indexOf(wanted, i + 1) >= 0) throw new Error(`not exactly one line ${wanted} in ${name}`);
      return i;
    },
  };
}

test('an added line no scenario reaches is unreached; the added condition above it, which runs, is not', async () => {
  // set_predefined_pid() gains `if (next_nr < 0) return -EINVAL;` after alloc_fixed_pidmap()
  // accepted next_nr (it refuses anything below 300): the return cannot run.
  const { patch, lineOf } = fixture('dead-added.patch.txt');
  const report = await exploreAsWritten(patch);
  assert.equal(report.partial, false);
  assert.equal(report.ranAsWritten, true);
  const unreached = report.unreached.filter((u) => u.variant === 'patched').map((u) => u.line);
  const dead = lineOf('+        return -EINVAL;');
  assert.ok(unreached.includes(dead), `L${dead + 1} not in ${unreached.map((l) => l + 1).join(', ')}`);
  for (const reached of ['+    if (next_nr < 0)', '+    if (next_nr == 777)', '+    pid->numbers[i].ns = ns;']) {
    assert.ok(!unreached.includes(lineOf(reached)), reached);
  }
  const entry = report.unreached.find((u) => u.line === dead);
  assert.deepEqual(entry?.stepIds, []);
  assert.equal(entry?.reason, undefined);
});

test('a variant the interpreter refuses hides only its own coverage: the baseline\'s unreached lines are still reported', async () => {
  const report = await exploreAsWritten(fixture('unknown-call.patch.txt').patch);
  assert.equal(report.ranAsWritten, false);
  assert.ok(report.unreached.length > 0);
  assert.ok(report.unreached.every((u) => u.variant === 'baseline'));
});

test('an edited return is the origin of the error path it starts, on its own line, not the `if` above it', async () => {
  const { patch, lineOf } = fixture('ebusy-eexist.patch.txt');
  const report = await exploreAsWritten(patch);
  const paths = report.findings.flatMap((f) => f.paths).filter((p) => p.errno === 'EEXIST');
  assert.ok(paths.length > 0);
  const returnLine = lineOf('+ return -EEXIST;');
  for (const path of paths) {
    assert.equal(path.originLine, returnLine);
    assert.match(path.label, /^EEXIST from "return -EEXIST;" in alloc_fixed_pidmap\(\)/);
  }
});
