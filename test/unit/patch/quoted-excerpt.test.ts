// A review reply that cuts the quoted patch ("> [...]", "> <snip>", ...): the cut is neither a
// diff line nor a repair, the lines quoted before it keep their line numbers, the lines after
// it get none, and an excerpt consistent with its header raises no error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parsePatchDocument } from '../../../src/patch/parse';
import { patchToJson } from '../../../src/patch/json';
import type { Hunk, Patch } from '../../../src/patch/model';
import { composeReply } from '../../../src/review/compose';
import { readFixture } from './support/fixtures';

const replyText = readFixture('replies', 'cut-excerpts.eml');
const reply = parsePatchDocument(replyText);
const docLines = replyText.split('\n');

function hunkOf(patch: Patch, path: string, oldStart: number): Hunk {
  const hunk = patch.mails[0].files.find((f) => f.newPath === path)?.hunks.find((h) => h.oldStart === oldStart);
  assert.ok(hunk, `no hunk -${oldStart} of ${path}`);
  return hunk;
}

/** Kind, text, old and new line number of each line, as `-3 +? text`. */
function numbered(lines: Hunk['lines']): string[] {
  return lines.map((l) => `${l.kind}${l.oldLine ?? '?'} ${l.newLine ?? '?'} ${l.text}`);
}

const errors = (patch: Patch) => patch.problems.filter((p) => p.severity === 'error').map((p) => p.message);

test('a reply with cuts inside and between hunks parses with no error or warning', () => {
  assert.deepEqual(reply.problems.filter((p) => p.severity !== 'info').map((p) => p.message), []);
});

test('a hunk quoted up to a cut keeps its quoted lines with their old and new line numbers', () => {
  assert.deepEqual(numbered(hunkOf(reply, 'include/linux/counter.h', 3).lines), [' 3 3 ', ' 4 4 struct counter {', ' 5 5 \tint value;', '+? 6 \tint resets;']);
});

test('a blank context line quoted as a bare ">" before a cut is read as context and numbered', () => {
  const lines = hunkOf(reply, 'kernel/counter.c', 1).lines;
  assert.deepEqual(numbered(lines), [' 1 1 #include <linux/counter.h>', ' 2 2 ', '-3 ? static int counter_base = 10;', '+? 3 static int counter_base = 0;']);
});

test('the lines quoted after a cut are kept aside, in order, with no line numbers', () => {
  const hunk = hunkOf(reply, 'kernel/counter.c', 1);
  assert.deepEqual(numbered(hunk.quotedAfterCut ?? []), [' ? ? \tif (c->value < 0)', '-? ? \t\treturn -ERANGE;', '+? ? \t\treturn -EOVERFLOW;']);
});

test('a hunk cut right after its header has no numbered line, only lines quoted after the cut', () => {
  const hunk = hunkOf(reply, 'kernel/counter.c', 30);
  assert.deepEqual(hunk.lines, []);
  assert.deepEqual((hunk.quotedAfterCut ?? []).map((l) => l.kind + l.text), [' \tc->value = counter_base;', '+\tc->resets++;']);
});

test('each excerpt is named in an info problem with the counts quoted', () => {
  const excerpts = reply.problems.filter((p) => p.code === 'quoted-excerpt');
  assert.deepEqual(excerpts.map((p) => [p.severity, p.range.start.line]), [['info', 12], ['info', 25], ['info', 41]]);
  assert.match(excerpts[1].message, /@@ -1,13 \+1,13 @@ .*5 of its 13 old and 5 of its 13 new lines are quoted.*3 lines quoted after the first cut have no line numbers/);
});

test('no cut line, in any of the forms reviewers write, becomes a hunk line or a repair', () => {
  const cutLines = docLines.flatMap((text, i) => (/^> ?(\[ ?\.\.\.? ?\]|<snip>|\[snip\]|\.\.\.)$/.test(text) ? [i] : []));
  assert.equal(cutLines.length, 6);
  const hunkLines = reply.mails[0].files.flatMap((f) => f.hunks.flatMap((h) => [...h.lines, ...(h.quotedAfterCut ?? [])].map((l) => l.line)));
  assert.deepEqual(cutLines.filter((i) => hunkLines.includes(i)), []);
  assert.deepEqual(reply.repairs.filter((r) => cutLines.includes(r.range.start.line)).map((r) => r.kind), []);
});

test('the reviewer\'s comments between quoted lines are not hunk lines', () => {
  const texts = reply.mails[0].files.flatMap((f) => f.hunks.flatMap((h) => [...h.lines, ...(h.quotedAfterCut ?? [])]));
  assert.ok(texts.every((l) => docLines[l.line].startsWith('>')), texts.map((l) => docLines[l.line]).join('\n'));
});

test('a cut in the quoted commit message is not part of the message', () => {
  assert.equal(reply.mails[0].message, 'Keep a reset count next to the value and start new counters at zero.');
});

test('a hunk quoted whole before a cut is read whole, with no excerpt problem', () => {
  const text = ['On Fri, Ada wrote:', '> --- a/x.c', '> +++ b/x.c', '> @@ -1,2 +1,2 @@', '>  a', '> -b', '> +c', '> [...]', '> @@ -9,1 +9,2 @@', '>  y', '> +z', '', 'Fine.'].join('\n');
  const patch = parsePatchDocument(text);
  assert.deepEqual(patch.problems.map((p) => p.code), []);
  assert.deepEqual(patch.mails[0].files[0].hunks.map((h) => numbered(h.lines)), [[' 1 1 a', '-2 ? b', '+? 2 c'], [' 9 9 y', '+? 10 z']]);
});

test('a cut excerpt that quotes more removed lines than its header counts is still an error', () => {
  const text = ['On Fri, Ada wrote:', '> --- a/x.c', '> +++ b/x.c', '> @@ -1,2 +1,2 @@', '>  a', '> [...]', '> -b', '> -c', '> -d', '> +e'].join('\n');
  assert.deepEqual(parsePatchDocument(text).problems.filter((p) => p.severity === 'error').map((p) => p.code), ['hunk-count-mismatch']);
});

test('the same text unquoted, as a patch and not a reply, still reads "[...]" as a damaged line', () => {
  const text = ['--- a/x.c', '+++ b/x.c', '@@ -1,3 +1,3 @@', ' a', '[...]', ' c'].join('\n');
  const hunk = parsePatchDocument(text).mails[0].files[0].hunks[0];
  assert.deepEqual(numbered(hunk.lines), [' 1 1 a', ' 2 2 [...]', ' 3 3 c']);
  assert.equal(hunk.quotedAfterCut, undefined);
});

test('a reply composed by kpr on the sample parses back with no error-level problem', () => {
  const sample = readFileSync(join(__dirname, '..', '..', '..', '..', 'samples', 'rfc-3-5-next-syscall-data-pids.txt'), 'utf8');
  const sampleLines = sample.split('\n');
  const lineStarting = (prefix: string) => sampleLines.findIndex((l) => l.startsWith(prefix));
  const composed = composeReply({
    patch: parsePatchDocument(sample),
    documentLines: sampleLines,
    mailIndex: 0,
    comments: [
      { line: lineStarting('+ if (unlikely(alloc_pidmap_page(map)))'), body: 'This returns -1 for a failed page.' },
      { line: lineStarting('- pid = NULL;'), body: 'Good.' },
    ],
    identity: { name: 'Rita Reviewer', email: 'rita@example.org' },
    trailers: ['Reviewed-by'],
    date: new Date(Date.UTC(2026, 10, 29, 1, 2, 3)),
    utcOffsetMinutes: 60,
  });
  assert.match(composed.text, /^> \[\.\.\.\]$/m);
  const back = parsePatchDocument(composed.text);
  assert.deepEqual(errors(back), []);
  assert.deepEqual(back.mails[0].files[0].hunks.map((h) => numbered(h.lines)[0]), [undefined, ' 284 363 free_pidmap(pid->numbers + i);']);
});

const CUT_FORMS = ['> [...]', '> [ ... ]', '> ...', '> <snip>', '> [snip]', '> [..]', '>[...]'];

test('property: cuts inserted anywhere in the reply never number a line after a cut, nor raise an internal error', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ at: fc.nat(), form: fc.constantFrom(...CUT_FORMS) }), { minLength: 1, maxLength: 6 }), (cuts) => {
      const lines = replyText.split('\n');
      for (const { at, form } of cuts) lines.splice(at % lines.length, 0, form);
      const patch = parsePatchDocument(lines.join('\n'));
      assert.ok(!patch.problems.some((p) => p.code === 'internal-error'));
      for (const hunk of patch.mails.flatMap((m) => m.files.flatMap((f) => f.hunks))) {
        let oldLine = hunk.oldStart;
        let newLine = hunk.newStart;
        for (const line of hunk.lines) {
          if (line.kind === ' ' || line.kind === '-') assert.equal(line.oldLine, oldLine++);
          if (line.kind === ' ' || line.kind === '+') assert.equal(line.newLine, newLine++);
        }
        assert.ok((hunk.quotedAfterCut ?? []).every((l) => l.oldLine === undefined && l.newLine === undefined));
      }
    }),
    { numRuns: 300, seed: 20240302 },
  );
});

test('the JSON of a parse carries the lines quoted after a cut, with their document lines only', () => {
  const json = patchToJson(reply);
  const after = json.mails[0].files.flatMap((f) => f.hunks).flatMap((h) => h.quotedAfterCut ?? []);
  assert.ok(after.length > 0);
  for (const [text, docLine] of after) {
    // The quoted document line holds the diff line after its quote prefix.
    assert.ok(docLines[docLine - 1].endsWith(text), `${docLine}: ${text}`);
  }
});
