// The spec's edited patches (test/fixtures/edits, copied from ../shared/spec/edits): each example
// scenario runs on the patch as written and prints the outcome the C code gives, byte for byte;
// the patch that calls an undefined function is refused with one PATH:LINE:COLUMN line.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runPatchScenario } from '../../../src/interp';
import { writeOutcome } from '../../../src/kernel/outcome';
import { editsDir, readText } from './support/programs';

const examples = readdirSync(editsDir).filter((f) => f.endsWith('.scenario.json')).sort();

test('there are spec examples to check', () => {
  assert.ok(examples.length >= 4);
});

for (const file of examples) {
  const name = file.replace(/\.scenario\.json$/, '');
  const patch = `${name.split('.')[0]}.patch.txt`;
  test(`simulate --patch ${patch} ${file} prints ${name}.outcome.json`, async () => {
    const result = await runPatchScenario(patch, readText(join(editsDir, patch)), readText(join(editsDir, file)));
    assert.ok(result.ok, result.ok ? '' : result.errors.join('\n'));
    let out = '';
    writeOutcome(result.outcome, (c) => (out += c));
    assert.equal(out, readText(join(editsDir, `${name}.outcome.json`)));
  });
}

test('a call to a function neither the patch nor the model defines is refused at its document line', async () => {
  const scenario = '{"variant":"patched","ops":[{"op":"set_next","value":500},{"op":"fork"}]}';
  const result = await runPatchScenario('unknown-call.patch.txt', readText(join(editsDir, 'unknown-call.patch.txt')), scenario);
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.equal(result.errors.length, 1);
  assert.match(result.errors[0], /^unknown-call\.patch\.txt:186:\d+: .*set_predefined_pid_v2/);
});

test('the refused variant is only the one that contains the problem: the baseline still runs', async () => {
  const scenario = '{"variant":"baseline","ops":[{"op":"fork"}]}';
  const result = await runPatchScenario('unknown-call.patch.txt', readText(join(editsDir, 'unknown-call.patch.txt')), scenario);
  assert.ok(result.ok);
  let out = '';
  writeOutcome(result.outcome, (c) => (out += c));
  assert.match(out, /"pids": \[1\]/);
});
