// Parser throughput next to jsdiff's parsePatch on the same clean diff text, and the time to
// parse a 10 MB mbox of format-patch mails (the goal is well under a second).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePatch } from 'diff';
import { patchToJson } from '../src/patch/json';
import { parsePatchDocument } from '../src/patch/parse';
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
    const mboxMs = timePerCall(() => parsePatchDocument(mbox), 1000, 2);
    // Hostile: 300 000 empty hunks (3.6 MB), each needing a repair and a warning.
    const emptyHunks = 'diff --git a/x b/x\n--- a/x\n+++ b/x\n' + '@@ -1 +1 @@\n'.repeat(300_000);
    let emptyJson = 0;
    const emptyMs = timePerCall(() => (emptyJson = JSON.stringify(patchToJson(parsePatchDocument(emptyHunks))).length), 1000, 1);
    return [
      {
        name: 'parsePatchDocument, 4 MB clean diff (MB/s)',
        value: 4 / (ours / 1000),
        unit: 'MB/s',
        reference: { name: 'jsdiff parsePatch MB/s', value: 4 / (jsdiff / 1000) },
        ratio: ours / jsdiff,
        note: 'ratio = our time / jsdiff time; we also keep positions, sections and repairs',
      },
      { name: 'parsePatchDocument, 10 MB mbox of format-patch mails', value: mboxMs, unit: 'ms', note: 'goal: under 500 ms' },
      { name: 'parse + compact JSON, 300 000 empty hunks (3.6 MB)', value: emptyMs, unit: 'ms', note: 'goal: under 2000 ms' },
      {
        name: 'compact JSON size / input size, 300 000 empty hunks',
        value: emptyJson / emptyHunks.length,
        unit: '×',
        reference: { name: 'input bytes', value: emptyHunks.length },
        ratio: emptyJson / emptyHunks.length,
        note: 'goal: ≤ 20 (repeated repairs and problems are grouped)',
      },
    ];
  },
};
