// Comment text as mail lines, and trailers: the reviewer's own and those collected from replies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePatchDocument } from '../../../src/patch/parse';
import { formatTrailer, replyTrailers, trailerKindsFrom } from '../../../src/review/trailers';
import { commentLines } from '../../../src/review/wrap';
import { findingCommentBody } from '../../../src/review/finding-comment';
import { readSeries } from './support/inputs';

test('comment text loses CRLF, trailing blanks and outer blank lines', () => {
  assert.deepEqual(commentLines('\r\n  \r\nFirst.  \r\n\r\nSecond.\t\r\n\r\n'), ['First.', '', 'Second.']);
});

test('a word longer than the width is kept whole on its own line', () => {
  const url = `https://lore.example.org/${'x'.repeat(90)}`;
  assert.deepEqual(commentLines(`See ${url} for more.`), ['See', url, 'for more.']);
});

test('quoted lines in a comment are left as typed', () => {
  const line = `> ${'quoted '.repeat(20)}`.trimEnd();
  assert.deepEqual(commentLines(line), [line]);
});

test('trailer kinds from the setting: known names in any case, once each, others ignored', () => {
  assert.deepEqual(trailerKindsFrom(['reviewed-by', 'Acked-by:', 'Signed-off-by', 3, 'Reviewed-by']), ['Reviewed-by', 'Acked-by']);
  assert.deepEqual(trailerKindsFrom('Reviewed-by'), []);
});

test('a trailer needs a complete identity', () => {
  assert.equal(formatTrailer('Tested-by', { name: 'T', email: 't@x.org' }), 'Tested-by: T <t@x.org>');
  assert.equal(formatTrailer('Tested-by', { name: 'T' }), undefined);
});

test('replies in the series mbox give their reviewers\' trailers; the patches themselves give none', () => {
  const text = readSeries('ring-v1.mbox');
  const lines = text.split('\n');
  const patch = parsePatchDocument(text);
  const given = patch.mails.map((m) => replyTrailers(lines, m).map((t) => `${t.key}: ${t.value}`));
  assert.deepEqual(given, [
    [], [], [], [],
    ['Acked-by: Carol Acker <carol@example.org>'],
    ['Reviewed-by: Bob Maintainer <bob@example.org>'],
    ['Tested-by: Lina Maintainer <lina@example.org>'],
  ]);
});

test('a finding becomes a comment that carries its scenario as one indented JSON line', () => {
  const scenario = { next_syscall_data: 5, ops: [{ op: 'fork' }] };
  const body = findingCommentBody({ message: 'A failed fork frees an error pointer.', variant: 'patched', detail: 'kmem_cache_free(ERR_PTR(-22))', scenario });
  const lines = commentLines(body);
  assert.equal(lines[0], 'A failed fork frees an error pointer.');
  assert.ok(lines.includes(`    ${JSON.stringify(scenario)}`));
  assert.match(body, /the patched kernel: kmem_cache_free\(ERR_PTR\(-22\)\)/);
});

test('a diagnostic without a scenario becomes its message alone', () => {
  assert.equal(findingCommentBody({ message: 'hunk counts cannot be reconciled ' }), 'hunk counts cannot be reconciled');
});
