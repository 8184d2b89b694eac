// JSON written piece by piece, byte for byte what JSON.stringify(value, null, 2) gives (or, with
// pretty off, JSON.stringify(value)): the outer arrays and objects are walked, their elements
// stringified one at a time, so the whole document never sits in memory as one string.
import { ChunkedOutput } from './output';
import type { CliIo } from './command';

const INDENT = '  ';

/**
 * Levels walked before an element is stringified whole: down to one hunk of `kpr parse` (root,
 * mails, mail, files, file, hunks), since one mail may hold hundreds of thousands of hunks.
 */
const WALKED_LEVELS = 6;

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** What JSON.stringify keeps of an object: entries whose value is not undefined or a function. */
function keptEntries(value: object): [string, unknown][] {
  return Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
}

/** Compact JSON: the same walk as `pieces`, with no whitespace. */
function* compactPieces(value: unknown, level: number): Generator<string> {
  if (!isContainer(value) || level >= WALKED_LEVELS) {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const item: unknown = value[i];
      yield* compactPieces(item === undefined || typeof item === 'function' ? null : item, level + 1);
    }
    yield ']';
    return;
  }
  const entries = keptEntries(value);
  yield '{';
  for (let i = 0; i < entries.length; i++) {
    yield `${i === 0 ? '' : ','}${JSON.stringify(entries[i][0])}:`;
    yield* compactPieces(entries[i][1], level + 1);
  }
  yield '}';
}

function* pieces(value: unknown, indent: string, level: number): Generator<string> {
  if (!isContainer(value) || level >= WALKED_LEVELS) {
    const text = JSON.stringify(value, null, 2) ?? 'null';
    yield indent === '' ? text : text.replace(/\n/g, `\n${indent}`);
    return;
  }
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '' : ','}\n${inner}`;
      const item: unknown = value[i];
      yield* pieces(item === undefined || typeof item === 'function' ? null : item, inner, level + 1);
    }
    yield `\n${indent}]`;
    return;
  }
  const entries = keptEntries(value);
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (let i = 0; i < entries.length; i++) {
    yield `${i === 0 ? '' : ','}\n${inner}${JSON.stringify(entries[i][0])}: `;
    yield* pieces(entries[i][1], inner, level + 1);
  }
  yield `\n${indent}}`;
}

/**
 * Writes `value` as JSON.stringify(value, null, 2) does (pretty, the default) or as
 * JSON.stringify(value) does, then a newline, with backpressure.
 */
export async function writeJson(io: CliIo, value: unknown, options: { readonly pretty?: boolean } = {}): Promise<void> {
  const out = new ChunkedOutput(io);
  for (const piece of options.pretty === false ? compactPieces(value, 0) : pieces(value, '', 0)) await out.write(piece);
  await out.write('\n');
  await out.flush();
}
