// Input bytes that are not UTF-8: an 8bit mail in the charset it declares is read in that charset
// (as git mailinfo reads it), and the command says so on standard error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeInput } from '../../../src/cli/input';
import { runCli } from '../../../src/cli/run';
import { captureIo } from '../support/capture-io';

const LATIN1_MAIL = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'patches', 'wild', 'latin1-8bit.eml');
const mail = (charsetHeaders: string, body: string): Buffer =>
  Buffer.concat([Buffer.from(`From: x <x@y>\nSubject: [PATCH] x\n${charsetHeaders}\n`), Buffer.from(body, 'latin1')]);

test('UTF-8 bytes are read as UTF-8, with nothing to say', () => {
  assert.deepEqual(decodeInput(Buffer.from('Subject: caf\u00e9\n', 'utf8')), { text: 'Subject: caf\u00e9\n' });
});

test('bytes that are not UTF-8 are read in the one charset the mail declares, and the note names it', () => {
  const read = decodeInput(mail('Content-Type: text/plain; charset=iso-8859-1\n', 'Signed-off-by: Ad\u00e9la <a@b>\n'));
  assert.match(read.text, /Signed-off-by: Ad\u00e9la/);
  assert.equal(read.note, 'not UTF-8: read as iso-8859-1, the charset its mail declares');
});

test('bytes that are not UTF-8 stay UTF-8 (U+FFFD, reported by the parser) when no charset, two charsets or an unknown one is declared', () => {
  for (const headers of ['', 'Content-Type: text/plain; charset=iso-8859-1\nContent-Type: text/plain; charset=koi8-r\n', 'Content-Type: text/plain; charset=x-no-such-charset\n']) {
    const read = decodeInput(mail(headers, 'Ad\u00e9la\n'));
    assert.equal(read.note, undefined, headers);
    assert.match(read.text, /Ad\ufffdla/, headers);
  }
});

test('kpr parse of an 8bit Latin-1 mail: the names read as written, no encoding problem, and a line on stderr saying how it was read', async () => {
  assert.equal(readFileSync(LATIN1_MAIL).includes(0xe9), true);
  const io = captureIo();
  const code = await runCli(['parse', LATIN1_MAIL], io);
  assert.equal(code, 0);
  assert.match(io.stdout, /from: Ad\u00e9la R\u00e9viewer <ada@example\.org>/);
  assert.match(io.stdout, /Signed-off-by: Ad\u00e9la R\u00e9viewer/);
  assert.match(io.stdout, /^Problems: 0$/m);
  assert.equal(io.stderr, `kpr parse: ${LATIN1_MAIL}: not UTF-8: read as iso-8859-1, the charset its mail declares\n`);
});
