// Hostile patch documents of a given size, one per way an input can make the parser or its JSON
// blow up: each line a hunk, one hunk of tiny lines, thousands of tiny files, megabyte lines, and
// a repair on every line. Shared by the JSON size test and `npm run bench`.

const FILE_HEADER = 'diff --git a/x b/x\n--- a/x\n+++ b/x\n';

/** Repeats `unit` until the text is at least `bytes` long. */
function fill(prefix: string, unit: (i: number) => string, bytes: number): { text: string; count: number } {
  const parts = [prefix];
  let size = prefix.length;
  let count = 0;
  while (size < bytes) {
    const piece = unit(count++);
    parts.push(piece);
    size += piece.length;
  }
  return { text: parts.join(''), count };
}

export interface PathologicalInput {
  readonly name: string;
  readonly text: string;
}

/** Every line a hunk header with no lines: each hunk restores a lost blank line, with a warning. */
export function emptyHunks(bytes: number): PathologicalInput {
  return { name: 'empty hunks', text: fill(FILE_HEADER, () => '@@ -1 +1 @@\n', bytes).text };
}

/** One hunk of one-character lines, as many as its header counts. */
export function hugeHunk(bytes: number): PathologicalInput {
  const lines = Math.floor(bytes / 3);
  const body = fill('', (i) => (i % 3 === 0 ? '-a\n' : i % 3 === 1 ? '+b\n' : ' c\n'), lines * 3);
  const removed = Math.ceil(body.count / 3);
  const added = Math.ceil((body.count - 1) / 3);
  const context = body.count - removed - added;
  return { name: 'one huge hunk', text: `${FILE_HEADER}@@ -1,${removed + context} +1,${added + context} @@\n${body.text}` };
}

/** Thousands of files, each created with one line. */
export function manyFiles(bytes: number): PathologicalInput {
  return { name: 'many files', text: fill('', (i) => `diff --git a/f${i} b/f${i}\nnew file mode 100644\n--- /dev/null\n+++ b/f${i}\n@@ -0,0 +1 @@\n+x\n`, bytes).text };
}

/** A few hunks whose lines are a megabyte long. */
export function longLines(bytes: number): PathologicalInput {
  const line = 'x'.repeat(1024 * 1024);
  return { name: 'megabyte lines', text: fill(FILE_HEADER, (i) => `@@ -${i + 1} +${i + 1} @@\n-${line}\n+${line}\n`, bytes).text };
}

/**
 * One hunk whose blank context lines all lost their leading space (as a mail client that strips
 * trailing whitespace leaves them): a repair on every line, each line a single byte.
 */
export function manyRepairs(bytes: number): PathologicalInput {
  const count = Math.max(1, bytes - 40);
  return { name: 'a repair on every line', text: `${FILE_HEADER}@@ -1,${count} +1,${count} @@\n${'\n'.repeat(count)}` };
}

export const PATHOLOGICAL_SHAPES = [emptyHunks, hugeHunk, manyFiles, longLines, manyRepairs];
