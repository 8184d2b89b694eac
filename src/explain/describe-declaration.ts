// Declarations and function heads: `int i, last = pid_ns->last_pid;`,
// `static int alloc_fixed_pidmap(struct pid_namespace *pid_ns, int next_nr)`, the `int next_nr)`
// that ends a parameter list begun on the line above, `struct next_syscall_data {`.
import { parseExpression } from './c-expression';
import type { CToken } from './c-tokens';
import type { Describer } from './describe';
import { isPunct, joinWords, matchingClose, splitTopLevel } from './tokens-util';

const STORAGE_WORDS = new Set(['static', 'extern', 'inline', 'register', 'auto', '__inline', '__inline__', '__always_inline', 'noinline', '__init', '__exit', 'asmlinkage']);
const TYPE_WORDS = new Set([
  'void', 'char', 'short', 'int', 'long', 'float', 'double', 'signed', 'unsigned', '_Bool', 'bool',
  'const', 'volatile', 'u8', 'u16', 'u32', 'u64', 's8', 's16', 's32', 's64', '__u32', '__u64',
]);
const TAG_WORDS = new Set(['struct', 'union', 'enum']);

interface Specifiers {
  readonly storage: string[];
  readonly type: string[];
  readonly next: number;
}

function readSpecifiers(tokens: readonly CToken[], start: number): Specifiers {
  const storage: string[] = [];
  const type: string[] = [];
  let i = start;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'identifier') break;
    if (STORAGE_WORDS.has(t.text)) storage.push(t.text);
    else if (TYPE_WORDS.has(t.text)) type.push(t.text);
    else if (TAG_WORDS.has(t.text) && tokens[i + 1]?.kind === 'identifier') type.push(t.text, tokens[++i]!.text);
    else if (TAG_WORDS.has(t.text)) type.push(t.text);
    // A typedef name (atomic_t, pid_t) counts only when a declarator follows it.
    else if (type.length === 0 && /_t$/.test(t.text) && (tokens[i + 1]?.kind === 'identifier' || isPunct(tokens[i + 1], '*'))) type.push(t.text);
    else break;
  }
  return { storage, type, next: i };
}

/** True when the tokens start like a declaration or a function head. */
export function startsDeclaration(tokens: readonly CToken[]): boolean {
  const spec = readSpecifiers(tokens, 0);
  if (spec.type.length === 0) return false;
  const next = tokens[spec.next];
  return next === undefined || next.kind === 'identifier' || isPunct(next, '*') || isPunct(next, '{') || isPunct(next, ';');
}

interface Declarator {
  readonly name: string;
  readonly type: string;
  readonly init?: CToken[];
}

function typeText(type: readonly string[], stars: number): string {
  return stars > 0 ? `${type.join(' ')} ${'*'.repeat(stars)}` : type.join(' ');
}

function readParameter(tokens: readonly CToken[]): string | undefined {
  if (tokens.length === 0) return undefined;
  if (tokens.length === 1 && tokens[0]!.text === 'void') return undefined;
  if (tokens.length === 1 && tokens[0]!.text === '...') return 'further arguments (...)';
  const spec = readSpecifiers(tokens, 0);
  let i = spec.next;
  let stars = 0;
  while (isPunct(tokens[i], '*') || tokens[i]?.text === 'const') if (tokens[i++]!.text === '*') stars++;
  const name = tokens[i]?.kind === 'identifier' ? tokens[i]!.text : undefined;
  const type = typeText(spec.type, stars);
  return name ? `${name} (${type})` : type || tokens.map((t) => t.text).join(' ');
}

/** Describes a declaration line; `tokens` start with the specifiers (see startsDeclaration). */
export function describeDeclaration(tokens: readonly CToken[], describer: Describer): string {
  const spec = readSpecifiers(tokens, 0);
  let i = spec.next;
  const storage = spec.storage.length > 0 ? `${spec.storage.join(' ')} ` : '';

  if (isPunct(tokens[i], '{') || (tokens[i] === undefined && TAG_WORDS.has(spec.type[0] ?? ''))) {
    return isPunct(tokens[i], '{') ? `Starts the definition of ${spec.type.join(' ')}.` : `Names the type ${spec.type.join(' ')}.`;
  }

  const declarators: Declarator[] = [];
  while (i < tokens.length) {
    let stars = 0;
    while (isPunct(tokens[i], '*') || tokens[i]?.text === 'const') if (tokens[i++]!.text === '*') stars++;
    const nameToken = tokens[i];
    if (nameToken?.kind !== 'identifier') break;
    i++;
    const type = typeText(spec.type, stars);

    if (isPunct(tokens[i], '(')) {
      const close = matchingClose(tokens, i);
      const inner = tokens.slice(i + 1, close < 0 ? tokens.length : close);
      const params = splitTopLevel(inner, ',').map(readParameter).filter((p): p is string => p !== undefined);
      const after = close < 0 ? undefined : tokens[close + 1];
      const what = isPunct(after, ';') ? 'Declares' : 'Starts the definition of';
      const paramText = params.length === 0 ? 'no parameters' : `parameters ${joinWords(params)}`;
      const more = close < 0 ? ', the parameter list continuing on the next line' : '';
      return `${what} ${nameToken.text}, a ${storage}function returning ${type}, with ${paramText}${more}.`;
    }
    while (isPunct(tokens[i], '[')) {
      const close = matchingClose(tokens, i);
      i = close < 0 ? tokens.length : close + 1;
    }
    let init: CToken[] | undefined;
    if (isPunct(tokens[i], '=')) {
      const rest = tokens.slice(i + 1);
      init = splitTopLevel(rest, ',')[0] ?? [];
      i += 1 + init.length;
    }
    declarators.push(init ? { name: nameToken.text, type, init } : { name: nameToken.text, type });
    if (isPunct(tokens[i], ',')) {
      i++;
      continue;
    }
    break;
  }

  if (declarators.length === 0) return `Declares something of type ${spec.type.join(' ')}.`;
  // `int next_nr)`: the tail of a parameter list opened on an earlier line.
  if (isPunct(tokens[i], ')')) {
    return `Continues the parameter list of the function above with ${joinWords(declarators.map((d) => `${d.name} (${d.type})`))}; the list ends here.`;
  }
  const sameType = declarators.every((d) => d.type === declarators[0]!.type);
  const names = sameType
    ? `${joinWords(declarators.map((d) => d.name))} (${declarators[0]!.type})`
    : joinWords(declarators.map((d) => `${d.name} (${d.type})`));
  const inits = declarators
    .filter((d) => d.init !== undefined)
    .map((d) => {
      const parsed = parseExpression(d.init!);
      return `${d.name} starts as ${initialValue(parsed.expr, describer)}`;
    });
  const kind = spec.storage.includes('static') ? 'static ' : '';
  return `Declares ${kind}${names}${inits.length > 0 ? `; ${inits.join('; ')}` : ''}.`;
}

function initialValue(expr: ReturnType<typeof parseExpression>['expr'], describer: Describer): string {
  if (expr.type === 'call') return `the result of ${describer.value(expr)}`;
  if (expr.type === 'unary' && expr.op === '&') return `the address of ${describer.value(expr.operand)}`;
  return describer.value(expr);
}

/** The function a definition head like `static int f(int a)` defines; undefined otherwise. */
export function definedFunctionName(tokens: readonly CToken[]): string | undefined {
  if (!startsDeclaration(tokens)) return undefined;
  let i = readSpecifiers(tokens, 0).next;
  while (isPunct(tokens[i], '*')) i++;
  const name = tokens[i];
  if (name?.kind !== 'identifier' || !isPunct(tokens[i + 1], '(')) return undefined;
  const close = matchingClose(tokens, i + 1);
  return close >= 0 && isPunct(tokens[close + 1], ';') ? undefined : name.text;
}
