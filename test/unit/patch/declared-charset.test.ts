// The charsets a document's mails declare: what an 8bit body's bytes must be read in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { declaredCharsets } from '../../../src/patch/declared-charset';
import { parsePatchDocument } from '../../../src/patch/parse';

test('a Content-Type charset is found, quoted or not, folded onto the next line or not, lower-cased', () => {
  assert.deepEqual(declaredCharsets('Subject: x\nContent-Type: text/plain; charset=ISO-8859-1\n\nbody'), ['iso-8859-1']);
  assert.deepEqual(declaredCharsets('Content-Type: text/plain;\n\tcharset="windows-1252"\n'), ['windows-1252']);
  assert.deepEqual(declaredCharsets('content-type: text/plain; format=flowed; charset=koi8-r\n'), ['koi8-r']);
});

test('UTF-8 and ASCII are not listed, each other charset once, in order; a charset in the body text is not a header', () => {
  const text = 'Content-Type: text/plain; charset=utf-8\n\n'
    + 'Content-Type: text/plain; charset=us-ascii\n'
    + 'Content-Type: text/x-patch; charset=iso-8859-15\n'
    + 'Content-Type: text/plain; charset="iso-8859-15"\n'
    + 'Content-Type: text/plain; charset=iso-8859-2\n'
    + '  the charset=big5 of a quoted line\n'
    + '> Content-Type: text/plain; charset=shift_jis\n';
  assert.deepEqual(declaredCharsets(text), ['iso-8859-15', 'iso-8859-2']);
});

test('bytes read as UTF-8 against the mail\'s charset: the invalid-encoding error says which charset to read them in', () => {
  const text = 'From: a <a@b>\nSubject: [PATCH] x\nContent-Type: text/plain; charset=iso-8859-1\n\nSigned-off-by: Ad\ufffdla <a@b>\n';
  const problem = parsePatchDocument(text).problems.find((p) => p.code === 'invalid-encoding');
  assert.match(problem?.message ?? '', /invalid UTF-8 .*; the mail declares charset iso-8859-1: read the file in that encoding \(in VS Code: Reopen with Encoding\)$/);
});

test('without a declared charset, or with one no decoder knows (git send-email\'s unknown-8bit), the invalid-encoding error names none', () => {
  for (const headers of ['', 'Content-Type: text/plain; charset=unknown-8bit\n']) {
    const problem = parsePatchDocument(`Subject: [PATCH] x\n${headers}\nSigned-off-by: Ad\ufffdla <a@b>\n`).problems.find((p) => p.code === 'invalid-encoding');
    assert.match(problem?.message ?? '', /shown as U\+FFFD\)$/, headers);
  }
});
