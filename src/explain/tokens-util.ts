// Small helpers over token lists and sentences shared by the describers.
import type { CToken } from './c-tokens';

export function isPunct(t: CToken | undefined, text: string): boolean {
  return t !== undefined && t.kind === 'punctuator' && t.text === text;
}

export function isWord(t: CToken | undefined, text: string): boolean {
  return t !== undefined && t.kind === 'identifier' && t.text === text;
}

/** Index of the bracket closing the one at `open`, or -1 when the line ends first. */
export function matchingClose(tokens: readonly CToken[], open: number): number {
  const opener = tokens[open]?.text;
  const closer = opener === '(' ? ')' : opener === '[' ? ']' : opener === '{' ? '}' : undefined;
  if (closer === undefined) return -1;
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punctuator') continue;
    if (t.text === opener) depth++;
    else if (t.text === closer && --depth === 0) return i;
  }
  return -1;
}

/** Splits at `separator` tokens that are not inside (), [] or {}. Separators are dropped. */
export function splitTopLevel(tokens: readonly CToken[], separator: string): CToken[][] {
  const parts: CToken[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'punctuator') {
      if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
      else if (t.text === ')' || t.text === ']' || t.text === '}') depth = Math.max(0, depth - 1);
      else if (t.text === separator && depth === 0) {
        parts.push([]);
        continue;
      }
    }
    parts[parts.length - 1]!.push(t);
  }
  return parts;
}

/** Lower-cases the first letter unless the word is an acronym or identifier (EINVAL, kzalloc…). */
export function lowerFirst(sentence: string): string {
  const second = sentence.charAt(1);
  if (sentence === '' || second === '' || second.toLowerCase() !== second || /[_\d(]/.test(second)) return sentence;
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Removes one trailing period so sentences can be embedded in others. */
export function withoutPeriod(sentence: string): string {
  return sentence.endsWith('.') ? sentence.slice(0, -1) : sentence;
}

export const C_KEYWORDS: ReadonlySet<string> = new Set([
  'auto', 'break', 'case', 'char', 'const', 'continue', 'default', 'do', 'double', 'else', 'enum',
  'extern', 'float', 'for', 'goto', 'if', 'inline', 'int', 'long', 'register', 'restrict', 'return',
  'short', 'signed', 'sizeof', 'static', 'struct', 'switch', 'typedef', 'union', 'unsigned', 'void',
  'volatile', 'while', '_Bool', 'bool',
]);
