// Reading fixtures and reducing a parse to what can be compared with git or with a twin.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { countChanges } from '../../../../src/patch/diffstat';
import type { Patch } from '../../../../src/patch/model';

export const fixturesDir = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'patches');

export function fixtureNames(sub: string, pattern: RegExp): string[] {
  return readdirSync(join(fixturesDir, sub)).filter((n) => pattern.test(n)).sort();
}

export function readFixture(sub: string, name: string): string {
  return readFileSync(join(fixturesDir, sub, name), 'utf8');
}

/** The rows `git apply --numstat` prints: added, removed (or '-' for binary), path. */
export function numstatOf(patch: Patch): string[] {
  const rows: string[] = [];
  for (const mail of patch.mails) {
    for (const file of mail.files) {
      const path = file.newPath === '/dev/null' ? file.oldPath : file.newPath;
      if (file.isBinary) rows.push(`-\t-\t${path}`);
      else {
        const { added, removed } = countChanges(file);
        rows.push(`${added}\t${removed}\t${path}`);
      }
    }
  }
  return rows;
}

export function numstatRows(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

/** Files and hunks reduced to what a reviewer reads: paths, headers, and each line's kind and text. */
export function hunkShape(patch: Patch): unknown {
  return patch.mails.flatMap((mail) =>
    mail.files.map((file) => ({
      oldPath: file.oldPath,
      newPath: file.newPath,
      hunks: file.hunks.map((h) => ({
        header: [h.oldStart, h.oldLines, h.newStart, h.newLines, h.section],
        lines: h.lines.map((l) => l.kind + l.text),
      })),
    })),
  );
}
