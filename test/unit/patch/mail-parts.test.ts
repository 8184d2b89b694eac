// Subject tags, trailers, sections, mbox splitting and the mail body's parts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSubject } from '../../../src/patch/subject';
import { functionFromSection } from '../../../src/patch/section';
import { parsePatchDocument } from '../../../src/patch/parse';
import { readFixture } from './support/fixtures';

test('[RFC PATCH v2 3/5] gives rfc, version 2, patch 3 of 5', () => {
  const { series } = parseSubject('[RFC PATCH v2 3/5] pid: predefine ids');
  assert.deepEqual(series, { rfc: true, version: 2, index: 3, total: 5, tags: ['PATCH'] });
});

test('reply prefixes and several bracket groups are read', () => {
  const { series, title } = parseSubject('Re: [RFC][PATCH net-next 03/12] net: x');
  assert.deepEqual([series.rfc, series.index, series.total, series.tags], [true, 3, 12, ['PATCH', 'net-next']]);
  assert.equal(title, 'net: x');
});

test('a version glued to PATCH is read', () => {
  assert.equal(parseSubject('[PATCHv3 1/2] x').series.version, 3);
});

test('a subject without tags has none', () => {
  assert.deepEqual(parseSubject('plain words').series, { rfc: false, version: undefined, index: undefined, total: undefined, tags: [] });
});

test('the function is the identifier before the first parenthesis, even when cut short', () => {
  assert.equal(functionFromSection('static int alloc_pidmap(struct pid_names'), 'alloc_pidmap');
  assert.equal(functionFromSection('static struct task_struct *copy_process('), 'copy_process');
});

test('a goto label, a struct and an empty section name no function', () => {
  assert.deepEqual([functionFromSection('out_free:'), functionFromSection('struct counter {'), functionFromSection('')], [undefined, undefined, undefined]);
});

test('SYSCALL_DEFINE sections name the system call', () => {
  assert.equal(functionFromSection('SYSCALL_DEFINE3(openat, int, dfd'), 'sys_openat');
});

test('an mbox is split into its three mails', () => {
  const patch = parsePatchDocument(readFixture('hand', 'three-mails.mbox'));
  assert.deepEqual(patch.mails.map((m) => m.messageId), ['<1@example.org>', '<2@example.org>', '<3@example.org>']);
});

test('mboxrd ">From" escapes are undone in the body and recorded', () => {
  const patch = parsePatchDocument(readFixture('hand', 'three-mails.mbox'));
  assert.match(patch.mails[0].message, /^From the start/);
  assert.ok(patch.repairs.some((r) => r.kind === 'mbox-from-escape'));
});

test('a "+>From" hunk line is patch content, not an escape', () => {
  const patch = parsePatchDocument(readFixture('hand', 'three-mails.mbox'));
  assert.equal(patch.mails[0].files[0].hunks[0].lines[1].text, '>From here on, see below.');
});

test('In-Reply-To and References are read', () => {
  const reply = parsePatchDocument(readFixture('hand', 'three-mails.mbox')).mails[1];
  assert.deepEqual([reply.inReplyTo, reply.references], ['<1@example.org>', ['<1@example.org>']]);
});

test('after a scissors line the in-body From and Subject are the patch\'s own', () => {
  const mail = parsePatchDocument(readFixture('hand', 'scissors.patch')).mails[0];
  assert.equal(mail.subject, '[PATCH] foo: handle an empty list');
  assert.match(mail.message, /^list_first_entry\(\) on an empty list/);
});

test('trailers are read with their keys as written', () => {
  const mail = parsePatchDocument(readFixture('git', 'single-01-counter-count-resets-and-start-from-zero.patch')).mails[0];
  assert.deepEqual(mail.trailers.map((t) => t.key), ['Signed-off-by', 'Reviewed-by', 'Fixes', 'Link']);
});

test('the commit message stops at the --- separator', () => {
  const mail = parsePatchDocument(readFixture('git', 'single-01-counter-count-resets-and-start-from-zero.patch')).mails[0];
  assert.ok(mail.message.endsWith('Link: https://lore.example.org/r/20240301.counter@example.org'));
});

test('a cover letter is a mail without files', () => {
  const patch = parsePatchDocument(readFixture('git', 'series-v2-cover.mbox'));
  assert.deepEqual(patch.mails.map((m) => [m.series.index, m.files.length]), [[0, 0], [1, 1], [2, 1], [3, 1]]);
});

test('RFC 2047 encoded words in headers are decoded', () => {
  const patch = parsePatchDocument('From: =?UTF-8?q?J=C3=B6rg_M=C3=BCller?= <j@example.org>\nSubject: =?utf-8?b?W1BBVENIXSB4?=\n\nbody\n');
  assert.deepEqual([patch.mails[0].from, patch.mails[0].subject], ['Jörg Müller <j@example.org>', '[PATCH] x']);
});
