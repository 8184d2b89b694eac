// The README's command-line examples are real runs: every ```text block that starts with
// `$ npx kpr …` is run through the CLI, and each line it shows (other than a `…` elision) must
// be a line of the real output, in the same order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/run';
import { captureIo } from '../support/capture-io';

const ROOT = join(__dirname, '..', '..', '..', '..');

interface Example {
  readonly args: string[];
  readonly shown: readonly string[];
}

function readmeExamples(): Example[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const examples: Example[] = [];
  for (const block of readme.matchAll(/^```text\n(\$ npx kpr [^\n]*)\n([\s\S]*?)^```$/gm)) {
    const args = block[1].slice('$ npx kpr '.length).trim().split(/\s+/);
    const shown = block[2].split('\n').filter((line) => line.trim() !== '' && line.trim() !== '…');
    examples.push({ args, shown });
  }
  return examples;
}

test('the README shows at least one kpr example', () => {
  assert.ok(readmeExamples().length > 0);
});

for (const example of readmeExamples()) {
  test(`README example: kpr ${example.args.join(' ')}`, async () => {
    const io = captureIo();
    const previous = process.cwd();
    process.chdir(ROOT);
    try {
      assert.equal(await runCli(example.args, io), 0, io.stderr);
    } finally {
      process.chdir(previous);
    }
    const lines = io.stdout.split('\n');
    let from = 0;
    for (const shown of example.shown) {
      const at = lines.indexOf(shown, from);
      assert.ok(at >= 0, `the README shows a line the real output does not have (in order):\n${shown}`);
      from = at + 1;
    }
  });
}
