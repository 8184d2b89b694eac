// The JSON view of a Patch for the CLI and for tests. Its shape is documented in `kpr parse
// --help` (and the README): 1-based document lines (`docLine`), repairs and problems placed in
// the mail whose range holds them and repeated ones grouped, and a hunk line as a short array.
// The output must stay a small multiple of the input even for hostile inputs (300 000 empty
// hunks, a million one-character lines), so nothing derivable is written per line: pre/post-image
// numbers follow from the hunk's starts, and absent fields are left out rather than null.
import { ReadDiffLine } from './diff-line';
import { countChanges } from './diffstat';
import { ReadHunk, type CleanPlace } from './read-hunk';
import type { DiffLine, DocRange, Hunk, Mail, Patch, Problem, Repair } from './model';
import { partOfRun, placeInMails, repairRuns, runsCount, singleRun, type RepairRun, type Run } from './repair-runs';

/** [startLine, startCharacter, endLine, endCharacter]; lines 1-based, characters 0-based. */
export type JsonRange = [number, number, number, number];

/**
 * A hunk line: the kind and text as one string (`"+\tint resets;"`, the line as the diff shows it
 * after repair), its 1-based document line, and `true` when a repair produced or changed it.
 */
export type JsonDiffLine = [string, number] | [string, number, true];

function jsonRange(range: DocRange): JsonRange {
  return [range.start.line + 1, range.start.character, range.end.line + 1, range.end.character];
}

/** "L:C" for a point, "L:C-C" within a line, "L:C-L:C" across lines (1-based lines). */
function compactRange(range: DocRange): string {
  const start = `${range.start.line + 1}:${range.start.character}`;
  if (range.end.line === range.start.line) return range.end.character === range.start.character ? start : `${start}-${range.end.character}`;
  return `${start}-${range.end.line + 1}:${range.end.character}`;
}

function lineJson(line: DiffLine): JsonDiffLine {
  const text = line instanceof ReadDiffLine ? line.diffText : line.kind + line.text;
  return line.repaired ? [text, line.line + 1, true] : [text, line.line + 1];
}

/** A clean hunk's lines: each text is the kind and text as one string, unrepaired, on consecutive lines. */
function cleanLinesJson(clean: CleanPlace): JsonDiffLine[] {
  const out = new Array<JsonDiffLine>(clean.count);
  for (let k = 0; k < out.length; k++) out[k] = [clean.document.text(clean.firstLine + k), clean.firstLine + k + 1];
  return out;
}

function hunkLinesJson(hunk: Hunk): JsonDiffLine[] {
  const clean = hunk instanceof ReadHunk ? hunk.cleanPlace : undefined;
  return clean !== undefined ? cleanLinesJson(clean) : hunk.lines.map(lineJson);
}

/** A hunk as the JSON writes it: its header's fields, its `@@` line 1-based, its lines as JsonDiffLines. */
export type JsonHunk = Pick<Hunk, 'oldStart' | 'oldLines' | 'newStart' | 'newLines' | 'section' | 'functionName'> & {
  readonly docLine: number;
  readonly lines: JsonDiffLine[];
  /** A reply's quoted excerpt: lines quoted after a cut, which have no image line numbers. */
  readonly quotedAfterCut?: JsonDiffLine[];
};

/**
 * A hunk's JSON, made when it is written (toJSON) and dropped once it is: made for every hunk
 * before writing, 300 000 hunks' objects lived as long as the parse and most of the collector's
 * work was moving them. Its lines and excerpt can be read as well (tests, tools).
 */
export class HunkJson {
  constructor(private readonly hunk: Hunk) {}

  get lines(): JsonDiffLine[] {
    return hunkLinesJson(this.hunk);
  }

  get quotedAfterCut(): JsonDiffLine[] | undefined {
    return this.hunk.quotedAfterCut?.length ? this.hunk.quotedAfterCut.map(lineJson) : undefined;
  }

  toJSON(): JsonHunk {
    const hunk = this.hunk;
    // An undefined functionName is left out by JSON.stringify, as a field it never had.
    const json: { -readonly [K in keyof JsonHunk]: JsonHunk[K] } = {
      oldStart: hunk.oldStart, oldLines: hunk.oldLines, newStart: hunk.newStart, newLines: hunk.newLines, section: hunk.section,
      functionName: hunk.functionName, docLine: hunk.headerLine + 1, lines: this.lines,
    };
    const quoted = this.quotedAfterCut;
    if (quoted !== undefined) json.quotedAfterCut = quoted;
    return json;
  }
}

/**
 * Groups runs that say the same thing (the fields `fields` names of their first entry), keeping
 * their order of first appearance. Nested maps rather than one joined key: a hostile input
 * repeats one repair hundreds of thousands of times, and a joined key would copy its reason as often.
 */
function groupBy<T>(runs: readonly Run<T>[], fields: readonly ((item: T) => string)[]): Run<T>[][] {
  const root = new Map<string, unknown>();
  const groups: Run<T>[][] = [];
  for (const run of runs) {
    let map = root;
    for (let f = 0; f < fields.length - 1; f++) {
      const k = fields[f](run.first);
      let next = map.get(k) as Map<string, unknown> | undefined;
      if (next === undefined) map.set(k, (next = new Map()));
      map = next;
    }
    const last = fields[fields.length - 1](run.first);
    let group = map.get(last) as Run<T>[] | undefined;
    if (group === undefined) {
      map.set(last, (group = []));
      groups.push(group);
    }
    group.push(run);
  }
  return groups;
}

/**
 * A group written once, at its first place, with `count` and the other places in `alsoAt`:
 * "L:C", "L:C-C" or "L:C-L:C", and "L1..L2:C" or "L1..L2:C-C" for the same place on each of the
 * consecutive lines L1 to L2 (a damaged copy repairs line after line alike).
 */
function groupJson<T extends Repair | Problem, J extends object>(group: readonly Run<T>[], toJson: (item: T) => J) {
  const count = runsCount(group);
  if (count === 1) return toJson(group[0].first);
  // The places after the first, one by one: entry k of a run is its first's range k lines down.
  const alsoAt: string[] = [];
  let r = 0;
  let k = 1;
  while (r < group.length) {
    if (k >= group[r].count) {
      r++;
      k = 0;
      continue;
    }
    const range = group[r].first.range;
    const line = range.start.line + k;
    // The same columns on each next line: the rest of this run, then any run that goes on from it.
    let lastLine = line;
    if (range.end.line === range.start.line) {
      lastLine = range.start.line + group[r].count - 1;
      while (r + 1 < group.length && continuesOnNextLine(range, lastLine, group[r + 1].first.range)) {
        r++;
        lastLine = group[r].first.range.start.line + group[r].count - 1;
      }
      k = lastLine - group[r].first.range.start.line + 1;
    } else k++;
    if (lastLine === line) alsoAt.push(compactRange(range.start.line === line ? range : { start: { line, character: range.start.character }, end: { line, character: range.end.character } }));
    else {
      const columns = range.end.character === range.start.character ? `${range.start.character}` : `${range.start.character}-${range.end.character}`;
      alsoAt.push(`${line + 1}..${lastLine + 1}:${columns}`);
    }
  }
  return { ...toJson(group[0].first), count, alsoAt };
}

/** `next` is within one line, the line after `lastLine`, at the columns of `range` (within one line too). */
function continuesOnNextLine(range: DocRange, lastLine: number, next: DocRange): boolean {
  return next.start.line === lastLine + 1 && next.end.line === next.start.line && next.start.character === range.start.character && next.end.character === range.end.character;
}

function repairJson(repair: Repair) {
  return { kind: repair.kind, docLine: repair.range.start.line + 1, range: jsonRange(repair.range), before: repair.before, after: repair.after, reason: repair.reason };
}

function problemJson(problem: Problem) {
  return { severity: problem.severity, code: problem.code, docLine: problem.range.start.line + 1, range: jsonRange(problem.range), message: problem.message };
}

const REPAIR_FIELDS: readonly ((r: Repair) => string)[] = [(r) => r.kind, (r) => r.before, (r) => r.after, (r) => r.reason];
const PROBLEM_FIELDS: readonly ((p: Problem) => string)[] = [(p) => p.severity, (p) => p.code, (p) => p.message];
const repairsJson = (runs: readonly RepairRun[]) => groupBy(runs, REPAIR_FIELDS).map((g) => groupJson(g, repairJson));
const problemsJson = (problems: readonly Run<Problem>[]) => groupBy(problems, PROBLEM_FIELDS).map((g) => groupJson(g, problemJson));

/** Buckets for the runs placeInMails places: each mail's, and those in none. */
function byMail<T>(mails: readonly Mail[]) {
  const perMail: Run<T>[][] = mails.map(() => []);
  const leftOver: Run<T>[] = [];
  return { perMail, leftOver, place: (mail: number, run: Run<T>) => (mail < 0 ? leftOver : perMail[mail]).push(run) };
}

export function patchToJson(patch: Patch) {
  const repairsByMail = byMail<Repair>(patch.mails);
  placeInMails(repairRuns(patch), patch.mails, partOfRun, repairsByMail.place);
  const problemsByMail = byMail<Problem>(patch.mails);
  placeInMails(patch.problems.map(singleRun), patch.mails, (run) => run, problemsByMail.place);
  const mails = patch.mails.map((mail, index) => {
    const repairs = repairsByMail.perMail[index];
    const problems = problemsByMail.perMail[index];
    return {
      subject: mail.subject,
      series: { rfc: mail.series.rfc, version: mail.series.version ?? null, index: mail.series.index ?? null, total: mail.series.total ?? null, tags: mail.series.tags },
      from: mail.from ?? null,
      date: mail.date ?? null,
      messageId: mail.messageId ?? null,
      inReplyTo: mail.inReplyTo ?? null,
      references: mail.references,
      subjectLine: mail.subjectLine + 1,
      message: mail.message,
      trailers: mail.trailers.map((t) => ({ key: t.key, value: t.value, docLine: t.line + 1 })),
      diffstat: mail.diffstat
        ? {
            entries: mail.diffstat.entries.map((e) => ({ path: e.path, changes: e.changes ?? null, graph: e.graph, docLine: e.line + 1 })),
            filesChanged: mail.diffstat.filesChanged ?? null,
            insertions: mail.diffstat.insertions ?? null,
            deletions: mail.diffstat.deletions ?? null,
          }
        : null,
      files: mail.files.map((file) => {
        const { added, removed } = countChanges(file);
        return {
          oldPath: file.oldPath,
          newPath: file.newPath,
          oldPrefix: file.oldPrefix,
          newPrefix: file.newPrefix,
          isBinary: file.isBinary,
          added,
          removed,
          docLine: file.headerLine + 1,
          extendedHeaders: file.extendedHeaders.map((h) => ({ key: h.key, value: h.value, docLine: h.line + 1 })),
          // Made when read, as each hunk's JSON is when written: the CLI writes one file at a
          // time, so a file's HunkJsons die young instead of the whole document's living until
          // written.
          get hunks(): HunkJson[] {
            return file.hunks.map((hunk) => new HunkJson(hunk));
          },
        };
      }),
      repairs: repairsJson(repairs),
      problems: problemsJson(problems),
    };
  });
  return {
    lineCount: patch.lineCount,
    mails,
    repairs: repairsJson(repairsByMail.leftOver),
    problems: problemsJson(problemsByMail.leftOver),
  };
}
