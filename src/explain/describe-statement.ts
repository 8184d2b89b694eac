// Plain words for one C statement, chosen by its shape: if/else/for/while/do/switch/case,
// return/goto/break/continue, labels, braces, declarations, assignments and calls.
import { calleeName, type Expr, parseExpression } from './c-expression';
import type { CToken } from './c-tokens';
import type { Describer } from './describe';
import { describeDeclaration, startsDeclaration } from './describe-declaration';
import { lookupIdentifier } from './knowledge';
import { C_KEYWORDS, isPunct, isWord, lowerFirst, matchingClose, splitTopLevel, withoutPeriod } from './tokens-util';

export interface StatementContext {
  readonly describer: Describer;
  readonly functionName?: string;
  /** Review notes found while describing (empty if body, assignment in a condition, …). */
  readonly notes: string[];
}

const MAX_NESTED = 8;

/** One or more sentences describing the statement. Never empty for non-empty input. */
export function describeStatement(tokens: readonly CToken[], ctx: StatementContext, nesting = 0): string {
  if (tokens.length === 0) return '';
  if (nesting > MAX_NESTED) return `Runs ${sourceText(tokens)}.`;
  const first = tokens[0]!;
  const rest = tokens.slice(1);

  if (isPunct(first, '}')) return describeAfterClose(rest, ctx, nesting);
  if (isPunct(first, '{')) {
    return rest.length === 0 ? 'Opens a block.' : `Opens a block, then: ${lowerFirst(describeStatement(rest, ctx, nesting + 1))}`;
  }
  if (isPunct(first, ';')) return 'An empty statement: does nothing.';

  if (first.kind === 'identifier') {
    switch (first.text) {
      case 'if':
        return describeIf(tokens, ctx, nesting);
      case 'else':
        return describeElse(rest, ctx, nesting);
      case 'for':
        return describeFor(tokens, ctx, nesting);
      case 'while':
        return describeWhile(tokens, ctx, nesting);
      case 'do':
        return 'Starts a do-while loop: the block runs once, then again for as long as the condition on its closing while line holds.';
      case 'switch': {
        const cond = parenGroup(tokens, 1);
        return `Jumps to the case label below that matches the value of ${cond ? ctx.describer.value(cond.expr) : 'the expression'}.`;
      }
      case 'case': {
        const colon = tokens.findIndex((t) => isPunct(t, ':'));
        const value = parseExpression(tokens, 1, colon < 0 ? tokens.length : colon).expr;
        return `A case label: the switch comes here when its value equals ${ctx.describer.value(value)}.`;
      }
      case 'default':
        if (isPunct(tokens[1], ':')) return 'The default label: the switch comes here when no case matches.';
        break;
      case 'return':
        return describeReturn(rest, ctx);
      case 'goto':
        return describeGoto(rest, ctx);
      case 'break':
        return 'Leaves the innermost loop or switch.';
      case 'continue':
        return 'Skips to the next pass of the innermost loop.';
    }
    // `out_free:` — a label (not `a ? b : c`, which never starts with `name :`).
    if (isPunct(tokens[1], ':') && !C_KEYWORDS.has(first.text)) {
      const entry = lookupIdentifier(first.text, { functionName: ctx.functionName, role: 'label' });
      const what = entry ? `: ${lowerFirst(withoutPeriod(entry.summary))}.` : '.';
      const after = tokens.slice(2);
      const then = after.length > 0 ? ` Then: ${lowerFirst(describeStatement(after, ctx, nesting + 1))}` : '';
      return `Marks the label ${first.text}, a goto target${what}${then}`;
    }
  }

  if (startsDeclaration(tokens)) return describeDeclaration(tokens, ctx.describer) + calleeSentence(firstCallIn(tokens));
  return describeExpressionStatement(tokens, ctx);
}

function sourceText(tokens: readonly CToken[]): string {
  return tokens.map((t) => t.text).join(' ');
}

function parenGroup(tokens: readonly CToken[], open: number): { expr: Expr; close: number; complete: boolean } | undefined {
  if (!isPunct(tokens[open], '(')) return undefined;
  const close = matchingClose(tokens, open);
  const end = close < 0 ? tokens.length : close;
  const parsed = parseExpression(tokens, open + 1, end);
  return { expr: parsed.expr, close, complete: close >= 0 };
}

/** What runs when a condition holds: the rest of the line after `if (...)`, `else`, `for (...)`. */
function describeBody(body: readonly CToken[], ctx: StatementContext, nesting: number, emptyNote: string): string {
  if (body.length === 0) return 'runs the statement on the next line';
  if (isPunct(body[0], '{') && body.length === 1) return 'runs the block that follows';
  if (isPunct(body[0], ';') && body.length === 1) {
    ctx.notes.push(emptyNote);
    return 'does nothing (the body is an empty statement)';
  }
  return lowerFirst(withoutPeriod(describeStatement(body, ctx, nesting + 1)));
}

function describeIf(tokens: readonly CToken[], ctx: StatementContext, nesting: number): string {
  const group = parenGroup(tokens, 1);
  if (!group) return 'Starts an if statement whose condition is on the next line.';
  noteAssignmentInCondition(group.expr, ctx);
  const cond = ctx.describer.condition(group.expr);
  if (!group.complete) return `Checks whether ${cond} (the condition continues on the next line).`;
  const body = describeBody(tokens.slice(group.close + 1), ctx, nesting, 'The if statement ends with a lone ";": its body is empty, so the next line runs whatever the condition says.');
  return `Checks whether ${cond}; if so, ${body}.${calleeSentence(firstCallIn(tokens.slice(2, group.close)))}`;
}

function describeElse(rest: readonly CToken[], ctx: StatementContext, nesting: number): string {
  if (isWord(rest[0], 'if')) {
    return `Otherwise (the if above was false): ${lowerFirst(describeIf(rest, ctx, nesting + 1))}`;
  }
  return `Otherwise (the if above was false), ${describeBody(rest, ctx, nesting, 'The else ends with a lone ";": its body is empty.')}.`;
}

function describeFor(tokens: readonly CToken[], ctx: StatementContext, nesting: number): string {
  if (!isPunct(tokens[1], '(')) return 'Starts a for loop.';
  const close = matchingClose(tokens, 1);
  const inner = tokens.slice(2, close < 0 ? tokens.length : close);
  const [init = [], cond = [], step = []] = splitTopLevel(inner, ';');
  const d = ctx.describer;
  const parts: string[] = [];
  parts.push(init.length > 0 ? `first ${lowerFirst(withoutPeriod(describeExpressionStatement(init, ctx)))}` : 'with no initialisation (the counter keeps its current value)');
  parts.push(cond.length > 0 ? `repeats while ${d.condition(parseExpression(cond).expr)}` : 'repeats until something inside leaves the loop');
  if (step.length > 0) parts.push(`after each pass ${lowerFirst(withoutPeriod(describeExpressionStatement(step, ctx)))}`);
  const body = close < 0 ? '' : `; the loop body ${describeBody(tokens.slice(close + 1), ctx, nesting, 'The for loop ends with a lone ";": its body is empty.').replace(/^runs /, 'is ')}`;
  return `Loops: ${parts.join('; ')}${body}.`;
}

function describeWhile(tokens: readonly CToken[], ctx: StatementContext, nesting: number): string {
  const group = parenGroup(tokens, 1);
  if (!group) return 'Starts a while loop.';
  const cond = ctx.describer.condition(group.expr);
  const after = tokens.slice(group.close + 1);
  if (group.complete && after.length === 1 && isPunct(after[0], ';')) {
    return `Ends a do-while loop: goes back to its do while ${cond}.`;
  }
  return `Loops while ${cond}; each pass ${describeBody(after, ctx, nesting, 'The while loop ends with a lone ";": its body is empty.')}.`;
}

function describeAfterClose(rest: readonly CToken[], ctx: StatementContext, nesting: number): string {
  if (rest.length === 0) return 'Closes the block.';
  if (rest.length === 1 && isPunct(rest[0], ';')) return 'Closes the block (a struct, union or initializer ends here).';
  if (isWord(rest[0], 'while')) {
    const group = parenGroup(rest, 1);
    const cond = group ? ctx.describer.condition(group.expr) : 'the condition holds';
    return `Closes the do-while block and goes back to its do while ${cond}.`;
  }
  return `Closes the block, then: ${lowerFirst(describeStatement(rest, ctx, nesting + 1))}`;
}

function withoutSemicolon(tokens: readonly CToken[]): readonly CToken[] {
  return isPunct(tokens[tokens.length - 1], ';') ? tokens.slice(0, -1) : tokens;
}

function describeReturn(rest: readonly CToken[], ctx: StatementContext): string {
  const body = withoutSemicolon(rest);
  if (body.length === 0) return 'Returns from the function.';
  const { expr } = parseExpression(body);
  const d = ctx.describer;
  const value = expr.type === 'call' ? `the result of ${d.value(expr)}` : d.value(expr);
  if (expr.type === 'literal' && /^0+$/.test(expr.text)) return 'Returns 0 to the caller: success, by kernel convention.';
  if (expr.type === 'unary' && expr.op === '-' && expr.operand.type === 'ident') {
    const errno = lookupIdentifier(expr.operand.name);
    if (errno?.kind === 'errno') return `Returns ${value} to the caller, reporting failure with ${lowerFirst(withoutPeriod(errno.summary))}.`;
  }
  if (expr.type === 'unary' && expr.op === '-' && expr.operand.type === 'literal') {
    return `Returns ${value} to the caller: a failure (a bare -1, not an errno).`;
  }
  return `Returns ${value} to the caller.${calleeSentence(firstCallInExpr(expr))}`;
}

function describeGoto(rest: readonly CToken[], ctx: StatementContext): string {
  const target = rest[0]?.kind === 'identifier' ? rest[0].text : undefined;
  if (!target) return 'Jumps to a label.';
  const entry = lookupIdentifier(target, { functionName: ctx.functionName, role: 'label' });
  return `Jumps to the label ${target}${entry ? `: ${lowerFirst(withoutPeriod(entry.summary))}` : ''}.`;
}

const COMPOUND: Readonly<Record<string, (t: string, v: string) => string>> = {
  '+=': (t, v) => `Adds ${v} to ${t}`,
  '-=': (t, v) => `Subtracts ${v} from ${t}`,
  '*=': (t, v) => `Multiplies ${t} by ${v}`,
  '/=': (t, v) => `Divides ${t} by ${v}`,
  '|=': (t, v) => `Sets the bits of ${v} in ${t}`,
  '&=': (t, v) => `Keeps in ${t} only the bits also set in ${v}`,
};

function describeExpressionStatement(tokens: readonly CToken[], ctx: StatementContext): string {
  const body = withoutSemicolon(tokens);
  const parsed = parseExpression(body);
  const d = ctx.describer;
  const e = parsed.expr;
  if (!parsed.complete) {
    return `Part of a statement spread over several lines: ${sourceText(body)}.${calleeSentence(firstCallInExpr(e))}`;
  }
  switch (e.type) {
    case 'assign': {
      const target = d.value(e.target);
      if (e.op === '=') {
        const v = e.value;
        const value =
          v.type === 'call' ? `the result of ${d.value(v)}` : v.type === 'unary' && v.op === '&' ? `the address of ${d.value(v.operand)}` : d.value(v);
        return `Sets ${target} to ${value}.${calleeSentence(firstCallInExpr(v))}`;
      }
      const phrase = COMPOUND[e.op];
      const value = d.value(e.value);
      return `${phrase ? phrase(target, value) : `Updates ${target} with ${e.op} ${value}`}.`;
    }
    case 'postfix':
    case 'unary':
      if (e.op === '++' || e.op === '--') return `${e.op === '++' ? 'Increments' : 'Decrements'} ${d.value(e.operand)} by one.`;
      break;
    case 'call':
      return `Calls ${d.value(e)}.${calleeSentence(firstCallInExpr(e))}`;
  }
  return `Evaluates ${d.value(e)}.`;
}

function noteAssignmentInCondition(e: Expr, ctx: StatementContext): void {
  let x = e;
  while (x.type === 'paren') x = x.inner;
  if (x.type === 'assign' && x.op === '=') ctx.notes.push('The condition assigns with "=" rather than comparing with "==": check that this is meant.');
}

const HINTS = new Set(['likely', 'unlikely']);

/** The first call to a known function in the tree, looking through branch hints. */
function firstCallInExpr(e: Expr, budget = { left: 500 }): string | undefined {
  if (--budget.left < 0) return undefined;
  switch (e.type) {
    case 'call': {
      const name = calleeName(e);
      if (name && !HINTS.has(name) && lookupIdentifier(name)) return name;
      for (const a of e.args) {
        const hit = firstCallInExpr(a, budget);
        if (hit) return hit;
      }
      return undefined;
    }
    case 'unary': case 'postfix': case 'cast': return firstCallInExpr(e.operand, budget);
    case 'paren': return firstCallInExpr(e.inner, budget);
    case 'binary': return firstCallInExpr(e.left, budget) ?? firstCallInExpr(e.right, budget);
    case 'assign': return firstCallInExpr(e.value, budget);
    case 'ternary': return firstCallInExpr(e.test, budget) ?? firstCallInExpr(e.then, budget) ?? firstCallInExpr(e.otherwise, budget);
    case 'member': return firstCallInExpr(e.object, budget);
    case 'index': return firstCallInExpr(e.object, budget) ?? firstCallInExpr(e.index, budget);
    default: return undefined;
  }
}

function firstCallIn(tokens: readonly CToken[]): string | undefined {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'identifier' && !HINTS.has(t.text) && isPunct(tokens[i + 1], '(')) {
      const entry = lookupIdentifier(t.text);
      if (entry && (entry.kind === 'function' || entry.kind === 'macro')) return t.text;
    }
  }
  return undefined;
}

/** " kzalloc: Allocates …" for the statement's main call, or "" when it has none we know. */
function calleeSentence(name: string | undefined): string {
  if (!name) return '';
  const entry = lookupIdentifier(name);
  if (!entry || (entry.kind !== 'function' && entry.kind !== 'macro')) return '';
  return ` ${name}: ${entry.summary}`;
}
