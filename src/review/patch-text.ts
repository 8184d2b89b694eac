// The patch as text again, rebuilt from the parse: the repaired lines a maintainer expects to
// see quoted, and a clean patch that `git apply` can check. Nothing is copied from the document
// (an archive's copy carries fences, escapes and merged lines); everything comes from the model.
import type { DiffLine, FilePatch, Hunk, Mail } from '../patch/model';

/** How a file's diff was introduced in the original, so a quote looks like what was sent. */
export type FileHeaderStyle = 'git' | 'quilt' | 'command' | 'pair';

const DEV_NULL = '/dev/null';

/** The style, read from the text of the file's first header line in the document. */
export function fileHeaderStyle(firstLine: string | undefined): FileHeaderStyle {
  const text = firstLine ?? '';
  if (text.startsWith('diff --git ')) return 'git';
  if (text.startsWith('Index: ')) return 'quilt';
  if (text.startsWith('diff ')) return 'command';
  return 'pair';
}

/** A path as git writes it: C-quoted when it holds a quote, a backslash or a control character. */
function quoted(path: string): string {
  if (![...path].some((c) => c === '"' || c === '\\' || c < ' ' || c === '\x7f')) return path;
  const named: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\t': '\\t', '\n': '\\n' };
  return `"${[...path].map((c) => named[c] ?? (c < ' ' || c === '\x7f' ? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}` : c)).join('')}"`;
}

function side(prefix: string, path: string): string {
  return path === DEV_NULL ? DEV_NULL : quoted(`${prefix}${path}`);
}

/** git ends a ---/+++ name holding a space with a tab, so the name's end is not mistaken. */
function markerLine(marker: '---' | '+++', name: string): string {
  return name.includes(' ') && !name.startsWith('"') ? `${marker} ${name}\t` : `${marker} ${name}`;
}

/** The path git names a file by in `diff --git`: the new one, or the old one for a deletion. */
export function filePath(file: FilePatch): string {
  return file.newPath === DEV_NULL ? file.oldPath : file.newPath;
}

/** Extended header lines as git writes them ("new file mode 100644"); binary markers excluded. */
function extendedLines(file: FilePatch): string[] {
  return file.extendedHeaders
    .filter((h) => h.key !== 'GIT binary patch' && h.key !== 'Binary files')
    .map((h) => (h.value === '' ? h.key : `${h.key} ${h.value}`));
}

/** The file's header lines in the given style, up to the `+++` line. */
export function fileHeaderLines(file: FilePatch, style: FileHeaderStyle): string[] {
  const lines: string[] = [];
  const oldSide = side(file.oldPrefix, file.oldPath);
  const newSide = side(file.newPrefix, file.newPath);
  if (style === 'git') {
    const oldName = file.oldPath === DEV_NULL ? quoted(`${file.oldPrefix || 'a/'}${file.newPath}`) : oldSide;
    const newName = file.newPath === DEV_NULL ? quoted(`${file.newPrefix || 'b/'}${file.oldPath}`) : newSide;
    lines.push(`diff --git ${oldName} ${newName}`, ...extendedLines(file));
  } else if (style === 'quilt') {
    lines.push(`Index: ${file.newPath === DEV_NULL ? oldSide : newSide}`, '='.repeat(67));
  } else if (style === 'command') {
    lines.push(`diff -up ${oldSide} ${newSide}`);
  }
  // A pure rename or mode change has no ---/+++ pair: git writes one only above hunks.
  if (file.hunks.length > 0) lines.push(markerLine('---', oldSide), markerLine('+++', newSide));
  return lines;
}

function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${start},${count}`;
}

export function hunkHeaderText(hunk: Hunk): string {
  const head = `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`;
  return hunk.section === '' ? head : `${head} ${hunk.section}`;
}

export function diffLineText(line: DiffLine): string {
  return line.kind === '\\' ? `\\${line.text}` : `${line.kind}${line.text}`;
}

export interface ApplyableFile {
  /** The path as `git apply` reports it (after -p1). */
  readonly path: string;
  /** 1-based line of the file's first header line in the rebuilt text. */
  readonly textLine: number;
  readonly file: FilePatch;
}

export interface ApplyableHunk {
  readonly path: string;
  /** 1-based line of the `@@` header in the rebuilt text. */
  readonly textLine: number;
  readonly hunk: Hunk;
  readonly file: FilePatch;
}

export interface ApplyablePatch {
  readonly text: string;
  readonly files: readonly ApplyableFile[];
  readonly hunks: readonly ApplyableHunk[];
  /** Files left out, with the reason: a binary diff cannot be rebuilt from the parse. */
  readonly skipped: readonly { readonly file: FilePatch; readonly reason: string }[];
}

/**
 * A clean patch for `git apply -p1`: every file with `a/`/`b/` prefixes (whatever tree prefix
 * the original used), `diff --git` with its extended headers when it had any, else a plain
 * ---/+++ pair. Mails in order, so a series applies part after part.
 */
export function applyablePatch(mails: readonly Mail[]): ApplyablePatch {
  const out: string[] = [];
  const files: ApplyableFile[] = [];
  const hunks: ApplyableHunk[] = [];
  const skipped: { file: FilePatch; reason: string }[] = [];
  for (const mail of mails) {
    for (const file of mail.files) {
      if (file.isBinary) {
        skipped.push({ file, reason: 'a binary diff cannot be rebuilt from the parse' });
        continue;
      }
      const path = filePath(file);
      const normalised: FilePatch = {
        ...file,
        oldPrefix: file.oldPath === DEV_NULL ? '' : 'a/',
        newPrefix: file.newPath === DEV_NULL ? '' : 'b/',
      };
      const style: FileHeaderStyle = extendedLines(file).length > 0 ? 'git' : 'pair';
      files.push({ path, textLine: out.length + 1, file });
      out.push(...fileHeaderLines(normalised, style));
      for (const hunk of file.hunks) {
        hunks.push({ path, textLine: out.length + 1, hunk, file });
        out.push(hunkHeaderText(hunk), ...hunk.lines.map(diffLineText));
      }
    }
  }
  return { text: out.length === 0 ? '' : `${out.join('\n')}\n`, files, hunks, skipped };
}
