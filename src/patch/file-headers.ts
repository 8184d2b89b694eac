// The header of one file's diff: `diff --git` with its extended headers, a quilt/svn
// `Index:` line with its `====` separator, a `diff -up` command line, or a bare `---`/`+++`
// pair. Paths lose their first component (`a/`, `b/`, `linux-2.6.26-rc8-mm1.orig/`) as
// `git apply` and `patch -p1` do; the prefix is kept beside the path.
import type { ExtendedHeader } from './model';
import { HUNK_HEADER, fileStartKind, isQuiltSeparator, nextContent } from './line-kinds';
import { lineOf, type SourceLine } from './positions';

export interface FileHeader {
  readonly oldPath: string;
  readonly newPath: string;
  readonly oldPrefix: string;
  readonly newPrefix: string;
  readonly extendedHeaders: readonly ExtendedHeader[];
  readonly isBinary: boolean;
  /** Index of the header's first line. */
  readonly start: number;
  /** Index of the first line after the header. */
  readonly next: number;
}

const EXTENDED = /^(old mode|new mode|deleted file mode|new file mode|copy from|copy to|rename from|rename to|rename old|rename new|similarity index|dissimilarity index|index) (.*)$/;
const TIMESTAMP = /\s(?:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,9})?(?: ?[+-]\d{4})?|\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4})\s*$/;
const SVN_SUFFIX = /\s\((?:revision \d{1,12}|working copy|nonexistent)\)\s*$/;
const DEV_NULL = '/dev/null';

/** Reads a C-quoted path ("a/tab\there") starting at text[0] === '"'; returns the path and the rest. */
export function unquotePath(text: string): { path: string; rest: string } | undefined {
  let out = '';
  const bytes: number[] = [];
  const flush = () => {
    if (bytes.length > 0) {
      out += new TextDecoder('utf-8').decode(Uint8Array.from(bytes));
      bytes.length = 0;
    }
  };
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      flush();
      return { path: out, rest: text.slice(i + 1) };
    }
    if (c !== '\\') {
      flush();
      out += c;
      continue;
    }
    const n = text[++i];
    if (n === undefined) return undefined;
    if (/[0-7]/.test(n)) {
      const octal = /^[0-7]{1,3}/.exec(text.slice(i, i + 3))?.[0] ?? n;
      bytes.push(parseInt(octal, 8) & 0xff);
      i += octal.length - 1;
      continue;
    }
    flush();
    out += ({ n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v' } as Record<string, string>)[n] ?? n;
  }
  return undefined;
}

/** The path named on a `---` or `+++` line, without timestamp or revision. */
export function pathFromMarkerLine(text: string): string {
  let value = text.slice(4);
  if (value.startsWith('"')) {
    const quoted = unquotePath(value);
    if (quoted) return quoted.path;
  }
  const tab = value.indexOf('\t');
  if (tab >= 0) return value.slice(0, tab).trimEnd();
  value = value.trimEnd();
  if (value.length < 2000) value = value.replace(TIMESTAMP, '').replace(SVN_SUFFIX, '');
  return value.trimEnd();
}

/** Splits "PREFIX/rest" off a path the way `patch -p1` does. */
export function stripPrefix(path: string): { path: string; prefix: string } {
  if (path === DEV_NULL) return { path, prefix: '' };
  const slash = path.indexOf('/');
  if (slash <= 0 || slash === path.length - 1) return { path, prefix: '' };
  return { path: path.slice(slash + 1), prefix: path.slice(0, slash + 1) };
}

/** The two paths of a `diff --git a/x b/y` line, which may be quoted or contain spaces. */
export function gitLinePaths(text: string): { old: string; new: string } | undefined {
  const rest = text.slice('diff --git '.length);
  if (rest.startsWith('"')) {
    const first = unquotePath(rest);
    if (!first) return undefined;
    const second = first.rest.trimStart();
    const newPath = second.startsWith('"') ? unquotePath(second)?.path : second;
    return newPath === undefined ? undefined : { old: first.path, new: newPath };
  }
  const quotedSecond = rest.indexOf(' "');
  if (quotedSecond > 0) {
    const second = unquotePath(rest.slice(quotedSecond + 1));
    if (second) return { old: rest.slice(0, quotedSecond), new: second.path };
  }
  // Unquoted names may hold spaces: prefer the split whose halves name the same file.
  const middle = (rest.length - 1) / 2;
  if (Number.isInteger(middle) && rest[middle] === ' ') {
    const old = rest.slice(0, middle);
    const neu = rest.slice(middle + 1);
    if (stripPrefix(old).path === stripPrefix(neu).path) return { old, new: neu };
  }
  const b = rest.indexOf(' b/');
  if (b > 0) return { old: rest.slice(0, b), new: rest.slice(b + 1) };
  const space = rest.indexOf(' ');
  if (space > 0) return { old: rest.slice(0, space), new: rest.slice(space + 1) };
  return undefined;
}

/** Reads the file header starting at lines[start]. */
export function readFileHeader(lines: readonly SourceLine[], start: number): FileHeader {
  const kind = fileStartKind(lines, start);
  const first = lines[start].text;
  const extendedHeaders: ExtendedHeader[] = [];
  let oldRaw: string | undefined;
  let newRaw: string | undefined;
  let isBinary = false;
  let renameFrom: string | undefined;
  let renameTo: string | undefined;
  let gitPaths: { old: string; new: string } | undefined;
  let indexPath: string | undefined;
  if (kind === 'git') gitPaths = gitLinePaths(first);
  if (kind === 'index') indexPath = first.slice('Index: '.length).trim();
  // A bare `---`/`+++` pair is its own header: read it from its first line.
  let i = kind === 'pair' ? start : start + 1;
  while (i < lines.length) {
    const j = nextContent(lines, i);
    if (j >= lines.length) {
      i = j;
      break;
    }
    const text = lines[j].text;
    if (HUNK_HEADER.test(text.length > 100_000 ? '' : text)) {
      i = j;
      break;
    }
    if (text.startsWith('--- ') && oldRaw === undefined) {
      oldRaw = pathFromMarkerLine(text);
      i = j + 1;
      continue;
    }
    if (text.startsWith('+++ ') && newRaw === undefined) {
      newRaw = pathFromMarkerLine(text);
      i = j + 1;
      continue;
    }
    if (oldRaw !== undefined || newRaw !== undefined) {
      i = j;
      break;
    }
    if (fileStartKind(lines, j) !== undefined) {
      i = j;
      break;
    }
    if (kind === 'index' && isQuiltSeparator(text)) {
      i = j + 1;
      continue;
    }
    const extended = EXTENDED.exec(text);
    if (extended && kind === 'git') {
      const key = extended[1] === 'rename old' ? 'rename from' : extended[1] === 'rename new' ? 'rename to' : extended[1];
      extendedHeaders.push({ key, value: extended[2], line: lineOf(lines[j]) });
      const value = extended[2].startsWith('"') ? unquotePath(extended[2])?.path ?? extended[2] : extended[2];
      if (key === 'rename from' || key === 'copy from') renameFrom = value;
      if (key === 'rename to' || key === 'copy to') renameTo = value;
      i = j + 1;
      continue;
    }
    if (text.startsWith('Binary files ') && text.endsWith(' differ')) {
      isBinary = true;
      extendedHeaders.push({ key: 'Binary files', value: text.slice('Binary files '.length, -' differ'.length), line: lineOf(lines[j]) });
      i = j + 1;
      continue;
    }
    if (text === 'GIT binary patch') {
      isBinary = true;
      extendedHeaders.push({ key: 'GIT binary patch', value: '', line: lineOf(lines[j]) });
      // The base85 data runs until the next file or the end of the diff.
      i = j + 1;
      while (i < lines.length && !lines[i].text.startsWith('diff --git ') && lines[i].text !== '-- ') i++;
      break;
    }
    i = j;
    break;
  }
  // Renames and copies without hunks name their paths only in `rename from`/`copy to`, unprefixed.
  const oldSide = oldRaw ?? (renameFrom !== undefined ? undefined : gitPaths?.old ?? indexPath);
  const newSide = newRaw ?? (renameTo !== undefined ? undefined : gitPaths?.new ?? indexPath);
  const gitOld = gitPaths ? stripPrefix(gitPaths.old) : undefined;
  const gitNew = gitPaths ? stripPrefix(gitPaths.new) : undefined;
  let oldPath: { path: string; prefix: string };
  let newPath: { path: string; prefix: string };
  if (oldSide !== undefined) oldPath = stripPrefix(oldSide);
  else oldPath = { path: renameFrom ?? '', prefix: gitOld?.prefix ?? '' };
  if (newSide !== undefined) newPath = stripPrefix(newSide);
  else newPath = { path: renameTo ?? '', prefix: gitNew?.prefix ?? '' };
  if (extendedHeaders.some((h) => h.key === 'new file mode') && oldRaw === undefined) oldPath = { path: DEV_NULL, prefix: '' };
  if (extendedHeaders.some((h) => h.key === 'deleted file mode') && newRaw === undefined) newPath = { path: DEV_NULL, prefix: '' };
  return {
    oldPath: oldPath.path,
    newPath: newPath.path,
    oldPrefix: oldPath.prefix,
    newPrefix: newPath.prefix,
    extendedHeaders,
    isBinary,
    start,
    next: Math.max(i, start + 1),
  };
}
