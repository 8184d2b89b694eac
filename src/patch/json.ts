// The JSON view of a Patch for the CLI and for tests: 1-based document lines (`docLine`),
// repairs and problems placed in the mail whose range holds them, repeated ones grouped.
import { countChanges } from './diffstat';
import type { DocRange, Mail, Patch, Problem, Repair } from './model';

export interface JsonRange {
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

function jsonRange(range: DocRange): JsonRange {
  return { startLine: range.start.line + 1, startCharacter: range.start.character, endLine: range.end.line + 1, endCharacter: range.end.character };
}

/** "L:C" for a point, "L:C-C" within a line, "L:C-L:C" across lines (1-based lines). */
function compactRange(range: DocRange): string {
  const start = `${range.start.line + 1}:${range.start.character}`;
  if (range.end.line === range.start.line) return range.end.character === range.start.character ? start : `${start}-${range.end.character}`;
  return `${start}-${range.end.line + 1}:${range.end.character}`;
}

/**
 * Entries that say the same thing (a repair's kind, before, after and reason; a problem's
 * severity, code and message) are written once, at their first place, with `count` and the other
 * places in `alsoAt` (compact ranges): a hostile input repeats one repair hundreds of thousands
 * of times, and the JSON must stay within a small multiple of the input.
 */
function grouped<T extends Repair | Problem, J extends object>(items: readonly T[], key: (item: T) => string, toJson: (item: T) => J) {
  const groups = new Map<string, { first: T; alsoAt: string[] }>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, { first: item, alsoAt: [] });
    else group.alsoAt.push(compactRange(item.range));
  }
  return [...groups.values()].map(({ first, alsoAt }) => (alsoAt.length === 0 ? toJson(first) : { ...toJson(first), count: alsoAt.length + 1, alsoAt }));
}

function repairJson(repair: Repair) {
  return { kind: repair.kind, docLine: repair.range.start.line + 1, range: jsonRange(repair.range), before: repair.before, after: repair.after, reason: repair.reason };
}

function problemJson(problem: Problem) {
  return { severity: problem.severity, code: problem.code, docLine: problem.range.start.line + 1, range: jsonRange(problem.range), message: problem.message };
}

const repairKey = (r: Repair) => `${r.kind}\u0000${r.before}\u0000${r.after}\u0000${r.reason}`;
const problemKey = (p: Problem) => `${p.severity}\u0000${p.code}\u0000${p.message}`;
const repairsJson = (repairs: readonly Repair[]) => grouped(repairs, repairKey, repairJson);
const problemsJson = (problems: readonly Problem[]) => grouped(problems, problemKey, problemJson);

/**
 * Splits items (sorted by start, as a Patch holds them) among mails (in document order) by the
 * line they start on, in one pass; those in no mail's range are left over.
 */
function placeInMails<T extends Repair | Problem>(items: readonly T[], mails: readonly Mail[]): { perMail: T[][]; leftOver: T[] } {
  const perMail: T[][] = mails.map(() => []);
  const leftOver: T[] = [];
  let m = 0;
  for (const item of items) {
    const line = item.range.start.line;
    while (m < mails.length && mails[m].range.end.line < line) m++;
    if (m < mails.length && mails[m].range.start.line <= line) perMail[m].push(item);
    else leftOver.push(item);
  }
  return { perMail, leftOver };
}

export function patchToJson(patch: Patch) {
  const repairsByMail = placeInMails(patch.repairs, patch.mails);
  const problemsByMail = placeInMails(patch.problems, patch.mails);
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
          hunks: file.hunks.map((hunk) => ({
            oldStart: hunk.oldStart,
            oldLines: hunk.oldLines,
            newStart: hunk.newStart,
            newLines: hunk.newLines,
            section: hunk.section,
            functionName: hunk.functionName ?? null,
            docLine: hunk.headerLine + 1,
            lines: hunk.lines.map((line) => ({
              kind: line.kind,
              text: line.text,
              docLine: line.line + 1,
              // Omitted, not null, where the line has none: most lines lack one of the two.
              ...(line.oldLine !== undefined ? { oldLine: line.oldLine } : {}),
              ...(line.newLine !== undefined ? { newLine: line.newLine } : {}),
              ...(line.repaired ? { repaired: true } : {}),
            })),
            // A reply's quoted excerpt: lines quoted after a cut, with no line numbers to give.
            ...(hunk.quotedAfterCut?.length
              ? { quotedAfterCut: hunk.quotedAfterCut.map((line) => ({ kind: line.kind, text: line.text, docLine: line.line + 1 })) }
              : {}),
          })),
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
