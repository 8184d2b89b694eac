// Splits a line of C into the pieces an editor would not break inside (identifiers, numbers,
// literals, multi-character operators) and the spaces between them, so the panel can wrap a long
// statement only between tokens. No DOM here (unit-tested in Node).

export interface CPiece {
  readonly text: string;
  /** True for a run of white space (a natural break), false for a token. */
  readonly space: boolean;
}

const PIECE = new RegExp([
  String.raw`\s+`,
  String.raw`[A-Za-z_]\w*`,
  String.raw`0[xX][0-9a-fA-F]+[uUlL]*`,
  String.raw`\d+(?:\.\d*)?(?:[eE][-+]?\d+)?[uUlLfF]*`,
  String.raw`"(?:\\.|[^"\\])*"?`,
  String.raw`'(?:\\.|[^'\\])*'?`,
  String.raw`\/\*[\s\S]*?(?:\*\/|$)`,
  String.raw`\/\/.*`,
  String.raw`->|\+\+|--|<<=?|>>=?|[<>!=]=|&&|\|\||[-+*/%&|^]=|\.\.\.|##`,
  String.raw`[\s\S]`,
].join('|'), 'g');

export function cPieces(line: string): CPiece[] {
  return [...line.matchAll(PIECE)].map((m) => ({ text: m[0], space: /^\s/.test(m[0]) }));
}
