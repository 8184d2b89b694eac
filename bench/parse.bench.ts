// Parser throughput next to jsdiff's parsePatch on the same clean diff text, and the time to
// parse a 10 MB mbox of format-patch mails (the goal is well under a second).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePatch } from 'diff';
import { patchToJson } from '../src/patch/json';
import type { Patch } from '../src/patch/model';
import { parsePatchDocument } from '../src/patch/parse';
import { PATHOLOGICAL_SHAPES } from '../test/unit/patch/support/pathological';
import { timePerCall, type BenchResult, type BenchSuite } from './measure';

const fixtures = join(__dirname, '..', '..', 'test', 'fixtures', 'patches', 'git');
const MB = 1024 * 1024;

function repeatTo(text: string, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    parts.push(text);
    size += text.length;
  }
  return parts.join('');
}

/** The diff part of a format-patch mail: what jsdiff's parsePatch accepts. */
function diffPart(mail: string): string {
  return mail.slice(mail.indexOf('diff --git '), mail.lastIndexOf('\n-- \n') + 1);
}

export const parseSuite: BenchSuite = {
  name: 'patch parser',
  run(): BenchResult[] {
    const single = readFileSync(join(fixtures, 'single-01-counter-count-resets-and-start-from-zero.patch'), 'utf8');
    const series = readFileSync(join(fixtures, 'series-numbered.mbox'), 'utf8');
    const cleanDiff = repeatTo(diffPart(single), 4 * MB);
    const mbox = repeatTo(series + '\n' + single + '\n', 10 * MB);

    const ours = timePerCall(() => parsePatchDocument(cleanDiff), 1000);
    const jsdiff = timePerCall(() => parsePatch(cleanDiff), 1000);
    // A clean hunk makes its DiffLines when first read: this reads every one, as the editor does.
    const oursRead = timePerCall(() => {
      let lines = 0;
      for (const mail of parsePatchDocument(cleanDiff).mails) for (const file of mail.files) for (const hunk of file.hunks) lines += hunk.lines.length;
      return lines;
    }, 1000);
    const mboxMs = timePerCall(() => parsePatchDocument(mbox), 1000, 2);
    const hostile: BenchResult[] = [];
    // Hostile shapes of 3.6 MB (300 000 empty hunks, one hunk of 1.2 million lines, ...): parse
    // time against jsdiff's on a clean diff of the same size (goal: under 2 s), and compact JSON
    // size against the input (goal: ≤ 20).
    const cleanSame = cleanDiff.slice(0, cleanDiff.indexOf('diff --git ', 3_600_000));
    const jsdiffSame = timePerCall(() => parsePatch(cleanSame), 1000);
    for (const shape of PATHOLOGICAL_SHAPES) {
      const input = shape(3_600_000);
      // The warm-up call's parse gives the JSON; a hostile shape is parsed only twice in all.
      let patch: Patch | undefined;
      const ms = timePerCall(() => (patch = parsePatchDocument(input.text)), 0, 1);
      const jsonBytes = JSON.stringify(patchToJson(patch!)).length;
      hostile.push(
        { name: `parse, ${input.name} (3.6 MB)`, value: ms, unit: 'ms', reference: { name: 'jsdiff ms, clean 3.6 MB', value: jsdiffSame }, ratio: ms / jsdiffSame, note: 'goal: under 2000 ms' },
        { name: `compact JSON / input bytes, ${input.name}`, value: jsonBytes / input.text.length, unit: '×', reference: { name: 'input bytes', value: input.text.length }, ratio: jsonBytes / input.text.length, note: 'goal: ≤ 20' },
      );
    }
    return [
      {
        name: 'parsePatchDocument, 4 MB clean diff (MB/s)',
        value: 4 / (ours / 1000),
        unit: 'MB/s',
        reference: { name: 'jsdiff parsePatch MB/s', value: 4 / (jsdiff / 1000) },
        ratio: ours / jsdiff,
        note: 'ratio = our time / jsdiff time; we also keep positions, sections and repairs',
      },
      {
        name: 'parse + read every hunk line, 4 MB clean diff (MB/s)',
        value: 4 / (oursRead / 1000),
        unit: 'MB/s',
        reference: { name: 'jsdiff parsePatch MB/s', value: 4 / (jsdiff / 1000) },
        ratio: oursRead / jsdiff,
        note: 'ratio = our time / jsdiff time, with every DiffLine made',
      },
      { name: 'parsePatchDocument, 10 MB mbox of format-patch mails', value: mboxMs, unit: 'ms', note: 'goal: under 500 ms' },
      ...hostile,
    ];
  },
};
