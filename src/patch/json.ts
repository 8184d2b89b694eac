// The JSON view of a Patch for the CLI and for tests: 1-based document lines (`docLine`),
// repairs and problems placed in the mail whose range holds them.
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

function repairJson(repair: Repair) {
  return { kind: repair.kind, docLine: repair.range.start.line + 1, range: jsonRange(repair.range), before: repair.before, after: repair.after, reason: repair.reason };
}

function problemJson(problem: Problem) {
  return { severity: problem.severity, code: problem.code, docLine: problem.range.start.line + 1, range: jsonRange(problem.range), message: problem.message };
}

function inside(range: DocRange, mail: Mail): boolean {
  return range.start.line >= mail.range.start.line && range.start.line <= mail.range.end.line;
}

export function patchToJson(patch: Patch) {
  const placed = new Set<Repair | Problem>();
  const mails = patch.mails.map((mail) => {
    const repairs = patch.repairs.filter((r) => inside(r.range, mail));
    const problems = patch.problems.filter((p) => inside(p.range, mail));
    repairs.forEach((r) => placed.add(r));
    problems.forEach((p) => placed.add(p));
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
              oldLine: line.oldLine ?? null,
              newLine: line.newLine ?? null,
              ...(line.repaired ? { repaired: true } : {}),
            })),
            // A reply's quoted excerpt: lines quoted after a cut, with no line numbers to give.
            ...(hunk.quotedAfterCut?.length
              ? { quotedAfterCut: hunk.quotedAfterCut.map((line) => ({ kind: line.kind, text: line.text, docLine: line.line + 1 })) }
              : {}),
          })),
        };
      }),
      repairs: repairs.map(repairJson),
      problems: problems.map(problemJson),
    };
  });
  return {
    lineCount: patch.lineCount,
    mails,
    repairs: patch.repairs.filter((r) => !placed.has(r)).map(repairJson),
    problems: patch.problems.filter((p) => !placed.has(p)).map(problemJson),
  };
}
