// Reading `git apply --check -v` back onto the patch document: each "error: patch failed:
// FILE:LINE" becomes a finding at the failing hunk's @@ line, each file-level error (missing
// file, file already present) at the file's first header line. Pure: git runs in the glue.
import type { ApplyablePatch } from './patch-text';

export interface ApplyFinding {
  readonly severity: 'error' | 'info';
  /** 0-based line of the patch document (the hunk's @@ line or the file's first header line). */
  readonly line: number;
  readonly path: string;
  readonly message: string;
}

const CHECKING = /^Checking patch (.+)\.\.\.$/;
const HUNK_FAILED = /^error: patch failed: (.+):(\d+)$/;
const DOES_NOT_APPLY = /^error: (.+): patch does not apply$/;
const FILE_ERROR = /^error: (.+?): (No such file or directory|does not exist in index|already exists in (?:working directory|index)|does not match index|wrong type)$/;
const OFFSET = /^Hunk #(\d+) succeeded at (\d+)(?: \(offset (-?\d+) lines?\))?\.?$/;
const MAX_OUTPUT_LINES = 100_000;

/** Findings in the order git reported them; files are matched to the rebuilt patch in order. */
export function readApplyCheck(output: string, patch: ApplyablePatch): ApplyFinding[] {
  const findings: ApplyFinding[] = [];
  const lines = String(output).split(/\r?\n/).slice(0, MAX_OUTPUT_LINES);
  let fileCursor = -1;
  let hunkFailedInFile = false;
  let searching: string[] | undefined;
  const current = () => patch.files[fileCursor];
  for (const line of lines) {
    // "error: while searching for:" is followed by the context git looked for, up to the failure line.
    if (searching !== undefined && !HUNK_FAILED.test(line)) {
      if (searching.length < 12) searching.push(line);
      continue;
    }
    if (line === 'error: while searching for:') {
      searching = [];
      continue;
    }
    const checking = CHECKING.exec(line);
    if (checking) {
      // The next file of the rebuilt patch with this path (a series may patch a file twice).
      const next = patch.files.findIndex((f, i) => i > fileCursor && f.path === checking[1]);
      fileCursor = next >= 0 ? next : fileCursor + 1;
      hunkFailedInFile = false;
      continue;
    }
    const file = current();
    const failed = HUNK_FAILED.exec(line);
    if (failed) {
      const oldLine = Number(failed[2]);
      const hunks = patch.hunks.filter((h) => h.file === file?.file);
      const hunk = hunks.find((h) => h.hunk.oldStart === oldLine) ?? hunks.find((h) => h.hunk.oldStart + h.hunk.oldLines >= oldLine && h.hunk.oldStart <= oldLine);
      const looked = searching?.filter((l) => l.trim() !== '').length ?? 0;
      searching = undefined;
      hunkFailedInFile = true;
      findings.push({
        severity: 'error',
        line: hunk ? hunk.hunk.headerLine : file?.file.headerLine ?? 0,
        path: failed[1],
        message: `git apply --check: this hunk does not apply to ${failed[1]} at line ${oldLine}: the tree's text there differs from the hunk's context and removed lines${looked > 0 ? ` (git searched for ${looked} lines and did not find them)` : ''}`,
      });
      continue;
    }
    const fileError = FILE_ERROR.exec(line);
    if (fileError) {
      findings.push({ severity: 'error', line: file?.file.headerLine ?? 0, path: fileError[1], message: `git apply --check: ${fileError[1]}: ${fileError[2]} in the tree` });
      hunkFailedInFile = true;
      continue;
    }
    const notApplied = DOES_NOT_APPLY.exec(line);
    if (notApplied) {
      if (!hunkFailedInFile) findings.push({ severity: 'error', line: file?.file.headerLine ?? 0, path: notApplied[1], message: `git apply --check: ${notApplied[1]}: the patch does not apply` });
      continue;
    }
    const offset = OFFSET.exec(line);
    if (offset && file && offset[3] !== undefined) {
      const hunk = patch.hunks.filter((h) => h.file === file.file)[Number(offset[1]) - 1];
      if (hunk) findings.push({ severity: 'info', line: hunk.hunk.headerLine, path: file.path, message: `git apply --check: this hunk applies at line ${offset[2]} of the tree (offset ${offset[3]} lines)` });
      continue;
    }
    if (line.startsWith('error: ') || line.startsWith('fatal: ')) {
      findings.push({ severity: 'error', line: file?.file.headerLine ?? 0, path: file?.path ?? '', message: `git apply --check: ${line.replace(/^(error|fatal): /, '')}` });
    }
  }
  return findings;
}
