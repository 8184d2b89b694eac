// JSON written piece by piece, byte for byte what JSON.stringify(value, null, 2) gives (or, with
// pretty off, JSON.stringify(value)): the outer arrays and objects are walked, their elements
// stringified one at a time, so the whole document never sits in memory as one string.
import { CHUNK, ChunkedOutput } from './output';
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

/** Where compactInto appends its text; the caller takes it out each time the walk yields. */
interface Sink {
  text: string;
}

/**
 * Compact JSON: the same walk as `pieces`, with no whitespace, appended to `sink.text`. It yields
 * only when the text has grown past a chunk, and elements stringified whole are appended in the
 * loop that meets them: a generator (and a yield through every level) per hunk was most of the
 * time of `kpr parse --json`.
 */
function* compactInto(value: object, level: number, sink: Sink): Generator<void> {
  const walkedBelow = level + 1 < WALKED_LEVELS;
  if (Array.isArray(value)) {
    sink.text += '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) sink.text += ',';
      const item: unknown = value[i];
      if (walkedBelow && isContainer(item)) yield* compactInto(item, level + 1, sink);
      else sink.text += JSON.stringify(item) ?? 'null';
      if (sink.text.length >= CHUNK) yield;
    }
    sink.text += ']';
    return;
  }
  const entries = keptEntries(value);
  sink.text += '{';
  for (let i = 0; i < entries.length; i++) {
    sink.text += `${i === 0 ? '' : ','}${JSON.stringify(entries[i][0])}:`;
    const item = entries[i][1];
    if (walkedBelow && isContainer(item)) yield* compactInto(item, level + 1, sink);
    else sink.text += JSON.stringify(item) ?? 'null';
    if (sink.text.length >= CHUNK) yield;
  }
  sink.text += '}';
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
  if (options.pretty === false) {
    const sink: Sink = { text: '' };
    if (isContainer(value)) {
      for (const _ of compactInto(value, 0, sink)) {
        await out.write(sink.text);
        sink.text = '';
      }
    } else sink.text = JSON.stringify(value) ?? 'null';
    await out.write(sink.text);
  } else {
    for (const piece of pieces(value, '', 0)) await out.write(piece);
  }
  await out.write('\n');
  await out.flush();
}
