// Every command awaits its writes: with a reader that takes one chunk at a time, at most one
// chunk is ever in flight, and chunks stay small however large the output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runCli } from '../../../src/cli/run';
import { InputTooLarge, type CliIo } from '../../../src/cli/command';
import { SAMPLE_PATH } from '../mapping/sample';

/** A slow reader: each write settles on a later turn; it records overlaps and the largest chunk. */
function slowReaderIo(inputs: Record<string, string>) {
  const seen = { inFlight: 0, maxInFlight: 0, largest: 0, text: '', stderr: '' };
  const io: CliIo = {
    out(text) {
      seen.inFlight++;
      seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
      seen.largest = Math.max(seen.largest, text.length);
      seen.text += text;
      return new Promise<void>((resolve) => setImmediate(() => {
        seen.inFlight--;
        resolve();
      }));
    },
    err(text) { seen.stderr += text; },
    async readInput(path, maxBytes) {
      const text = inputs[path] ?? readFileSync(path, 'utf8');
      if (Buffer.byteLength(text) > maxBytes) throw new InputTooLarge(maxBytes);
      return { text };
    },
  };
  return { io, seen };
}

const CHUNK_LIMIT = 2 * (1 << 16);

for (const [name, args, inputs] of [
  ['simulate', ['simulate', '-'], { '-': JSON.stringify({ variant: 'patched', ops: [{ op: 'fork', repeat: 50000 }] }) }],
  ['parse --json', ['parse', SAMPLE_PATH, '--json'], {}],
  ['map --json', ['map', SAMPLE_PATH, '--json'], {}],
  ['trace', ['trace', SAMPLE_PATH, '--scenario', '-'], { '-': JSON.stringify({ variant: 'patched', ops: [{ op: 'fork', repeat: 100 }] }) }],
] as const) {
  test(`kpr ${name} waits for each write before the next, in chunks of at most 128 KB`, async () => {
    const { io, seen } = slowReaderIo(inputs);
    assert.equal(await runCli(args, io), 0, seen.stderr);
    assert.equal(seen.maxInFlight, 1);
    assert.ok(seen.largest <= CHUNK_LIMIT, String(seen.largest));
  });
}

test('kpr parse --json streams exactly what JSON.stringify(…) prints, on one line', async () => {
  const { io, seen } = slowReaderIo({});
  assert.equal(await runCli(['parse', SAMPLE_PATH, '--json'], io), 0);
  assert.equal(seen.text, JSON.stringify(JSON.parse(seen.text)) + '\n');
});

test('kpr parse --json --pretty streams exactly what JSON.stringify(…, null, 2) prints', async () => {
  const { io, seen } = slowReaderIo({});
  assert.equal(await runCli(['parse', SAMPLE_PATH, '--json', '--pretty'], io), 0);
  assert.equal(seen.text, JSON.stringify(JSON.parse(seen.text), null, 2) + '\n');
});
