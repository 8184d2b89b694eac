// writeJson walks the outer levels of a value and stringifies the rest whole: what it writes,
// compact or pretty, must be byte for byte JSON.stringify's, whatever the value holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CliIo } from '../../../src/cli/command';
import { writeJson } from '../../../src/cli/json-stream';

async function written(value: unknown, pretty: boolean): Promise<{ text: string; chunks: number }> {
  let text = '';
  let chunks = 0;
  const io: CliIo = {
    out(piece) {
      text += piece;
      chunks++;
    },
    err() {},
    readInput: () => Promise.reject(new Error('no input')),
  };
  await writeJson(io, value, { pretty });
  return { text, chunks };
}

/** Deeper than the walked levels, with the values JSON.stringify drops or turns into null. */
const awkward = {
  a: [1, undefined, () => 1, Symbol('s'), null, 'x"\n'],
  b: undefined,
  c: () => 2,
  d: { toJSON: () => ({ made: true }) },
  deep: { l1: { l2: { l3: { l4: { l5: { l6: [{ l7: 'end' }] } } } } } },
  empty: { o: {}, a: [] },
};

/** Enough hunk-like rows to take many chunks. */
const large = { mails: [{ files: Array.from({ length: 40 }, (_, f) => ({ hunks: Array.from({ length: 200 }, (__, h) => ({ f, h, lines: [['+\tx = 1;', 7]] })) })) }] };

for (const [name, value] of [['awkward values', awkward], ['a value of many chunks', large], ['a bare string', 'text'], ['null', null]] as const) {
  test(`writeJson compact writes JSON.stringify's text: ${name}`, async () => {
    assert.equal((await written(value, false)).text, JSON.stringify(value) + '\n');
  });
  test(`writeJson pretty writes JSON.stringify(…, null, 2)'s text: ${name}`, async () => {
    assert.equal((await written(value, true)).text, JSON.stringify(value, null, 2) + '\n');
  });
}

test('writeJson compact writes a large value in several chunks, not one', async () => {
  const { text, chunks } = await written(large, false);
  assert.ok(chunks >= Math.floor(text.length / (1 << 16)), `${chunks} chunks for ${text.length} characters`);
});
