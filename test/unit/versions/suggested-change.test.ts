// Send the fix: the reviewer's edit of the sample becomes a diff against the sent post-image that
// git applies, whether or not the edit left its @@ headers stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePatchDocument } from '../../../src/patch/parse';
import { readEdited } from '../../../src/versions/edited-text';
import { shownPostImages } from '../../../src/versions/shown-images';
import { suggestedChange } from '../../../src/versions/suggested-change';
import { gitApply, readSample, readV2 } from './support/inputs';

const sentText = readSample();
const sent = parsePatchDocument(sentText);
/** v2's body with the sample's subject and its stale headers: what typing the fix into a copy gives. */
const typedFix = readV2().replace('[RFC PATCH v2 3/5]', '[RFC PATCH 3/5]').replace('+300,42', '+300,41').replace('+364,7', '+363,6');

function appliesAndGives(editedText: string): void {
  const edited = readEdited(sentText, sent, editedText).patch;
  const change = suggestedChange(sent, edited);
  const applied = gitApply(shownPostImages(sent).files, change.text);
  assert.ok(applied.ok, `${applied.stderr}\n${change.text}`);
  for (const image of shownPostImages(edited).files) {
    const file = applied.files.get(image.path) ?? [];
    const shift = new Map<number, number>();
    // The edited copy's own numbers may be stale; its segments must appear in order, intact.
    let from = 0;
    for (const segment of image.segments) {
      const at = indexOfRun(file, segment.lines, from);
      assert.ok(at >= 0, `${image.path}: segment at ${segment.start} not found in the applied file`);
      shift.set(segment.start, at);
      from = at + segment.lines.length;
    }
  }
}

function indexOfRun(lines: readonly string[], run: readonly string[], from: number): number {
  for (let i = from; i + run.length <= lines.length; i++) if (run.every((l, k) => lines[i + k] === l)) return i;
  return -1;
}

test('typing the out_free fix gives a diff with the fix\'s lines only', () => {
  const change = suggestedChange(sent, readEdited(sentText, sent, typedFix).patch);
  const changed = change.text.split('\n').filter((l) => /^[-+][^-+]/.test(l));
  assert.deepEqual(changed, ['+ int err;', '- pid = ERR_PTR(rc);', '+ err = rc;', '- pid = ERR_PTR(-ENOMEM);', '+ err = -ENOMEM;', '+ pid = ERR_PTR(err);']);
});

test('the suggested diff is numbered from the sent post-image, new side shifted by the lines added before', () => {
  const change = suggestedChange(sent, readEdited(sentText, sent, typedFix).patch);
  assert.deepEqual(change.text.split('\n').filter((l) => l.startsWith('@@')), ['@@ -300,4 +300,5 @@', '@@ -318,7 +319,7 @@', '@@ -332,7 +333,7 @@', '@@ -363,6 +364,7 @@']);
});

test('git applies the suggested diff of the typed fix to the sent post-image', () => {
  appliesAndGives(typedFix);
});

test('an unedited copy suggests nothing', () => {
  assert.equal(suggestedChange(sent, readEdited(sentText, sent, sentText).patch).text, '');
});

/** The document lines of the sample's '+' lines in kernel/pid.c, which an edit may change or remove. */
const addedLines = sent.mails[0].files[0].hunks.flatMap((h) => h.lines.filter((l) => l.kind === '+' && !l.repaired).map((l) => l.line));

test('held-out edits of the sample (lines changed, added, removed; headers left stale) give diffs git applies', () => {
  const edit = fc.record({
    at: fc.constantFrom(...addedLines),
    action: fc.constantFrom('change', 'insert', 'remove'),
    text: fc.stringMatching(/^[a-z_();= ]{1,30}$/),
  });
  fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
    const lines = sentText.split('\n');
    // Bottom-up, so earlier line numbers stay valid.
    for (const e of [...edits].sort((a, b) => b.at - a.at)) {
      if (e.action === 'change') lines[e.at] = `+ ${e.text}`;
      else if (e.action === 'insert') lines.splice(e.at + 1, 0, `+ ${e.text}`);
      else lines.splice(e.at, 1);
    }
    appliesAndGives(lines.join('\n'));
  }), { numRuns: 10, seed: 13 });
});
