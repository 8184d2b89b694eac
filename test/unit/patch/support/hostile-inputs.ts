// Inputs built to make a parser do unbounded work: the robustness tests check the parse of each,
// `npm run bench` (bench/hostile.bench.ts) measures what each costs.

/** [what it is, how to make it]: made on demand, some are megabytes. */
export const HOSTILE_PATCHES: readonly [string, () => string][] = [
  ['a 5 MB line of @', () => '@'.repeat(5_000_000)],
  ['a million lines of -', () => '-\n'.repeat(1_000_000)],
  ['a 2 MB line of > quotes', () => '>'.repeat(2_000_000) + ' @@ -1 +1 @@'],
  ['a hunk header counting a billion lines over blank fenced lines', () => '```\n@@ -1,1000000000 +1,1000000000 @@ f\n' + '\n'.repeat(100_000) + '```\n'],
  ['a hunk header counting a billion lines over unprefixed text', () => 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,1000000000 +1,1000000000 @@\n' + 'text\n'.repeat(300_000)],
  ['many hunk headers with nothing in them', () => 'diff --git a/x b/x\n--- a/x\n+++ b/x\n' + '@@ -1,5 +1,5 @@\n'.repeat(100_000)],
  ['a long line of markdown escapes and entities', () => '```\n' + '\\_&amp;'.repeat(300_000) + '\n```'],
  ['a long diffstat-like line', () => '---\n' + ' '.repeat(1_000_000) + '|' + ' '.repeat(1_000_000) + '\ndiff --git a/x b/x\n'],
  ['many fences', () => '```\n\n'.repeat(300_000)],
];
