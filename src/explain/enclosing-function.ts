// Which function a hunk line belongs to. The `@@` section names the function around the hunk's
// first line only; a hunk that adds a function (alloc_pidmap_page after free_pidmap's tail)
// changes it part way, so we look upward for the nearest definition head.
import { codeTokens, tokenizeC } from './c-tokens';
import { definedFunctionName } from './describe-declaration';
import { entriesNamed } from './knowledge';

const MAX_LINES_SCANNED = 5000;
const HEAD_CHARS = 400;

/**
 * `lines` are a hunk's line texts without their diff prefix, `index` the line asked about and
 * `sectionFunction` the function named by the hunk header. Returns undefined between functions.
 */
export function enclosingFunction(lines: readonly string[], index: number, sectionFunction?: string): string | undefined {
  if (!Array.isArray(lines) || lines.length === 0 || !(index >= 0)) return sectionFunction;
  const start = Math.min(index, lines.length - 1);
  const stop = Math.max(0, start - MAX_LINES_SCANNED);
  for (let i = start; i >= stop; i--) {
    const text = typeof lines[i] === 'string' ? lines[i]! : '';
    // Bodies are indented; a definition head or a function's closing brace starts in column 0.
    if (text === '' || /^\s/.test(text)) continue;
    if (text.startsWith('}')) {
      if (i < start) return undefined;
      continue;
    }
    const head = definedFunctionName(codeTokens(tokenizeC(text.slice(0, HEAD_CHARS)).tokens));
    if (head) return head;
  }
  return stop === 0 ? sectionFunction : undefined;
}

/**
 * The function a hunk header's section text points into: `static int alloc_pidmap(struct pid_names`
 * names alloc_pidmap; a bare label such as `out_free:` (git shows the nearest line starting in
 * column 0) is resolved through the knowledge base's labels.
 */
export function functionOfSection(section: string): string | undefined {
  if (typeof section !== 'string') return undefined;
  const tokens = codeTokens(tokenizeC(section.slice(0, HEAD_CHARS)).tokens);
  const open = tokens.findIndex((t) => t.kind === 'punctuator' && t.text === '(');
  if (open > 0 && tokens[open - 1]!.kind === 'identifier') return tokens[open - 1]!.text;
  if (tokens.length === 2 && tokens[0]!.kind === 'identifier' && tokens[1]!.text === ':') {
    const labels = entriesNamed(tokens[0]!.text).filter((e) => e.kind === 'label');
    // Only a label that belongs to exactly one known function identifies it.
    return labels.length === 1 ? labels[0]!.scope : undefined;
  }
  return undefined;
}
