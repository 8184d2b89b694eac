// A clean `git diff` of many files, made up deterministically: the shape of a large real series
// (several hunks per file, three lines of context, C-like lines of ordinary length) without
// copying anyone's code. The parse benchmark times kpr and jsdiff on it side by side.

/** A small deterministic generator (mulberry32), so every run times the same text. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['count', 'pid', 'ns', 'level', 'nr', 'map', 'offset', 'entry', 'flags', 'lock', 'page', 'node', 'size', 'buf', 'len', 'ret', 'dev', 'queue', 'task', 'list'];
const CALLS = ['spin_lock', 'spin_unlock', 'kfree', 'atomic_inc', 'put_page', 'list_del', 'wake_up', 'mutex_lock', 'mutex_unlock', 'rcu_read_lock'];

function codeLine(next: () => number, depth: number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const indent = '\t'.repeat(depth);
  switch (Math.floor(next() * 6)) {
    case 0:
      return `${indent}${pick(WORDS)}->${pick(WORDS)} = ${pick(WORDS)} + ${Math.floor(next() * 4096)};`;
    case 1:
      return `${indent}if (${pick(WORDS)} < ${pick(WORDS)}->${pick(WORDS)})`;
    case 2:
      return `${indent}${pick(CALLS)}(&${pick(WORDS)}->${pick(WORDS)});`;
    case 3:
      return '';
    case 4:
      return `${indent}/* keep ${pick(WORDS)} and ${pick(WORDS)} in step with the ${pick(WORDS)} */`;
    default:
      return `${indent}ret = ${pick(WORDS)}_${pick(WORDS)}(${pick(WORDS)}, ${pick(WORDS)}, ${Math.floor(next() * 64)});`;
  }
}

/** One file's diff: a git header and `hunks` hunks of three context lines around a change. */
function fileDiff(next: () => number, index: number, hunks: number): string {
  const path = `drivers/gen/dir${index % 37}/file${index}.c`;
  const out = [`diff --git a/${path} b/${path}`, `index ${(index * 2654435761 >>> 0).toString(16).padStart(7, '0')}..${(index * 40503 + 7 >>> 0).toString(16).padStart(7, '0')} 100644`, `--- a/${path}`, `+++ b/${path}`];
  let oldStart = 10 + Math.floor(next() * 40);
  let offset = 0;
  for (let h = 0; h < hunks; h++) {
    const lines: string[] = [];
    let oldCount = 0;
    let newCount = 0;
    const context = (): void => {
      for (let c = 0; c < 3; c++) {
        const text = codeLine(next, 1 + Math.floor(next() * 2));
        lines.push(text === '' ? ' ' : ` ${text}`);
        oldCount++;
        newCount++;
      }
    };
    context();
    const removed = Math.floor(next() * 6);
    const added = Math.floor(next() * 8) + (removed === 0 ? 1 : 0);
    for (let r = 0; r < removed; r++, oldCount++) lines.push(`-${codeLine(next, 1 + Math.floor(next() * 2))}`);
    for (let a = 0; a < added; a++, newCount++) lines.push(`+${codeLine(next, 1 + Math.floor(next() * 2))}`);
    context();
    out.push(`@@ -${oldStart},${oldCount} +${oldStart + offset},${newCount} @@ static int ${WORDS[(index + h) % WORDS.length]}_${WORDS[h % WORDS.length]}(struct ${WORDS[index % WORDS.length]} *p)`);
    out.push(...lines);
    offset += newCount - oldCount;
    oldStart += oldCount + 20 + Math.floor(next() * 200);
  }
  return out.join('\n') + '\n';
}

/** A clean diff of `files` files, of about `bytes` characters in all (hunks spread evenly). */
export function cleanManyFileDiff(files: number, bytes: number): string {
  const next = random(20261203);
  // About 380 characters per hunk: choose hunks per file to reach the size.
  const hunksPerFile = Math.max(1, Math.round(bytes / files / 380));
  const parts: string[] = [];
  for (let f = 0; f < files; f++) parts.push(fileDiff(next, f, hunksPerFile));
  return parts.join('');
}
