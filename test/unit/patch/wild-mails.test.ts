// Mails as they arrive from the wild (issue 12): unusual encodings, replies that quote part of a
// hunk, archive pages with their chrome, text extractions that lost the line breaks. Each kind
// has a fixture of its own in test/fixtures/patches/wild, and the class is also checked on
// every clean git fixture turned into that kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePatchDocument } from '../../../src/patch/parse';
import { fixtureNames, hunkShape, readFixture } from './support/fixtures';
import { encodeQuotedCrlf } from './support/quoted-crlf';

const errors = (text: string) => parsePatchDocument(text).problems.filter((p) => p.severity === 'error').map((p) => p.code);

test('a quoted-printable body with "=0D=0A" line ends reads the hunks of the plain mail', () => {
  const plain = readFixture('git', 'single-01-counter-count-resets-and-start-from-zero.patch');
  assert.deepEqual(hunkShape(parsePatchDocument(readFixture('wild', 'qp-quoted-crlf.eml'))), hunkShape(parsePatchDocument(plain)));
});

test('a quoted-printable body with "=0D=0A" line ends lists its CRs as one crlf repair', () => {
  const patch = parsePatchDocument(readFixture('wild', 'qp-quoted-crlf.eml'));
  assert.deepEqual(patch.repairs.filter((r) => r.kind === 'crlf').length, 1);
});

test('every git fixture encoded with quoted CRLF line ends reads the same hunks', () => {
  for (const name of fixtureNames('git', /^single-.*\.patch$/)) {
    const plain = readFixture('git', name);
    assert.deepEqual(hunkShape(parsePatchDocument(encodeQuotedCrlf(plain))), hunkShape(parsePatchDocument(plain)), name);
  }
});

test('a hunk line read from a quoted CRLF body points at its text in the document', () => {
  const text = readFixture('wild', 'qp-quoted-crlf.eml');
  const line = parsePatchDocument(text).mails[0].files[0].hunks[0].lines.find((l) => l.text === '\tint resets;');
  assert.ok(line);
  const docLine = text.split('\n')[line.range.start.line];
  assert.equal(docLine.slice(line.range.start.character, line.range.end.character), '\tint resets;');
});

test('a reply quoting the first lines of a hunk and then writing raises no error', () => {
  assert.deepEqual(errors(readFixture('wild', 'reply-partial-hunk.eml')), []);
});

test('a reply quoting the first lines of a hunk reports the excerpt as information', () => {
  const patch = parsePatchDocument(readFixture('wild', 'reply-partial-hunk.eml'));
  assert.deepEqual(patch.problems.map((p) => [p.severity, p.code]), [['info', 'quoted-excerpt']]);
});

test('a reply quoting the first lines of a hunk numbers the lines it quotes', () => {
  const hunk = parsePatchDocument(readFixture('wild', 'reply-partial-hunk.eml')).mails[0].files[0].hunks[0];
  assert.deepEqual(hunk.lines.map((l) => `${l.kind}${l.oldLine ?? '?'} ${l.newLine ?? '?'}`), [' 1 1', ' 2 2', '-3 ?', '+? 3']);
});

/** A reply quoting `mail` up to and including its first line that starts with `+`, then commenting. */
function replyStoppingAtFirstAddition(mail: string): string | undefined {
  const lines = mail.split('\n');
  const diff = lines.findIndex((l) => l.startsWith('diff --git '));
  const plus = lines.findIndex((l, i) => i > diff && l.startsWith('+') && !l.startsWith('+++'));
  if (diff < 0 || plus < 0) return undefined;
  return ['Subject: Re: a patch', '', 'Someone wrote:', ...lines.slice(diff, plus + 1).map((l) => `> ${l}`), '', 'Why this line?', ''].join('\n');
}

test('every git fixture quoted up to its first added line reads as an excerpt, not an error', () => {
  for (const name of fixtureNames('git', /^single-.*\.patch$/)) {
    const reply = replyStoppingAtFirstAddition(readFixture('git', name));
    if (reply === undefined) continue;
    assert.deepEqual(errors(reply), [], name);
  }
});

test('every git fixture quoted in a reply to that reply (">> ") reads the hunks the first reply quotes', () => {
  for (const name of fixtureNames('git', /^single-.*\.patch$/)) {
    const reply = replyStoppingAtFirstAddition(readFixture('git', name));
    if (reply === undefined) continue;
    const body = reply.split('\n').slice(2);
    const second = ['Subject: Re: a patch', '', 'Someone else wrote:', ...body.map((l) => (l === '' ? '>' : `> ${l}`)), '', 'Agreed.', ''].join('\n');
    assert.deepEqual(hunkShape(parsePatchDocument(second)), hunkShape(parsePatchDocument(reply)), name);
    assert.deepEqual(errors(second), [], name);
  }
});

/** Each hunk line as kind, numbers and text without indentation: what a stripped page still shows. */
function strippedShape(text: string): string[][] {
  return parsePatchDocument(text).mails.flatMap((m) => m.files.flatMap((f) => f.hunks.map((h) => h.lines.map((l) => `${l.kind}${l.oldLine ?? '?'} ${l.newLine ?? '?'} ${l.text.trim()}`))));
}

/** The clean copy of single-01 cut where the stripped fixture is cut. */
function cleanCut(): string {
  const lines = readFixture('git', 'single-01-counter-count-resets-and-start-from-zero.patch').split('\n');
  return lines.slice(1, lines.findIndex((l) => l.startsWith('-\t\treturn -ERANGE'))).join('\n') + '\n';
}

test('a page with indentation stripped, cut inside a hunk, reads the cut hunk as the clean copy cut there', () => {
  assert.deepEqual(strippedShape(readFixture('wild', 'stripped-indent-cut.txt')), strippedShape(cleanCut()));
});

test('a page with indentation stripped, cut inside a hunk, has one error: the truncated hunk', () => {
  assert.deepEqual(errors(readFixture('wild', 'stripped-indent-cut.txt')), ['truncated-hunk']);
});

test('every git fixture with indentation stripped and cut inside its last hunk reads like its clean cut', () => {
  for (const name of fixtureNames('git', /^single-.*\.patch$/)) {
    const lines = readFixture('git', name).split('\n');
    const hunkStarts = lines.flatMap((l, i) => (l.startsWith('@@ ') ? [i] : []));
    if (hunkStarts.length === 0) continue;
    const last = hunkStarts[hunkStarts.length - 1];
    const end = lines.findIndex((l, i) => i > last && !/^[ +\-\\]/.test(l));
    const cut = last + Math.max(2, Math.floor(((end < 0 ? lines.length : end) - last) / 2) + 1);
    const clean = lines.slice(0, cut).join('\n') + '\n';
    const stripped = lines.slice(0, cut).map((l) => l.replace(/^[ \t]+/, '')).join('\n') + '\n';
    assert.deepEqual(strippedShape(stripped), strippedShape(clean), name);
  }
});

/** What each archive rendering of the same mail must give: its fields without the page's chrome. */
const pages: [string, { from: string; date: string; messageId?: string }, boolean][] = [
  ['lore.txt', { from: 'Ada Reviewer <ada@example.org>', date: 'Fri,  1 Mar 2024 10:00:00 +0000', messageId: '<20240301.counter@example.org>' }, true],
  ['lkml-tabs.txt', { from: 'Ada Reviewer', date: 'Fri, 1 Mar 2024 10:00:00 +0000' }, true],
  ['lkml-lines.txt', { from: 'Ada Reviewer', date: 'Fri, 1 Mar 2024 10:00:00 +0000' }, true],
  ['lkml-glued.txt', { from: 'Ada Reviewer', date: 'Fri, 1 Mar 2024 10:00:00 +0000' }, true],
  ['marc.txt', { from: 'Ada Reviewer <ada@example.org>', date: '2024-03-01 10:00:00', messageId: '20240301.counter@example.org' }, true],
  ['spinics.txt', { from: 'Ada Reviewer <ada@example.org>', date: 'Fri, 1 Mar 2024 10:00:00 +0000' }, true],
  ['mail-archive.txt', { from: 'Ada Reviewer', date: 'Fri, 01 Mar 2024 02:00:00 -0800' }, false],
  ['pipermail.txt', { from: 'Ada Reviewer <ada@example.org>', date: 'Fri Mar  1 10:00:00 UTC 2024' }, true],
  ['hyperkitty.txt', { from: 'Ada Reviewer', date: '1 Mar 2024 10:00 a.m.' }, false],
  ['gmane.txt', { from: 'Ada Reviewer <ada@example.org>', date: '2024-03-01 10:00:00 GMT' }, true],
];
const SUBJECT = '[PATCH 1/9] counter: count resets and start from zero';
const MESSAGE = 'Keep a reset count next to the value and start new counters at zero.\n\nSigned-off-by: Ada Reviewer <ada@example.org>';

for (const [name, expected, hasChrome] of pages) {
  test(`archive page ${name}: subject, author and date are read without the page's chrome`, () => {
    const mail = parsePatchDocument(readFixture('wild/pages', name)).mails[0];
    assert.deepEqual({ subject: mail.subject, from: mail.from, date: mail.date, ...(expected.messageId ? { messageId: mail.messageId } : {}) }, { subject: SUBJECT, ...expected });
  });

  test(`archive page ${name}: the commit message holds no page text`, () => {
    assert.equal(parsePatchDocument(readFixture('wild/pages', name)).mails[0].message, MESSAGE);
  });

  test(`archive page ${name}: the diff is read whole`, () => {
    const mail = parsePatchDocument(readFixture('wild/pages', name)).mails[0];
    assert.deepEqual(mail.files.map((f) => [f.newPath, f.hunks.length]), [['kernel/counter.c', 2]]);
  });

  if (hasChrome) {
    test(`archive page ${name}: the chrome taken out is listed as repairs`, () => {
      const repairs = parsePatchDocument(readFixture('wild/pages', name)).repairs;
      assert.ok(repairs.some((r) => r.kind === 'archive-chrome' || r.kind === 'obfuscated-address'));
    });
  }
}

const collapsed = () => parsePatchDocument(readFixture('wild', 'collapsed-one-line.txt'));
const original = () => parsePatchDocument(readFixture('git', 'single-01-counter-count-resets-and-start-from-zero.patch'));

test('a mail collapsed onto one line is reported as an error naming the lost line breaks', () => {
  const problem = collapsed().problems.find((p) => p.code === 'collapsed-line-breaks');
  assert.match(problem?.message ?? '', /line breaks lost/);
});

test('a mail collapsed onto one line keeps its author and date', () => {
  const mail = collapsed().mails[0];
  assert.deepEqual([mail.from, mail.date], [original().mails[0].from, original().mails[0].date]);
});

test('a mail collapsed onto one line keeps its files and hunk headers', () => {
  const shape = (patch: ReturnType<typeof collapsed>) =>
    patch.mails[0].files.map((f) => [f.oldPath, f.newPath, f.hunks.map((h) => [h.oldStart, h.oldLines, h.newStart, h.newLines])]);
  assert.deepEqual(shape(collapsed()), shape(original()));
});

test('a mail collapsed onto one line recovers the lines of a hunk its counts split one way only', () => {
  const lines = (patch: ReturnType<typeof collapsed>) => patch.mails[0].files[0].hunks[0].lines.map((l) => `${l.kind}${l.text}`);
  assert.deepEqual(lines(collapsed()), lines(original()));
});

test('a mail collapsed onto one line names each hunk whose lines could not be split back', () => {
  const unsplit = collapsed().problems.filter((p) => p.code === 'collapsed-hunk-lines').map((p) => /@@ [^@]+ @@/.exec(p.message)?.[0]);
  assert.deepEqual(unsplit, ['@@ -1,13 +1,13 @@', '@@ -30,6 +30,7 @@']);
});

test('a recovered line of a collapsed mail points at its text in the document', () => {
  const text = readFixture('wild', 'collapsed-one-line.txt');
  const line = collapsed().mails[0].files[0].hunks[0].lines.find((l) => l.kind === '+');
  assert.equal(text.slice(line!.range.start.character, line!.range.end.character), line!.text);
});

test('hunk-like lines that a miscounted header leaves before the next hunk are reported, not dropped silently', () => {
  // Two old and two new lines short: the hunk ends before "}", which falls between the hunks.
  const text = readFixture('git', 'single-01-counter-count-resets-and-start-from-zero.patch').replace('@@ -1,13 +1,13 @@', '@@ -1,11 +1,11 @@');
  const warning = parsePatchDocument(text).problems.find((p) => p.code === 'hunk-count-mismatch');
  assert.match(warning?.message ?? '', /^a line that looks like a hunk line between the hunk @@ -1,11 \+1,11 @@ and the next one is counted by neither header/);
  assert.equal(text.split('\n')[warning!.range.start.line], ' }');
});
