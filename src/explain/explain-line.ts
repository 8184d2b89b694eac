// The hover text for one line of a hunk: what the statement does in plain words, the known
// identifiers it uses, and review notes. Bounded on any input and never throws.
import { codeTokens, type CToken, tokenizeC } from './c-tokens';
import { Describer } from './describe';
import { describeDirective } from './describe-directive';
import { definedFunctionName } from './describe-declaration';
import { describeStatement, type StatementContext } from './describe-statement';
import { type IdentifierRole, type KnowledgeEntry, lookupIdentifier } from './knowledge';
import { C_KEYWORDS, isPunct, lowerFirst } from './tokens-util';

export interface LineContext {
  /** The function the line belongs to; picks the right local-variable entries. */
  readonly functionName?: string;
  /** The diff prefix of the line: context, added or removed. */
  readonly kind?: ' ' | '+' | '-';
  /** True when the line is known to start inside a block comment. */
  readonly inComment?: boolean;
}

export interface ExplainedIdentifier {
  readonly name: string;
  readonly entry: KnowledgeEntry;
}

export interface LineExplanation {
  /** What the line does, in plain words. */
  readonly summary: string;
  /** Identifiers on the line that the knowledge base explains, in order of first use. */
  readonly identifiers: readonly ExplainedIdentifier[];
  /** Review notes: cautions of the identifiers used and remarks on the statement's shape. */
  readonly notes: readonly string[];
  /** Identifiers in code that the knowledge base does not know (C keywords excluded). */
  readonly unknownIdentifiers: readonly string[];
}

/** Lines longer than this are explained from their first MAX_LINE_CHARS characters. */
export const MAX_LINE_CHARS = 4000;
const MAX_SUMMARY_CHARS = 1200;
const MAX_STATEMENTS = 3;

const KIND_PREFIX: Readonly<Record<string, string>> = { '+': '(added by the patch) ', '-': '(removed by the patch) ' };

export function explainLine(text: string, context: LineContext = {}): LineExplanation {
  try {
    return explain(typeof text === 'string' ? text : '', context ?? {});
  } catch {
    // A bug in a describer must cost the user one hover, not an error popup.
    return { summary: 'A line of C code.', identifiers: [], notes: [], unknownIdentifiers: [] };
  }
}

function explain(fullText: string, context: LineContext): LineExplanation {
  const text = fullText.length > MAX_LINE_CHARS ? fullText.slice(0, MAX_LINE_CHARS) : fullText;
  const notes: string[] = [];
  if (fullText.length > MAX_LINE_CHARS) {
    notes.push(`The line is ${fullText.length} characters long; only the first ${MAX_LINE_CHARS} were read.`);
  }
  const prefix = KIND_PREFIX[context.kind ?? ' '] ?? '';
  const trimmed = text.trim();
  const inComment = context.inComment === true || looksLikeCommentContinuation(trimmed);
  const tokenized = tokenizeC(text, inComment);
  if (tokenized.truncated) notes.push('The line has too many tokens; only the first ones were read.');
  const code = codeTokens(tokenized.tokens);

  let summary: string;
  let identifiers: { found: ExplainedIdentifier[]; unknown: string[] };
  if (trimmed === '') {
    summary = 'A blank line.';
    identifiers = { found: [], unknown: [] };
  } else if (code.length === 0) {
    summary = describeComment(trimmed, inComment);
    identifiers = commentIdentifiers(tokenized.tokens, context.functionName);
  } else {
    // A definition head's parameters belong to the function it starts, not to the one above.
    const functionName = definedFunctionName(code) ?? context.functionName;
    const describer = new Describer(functionName);
    const statementContext: StatementContext = { describer, functionName, notes };
    summary = isPunct(code[0], '#') ? describeDirective(code, text) : describeStatements(code, statementContext);
    identifiers = codeIdentifiers(code, functionName);
  }

  for (const { entry } of identifiers.found) {
    if (entry.caution && !notes.includes(entry.caution)) notes.push(entry.caution);
  }
  const full = prefix + summary;
  return {
    summary: full.length > MAX_SUMMARY_CHARS ? `${full.slice(0, MAX_SUMMARY_CHARS - 1)}…` : full,
    identifiers: identifiers.found,
    notes,
    unknownIdentifiers: identifiers.unknown,
  };
}

function describeStatements(code: readonly CToken[], ctx: StatementContext): string {
  const statements = splitStatements(code);
  const described = statements.slice(0, MAX_STATEMENTS).map((s) => describeStatement(s, ctx));
  if (statements.length > 1) {
    ctx.notes.push(`The line holds ${statements.length} statements${statements.length > MAX_STATEMENTS ? `; the first ${MAX_STATEMENTS} are described` : ''}.`);
  }
  return described.map((s, i) => (i === 0 ? s : `Then: ${lowerFirst(s)}`)).join(' ');
}

/** Splits at `;` outside parentheses and brackets, keeping each `;`; `for (;;)` stays whole. */
function splitStatements(code: readonly CToken[]): CToken[][] {
  const statements: CToken[][] = [];
  let current: CToken[] = [];
  let depth = 0;
  for (const t of code) {
    current.push(t);
    if (t.kind !== 'punctuator') continue;
    if (t.text === '(' || t.text === '[') depth++;
    else if (t.text === ')' || t.text === ']') depth = Math.max(0, depth - 1);
    else if (t.text === ';' && depth === 0) {
      statements.push(current);
      current = [];
    }
  }
  if (current.length > 0) statements.push(current);
  return statements;
}

// A ` * text` line continues a block comment and `*/` can only close one; `*p = 1;` (no space
// after the star) is code.
function looksLikeCommentContinuation(trimmed: string): boolean {
  if (trimmed.startsWith('*/')) return true;
  if (!trimmed.startsWith('*')) return false;
  const next = trimmed.charAt(1);
  return next === '' || next === ' ' || next === '\t' || next === '*';
}

function describeComment(trimmed: string, continuation: boolean): string {
  const words = trimmed
    .replace(/^\/\*+|^\/\/+|\*+\/$/g, '')
    .replace(/^\s*\*+(?!\/)/, '')
    .trim();
  const opens = trimmed.startsWith('/*') && !trimmed.endsWith('*/');
  const closes = !trimmed.startsWith('/*') && trimmed.endsWith('*/');
  if (words === '') return opens ? 'Opens a block comment.' : closes ? 'Closes the block comment.' : 'An empty comment line.';
  if (opens) return `Opens a block comment: "${words}"`;
  if (closes) return `Ends the block comment: "${words}"`;
  return continuation ? `Comment text: "${words}"` : `Comment: "${words}"`;
}

function roleOf(code: readonly CToken[], index: number): IdentifierRole {
  const previous = code[index - 1];
  if (isPunct(previous, '->') || isPunct(previous, '.')) return 'member';
  if (previous?.kind === 'identifier' && (previous.text === 'struct' || previous.text === 'union' || previous.text === 'enum')) return 'struct-tag';
  if (previous?.kind === 'identifier' && previous.text === 'goto') return 'label';
  if (index === 0 && isPunct(code[1], ':')) return 'label';
  return 'plain';
}

function codeIdentifiers(code: readonly CToken[], functionName: string | undefined): { found: ExplainedIdentifier[]; unknown: string[] } {
  const found: ExplainedIdentifier[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  code.forEach((t, index) => {
    if (t.kind !== 'identifier' || C_KEYWORDS.has(t.text)) return;
    if (index === 1 && isPunct(code[0], '#')) return; // the directive word itself
    const role = roleOf(code, index);
    const key = `${role}:${t.text}`;
    if (seen.has(key)) return;
    seen.add(key);
    const entry = lookupIdentifier(t.text, { functionName, role });
    if (entry) found.push({ name: t.text, entry });
    else if (!unknown.includes(t.text)) unknown.push(t.text);
  });
  return { found, unknown };
}

/** In prose, only words that look like code count: snake_case, CONSTANTS and `calls()`. */
function commentIdentifiers(tokens: readonly CToken[], functionName: string | undefined): { found: ExplainedIdentifier[]; unknown: string[] } {
  const found: ExplainedIdentifier[] = [];
  const seen = new Set<string>();
  for (const comment of tokens) {
    const words = tokenizeC(comment.text.replace(/^\/\*|\*\/$|^\/\//g, ' ')).tokens;
    words.forEach((w, index) => {
      if (w.kind !== 'identifier' || seen.has(w.text)) return;
      const codeLike = w.text.includes('_') || isPunct(words[index + 1], '(') || (w.text.length > 1 && /^[A-Z0-9_]+$/.test(w.text));
      if (!codeLike) return;
      seen.add(w.text);
      const entry = lookupIdentifier(w.text, { functionName });
      if (entry) found.push({ name: w.text, entry });
    });
  }
  return { found, unknown: [] };
}
