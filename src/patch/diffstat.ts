// The diffstat between the `---` separator and the diff, as written, and its check against the
// hunks that follow.
import type { Diagnostics } from './diagnostics';
import type { Diffstat, DiffstatEntry, FilePatch } from './model';
import { lineOf, rangeOf, type SourceLine } from './positions';
import { hunkChanges } from './read-hunk';

const SUMMARY = /^(\d{1,9}) files? changed(?:, (\d{1,9}) insertions?\(\+\))?(?:, (\d{1,9}) deletions?\(-\))?/;
const COUNT = /^(\d{1,9})\s*([+-]*)$/;

export function parseDiffstatEntry(text: string): { path: string; changes?: number; graph: string } | undefined {
  if (text.length > 4000) return undefined;
  const bar = text.lastIndexOf('|');
  if (bar <= 0) return undefined;
  const path = text.slice(0, bar).trim();
  const rest = text.slice(bar + 1).trim();
  if (path === '' || path.includes('|')) return undefined;
  const count = COUNT.exec(rest);
  if (count) return { path, changes: Number(count[1]), graph: count[2] };
  if (rest.startsWith('Bin')) return { path, graph: '' };
  return undefined;
}

/** Reads a diffstat from lines[start, end); undefined when none is there. */
export function parseDiffstat(lines: readonly SourceLine[], start: number, end: number): Diffstat | undefined {
  const entries: DiffstatEntry[] = [];
  let summary: { filesChanged: number; insertions: number; deletions: number; line: number } | undefined;
  for (let i = start; i < end; i++) {
    const line = lines[i];
    if (line.marker !== undefined) continue;
    const text = line.text.trim();
    if (text === '') continue;
    const entry = parseDiffstatEntry(text);
    if (entry) {
      entries.push({ ...entry, line: lineOf(line) });
      continue;
    }
    const match = text.length < 400 ? SUMMARY.exec(text) : null;
    if (match) {
      summary = { filesChanged: Number(match[1]), insertions: Number(match[2] ?? 0), deletions: Number(match[3] ?? 0), line: lineOf(line) };
      break;
    }
  }
  if (entries.length === 0 && summary === undefined) return undefined;
  return {
    entries,
    filesChanged: summary?.filesChanged,
    insertions: summary?.insertions,
    deletions: summary?.deletions,
    summaryLine: summary?.line,
  };
}

export function countChanges(file: FilePatch): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const hunk of file.hunks) {
    const changes = hunkChanges(hunk);
    added += changes.added;
    removed += changes.removed;
  }
  return { added, removed };
}

/** Does a diffstat path (maybe shortened "…/x.c" or a rename "{a => b}/x.c") name this file? */
export function matchesFile(entryPath: string, file: FilePatch): boolean {
  const candidates = [file.newPath, file.oldPath].filter((p) => p !== '/dev/null');
  const rename = entryPath.length < 500 && entryPath.includes('{') ? /^(.*?)\{(.*?) => (.*?)\}(.*)$/.exec(entryPath) : null;
  const arrow = entryPath.indexOf(' => ');
  const paths = rename ? [rename[1] + rename[3] + rename[4], rename[1] + rename[2] + rename[4]].map((p) => p.replace(/\/\//g, '/')) : arrow > 0 ? [entryPath.slice(arrow + 4), entryPath.slice(0, arrow)] : [entryPath];
  return paths.some((p) => {
    if (p.startsWith('...')) return candidates.some((c) => c.endsWith(p.slice(3)));
    return candidates.includes(p);
  });
}

/** Problems where the diffstat as written disagrees with the hunks: both numbers are given. */
export function checkDiffstat(diffstat: Diffstat, files: readonly FilePatch[], lines: readonly SourceLine[], diagnostics: Diagnostics): void {
  if (files.length === 0) return;
  const rangeAt = (docLine: number) => {
    const source = lines.find((l) => lineOf(l) === docLine);
    return source ? rangeOf(source) : { start: { line: docLine, character: 0 }, end: { line: docLine, character: 0 } };
  };
  for (const entry of diffstat.entries) {
    const file = files.find((f) => matchesFile(entry.path, f));
    if (!file) {
      diagnostics.problem('warning', 'diffstat-mismatch', rangeAt(entry.line), `the diffstat names ${entry.path}, but the patch has no diff for it`);
      continue;
    }
    if (entry.changes === undefined || file.isBinary) continue;
    const { added, removed } = countChanges(file);
    if (entry.changes !== added + removed) {
      diagnostics.problem('warning', 'diffstat-mismatch', rangeAt(entry.line),
        `the diffstat says ${entry.path} changes ${entry.changes} lines, its hunks add ${added} and remove ${removed} (${added + removed})`);
    }
  }
  if (diffstat.summaryLine === undefined) return;
  let added = 0;
  let removed = 0;
  for (const file of files) {
    const counts = countChanges(file);
    added += counts.added;
    removed += counts.removed;
  }
  const range = rangeAt(diffstat.summaryLine);
  if (diffstat.filesChanged !== undefined && diffstat.filesChanged !== files.length) {
    diagnostics.problem('warning', 'diffstat-mismatch', range, `the diffstat says ${diffstat.filesChanged} files changed, the patch has diffs for ${files.length}`);
  }
  if (diffstat.insertions !== undefined && diffstat.insertions !== added) {
    diagnostics.problem('warning', 'diffstat-mismatch', range, `the diffstat says ${diffstat.insertions} insertions, the hunks add ${added} lines`);
  }
  if (diffstat.deletions !== undefined && diffstat.deletions !== removed) {
    diagnostics.problem('warning', 'diffstat-mismatch', range, `the diffstat says ${diffstat.deletions} deletions, the hunks remove ${removed} lines`);
  }
}
