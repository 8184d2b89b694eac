// The parser side by side with jsdiff's parsePatch, on the same text, in the same run:
// in-process on a clean 3 MB diff of 400 files; whole-process (`kpr parse FILE`, text and --json,
// against a node process running parsePatch on the same file, bench/jsdiff-parse.cjs); a 10 MB
// mbox of format-patch mails (goal: under 500 ms); and hostile shapes of 3.6 MB (300 000 empty
// hunks, one hunk of 1.2 million lines, ...) against parsePatch on a clean diff of that size.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePatch } from 'diff';
import { patchToJson } from '../src/patch/json';
import type { Patch } from '../src/patch/model';
import { parsePatchDocument } from '../src/patch/parse';
import { PATHOLOGICAL_SHAPES } from '../test/unit/patch/support/pathological';
import { timeNode, timePair } from './child-cpu';
import { cleanManyFileDiff } from './clean-diff';
import { timePerCall, type BenchResult, type BenchSuite } from './measure';

const ROOT = join(__dirname, '..', '..');
const fixtures = join(ROOT, 'test', 'fixtures', 'patches', 'git');
const CLI = join(ROOT, 'dist', 'cli.js');
const JSDIFF = join(ROOT, 'bench', 'jsdiff-parse.cjs');
const MB = 1024 * 1024;
/** Child runs of each command in the whole-process comparison (the median is kept). */
const PROCESS_RUNS = 7;

function repeatTo(text: string, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    parts.push(text);
    size += text.length;
  }
  return parts.join('');
}

function readEveryLine(patch: Patch): number {
  let lines = 0;
  for (const mail of patch.mails) for (const file of mail.files) for (const hunk of file.hunks) lines += hunk.lines.length;
  return lines;
}

async function wholeProcess(file: string, label: string): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const [flag, goal] of [[undefined, 1.0], ['--json', 1.5]] as const) {
    const extra = flag === undefined ? [] : [flag];
    const { ours, reference } = await timePair([CLI, 'parse', file, ...extra], [JSDIFF, file, ...extra], PROCESS_RUNS);
    results.push({
      name: `whole process: kpr parse${flag === undefined ? '' : ' ' + flag}, ${label} (CPU ms)`,
      value: ours.cpuMs,
      unit: 'ms',
      reference: { name: `node + jsdiff parsePatch${flag === undefined ? ', a line per file and hunk' : ', JSON.stringify'} CPU ms`, value: reference.cpuMs },
      ratio: ours.cpuMs / reference.cpuMs,
      note: `goal: ≤ ${goal.toFixed(1)}; median of ${PROCESS_RUNS}; wall ${ours.wallMs.toFixed(0)} ms vs ${reference.wallMs.toFixed(0)} ms`,
    });
  }
  return results;
}

export const parseSuite: BenchSuite = {
  name: 'patch parser',
  async run(): Promise<BenchResult[]> {
    const single = readFileSync(join(fixtures, 'single-01-counter-count-resets-and-start-from-zero.patch'), 'utf8');
    const series = readFileSync(join(fixtures, 'series-numbered.mbox'), 'utf8');
    const cleanDiff = cleanManyFileDiff(400, 3_000_000);
    const mbox = repeatTo(series + '\n' + single + '\n', 10 * MB);
    const cleanMB = cleanDiff.length / MB;

    const ours = timePerCall(() => parsePatchDocument(cleanDiff), 1000);
    const jsdiff = timePerCall(() => parsePatch(cleanDiff), 1000);
    // A clean hunk makes its DiffLines when first read: this reads every one, as the editor does.
    const oursRead = timePerCall(() => readEveryLine(parsePatchDocument(cleanDiff)), 1000);
    const mboxMs = timePerCall(() => parsePatchDocument(mbox), 1000, 2);
    // jsdiff refuses mail text between diffs: its reference is a clean diff of the same size.
    const cleanTen = cleanManyFileDiff(1300, mbox.length);
    const mboxJsdiff = timePerCall(() => parsePatch(cleanTen), 1000, 2);

    const cleanSame = cleanManyFileDiff(400, 3_600_000);
    const dir = mkdtempSync(join(tmpdir(), 'kpr-parse-bench-'));
    let processes: BenchResult[];
    const hostileProcesses: BenchResult[] = [];
    try {
      const file = join(dir, 'clean-400-files.diff');
      writeFileSync(file, cleanDiff);
      processes = await wholeProcess(file, `clean ${cleanMB.toFixed(1)} MB, 400 files`);
      // The hostile shapes as a user meets them: `kpr parse FILE`, summary and JSON written, against
      // node + jsdiff on a clean diff of the same size.
      const cleanSameFile = join(dir, 'clean-same-size.diff');
      writeFileSync(cleanSameFile, cleanSame);
      const reference = await timeNode([JSDIFF, cleanSameFile]);
      for (const shape of PATHOLOGICAL_SHAPES) {
        const input = shape(3_600_000);
        const hostileFile = join(dir, 'hostile.diff');
        writeFileSync(hostileFile, input.text);
        for (const flag of [undefined, '--json'] as const) {
          const run = await timeNode([CLI, 'parse', hostileFile, ...(flag === undefined ? [] : [flag])]);
          hostileProcesses.push({
            name: `whole process: kpr parse${flag === undefined ? '' : ' ' + flag}, ${input.name} (3.6 MB), wall ms`,
            value: run.wallMs,
            unit: 'ms',
            reference: { name: `node + jsdiff wall ms, clean ${(cleanSame.length / MB).toFixed(1)} MB`, value: reference.wallMs },
            ratio: run.wallMs / reference.wallMs,
            note: `goal: under 2000 ms; CPU ${run.cpuMs.toFixed(0)} ms`,
          });
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // Hostile shapes of 3.6 MB against jsdiff on a clean diff of the same size: parse time (goal:
    // under 2 s) and compact JSON size against the input (goal: ≤ 20).
    const jsdiffSame = timePerCall(() => parsePatch(cleanSame), 1000);
    const hostile: BenchResult[] = [];
    for (const shape of PATHOLOGICAL_SHAPES) {
      const input = shape(3_600_000);
      // The warm-up call's parse gives the JSON; a hostile shape is parsed only twice in all.
      let patch: Patch | undefined;
      const ms = timePerCall(() => (patch = parsePatchDocument(input.text)), 0, 1);
      const jsonBytes = JSON.stringify(patchToJson(patch!)).length;
      hostile.push(
        { name: `parse, ${input.name} (3.6 MB)`, value: ms, unit: 'ms', reference: { name: `jsdiff ms, clean ${(cleanSame.length / MB).toFixed(1)} MB`, value: jsdiffSame }, ratio: ms / jsdiffSame, note: 'goal: under 2000 ms' },
        { name: `compact JSON / input bytes, ${input.name}`, value: jsonBytes / input.text.length, unit: '×', reference: { name: 'input bytes', value: input.text.length }, ratio: jsonBytes / input.text.length, note: 'goal: ≤ 20' },
      );
    }
    return [
      {
        name: `in process: parsePatchDocument, clean ${cleanMB.toFixed(1)} MB, 400 files`,
        value: ours,
        unit: 'ms',
        reference: { name: 'jsdiff parsePatch ms', value: jsdiff },
        ratio: ours / jsdiff,
        note: 'ratio = our time / jsdiff time; we also keep positions, sections and repairs',
      },
      {
        name: `in process: parse + read every hunk line, ${cleanMB.toFixed(1)} MB`,
        value: oursRead,
        unit: 'ms',
        reference: { name: 'jsdiff parsePatch ms', value: jsdiff },
        ratio: oursRead / jsdiff,
        note: 'ratio = our time / jsdiff time, with every DiffLine made',
      },
      ...processes,
      {
        name: 'parsePatchDocument, 10 MB mbox of format-patch mails',
        value: mboxMs,
        unit: 'ms',
        reference: { name: `jsdiff parsePatch ms, clean diff of ${(cleanTen.length / MB).toFixed(1)} MB`, value: mboxJsdiff },
        ratio: mboxMs / mboxJsdiff,
        note: 'goal: under 500 ms',
      },
      ...hostile,
      ...hostileProcesses,
    ];
  },
};
