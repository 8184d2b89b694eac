import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../../src/cli/run';
import { formatOutcome } from '../../../src/kernel/outcome';
import { simulate } from '../../../src/kernel/run';
import { parseScenario } from '../../../src/kernel/scenario-input';
import { captureIo } from '../support/capture-io';
import { specExamples } from './support/fixtures';

const examples = specExamples();

test('the spec examples are all present as fixtures', () => {
  assert.equal(examples.length, 12);
});

for (const example of examples) {
  test(`${example.name}: the model prints the spec's outcome byte for byte`, () => {
    const checked = parseScenario(example.scenarioText);
    assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.errors));
    const run = simulate(checked.scenario);
    assert.ok(run.ok);
    assert.equal(formatOutcome(run.outcome), example.outcomeText);
  });

  test(`${example.name}: kpr simulate FILE prints the outcome and exits 0`, async () => {
    const io = captureIo();
    assert.equal(await runCli(['simulate', example.scenarioPath], io), 0);
    assert.equal(io.stdout, example.outcomeText);
    assert.equal(io.stderr, '');
  });
}

test('kpr simulate - reads the scenario from standard input', async () => {
  const example = examples[0];
  const io = captureIo({ '-': example.scenarioText });
  assert.equal(await runCli(['simulate', '-'], io), 0);
  assert.equal(io.stdout, example.outcomeText);
});
