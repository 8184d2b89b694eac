// Markdown for hovers. Everything that comes from a patch is escaped so that it renders as the
// characters it is: no links (the hover is trusted for our own command links), no HTML, no
// emphasis, headings, tables or autolinks.
import type { LineExplanation } from './explain-line';
import type { KnowledgeEntry } from './knowledge';

// Characters that alter what a reader sees without being visible themselves: C0/C1 controls
// (tab and newline excepted, handled by the callers), bidirectional marks, overrides and
// isolates, zero-width characters, line and paragraph separators.
function isInvisible(code: number): boolean {
  return (
    (code <= 0x1f && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2069) ||
    code === 0xfeff
  );
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

function makeVisible(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += isInvisible(code) ? '\ufffd' : text[i];
  }
  return out;
}

/** Escapes text for use inside a Markdown paragraph: every ASCII punctuation mark is escaped. */
export function escapeMarkdown(text: string): string {
  return makeVisible(String(text))
    .replace(/\r\n|\r|\n|\t/g, ' ')
    // Four leading spaces would open an indented code block: a paragraph starts at its text.
    .replace(/^ +/, '')
    .replace(ASCII_PUNCTUATION, (c) => `\\${c}`);
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** A code span whose fence is longer than any backtick run inside, so the text cannot close it. */
export function inlineCode(text: string): string {
  const content = makeVisible(String(text)).replace(/\r\n|\r|\n/g, ' ');
  const fence = '`'.repeat(longestRun(content, '`') + 1);
  return `${fence} ${content} ${fence}`;
}

/** A fenced code block; the fence is longer than any backtick run in the text. */
export function codeBlock(text: string, language = ''): string {
  const content = makeVisible(String(text).replace(/\r\n|\r/g, '\n').replace(/\t/g, '    '));
  const fence = '`'.repeat(Math.max(3, longestRun(content, '`') + 1));
  const info = language.replace(/[^A-Za-z0-9_+-]/g, '');
  return `${fence}${info}\n${content}\n${fence}`;
}

const OUR_COMMAND = /^kpr\.[A-Za-z][A-Za-z0-9.]*$/;

/**
 * A `command:` link to one of our own commands. Anything else yields only the escaped title:
 * the hover is trusted for our commands alone, so no other link may be produced.
 */
export function commandLink(title: string, command: string, args?: unknown): string {
  if (!OUR_COMMAND.test(command)) return escapeMarkdown(title);
  let query = '';
  if (args !== undefined) {
    let json: string | undefined;
    try {
      json = JSON.stringify(args);
    } catch {
      json = undefined; // cyclic or BigInt arguments: no link rather than an exception
    }
    if (json === undefined) return escapeMarkdown(title);
    // encodeURIComponent leaves ( ) ' ! * alone; a bare ) would end the link destination.
    query = `?${encodeURIComponent(json).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
  }
  return `[${escapeMarkdown(title)}](command:${command}${query})`;
}

/** "local in alloc_pid", "field of pidmap", "constant = 300". */
function describeKind(entry: KnowledgeEntry): string {
  if (entry.kind === 'local') return `local in ${entry.scope ?? '?'}`;
  if (entry.kind === 'label') return `label in ${entry.scope ?? '?'}`;
  if (entry.kind === 'field') return `field of struct ${entry.owner ?? '?'}`;
  if (entry.value !== undefined) return `${entry.kind} = ${entry.radix === 16 ? `0x${entry.value.toString(16)}` : entry.value}`;
  return entry.kind;
}

/** One knowledge-base entry as Markdown, for hovers on a single identifier. */
export function renderEntryMarkdown(entry: KnowledgeEntry): string {
  const parts = [`${inlineCode(entry.name)} *${escapeMarkdown(describeKind(entry))}*`, '', escapeMarkdown(entry.summary)];
  if (entry.detail) parts.push('', escapeMarkdown(entry.detail));
  if (entry.caution) parts.push('', `**Review:** ${escapeMarkdown(entry.caution)}`);
  if (entry.seeAlso && entry.seeAlso.length > 0) parts.push('', `See also: ${entry.seeAlso.map(inlineCode).join(', ')}`);
  return parts.join('\n');
}

export interface ExplanationMarkdownOptions {
  /** At most this many identifiers are listed (default 12). */
  readonly maxIdentifiers?: number;
}

/** A line's explanation as Markdown: summary, the identifiers it uses, review notes. */
export function renderExplanationMarkdown(explanation: LineExplanation, options: ExplanationMarkdownOptions = {}): string {
  const max = options.maxIdentifiers ?? 12;
  const out: string[] = [escapeMarkdown(explanation.summary)];
  const shown = explanation.identifiers.slice(0, max);
  if (shown.length > 0) {
    out.push('');
    for (const { name, entry } of shown) {
      out.push(`- ${inlineCode(name)} *${escapeMarkdown(describeKind(entry))}*: ${escapeMarkdown(entry.summary)}`);
    }
    if (explanation.identifiers.length > max) out.push(`- ${explanation.identifiers.length - max} more`);
  }
  if (explanation.notes.length > 0) {
    out.push('');
    for (const note of explanation.notes) out.push(`- **Note:** ${escapeMarkdown(note)}`);
  }
  return out.join('\n');
}
