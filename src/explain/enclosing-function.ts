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
export function enclosingFunction(lines: readonly string[], index: number, sectionFunction?: string, maxScanned = MAX_LINES_SCANNED): string | undefined {
  if (!Array.isArray(lines) || lines.length === 0 || !(index >= 0)) return sectionFunction;
  const start = Math.min(index, lines.length - 1);
  const stop = Math.max(0, start - maxScanned);
  for (let i = start; i >= stop; i--) {
    const head = lineHead(lines[i]);
    if (head === SKIPPED) continue;
    if (head === CLOSING) {
      if (i < start) return undefined;
      continue;
    }
    if (head !== undefined) return head;
  }
  return stop === 0 ? sectionFunction : undefined;
}

/**
 * enclosingFunction of every line, in one pass: each line's head is read once and the nearest
 * deciding line above is carried down, where asking line by line scanned up to 5000 lines for
 * each (a hostile hunk of a million blank lines took minutes to map).
 */
export function enclosingFunctions(lines: readonly string[], sectionFunction?: string, maxScanned = MAX_LINES_SCANNED): (string | undefined)[] {
  const out = new Array<string | undefined>(lines.length);
  // The nearest line above that decides (a definition head, or a closing brace), and what it says.
  let decidedAt = -1;
  let decided: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const head = lineHead(lines[i]);
    const name = typeof head === 'string' ? head : undefined;
    if (name !== undefined) out[i] = name;
    else if (decidedAt >= 0 && i - decidedAt <= maxScanned) out[i] = decided;
    else out[i] = i - maxScanned <= 0 ? sectionFunction : undefined;
    // A closing brace decides for the lines below it (between functions) as a head does.
    if (name !== undefined || head === CLOSING) {
      decidedAt = i;
      decided = name;
    }
  }
  return out;
}

/** A line that says nothing of the function (empty or indented), and a closing brace in column 0. */
const SKIPPED = Symbol('skipped');
const CLOSING = Symbol('closing');

/** What one line says: nothing, a closing brace, a defined function's name, or undefined (another line in column 0). */
function lineHead(line: string | undefined): string | typeof SKIPPED | typeof CLOSING | undefined {
  const text = typeof line === 'string' ? line : '';
  // Bodies are indented; a definition head or a function's closing brace starts in column 0.
  if (text === '' || /^\s/.test(text)) return SKIPPED;
  if (text.startsWith('}')) return CLOSING;
  return definedFunctionName(codeTokens(tokenizeC(text.slice(0, HEAD_CHARS)).tokens));
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
