// The bundled sample, parsed once for the mapping tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePatchDocument } from '../../../src/patch/parse';
import type { Patch } from '../../../src/patch/model';

export const SAMPLE_PATH = join(__dirname, '..', '..', '..', '..', 'samples', 'rfc-3-5-next-syscall-data-pids.txt');
export const sampleText = readFileSync(SAMPLE_PATH, 'utf8');
export const samplePatch: Patch = parsePatchDocument(sampleText);

/** The 0-based document line of the first line of the sample that starts with `prefix`. */
export function sampleLine(prefix: string, from = 0): number {
  const lines = sampleText.split('\n');
  for (let i = from; i < lines.length; i++) if (lines[i].startsWith(prefix)) return i;
  throw new Error(`no sample line starts with ${JSON.stringify(prefix)}`);
}

/** A clean unified diff of the same change: tabs for indentation, no archive damage. */
export function cleanTwin(patch: Patch): string {
  const out: string[] = ['From: Nadia Derbey <Nadia.Derbey@bull.net>', 'Subject: [RFC PATCH 3/5] use next syscall data to predefine process ids', '', '---', ''];
  for (const file of patch.mails[0].files) {
    out.push(`--- a/${file.oldPath}`, `+++ b/${file.newPath}`);
    for (const hunk of file.hunks) {
      out.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@ ${hunk.section}`.trimEnd());
      for (const line of hunk.lines) out.push(line.kind + line.text.replace(/^ +/, (spaces) => '\t'.repeat(Math.ceil(spaces.length / 4))));
    }
  }
  return out.join('\n') + '\n';
}
